// Value-added decomposition and trade in value added of generated chains of 10^3 to 10^6 stages in
// 60 countries: the time per stage should be flat (linear cost). Issue #20 asks tradeInValueAdded at
// 10^6 stages and 60 countries for ≤ 3 s; it is printed against that target with its ratio to
// decomposeValueAdded in the same run, and beside the former one pass per exporting country
// (tests/chains/tiva-legacy.ts, up to 10^5 stages). Imports the sources (no build needed):
// `npx tsx bench/chains.bench.ts`, or `npx tsx bench/chains.bench.ts 1e5` for the sizes up to 10^5.

import { decomposeValueAdded } from '../src/chains/decompose.js';
import { safeParseValueChain } from '../src/chains/parse.js';
import { tradeInValueAdded } from '../src/chains/tiva.js';
import { legacyTradeInValueAdded } from '../tests/chains/tiva-legacy.js';
import { ms, type Timing, time } from './harness.js';
import { generate } from './synthetic-chain.js';
import { recordTarget, recordUnmeasured } from './targets.js';

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

const largest = Number(process.argv[2] ?? 1e6);
const sizes = [1e3, 1e4, 1e5, 1e6].filter((n) => n <= largest);
const rows: Array<{ name: string; n: number; timing: Timing }> = [];
const tiva: Array<{ n: number; timing: Timing; cpuMs: number; decompose: number }> = [];
const legacy: Array<{ n: number; timing: Timing }> = [];
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
    const cpu0 = process.cpuUsage();
    // the row with a target: a median of 3 calls even at 10^6 stages
    const timing = time(
      () => tradeInValueAdded(frozen as never),
      big ? { minMs: 0, minRuns: 3, maxRuns: 3 } : opts,
    );
    const cpu = process.cpuUsage(cpu0);
    const calls = timing.runs + 1; // time() makes one warm-up call
    rows.push({ name: 'tradeInValueAdded, frozen chain', n, timing });
    tiva.push({
      n,
      timing,
      cpuMs: (cpu.user + cpu.system) / 1000 / calls,
      decompose: (rows.at(-2) as (typeof rows)[number]).timing.median,
    });
    if (n <= 1e5) {
      const legacyOpts = { minMs: 0, minRuns: 1, maxRuns: n <= 1e4 ? 5 : 1 };
      legacy.push({ n, timing: time(() => legacyTradeInValueAdded(frozen as never), legacyOpts) });
    }
  })();
}

console.log('\nchains: value-added decomposition of generated chains (fan-in 4, 60 countries)');
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

console.log('\ntradeInValueAdded (one pass over the stages), 60 countries; target at 10^6 stages: ≤ 3 s');
console.log(
  `${'stages'.padStart(8)}${'median'.padStart(12)}${'CPU/call'.padStart(12)}${'÷ decompose'.padStart(13)}${'former (per country)'.padStart(22)}${'speed-up'.padStart(10)}  target`,
);
for (const t of tiva) {
  const old = legacy.find((l) => l.n === t.n);
  const target = t.n === 1e6 ? (t.timing.median <= 3000 ? 'met (≤ 3 s)' : 'MISSED (> 3 s)') : '';
  console.log(
    `${t.n.toExponential(0).padStart(8)}${ms(t.timing.median).padStart(12)}${ms(t.cpuMs).padStart(12)}${`${(t.timing.median / t.decompose).toFixed(2)}×`.padStart(13)}${(old ? ms(old.timing.median) : '—').padStart(22)}${(old ? `${(old.timing.median / t.timing.median).toFixed(0)}×` : '—').padStart(10)}  ${target}`,
  );
}
const target = tiva.find((t) => t.n === 1e6);
if (target)
  recordTarget(
    'tiva-1e6',
    target.timing.median / 1000,
    `median of ${target.timing.runs}; CPU/call ${ms(target.cpuMs)}; ${(target.timing.median / target.decompose).toFixed(2)}× decomposeValueAdded`,
  );
else recordUnmeasured('tiva-1e6', `not run: largest size ${largest.toExponential(0)} stages`);
console.log(
  '÷ decompose: tradeInValueAdded over decomposeValueAdded on the same frozen chain in this run; CPU/call: process CPU time (all threads, GC included) per call, to compare on a loaded machine',
);

// The worst case of the one pass: a line where every stage is in a country of its own, so that each
// stage's content holds every country upstream (5.0e7 entries merged at 10^4 stages; the former bound
// refused it).
{
  const n = 10_000;
  const line = {
    id: 'line',
    name: 'Line',
    family: 'additive',
    currency: 'USD',
    finalStage: `s${n - 1}`,
    stages: Array.from({ length: n }, (_, i) => ({
      id: `s${i}`,
      name: 'S',
      country: `C${i.toString(36).toUpperCase().padStart(4, '0')}`,
      output: { unit: 'u', unitPrice: i + 1 },
      inputs: i === 0 ? [] : [{ stage: `s${i - 1}`, quantity: 1 }],
    })),
  };
  const frozen = deepFreeze(line);
  const cpu0 = process.cpuUsage();
  const t = time(() => tradeInValueAdded(frozen as never), { minMs: 0, minRuns: 3, maxRuns: 3 });
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `worst case, a line of 10^4 stages each in a country of its own: ${ms(t.median)} (CPU/call ${ms((cpu.user + cpu.system) / 1000 / (t.runs + 1))})`,
  );
}
