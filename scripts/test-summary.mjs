// Prints the closing line of the last `vitest run` (written as JSON by the `json` reporter):
// "Tests: N passed, N failed" (", N skipped" when any were skipped).
import { existsSync, readFileSync } from 'node:fs';

const file = '.vitest-results.json';
if (!existsSync(file)) {
  console.error(`${file} not found: vitest did not run`);
  process.exit(1);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(
  `Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
if (r.numFailedTests > 0 || r.numTotalTests === 0) process.exit(1);
