/**
 * One helper thread for the SIMD kernels: when the kernel's memory is shared and the calling
 * thread may block in `Atomics.wait`, a worker (kernel-worker.ts, built as
 * `dist/io/kernels/kernel-worker.js`) instantiates the same module on the same memory and shares
 * the work of each large step with the calling thread: blocks of rows of a block update
 * (`gemmRows`), chunks of columns of a block step of the LU and the triangular solves
 * (`substituteBlock`), or whole solves of the decompositions (`trailingSolves`), taken in turn from
 * a shared counter by whichever thread is free. Hand-over is through a small SharedArrayBuffer with
 * `Atomics.wait`/`notify`, so the API stays synchronous; the worker starts at the first large
 * update and is used once it reports ready. It is a `worker_threads` Worker where the runtime has
 * Node's modules (Node ≥ 20.16, Deno 2 with read access to the package's files, Bun 1; `unref`'d,
 * so that it never keeps the process alive) and a module Web Worker in browsers (in a Web Worker
 * of a cross-origin isolated page). Anywhere else everything runs on the calling thread.
 *
 * @internal
 */
import {
  CONTROL_BYTES,
  CTRL,
  GEMM_TASK,
  gemmRows,
  type HelperData,
  PARAMS_BYTES,
  SUBSTITUTE_TASK,
  TRAILING_TASK,
  type TrailingParams,
  trailingSolves,
} from './helper-tasks.js';
import { onKernelRelease } from './kernel-memory.js';
import type { SimdKernel } from './simd.js';
import { substituteBlock } from './substitute.js';

export { type GemmRowsParams, gemmRows } from './helper-tasks.js';

/** A worker as threads.ts uses it: `worker_threads`' (Node, Deno, Bun). */
interface NodeWorker {
  unref(): void;
  on(event: 'error' | 'exit', fn: () => void): void;
}

/** A module Web Worker as threads.ts uses it (browsers). */
interface WebWorker {
  onerror: ((e: { preventDefault(): void }) => void) | null;
  onmessageerror: (() => void) | null;
  postMessage(data: unknown): void;
  terminate(): void;
}

// The Web Worker constructor of browsers (not in the ES2022 library); `typeof` guards every use.
declare const Worker: new (url: URL, options: { type: 'module' }) => WebWorker;

/**
 * Where the build puts the worker module (`dist/io/kernels/kernel-worker.js`) relative to the file that
 * holds this code, tried in turn; the last is the sources (tests, benchmarks), run through tsx.
 */
const WORKER_CANDIDATES = [
  './kernel-worker.js', // dist/io/kernels/threads.js (the ESM build: a file per module)
  './kernels/kernel-worker.js', // dist/io/index.cjs, dist/io/panel-worker.js
  './io/kernels/kernel-worker.js', // dist/index.cjs or a shared chunk in dist/
  '../io/kernels/kernel-worker.js', // dist/cli/gvckit.js
  './kernel-worker.ts', // src/io/kernels/threads.ts
] as const;

/** Whether this thread may block in `Atomics.wait` (not so on a browser's main thread). */
let waits: boolean | undefined;
function canWait(): boolean {
  if (waits === undefined) {
    try {
      // A value that is not there: returns at once where waiting is allowed, throws where not.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
      waits = true;
    } catch {
      waits = false;
    }
  }
  return waits;
}

/**
 * Starts the helper's worker on `data`: with `worker_threads` where the runtime has it (Node, Deno
 * and Bun: its workers can be `unref`'d, so that the helper never keeps the process alive, which
 * Deno's Web Workers cannot), else as a module Web Worker (browsers). `broken` is called if the
 * worker fails or ends. Returns false (nothing started) where neither can run.
 */
function startWorker(data: HelperData, broken: () => void): boolean {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  if (typeof get === 'function') return startThread(get, data, broken);
  if (typeof Worker !== 'function') return false;
  // Written so that bundlers (Vite, webpack 5) see the worker module and emit it; without a bundler,
  // or with esbuild, the file beside this module (or beside the bundle) is loaded.
  const worker = new Worker(new URL('./kernel-worker.js', import.meta.url), { type: 'module' });
  worker.onerror = (e) => {
    // Handled here: a worker that cannot load leaves the engine on one thread, silently.
    e.preventDefault();
    broken();
  };
  worker.onmessageerror = broken;
  try {
    worker.postMessage(data);
  } catch {
    worker.terminate();
    return false;
  }
  return true;
}

