// Run by io.bench.ts in a fresh Node (with --expose-gc) for each measurement of memory: builds the
// synthetic table of G countries × N sectors (argv), collects garbage, notes the resident set size
// (RSS), calls the function named by argv[4] once (`leontiefInverse` or `bmDecomposition`), and
// prints on its last line the RSS before the call and the process's peak RSS, in MiB, and 1 if the
// peak was reached during the call (0 if it was reached before). A process of its own keeps the
// peak from being that of an earlier case, and memory that an earlier case left resident from being
// reused unseen.
import * as io from '../src/io/index.js';
import { peakRssMiB, settledRssMiB } from './harness.js';
import { syntheticIcio } from './synthetic.js';

const [G, N] = process.argv.slice(2, 4).map(Number) as [number, number];
const what = process.argv[4];
const fn = (io as Record<string, unknown>)[what ?? ''];
if (typeof fn !== 'function') throw new Error(`expected a function of gvckit/io, found "${what}"`);
const t = syntheticIcio(G, N);
const before = await settledRssMiB();
// The peak is the process's own high-water mark (see peakRssMiB). If the call's peak is below the
// table's, the peak seen is the table's, and the call added at most peak − before: the third
// number says which.
const earlier = peakRssMiB();
fn(t);
const peak = peakRssMiB();
console.log(`${before} ${peak} ${peak > earlier ? 1 : 0}`);
