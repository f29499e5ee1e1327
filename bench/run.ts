/**
 * `npm run bench`: runs every `bench/*.bench.ts` file in name order against the built package, each
 * in a Node process of its own, so that no file's peak memory (RSS) or warmed-up code carries over
 * into the next one's measurements. Pass file name fragments to run only some:
 * `npm run bench -- io`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
console.log(`gvckit benchmarks on Node ${process.version}, ${files.length} file(s)`);
let failed = 0;
for (const f of files) {
  // tsx passes its --tsconfig to the child through TSX_TSCONFIG_PATH, which the child inherits.
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, f)], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${f}: exited with ${r.status ?? r.signal}`);
    failed++;
  }
}
if (failed > 0) process.exitCode = 1;