/** {@link startWorker} with `worker_threads`: the worker module found beside this code. */
function startThread(get: (id: string) => unknown, data: HelperData, broken: () => void): boolean {
  const wt = get('node:worker_threads') as
    | { Worker: new (url: URL, options: object) => NodeWorker }
    | undefined;
  const fs = get('node:fs') as { existsSync(p: URL): boolean } | undefined;
  const url = get('node:url') as { pathToFileURL(p: string): URL } | undefined;
  if (!wt || !fs || !url) return false;
  // In the CommonJS build `import.meta` is empty and `__filename` names the bundle; in ESM
  // `__filename` is not defined (`typeof` of an undeclared name is 'undefined', no error), except
  // in Bun, where it names this module.
  const here =
    typeof __filename === 'string'
      ? url.pathToFileURL(__filename).href
      : (import.meta as { url?: string }).url;
  if (typeof here !== 'string' || !here.startsWith('file:')) return false;
  // Deno needs read access to the file (it would prompt at a terminal, or print an error): the
  // helper starts only where access is granted already.
  const deno = (globalThis as { Deno?: { permissions?: { querySync?(d: object): { state: string } } } }).Deno;
  const readable = (u: URL) =>
    typeof deno?.permissions?.querySync !== 'function' ||
    deno.permissions.querySync({ name: 'read', path: u }).state === 'granted';
  const file = WORKER_CANDIDATES.map((c) => new URL(c, here)).find((u) => readable(u) && fs.existsSync(u));
  if (file === undefined) return false;
  const options = { workerData: data };
  const versions =
    (globalThis as { process?: { versions?: Record<string, string> } }).process?.versions ?? {};
  let worker: NodeWorker;
  if (file.pathname.endsWith('.ts') && versions.deno === undefined && versions.bun === undefined) {
    // The sources in Node (tests, benchmarks run by vitest or tsx): tsx loads them, registered in
    // the worker first (in Node 20 a worker does not inherit tsx's hooks).
    const mod = get('node:module') as { createRequire(from: string): { resolve(id: string): string } };
    const api = url.pathToFileURL(
      mod
        .createRequire(here)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs'),
    );
    if (!fs.existsSync(api)) return false;
    const boot = `import(${JSON.stringify(api.href)}).then((m) => { m.register(); return import(${JSON.stringify(file.href)}); })`;
    worker = new wt.Worker(boot as unknown as URL, { ...options, eval: true });
  } else worker = new wt.Worker(file, options);
  worker.unref();
  worker.on('error', broken);
  worker.on('exit', broken);
  return true;
}

/** The helper: its kernel, control words, parameters, last task, and whether a task is out with it. */
interface Helper {
  readonly kernel: SimdKernel;
  readonly ctrl: Int32Array;
  readonly params: Float64Array;
  task: number;
  broken: boolean;
  busy: boolean;
}

let helper: Helper | null | undefined;
/** The tasks in which helpers stopped since then did work. */
let tasksBefore = 0;

/** Stops the helper thread (at once if idle; it exits at its next look at the control words). */
function stopHelper(): void {
  if (helper) {
    tasksBefore += Atomics.load(helper.ctrl, CTRL.worked);
    Atomics.store(helper.ctrl, CTRL.task, -1);
    Atomics.notify(helper.ctrl, CTRL.task);
  }
  helper = undefined;
}

// When the kernel is dropped to give its memory back, the helper, which holds the memory, stops.
onKernelRelease(stopHelper);

