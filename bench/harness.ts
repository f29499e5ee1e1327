/**
 * A small benchmark harness. Each case is timed against a baseline measured in the same run, and
 * the report prints the ratio, so that numbers from different machines can be compared by shape.
 */
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

export { peakRssMiB, settledRssMiB } from './memory.mjs';
