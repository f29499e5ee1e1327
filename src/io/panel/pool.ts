/**
 * Years of a panel on worker threads: finding the worker module the build emits, starting workers,
 * handing each the next year, and stopping them all at the end, on a failure or on abort.
 *
 * @packageDocumentation
 */
import { GvcError } from '../../core/errors.js';
import { type PanelPhase, receiveError, type SentError, type YearTask } from './year.js';

/** The file of the worker module, where the build puts it relative to the modules that start it. */
const WORKER_CANDIDATES = [
  '../panel-worker.js', // dist/io/panel/pool.js (the ESM build: a file per module)
  './panel-worker.js', // dist/io/index.cjs
  './io/panel-worker.js', // a shared chunk in dist/
  '../io/panel-worker.js', // dist/cli/gvckit.js
] as const;

interface NodeModules {
  Worker: new (
    url: URL,
    options?: object,
  ) => {
    postMessage(m: unknown): void;
    on(event: string, fn: (v: unknown) => void): void;
    terminate(): Promise<number>;
    unref(): void;
  };
  existsSync: (p: URL) => boolean;
  statSync: (p: string) => { size: number };
  pathToFileURL: (p: string) => URL;
  cpus: number;
  execArgv: readonly string[];
}

/** Node's modules, reached without a static import (browsers never load them); `undefined` elsewhere. */
function nodeModules(): NodeModules | undefined {
  const proc = (
    globalThis as { process?: { getBuiltinModule?: (id: string) => unknown; execArgv?: string[] } }
  ).process;
  const get = proc?.getBuiltinModule;
  if (typeof get !== 'function') return undefined;
  const wt = get('node:worker_threads') as { Worker: NodeModules['Worker'] } | undefined;
  const fs = get('node:fs') as
    | { existsSync: NodeModules['existsSync']; statSync: NodeModules['statSync'] }
    | undefined;
  const os = get('node:os') as { availableParallelism?: () => number; cpus: () => unknown[] } | undefined;
  const url = get('node:url') as { pathToFileURL: NodeModules['pathToFileURL'] } | undefined;
  if (!wt || !fs || !os || !url) return undefined;
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return {
    Worker: wt.Worker,
    existsSync: fs.existsSync,
    statSync: fs.statSync,
    pathToFileURL: url.pathToFileURL,
    cpus,
    execArgv: proc?.execArgv ?? [],
  };
}

/** The URL of this module: `import.meta.url` in ESM, the file of the CommonJS bundle otherwise. */
function moduleUrl(node: NodeModules): string | undefined {
  // In the CommonJS build `import.meta` is empty and `__filename` names the bundle; in ESM
  // `__filename` is not defined (`typeof` of an undeclared name is 'undefined', no error).
  if (typeof __filename === 'string') return node.pathToFileURL(__filename).href;
  const meta = import.meta as { url?: string } | undefined;
  return typeof meta?.url === 'string' ? meta.url : undefined;
}

/**
 * Where worker threads can run years: the worker module's URL and the processors available, or
 * `undefined` when they cannot (a browser, a runtime without `worker_threads`, or the sources run
 * without a build, as in the unit tests).
 *
 * @internal
 */
export function workerSupport(): { url: URL; cpus: number } | undefined {
  const node = nodeModules();
  if (node === undefined) return undefined;
  const here = moduleUrl(node);
  if (here === undefined || !here.startsWith('file:')) return undefined;
  for (const c of WORKER_CANDIDATES) {
    const url = new URL(c, here);
    try {
      if (node.existsSync(url)) return { url, cpus: node.cpus };
    } catch {
      // An unreadable place is not the worker's.
    }
  }
  return undefined;
}

/**
 * The mean size in bytes of the files (0 for a file that cannot be read: the reader will say why).
 *
 * @internal
 */
export function meanFileSize(files: readonly string[]): number {
  const node = nodeModules();
  if (node === undefined || files.length === 0) return 0;
  let total = 0;
  for (const f of files) {
    try {
      total += node.statSync(f).size;
    } catch {
      // Not readable: counted as empty.
    }
  }
  return total / files.length;
}

/** What the pool tells its caller as years move on. */
export interface PoolEvents {
  phase(year: number, phase: PanelPhase, thread?: number): void;
  done(year: number, records: Record<string, unknown>[], thread?: number): void;
}

type Reply =
  | { id: number; phase: PanelPhase; thread: number }
  | { id: number; records: Record<string, unknown>[] }
  | { id: number; error: SentError };

/**
 * Runs the tasks on `count` worker threads started from `url`, each taking the next task when it
 * finishes one. Resolves when every task is done; rejects with the first failure (the year's
 * error), or with `signal.reason` when the signal aborts; every worker is terminated either way.
 *
 * @internal
 */
export function runOnWorkers(
  tasks: readonly YearTask[],
  count: number,
  url: URL,
  events: PoolEvents,
  signal: AbortSignal | undefined,
  wrap: (e: unknown, year: number) => unknown,
): Promise<void> {
  const node = nodeModules();
  if (node === undefined) {
    return Promise.reject(new GvcError('UNSUPPORTED', 'worker threads are not available here'));
  }
  return new Promise<void>((resolve, reject) => {
    const workers: InstanceType<NodeModules['Worker']>[] = [];
    const threadOf = new Map<unknown, number>();
    let next = 0;
    let finished = 0;
    let settled = false;
    const stop = (e?: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (e === undefined) resolve();
      else reject(e);
    };
    const onAbort = () => stop(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const give = (w: InstanceType<NodeModules['Worker']>) => {
      if (next >= tasks.length) return;
      const id = next++;
      w.postMessage({ id, task: tasks[id] });
    };
    const n = Math.max(1, Math.min(count, tasks.length));
    for (let k = 0; k < n && !settled; k++) {
      let w: InstanceType<NodeModules['Worker']>;
      try {
        // The worker takes this process's Node flags but `--input-type`, which Node refuses for a
        // module file (`node --input-type=module -e …` would otherwise fail in every worker).
        w = new node.Worker(url, { execArgv: node.execArgv.filter((a) => !a.startsWith('--input-type')) });
      } catch (e) {
        stop(e);
        return;
      }
      workers.push(w);
      threadOf.set(w, (w as { threadId?: number }).threadId ?? 0);
      w.on('message', (m) => {
        if (settled) return;
        const reply = m as Reply;
        const task = tasks[reply.id];
        if (task === undefined) return;
        try {
          if ('phase' in reply) events.phase(task.year, reply.phase, reply.thread);
          else if ('error' in reply) stop(wrap(receiveError(reply.error), task.year));
          else {
            events.done(task.year, reply.records, threadOf.get(w));
            if (++finished === tasks.length) stop();
            else give(w);
          }
        } catch (e) {
          // A callback of the caller (onProgress) threw: the panel fails with its error.
          stop(e);
        }
      });
      w.on('error', (e) => stop(e));
      w.on('exit', () => stop(new GvcError('UNSUPPORTED', 'a worker thread of the panel stopped')));
      give(w);
    }
  });
}
