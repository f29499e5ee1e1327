// Validating large chains with and without zod's compiler (docs/guides/bundles-and-schemas.md,
// "Parsing very large chains faster"): gvckit parses with zod's ordinary parser, and an app opts
// into generated code with `import 'zod/compile'`. Each case runs in a process of its own
// (bench/chain-validate.ts), the two alternated over 3 rounds; the ratio is compiled / plain in the
// same round, and the median of the rounds is printed. `npx tsx bench/chain-compile.bench.ts [stages…]`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ms } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);

function run(n: number, compiled: boolean): number {
  const args = [
    '--import',
    'tsx',
    ...(compiled ? ['--import', 'zod/compile'] : []),
    join(here, 'chain-validate.ts'),
    String(n),
  ];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: join(here, '..') });
  if (r.status !== 0) throw new Error(`chain-validate.ts ${n}${compiled ? ' (compiled)' : ''}: ${r.stderr}`);
  return (JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { median: number }).median;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

console.log("\nsafeParseValueChain on a generated chain: zod's parser against zod/compile (imported first)");
console.log('  stages        plain     compiled   compiled ÷ plain   per stage (plain → compiled)');
for (const n of sizes.length > 0 ? sizes : [1e4, 1e5, 1e6]) {
  const plain: number[] = [];
  const compiled: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < 3; round++) {
    const p = run(n, false);
    const c = run(n, true);
    plain.push(p);
    compiled.push(c);
    ratios.push(c / p);
  }
  const [p, c] = [median(plain), median(compiled)];
  console.log(
    `  ${n.toExponential(0).padStart(6)}  ${ms(p).padStart(11)}  ${ms(c).padStart(11)}  ${`${median(ratios).toFixed(2)}×`.padStart(17)}   ${((p / n) * 1000).toFixed(1)} → ${((c / n) * 1000).toFixed(1)} µs`,
  );
}
