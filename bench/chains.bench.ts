// Value-added decomposition of generated chains of 10^3 to 10^6 stages: the time per stage should be
// flat (linear cost). Imports the sources (no build needed): `npx tsx bench/run.ts chains`.
import { decomposeValueAdded } from '../src/chains/decompose.js';
import { safeParseValueChain } from '../src/chains/parse.js';
import { tradeInValueAdded } from '../src/chains/tiva.js';
import { ms, type Timing, time } from './harness.js';

const countries = ['CHN', 'USA', 'JPN', 'DEU', 'KOR', 'TWN', 'VNM', 'MEX', 'GHA', 'NLD'];

/**
 * A vertically specialised chain of `n` stages: stage 0 is final; stage i (i ≥ 1) is a chain input of
 * stage ⌊(i − 1) / 4⌋ (a tree with fan-in 4, depth log4 n); every 10th stage buys an outside input.
 */
function generate(n: number) {
  const stages = new Array(n);
  for (let i = 0; i < n; i++) {
    const inputs = [];
    for (let c = 4 * i + 1; c <= Math.min(4 * i + 4, n - 1); c++)
      inputs.push({ stage: `s${c}`, quantity: 1 });
    stages[i] = {
      id: `s${i}`,
      name: `Stage ${i}`,
      country: countries[i % countries.length],
      output: { unit: 'unit', unitPrice: 10 + (n - i) * 0.001 + 5 * inputs.length * (1 + (n - i) * 0.001) },
      inputs,
      purchases: i % 10 === 0 ? [{ description: 'energy', value: 0.5, country: 'ROW' }] : [],
    };
  }
  return {
    id: `gen-${n}`,
    name: 'Generated',
    family: 'vertically-specialised',
    currency: 'USD',
    finalStage: 's0',
    stages,
  };
}

function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const o = stack.pop();
    if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
      Object.freeze(o);
      for (const v of Object.values(o)) stack.push(v);
    }
  }
  return value;
}

const sizes = [1e3, 1e4, 1e5, 1e6];
const rows: Array<{ name: string; n: number; timing: Timing }> = [];
for (const n of sizes) {
  const big = n >= 1e6;
  const opts = big ? { minMs: 0, minRuns: 1, maxRuns: 1 } : { minMs: 300, maxRuns: 20 };
  // Each chain lives in its own scope, so that at 10^6 stages only one copy is held at a time.
  (() => {
    const plain = generate(n);
    rows.push({
      name: 'validation alone (safeParseValueChain)',
      n,
      timing: time(() => safeParseValueChain(plain), opts),
    });
    rows.push({
      name: 'decompose, validation included',
      n,
      timing: time(() => decomposeValueAdded(plain as never), opts),
    });
  })();
  (() => {
    // A deep-frozen chain (as the editing functions return) is validated once and remembered.
    const frozen = deepFreeze(generate(n));
    decomposeValueAdded(frozen as never);
    rows.push({
      name: 'decompose, frozen chain (validated once)',
      n,
      timing: time(() => decomposeValueAdded(frozen as never), opts),
    });
    rows.push({
      name: 'tradeInValueAdded, frozen chain',
      n,
      timing: time(() => tradeInValueAdded(frozen as never), opts),
    });
  })();
}

console.log('\nchains: value-added decomposition of generated chains (fan-in 4, 10 countries)');
console.log(
  `${'case'.padEnd(44)}${'stages'.padStart(10)}${'median'.padStart(12)}${'per stage'.padStart(12)}${'ratio'.padStart(9)}${'peak RSS'.padStart(11)}`,
);
for (const r of rows) {
  const base = rows.find((b) => b.name === r.name && b.n === sizes[0]);
  const perStage = r.timing.median / r.n;
  const ratio = base ? perStage / (base.timing.median / base.n) : Number.NaN;
  console.log(
    `${r.name.padEnd(44)}${r.n.toExponential(0).padStart(10)}${ms(r.timing.median).padStart(12)}${ms(perStage).padStart(12)}${`${ratio.toFixed(2)}×`.padStart(9)}${`${r.timing.peakRssMiB.toFixed(0)} MiB`.padStart(11)}`,
  );
}
console.log('ratio: time per stage relative to the 10^3 case of the same row (flat = linear)');