/**
 * Matrices of lower order than this are done on the calling thread alone: below it, handing
 * chunks to the helper and waiting for it cost more than its share of the work saves. Measured
 * with `npx tsx bench/kernel-ab.bench.ts --crossover` (the inverse, 1 and 2 threads alternated,
 * plain SIMD, Node 20, a loaded 2-core machine), 2 threads / 1 thread in wall time: 1.20 at 200
 * rows, 1.88 at 300, 2.34 at 400, 1.91 at 500, 1.81 at 600, 1.28 at 800, 1.41 at 1,000, 1.06 at
 * 1,500, 0.85 at 2,000 (the quiet machine: 1.65 at 500).
 */
let threadMinOrder = 1500;

/** Rows per block taken from the shared counter (a multiple of the register block's rows). */
const GRAB_ROWS = 32;
let threadsOn = true;

/** The helper for `k`, started on first call; `null` where threads are unavailable. */
function helperFor(k: SimdKernel): Helper | null {
  // The kernel was assembled again (tests switching relaxed SIMD): stop the old worker.
  if (helper !== undefined && helper !== null && helper.kernel !== k) stopHelper();
  if (helper !== undefined) return helper;
  helper = null;
  if (!k.shared || !canWait()) return null;
  try {
    const control = new SharedArrayBuffer(CONTROL_BYTES);
    const params = new SharedArrayBuffer(PARAMS_BYTES);
    const h: Helper = {
      kernel: k,
      ctrl: new Int32Array(control),
      params: new Float64Array(params),
      task: 0,
      broken: false,
      busy: false,
    };
    const started = startWorker({ module: k.module, memory: k.memory, control, params }, () => {
      h.broken = true;
    });
    if (started) helper = h;
  } catch {
    helper = null;
  }
  return helper;
}

/**
 * Hands a task to the helper, runs `own` on this thread meanwhile, then waits for the helper (also
 * when `own` throws, so that no task outlives its call).
 */
function dispatch(h: Helper, kind: number, params: readonly number[], own: () => void): void {
  h.params[0] = kind;
  h.params.set(params, 1);
  Atomics.store(h.ctrl, CTRL.next, 0);
  Atomics.store(h.ctrl, CTRL.failed, 0);
  Atomics.store(h.ctrl, CTRL.packed, 0);
  h.task = h.task === 0x7fffffff ? 1 : h.task + 1;
  Atomics.store(h.ctrl, CTRL.task, h.task);
  Atomics.notify(h.ctrl, CTRL.task);
  h.busy = true;
  try {
    own();
  } finally {
    h.busy = false;
    // The helper is finishing its part: spin briefly before sleeping.
    for (let spin = 0; spin < 20000 && Atomics.load(h.ctrl, CTRL.done) !== h.task; spin++);
    // Sleep only while word 1 still holds the value seen: a value read afresh for the call could
    // already be the one awaited, and the wait would then last its whole timeout.
    for (let done = Atomics.load(h.ctrl, CTRL.done); done !== h.task; done = Atomics.load(h.ctrl, CTRL.done))
      Atomics.wait(h.ctrl, CTRL.done, done, 1000);
  }
  // The helper caught the error of its part and is ready for the next task, but this one is
  // incomplete: a defect of this module, not of the input.
  if (Atomics.load(h.ctrl, CTRL.failed) !== 0)
    throw new Error('gvckit: a block update failed in the helper thread');
}

/**
 * The helper when it may take work now on a matrix of order `n` (started, not busy with a task of
 * ours, and n at least the crossover order), else `null`.
 */
function readyHelper(k: SimdKernel, n: number): Helper | null {
  return threadsOn && n >= threadMinOrder && helperReady(k) && !helper!.busy ? helper! : null;
}

/**
 * Runs `gemm` over the rows [r0, r1) (a multiple of `rows` apart) of one block update, sharing the
 * rows with the helper thread when it is ready; `also` runs on this thread meanwhile.
 *
 * @internal
 */
export function parallelGemm(
  k: SimdKernel,
  q: readonly [xo: number, xs: number, cp: number, up: number, np: number, c0: number, c1: number],
  r0: number,
  r1: number,
  chunk: number,
  rows: number,
  also: () => void,
): void {
  // The order: the row stride of X, or the rows updated (a panel of the LU has a stride of 64).
  const h = readyHelper(k, Math.max(q[1], r1 - r0));
  if (!h) {
    gemmRows(k.gemm, [...q, r0, r1, chunk, rows, r1 - r0], null);
    also();
    return;
  }
  dispatch(
    h,
    GEMM_TASK,
    [...q, r0, r1, chunk, rows, Math.max(1, Math.floor(GRAB_ROWS / rows)) * rows],
    () => {
      also();
      gemmRows(k.gemm, h.params.subarray(1), h.ctrl);
    },
  );
}

