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
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { syntheticTable } from './synthetic-table.mjs';

const [G, N] = process.argv.slice(2, 4).map(Number);
const what = process.argv[4] ?? '';
const module = process.argv[5]
  ? pathToFileURL(process.argv[5]).href
  : new URL('../dist/io/index.js', import.meta.url).href;
const io = await import(module);
const fn = io[what];
if (typeof fn !== 'function') throw new Error(`expected a function of gvckit/io, found "${what}"`);

/** The process's peak RSS in MiB: VmHWM of /proc/self/status on Linux, else maxRSS. */
function peakRssMiB() {
  try {
    const kib = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kib !== undefined) return Number(kib) / 2 ** 10;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 2 ** 10;
}

/** The RSS in MiB once garbage is collected and the RSS stops falling (at most about 2 s). */
async function settledRssMiB() {
  if (typeof globalThis.gc !== 'function') throw new Error('expected node --expose-gc');
  let before = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 20; i++) {
    globalThis.gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const rss = process.memoryUsage.rss() / 2 ** 20;
    const falling = rss <= before - 1;
    before = Math.min(before, rss);
    if (!falling) break;
  }
  return before;
}

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
