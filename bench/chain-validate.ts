// One measurement for bench/chain-compile.bench.ts, run in a process of its own (zod's compiler is
// switched on for a whole process, by importing `zod/compile` before the schemas are built):
// `node --import tsx [--import zod/compile] bench/chain-validate.ts <stages> <checks|zod>` prints
// { compiled, mode, n, median } with the median wall time, on a generated chain, of
// `safeParseValueChain` (mode `checks`: gvckit's zod-free checks, which zod/compile does not touch)
// or of `z.safeParse(ValueChain, chain)` (mode `zod`: the schema, plain or compiled).
import * as z from 'zod/mini';
import { ValueChain } from '../src/chains/model.js';
import { safeParseValueChain } from '../src/chains/parse.js';
import { time } from './harness.js';
import { generate } from './synthetic-chain.js';

const n = Number(process.argv[2] ?? 1e5);
const mode = process.argv[3] === 'zod' ? 'zod' : 'checks';
const chain = generate(n);
const parse =
  mode === 'zod' ? () => z.safeParse(ValueChain, chain).success : () => safeParseValueChain(chain).success;
if (!parse()) throw new Error('the generated chain did not validate');
const t = time(parse, n >= 1e6 ? { minRuns: 3, maxRuns: 3, minMs: 0 } : {});
const compiled = process.execArgv.some((a) => a.includes('zod/compile'));
console.log(JSON.stringify({ compiled, mode, n, median: t.median }));
