/**
 * The property/fuzz run of issue #14: every exported function of gvckit, gvckit/io and gvckit/data,
 * called with junk, mutated valid inputs and random valid tables; see tests/fuzz/README.md.
 *
 *   npx tsx scripts/fuzz.ts [--runs N] [--only name,name|folder] [--seed S] [--json file] [--no-shrink]
 *
 * Prints one line per function, the failures grouped by function and message (with a shrunk
 * counter-example and the seed to replay), and the summary line; exits 1 when any class is non-zero.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadErrors, registry } from '../tests/fuzz/registry.js';
import { failureReport, functionLine, runFuzz, summaryLine, totals } from '../tests/fuzz/runner.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '2000' },
    only: { type: 'string' },
    seed: { type: 'string', default: '14' },
    json: { type: 'string' },
    'no-shrink': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: npx tsx scripts/fuzz.ts [--runs N] [--only name,name|folder] [--seed S] [--json file] [--no-shrink]',
  );
  process.exit(0);
}
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('fuzz: --runs must be a positive integer and --seed an integer');
  process.exit(2);
}
for (const [m, e] of Object.entries(loadErrors))
  console.log(`fuzz: warning: module ${m} did not load (${e}); its functions are not fuzzed`);
let entries = registry();
if (values.only) {
  const wanted = new Set(
    values.only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const unknown = [...wanted].filter((w) => !entries.some((e) => e.name === w || e.folder === w));
  if (unknown.length > 0) {
    console.error(`fuzz: unknown function or folder: ${unknown.join(', ')}`);
    process.exit(2);
  }
  entries = entries.filter((e) => wanted.has(e.name) || wanted.has(e.folder));
}
const t0 = performance.now();
console.log(`fuzz: ${entries.length} functions × ${runs} runs, seed ${seed}`);
const reports = await runFuzz(entries, {
  runs,
  seed,
  shrinkGroups: values['no-shrink'] ? 0 : 3,
  onReport: (r) => console.log(functionLine(r)),
});
const failures = failureReport(reports, seed);
if (failures) console.log(`\nFailures, grouped by function and message:${failures}\n`);
if (values.json)
  writeFileSync(
    values.json,
    `${JSON.stringify({ seed, runs, totals: totals(reports), reports }, null, 2)}\n`,
  );
console.log(`(${((performance.now() - t0) / 1000).toFixed(0)} s)`);
console.log(summaryLine(reports));
const t = totals(reports);
process.exit(t.raw + t.hang + t.nonFinite + t.mutation + t.notFrozen > 0 ? 1 : 0);
