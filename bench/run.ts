/**
 * `npm run bench`: runs every `bench/*.bench.ts` file in name order against the built package, each
 * in a Node process of its own, so that no file's peak memory (RSS) or warmed-up code carries over
 * into the next one's measurements. Pass file name fragments to run only some:
 * `npm run bench -- io`. At the end it prints one table of the targets of issue #20 measured by
 * the files that ran (see bench/targets.ts): each file appends its rows to a temporary file named
 * by the environment variable GVCKIT_BENCH_TARGETS.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTargets, readTargets, TARGETS_ENV } from './targets.js';

const dir = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
console.log(`gvckit benchmarks on Node ${process.version}, ${files.length} file(s)`);
const scratch = mkdtempSync(join(tmpdir(), 'gvckit-targets-'));
const targets = join(scratch, 'targets.jsonl');
const ran = new Map<string, number | string>();
let failed = 0;
try {
  for (const f of files) {
    // tsx passes its --tsconfig to the child through TSX_TSCONFIG_PATH, which the child inherits.
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, f)], {
      stdio: 'inherit',
      env: { ...process.env, [TARGETS_ENV]: targets },
    });
    ran.set(f, r.status ?? String(r.signal));
    if (r.status !== 0) {
      console.error(`${f}: exited with ${r.status ?? r.signal}`);
      failed++;
    }
  }
  printTargets(readTargets(targets), ran);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (failed > 0) process.exitCode = 1;
