// Run by io.bench.ts with plain `node --expose-gc` (no tsx, whose loader adds its own memory) for
// each measurement of memory, the way a user's script runs: imports the built gvckit/io
// (../dist/io/index.js, or the path given as argv[5]), builds the synthetic table of G countries ×
// N sectors (argv[2], argv[3]), collects garbage, notes the resident set size (RSS), calls the
// function named by argv[4] once (`leontiefInverse` or `bmDecomposition`), and prints on its last
// line a JSON object: `before` (MiB, the settled RSS before the call), `peak` (MiB, the process's
// peak RSS: its high-water mark VmHWM, which includes building the table), `during` (true if the
// peak was reached during the call; if not, the call added at most peak − before), `ms` (the
// call's wall time) and `cpuMs` (the process's CPU time during the call, every thread). A process
// of its own keeps the peak from being that of an earlier case, and memory that an earlier case
// left resident from being reused unseen.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { peakRssMiB, settledRssMiB } from './memory.mjs';
import { syntheticTable } from './synthetic-table.mjs';

const [G, N] = process.argv.slice(2, 4).map(Number);
const what = process.argv[4] ?? '';
const module = process.argv[5]
  ? pathToFileURL(process.argv[5]).href
  : new URL('../dist/io/index.js', import.meta.url).href;
const io = await import(module);
const fn = io[what];
if (typeof fn !== 'function') throw new Error(`expected a function of gvckit/io, found "${what}"`);

const t = io.createIcio(syntheticTable(G, N));
const before = await settledRssMiB();
const earlier = peakRssMiB();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
fn(t);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const peak = peakRssMiB();
console.log(
  JSON.stringify({ before, peak, during: peak > earlier, ms, cpuMs: (cpu.user + cpu.system) / 1000 }),
);
