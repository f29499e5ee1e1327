/**
 * A small benchmark harness. Each case is timed against a baseline measured in the same run, and
 * the report prints the ratio, so that numbers from different machines can be compared by shape.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Timing {
  /** Median wall time of one call, in milliseconds. */
  median: number;
  /** Number of timed calls. */
  runs: number;
  /** Peak resident set size seen during the runs, in MiB. */
  peakRssMiB: number;
}

/** Times `fn` repeatedly (after one warm-up call) until `minMs` of work or `maxRuns` calls. */
export function time(
  fn: () => unknown,
  opts: { minMs?: number; maxRuns?: number; minRuns?: number } = {},
): Timing {
  const { minMs = 300, maxRuns = 50, minRuns = 3 } = opts;
  fn();
  const samples: number[] = [];
  let total = 0;
  let peak = process.memoryUsage.rss();
  while ((total < minMs || samples.length < minRuns) && samples.length < maxRuns) {
    const t0 = performance.now();
    fn();
    const dt = performance.now() - t0;
    samples.push(dt);
    total += dt;
    peak = Math.max(peak, process.memoryUsage.rss());
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] ?? Number.NaN;
  return { median, runs: samples.length, peakRssMiB: peak / 2 ** 20 };
}

/** Formats milliseconds for a report column. */
export function ms(x: number): string {
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 1) return `${x.toFixed(2)} ms`;
  return `${(x * 1000).toFixed(1)} µs`;
}

/** Prints a table: one row per case, with its time, ratio to the baseline, and peak memory. */
export function report(
  title: string,
  rows: Array<{ name: string; timing: Timing; baseline?: Timing; note?: string }>,
): void {
  console.log(`\n${title}`);
  console.log(
    `${'case'.padEnd(46)}${'median'.padStart(12)}${'ratio'.padStart(10)}${'peak RSS'.padStart(12)}`,
  );
  for (const r of rows) {
    const ratio = r.baseline ? `${(r.timing.median / r.baseline.median).toFixed(2)}×` : '—';
    console.log(
      `${r.name.padEnd(46)}${ms(r.timing.median).padStart(12)}${ratio.padStart(10)}${`${r.timing.peakRssMiB.toFixed(0)} MiB`.padStart(12)}${r.note ? `  ${r.note}` : ''}`,
    );
  }
}

/**
 * This process's peak resident set size in MiB. On Linux it is the memory's own high-water mark
 * (`VmHWM` of /proc/self/status), which starts afresh when a process is started; `maxRSS` of
 * `process.resourceUsage()` is not used there because Linux carries into a child the parent's peak
 * at the time of the fork, so a child started by a benchmark that holds large tables would report
 * the parent's memory. Elsewhere it falls back to `maxRSS`.
 */
export function peakRssMiB(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kib = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
    if (kib !== undefined) return Number(kib) / 2 ** 10;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 2 ** 10;
}

/**
 * The resident set size in MiB once garbage is collected and given back: collects and waits until
 * the RSS stops falling (memory freed by the collector leaves the RSS some time later), at most
 * about 2 s. Needs `node --expose-gc`.
 */
export async function settledRssMiB(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('expected node --expose-gc');
  let before = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 20; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const rss = process.memoryUsage.rss() / 2 ** 20;
    const falling = rss <= before - 1;
    before = Math.min(before, rss);
    if (!falling) break;
  }
  return before;
}
