// One measurement for bench/chain-compile.bench.ts, run in a process of its own (zod's compiler is
// switched on for a whole process, by importing `zod/compile` before the schemas are built):
// `node --import tsx [--import zod/compile] bench/chain-validate.ts <stages>` prints
// { compiled, n, median } with the median wall time of `safeParseValueChain` on a generated chain.
import { safeParseValueChain } from '../src/chains/parse.js';
import { time } from './harness.js';
import { generate } from './synthetic-chain.js';

const n = Number(process.argv[2] ?? 1e5);
const chain = generate(n);
const ok = safeParseValueChain(chain).success;
if (!ok) throw new Error('the generated chain did not validate');
const t = time(() => safeParseValueChain(chain), n >= 1e6 ? { minRuns: 3, maxRuns: 3, minMs: 0 } : {});
const compiled = process.execArgv.some((a) => a.includes('zod/compile'));
console.log(JSON.stringify({ compiled, n, median: t.median }));
