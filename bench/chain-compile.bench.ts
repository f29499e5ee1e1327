// Validating large chains three ways (docs/guides/bundles-and-schemas.md, "Parsing very large
// chains faster"): gvckit's own zod-free checks (`safeParseValueChain`, what every chain function
// runs), zod's ordinary parser on the `ValueChain` schema, and the same schema compiled by zod
// (`import 'zod/compile'` first). Each case runs in a process of its own (bench/chain-validate.ts),
// the three alternated over 3 rounds; ratios are to zod's ordinary parser in the same round, and the
// median of the rounds is printed. All three check the same shapes and the chain's structure (the
// checks and `safeParseValueChain` also freeze the chain they return).
// `npx tsx bench/chain-compile.bench.ts [stages…]`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ms } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);

function run(n: number, mode: 'checks' | 'zod', compiled: boolean): number {
  const args = [
    '--import',
    'tsx',
    ...(compiled ? ['--import', 'zod/compile'] : []),
    join(here, 'chain-validate.ts'),
    String(n),
    mode,
  ];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: join(here, '..') });
  if (r.status !== 0)
    throw new Error(`chain-validate.ts ${n} ${mode}${compiled ? ' (compiled)' : ''}: ${r.stderr}`);
  return (JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { median: number }).median;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

console.log(
  "\nvalidating a generated chain: gvckit's checks and zod/compile against zod's ordinary parser (same round)",
);
console.log('  stages   zod (plain)   gvckit checks   ÷ plain   zod compiled   ÷ plain');
for (const n of sizes.length > 0 ? sizes : [1e4, 1e5, 1e6]) {
  const plain: number[] = [];
  const checks: number[] = [];
  const compiled: number[] = [];
  const checkRatios: number[] = [];
  const compiledRatios: number[] = [];
  for (let round = 0; round < 3; round++) {
    const p = run(n, 'zod', false);
    const k = run(n, 'checks', false);
    const c = run(n, 'zod', true);
    plain.push(p);
    checks.push(k);
    compiled.push(c);
    checkRatios.push(k / p);
    compiledRatios.push(c / p);
  }
  console.log(
    `  ${n.toExponential(0).padStart(6)}  ${ms(median(plain)).padStart(11)}  ${ms(median(checks)).padStart(14)}  ${`${median(checkRatios).toFixed(2)}×`.padStart(8)}  ${ms(median(compiled)).padStart(13)}  ${`${median(compiledRatios).toFixed(2)}×`.padStart(8)}`,
  );
}
