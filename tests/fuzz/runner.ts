/**
 * The parent side of the fuzz harness: runs each function's cases in a `worker_threads` Worker (with
 * tsx loaded, so it imports the TypeScript sources, and with a heap limit, so an allocation bomb
 * kills the worker instead of the machine), watches every call through shared memory and
 * terminates the worker when a call runs past its bound; records the hang (or the worker's death)
 * with the input's preview, starts a fresh worker and resumes the same function at the next case
 * (after {@link MAX_HANGS_PER_FUNCTION} hangs it moves on to the next function).
 */
import { Worker } from 'node:worker_threads';
import { Aggregator, type FunctionReport, type FuzzOptions, functionSeed } from './harness.js';
import { type Failure, KINDS, type Kind } from './oracle.js';
import { DEFAULT_BOUND_MS, type Entry } from './registry.js';

/** Hangs after which the rest of a function's cases are skipped. */
export const MAX_HANGS_PER_FUNCTION = 3;
/** Heap limit of the worker (old generation), in MiB. */
export const WORKER_HEAP_MB = 2048;
/** How long the watchdog lets a call run past its bound before terminating the worker. */
export const WATCHDOG_GRACE_MS = 500;

const SHARED_BYTES = 1024;

/** Options of {@link runFuzz}. */
export interface RunFuzzOptions {
  runs: number;
  seed: number;
  /** Groups to shrink per function (default 3; 0 for none). */
  shrinkGroups?: number;
  /** Shrinking budget per group in milliseconds (default 4000). */
  shrinkMs?: number;
  /** Called when a function is done. */
  onReport?: (r: FunctionReport) => void;
}

interface LiveWorker {
  worker: Worker;
  state: Int32Array;
  start: Float64Array;
  preview: Uint8Array;
  messages: Array<Record<string, unknown>>;
  wake: (() => void) | null;
  dead: string | null;
}

function spawn(): Promise<LiveWorker> {
  const shared = new SharedArrayBuffer(SHARED_BYTES);
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
    execArgv: [],
    workerData: { shared },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    stdout: false,
    stderr: false,
  });
  const live: LiveWorker = {
    worker,
    state: new Int32Array(shared, 0, 4),
    start: new Float64Array(shared, 16, 1),
    preview: new Uint8Array(shared, 32, SHARED_BYTES - 32),
    messages: [],
    wake: null,
    dead: null,
  };
  const wake = () => {
    const w = live.wake;
    live.wake = null;
    w?.();
  };
  worker.on('message', (m: Record<string, unknown>) => {
    live.messages.push(m);
    wake();
  });
  worker.on('error', (e: Error & { code?: string }) => {
    live.dead = `${e.code ?? e.name}: ${e.message}`;
    wake();
  });
  worker.on('exit', (code) => {
    live.dead ??= `worker exited with code ${code}`;
    wake();
  });
  return new Promise((resolve, reject) => {
    const check = () => {
      if (live.messages.some((m) => m.type === 'ready')) {
        live.messages = live.messages.filter((m) => m.type !== 'ready');
        resolve(live);
      } else if (live.dead) reject(new Error(`fuzz worker failed to start: ${live.dead}`));
      else live.wake = check;
    };
    check();
  });
}

/** Waits for the next message, or a hang (a call past `boundMs` + grace), or the worker's death. */
async function next(
  live: LiveWorker,
  boundMs: number,
): Promise<
  { message: Record<string, unknown> } | { hang: { ms: number; shrinking: boolean } } | { dead: string }
