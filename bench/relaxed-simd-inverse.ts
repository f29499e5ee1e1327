// Run by io.bench.ts in a child Node with relaxed SIMD: times leontiefInverse of the synthetic
// table of G countries × N sectors (argv) `runs` times after one warm-up call and prints the median
// in milliseconds on its last line.
import * as io from '../src/io/index.js';
import { simdKernel } from '../src/io/kernels/simd.js';
import { syntheticIcio } from './synthetic.js';

const [G, N, runs] = process.argv.slice(2).map(Number) as [number, number, number];
if (!simdKernel()?.fma) throw new Error('relaxed SIMD is not available in this Node');
const t = syntheticIcio(G, N);
io.leontiefInverse(t);
const times: number[] = [];
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  io.leontiefInverse(t);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(times[Math.floor(times.length / 2)]);