/**
 * Runs one block step of a triangular solve ({@link substituteBlock}): `pack` (the packing of the
 * coefficients), then this thread's first chunk of columns (parameters `own`), then `first` if
 * given, then the chunks of `rest`, which the helper thread shares when it is ready; the helper
 * starts on them at once and waits for the packed coefficients only where it needs them.
 *
 * @internal
 */
export function parallelSubstitute(
  k: SimdKernel,
  pack: () => void,
  own: readonly number[],
  rest: readonly number[],
  first?: () => void,
): void {
  const heap = new Float64Array(k.memory.buffer);
  const h = readyHelper(k, rest[3]!);
  if (!h) {
    pack();
    substituteBlock(k, heap, own, null);
    first?.();
    substituteBlock(k, heap, rest, null);
    return;
  }
  dispatch(h, SUBSTITUTE_TASK, rest, () => {
    try {
      pack();
    } finally {
      Atomics.store(h.ctrl, CTRL.packed, 1);
    }
    substituteBlock(k, heap, own, null);
    first?.();
    substituteBlock(k, heap, rest, h.ctrl);
  });
}

/**
 * Runs {@link trailingSolves} with `params`, its items shared with the helper thread when it is
 * ready; `first` runs on this thread before it takes items (while the helper starts on them).
 *
 * @internal
 */
export function parallelTrailingSolves(k: SimdKernel, params: TrailingParams, first: () => void): void {
  const h = readyHelper(k, params[1]);
  const own = (next: Int32Array | null) => {
    try {
      first();
    } catch (e) {
      // The call fails: the helper takes no more solves.
      if (next) Atomics.store(next, CTRL.next, 2 ** 30);
      throw e;
    }
    trailingSolves(k, new Float64Array(k.memory.buffer), params, next, 0);
  };
  if (h) dispatch(h, TRAILING_TASK, params, () => own(h.ctrl));
  else own(null);
}

/** Allows or forbids the helper thread (for tests and benchmarks); returns the previous setting. @internal */
export function useThreads(on: boolean): boolean {
  const was = threadsOn;
  threadsOn = on;
  return was;
}

/** Sets the order from which the helper takes work (tests, benchmarks); returns the previous one. @internal */
export function useThreadsFrom(order: number): number {
  const was = threadMinOrder;
  threadMinOrder = order;
  return was;
}

/** Whether the helper thread for `k` is running and ready to take work (starting it if needed). @internal */
export function helperReady(k: SimdKernel): boolean {
  const h = helperFor(k);
  return h !== null && !h.broken && Atomics.load(h.ctrl, CTRL.ready) === 1;
}

/**
 * The number of tasks (block updates, block steps) in which a helper thread did work since the
 * module was loaded, for tests and diagnostics.
 *
 * @internal
 */
export function helperTasks(): number {
  return tasksBefore + (helper ? Atomics.load(helper.ctrl, CTRL.worked) : 0);
}

/**
 * The helper's diagnostics, for scripts run against the built package (which exports nothing
 * internal; scripts/runtime-check.mjs uses them): a script that wants them puts an empty object at
 * `globalThis[Symbol.for('gvckit.kernelThreads')]` before it loads gvckit, and this module fills it
 * in. Nothing is written anywhere else: without that object, loading this module has no effect.
 * Not part of the API.
 */
const diagnostics = (globalThis as Record<symbol, unknown>)[Symbol.for('gvckit.kernelThreads')];
if (typeof diagnostics === 'object' && diagnostics !== null && Object.isExtensible(diagnostics))
  Object.assign(diagnostics, {
    helperTasks,
    useThreadsFrom,
    ready: (): boolean => !!helper && !helper.broken && Atomics.load(helper.ctrl, CTRL.ready) === 1,
  });