> {
  for (;;) {
    const m = live.messages.shift();
    if (m) return { message: m };
    if (live.dead) return { dead: live.dead };
    const s = Atomics.load(live.state, 0);
    if (s !== 0) {
      const ms = Date.now() - (live.start[0] ?? 0);
      if (ms > boundMs + WATCHDOG_GRACE_MS) return { hang: { ms, shrinking: s === 2 } };
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        live.wake = null;
        resolve();
      }, 100);
      live.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function currentCase(live: LiveWorker): { index: number; preview: string } {
  const len = Atomics.load(live.state, 2);
  return {
    index: Atomics.load(live.state, 1),
    preview: new TextDecoder().decode(live.preview.slice(0, len)),
  };
}

/** Fuzzes the given functions one after another; returns one report per function. */
export async function runFuzz(entries: readonly Entry[], opts: RunFuzzOptions): Promise<FunctionReport[]> {
  const reports: FunctionReport[] = [];
  let live: LiveWorker | null = null;
  const kill = async () => {
    if (live) {
      const w = live.worker;
      live = null;
      await w.terminate();
    }
  };
  try {
    for (const entry of entries) {
      const t0 = performance.now();
      const bound = entry.boundMs ?? DEFAULT_BOUND_MS;
      const agg = new Aggregator();
      const options: FuzzOptions = { runs: opts.runs, seed: opts.seed, shrinkMs: opts.shrinkMs };
      let skip = 0;
      let hangs = 0;
      const hang = (key: string, message: string) => {
        const { index, preview } = live ? currentCase(live) : { index: skip, preview: '' };
        const f: Failure = { kind: 'hang', key, message };
        agg.add(index, [f], preview);
        agg.cases++;
        hangs++;
        skip = index + 1;
      };
      // The main run, resumed after each hang.
      for (;;) {
        live ??= await spawn();
        live.worker.postMessage({ type: 'run', name: entry.name, options: { ...options, skip } });
        let finished = false;
        let fromSkip = skip;
        for (;;) {
          const ev = await next(live, bound);
          if ('message' in ev) {
            const m = ev.message;
            if (m.type === 'fail') agg.add(m.i as number, m.failures as Failure[], m.preview as string);
            else if (m.type === 'ran') {
              agg.cases += m.cases as number;
              for (const n of m.notes as string[]) if (!agg.notes.includes(n)) agg.notes.push(n);
              finished = true;
              break;
            } else if (m.type === 'error') {
              agg.notes.push(`harness error: ${String(m.message)}`);
              finished = true;
              break;
            }
          } else if ('hang' in ev) {
            const c = currentCase(live);
            agg.cases += c.index - fromSkip;
            hang(`ran past the bound of ${bound} ms (terminated)`, `terminated after ${ev.hang.ms} ms`);
            await kill();
            break;
          } else {
            const c = currentCase(live);
            agg.cases += c.index - fromSkip;
            const inCall = Atomics.load(live.state, 0) !== 0;
            hang(`worker died${inCall ? ' in a call' : ''}: ${ev.dead.replace(/\d+/g, '#')}`, ev.dead);
            live = null;
            break;
          }
          fromSkip = skip;
        }
        if (finished) break;
        if (hangs >= MAX_HANGS_PER_FUNCTION || skip >= opts.runs) {
          if (skip < opts.runs) agg.notes.push(`${opts.runs - skip} cases skipped after ${hangs} hangs`);
          break;
        }
      }
      // Shrinking, best effort: a hang while shrinking only ends the shrinking.
      const shrinkGroups = opts.shrinkGroups ?? 3;
      const toShrink = [...agg.groups.values()].filter((g) => g.kind !== 'hang').slice(0, shrinkGroups);
      if (toShrink.length > 0) {
        live ??= await spawn();
        live.worker.postMessage({
          type: 'shrink',
          name: entry.name,
          options,
          groups: toShrink.map(({ kind, key, firstCase }) => ({ kind, key, firstCase })),
        });
        const shrinkBound = Math.max(bound, (opts.shrinkMs ?? 4000) * 2);
        for (;;) {
          const ev = await next(live, shrinkBound);
          if ('message' in ev) {
            const m = ev.message;
            if (m.type === 'shrunk') {
              const g = agg.groups.get(`${m.kind as Kind}\u0000${m.key as string}`);
              if (g) {
                g.shrunk = m.shrunk as string;
                g.replay = m.replay as string;
              }
            } else if (m.type === 'shrinkDone' || m.type === 'error') break;
          } else {
            if ('hang' in ev) await kill();
            else live = null;
            break;
          }
        }
      }
      const report = agg.report(entry, functionSeed(opts.seed, entry.name), performance.now() - t0);
      reports.push(report);
      opts.onReport?.(report);
    }
  } finally {
    await kill();
  }
  return reports;
}

/** Totals over reports. */
export function totals(
  reports: readonly FunctionReport[],
): { functions: number; cases: number } & Record<Kind, number> {
  const t = { functions: reports.length, cases: 0, raw: 0, hang: 0, nonFinite: 0, mutation: 0, notFrozen: 0 };
  for (const r of reports) {
    t.cases += r.cases;
    for (const k of KINDS) t[k] += r.counts[k];
  }
  return t;
}

/** The summary line: `fuzz: 97 functions, 194000 cases, 0 raw throws, 0 hangs, 0 non-finite, 0 mutations, 0 not frozen`. */
export function summaryLine(reports: readonly FunctionReport[]): string {
  const t = totals(reports);
  return `fuzz: ${t.functions} functions, ${t.cases} cases, ${t.raw} raw throws, ${t.hang} hangs, ${t.nonFinite} non-finite, ${t.mutation} mutations, ${t.notFrozen} not frozen`;
}

/** One line per function: its counts per class. */
export function functionLine(r: FunctionReport): string {
  const c = r.counts;
  const flag = KINDS.some((k) => c[k] > 0) ? '✗' : '✓';
  return `${flag} ${`${r.folder}/${r.name}`.padEnd(40)} ${String(r.cases).padStart(6)} cases  raw ${c.raw}  hang ${c.hang}  nonfinite ${c.nonFinite}  mutation ${c.mutation}  notfrozen ${c.notFrozen}  (${(r.ms / 1000).toFixed(1)} s)`;
}

const kindLabel: Record<Kind, string> = {
  raw: 'raw throw',
  hang: 'hang',
  nonFinite: 'non-finite',
  mutation: 'mutation',
  notFrozen: 'not frozen',
};

/** The failures grouped by function and message, with previews, shrunk counter-examples and replay seeds. */
export function failureReport(reports: readonly FunctionReport[], runSeed: number): string {
  const out: string[] = [];
  for (const r of reports) {
    if (r.groups.length === 0 && r.notes.length === 0) continue;
    out.push(
      `\n${r.folder}/${r.name}  (replay: npx tsx scripts/fuzz.ts --only ${r.name} --seed ${runSeed}; fc seed ${r.seed})`,
    );
    for (const n of r.notes) out.push(`  note: ${n}`);
    for (const g of [...r.groups].sort(
      (a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || b.count - a.count,
    )) {
      out.push(`  [${kindLabel[g.kind]}] ×${g.count}  ${g.message}`);
      out.push(`      first case #${g.firstCase}: (${g.preview})`);
      if (g.shrunk !== undefined) out.push(`      shrunk: (${g.shrunk})   ${g.replay ?? ''}`);
    }
  }
  return out.join('\n');
}
