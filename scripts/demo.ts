/**
 * `npm run demo`: the library's main job on its embedded data, as a short terminal report.
 * Every number below is computed by gvckit's public functions (imported from the package entry
 * points in `src/`), never typed in by hand.
 */
import { sections } from './demo/sections.js';

const rule = '─'.repeat(78);
console.log(rule);
console.log('gvckit demo: value chains, clusters and input-output tables on embedded data');
console.log(rule);
for (const section of sections) {
  console.log(`\n■ ${section.title}\n`);
  console.log(section.render());
}
console.log(`\n${rule}`);
