/**
 * `npm run bench`: runs every `bench/*.bench.ts` file in name order against the built package.
 * Pass file name fragments to run only some: `npm run bench -- io`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
console.log(`gvckit benchmarks on Node ${process.version}, ${files.length} file(s)`);
for (const f of files) {
  await import(pathToFileURL(join(dir, f)).href);
}
