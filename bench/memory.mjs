// The memory readings of the benchmarks, in plain JavaScript so that both bench/harness.ts (under
// tsx) and bench/peak-memory.mjs (under plain `node`, whose memory a loader must not add to) use
// them. Declarations in memory.d.mts.
import { readFileSync } from 'node:fs';

/**
 * This process's peak resident set size in MiB. On Linux it is the memory's own high-water mark
 * (`VmHWM` of /proc/self/status), which starts afresh when a process is started; `maxRSS` of
 * `process.resourceUsage()` is not used there because Linux carries into a child the parent's peak
 * at the time of the fork, so a child started by a benchmark that holds large tables would report
 * the parent's memory. Elsewhere it falls back to `maxRSS`.
 */
export function peakRssMiB() {
  try {
    const kib = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
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
export async function settledRssMiB() {
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
