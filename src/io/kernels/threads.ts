/**
 * One helper thread for the SIMD kernels: when the kernel's memory is shared and Node's
 * `worker_threads` is reachable without an import (`process.getBuiltinModule`, Node ≥ 20.16), a
 * worker instantiates the same module on the same memory and shares the work of each large step
 * with the calling thread: blocks of rows of a block update (`gemmRows`), or chunks of columns of
 * a block step of the LU and the triangular solves (`substituteBlock`), taken in turn from a
 * shared counter by whichever thread is free. Hand-over is through a small
 * SharedArrayBuffer with `Atomics.wait`/`notify`, so the API stays synchronous. The worker is
 * started at the first large update, is not used until it reports ready, and is `unref`'d so that
 * it never keeps the process alive. Anywhere else (browsers, older runtimes) everything runs on the
 * calling thread.
 *
 * @internal
 */
import { onKernelRelease } from './kernel-memory.js';
import type { SimdKernel } from './simd.js';
import { substituteBlock } from './substitute.js';

/**
 * The parameters of {@link gemmRows}, in this order: byte address and row stride (doubles) of X,
 * byte addresses of the packed C and U, rows p, the columns [c0, c1) and rows [r0, r1), columns per
 * chunk, rows per register block, rows taken at a time from the shared counter.
 *
 * @internal
 */
export type GemmRowsParams = readonly [
  xo: number,
  xs: number,
  cp: number,
  up: number,
  np: number,
  c0: number,
  c1: number,
  r0: number,
  r1: number,
  chunk: number,
  rows: number,
  grab: number,
];

/**
 * The row-block loop run by both threads: `gemm` over the rows [ra, rb) of one block update, whose
 * operands are packed (C by pairs of rows from r0, U by blocks of columns from c0).
 *
 * @internal
 */
export function gemmRows(gemm: SimdKernel['gemm'], q: ArrayLike<number>, next: Int32Array | null): void {
  const [xo, xs, cp, up, np, c0, c1, r0, r1, chunk, rows, grab] = Array.from(q) as unknown as GemmRowsParams;
  for (;;) {
    // With `next`, blocks of `grab` rows are taken in turn from a shared counter (word 3) by
    // whichever thread is free; without, all rows at once.
    const ra = next ? r0 + Atomics.add(next, 3, 1) * grab : r0;
    if (ra >= r1) return;
    const rb = next ? Math.min(r1, ra + grab) : r1;
    for (let j0 = c0; j0 < c1; j0 += chunk) {
      const width = Math.min(c1, j0 + chunk) - j0;
      const u = up + (j0 - c0) * np * 8;
      gemm(
        xo + (ra * xs + j0) * 8,
        xs * 8,
        cp + ((ra - r0) / rows) * np * 16,
        u,
        np * 16,
        width * 8,
        (rb - ra) / rows,
      );
    }
    if (!next) return;
  }
}

/** Task kinds, in word 0 of the parameters. */
const GEMM_TASK = 0;
const SUBSTITUTE_TASK = 1;

/**
 * The worker: control words are [0] task number (−1 to stop), [1] task done, [2] ready, [3] next
 * block of rows, [4] set when a task failed, [5] set when the coefficients of a block step are
 * packed; parameter 0 is the kind of task, the rest its
 * parameters. The functions come as source text; `__name` stands in for the helper that esbuild
 * (tsx, bundlers with keepNames) wraps around named inner functions.
 */
const workerSource = () => `const { workerData } = require('node:worker_threads');
const __name = (f) => f;
const { module, memory, control, params } = workerData;
const ctrl = new Int32Array(control);
const q = new Float64Array(params);
const kernel = new WebAssembly.Instance(module, { env: { memory } }).exports;
const gemmLoop = (${gemmRows.toString()});
const substitute = (${substituteBlock.toString()});
Atomics.store(ctrl, 2, 1);
Atomics.notify(ctrl, 2);
let seen = 0;
for (;;) {
  // Tasks come in quick succession: look for the next one briefly before sleeping.
  for (let spin = 0; spin < 20000 && Atomics.load(ctrl, 0) === seen; spin++);
  Atomics.wait(ctrl, 0, seen);
  seen = Atomics.load(ctrl, 0);
  if (seen < 0) break;
  try {
    if (q[0] === ${SUBSTITUTE_TASK}) substitute(kernel, new Float64Array(memory.buffer), q.subarray(1), ctrl);
    else gemmLoop(kernel.gemm, q.subarray(1), ctrl);
  } catch {
    Atomics.store(ctrl, 4, 1);
  }
  Atomics.store(ctrl, 1, seen);
  Atomics.notify(ctrl, 1);
}`;

interface WorkerLike {
  unref(): void;
  on(event: 'error' | 'exit', fn: () => void): void;
}

interface Helper {
  readonly kernel: SimdKernel;
  readonly ctrl: Int32Array;
  readonly params: Float64Array;
  task: number;
  broken: boolean;
  /** Whether a task is out with the helper (a block update inside it runs on its own thread). */
  busy: boolean;
}

let helper: Helper | null | undefined;

/** Stops the helper thread (at once if idle; it exits at its next look at the control words). */
function stopHelper(): void {
  if (helper) {
    Atomics.store(helper.ctrl, 0, -1);
    Atomics.notify(helper.ctrl, 0);
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
  if (!k.shared) return null;
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const wt = proc?.getBuiltinModule?.('node:worker_threads') as
      | { Worker: new (src: string, opts: object) => WorkerLike }
      | undefined;
    if (!wt) return null;
    const control = new SharedArrayBuffer(32);
    const params = new SharedArrayBuffer(8 * 32);
    const worker = new wt.Worker(workerSource(), {
      eval: true,
      workerData: { module: k.module, memory: k.memory, control, params },
    });
    worker.unref();
    const h: Helper = {
      kernel: k,
      ctrl: new Int32Array(control),
      params: new Float64Array(params),
      task: 0,
      broken: false,
      busy: false,
    };
    const stop = () => {
      h.broken = true;
    };
    worker.on('error', stop);
    worker.on('exit', stop);
    helper = h;
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
  Atomics.store(h.ctrl, 3, 0);
  Atomics.store(h.ctrl, 4, 0);
  Atomics.store(h.ctrl, 5, 0);
  h.task = h.task === 0x7fffffff ? 1 : h.task + 1;
  Atomics.store(h.ctrl, 0, h.task);
  Atomics.notify(h.ctrl, 0);
  h.busy = true;
  try {
    own();
  } finally {
    h.busy = false;
    // The helper is finishing its part: spin briefly before sleeping.
    for (let spin = 0; spin < 20000 && Atomics.load(h.ctrl, 1) !== h.task; spin++);
    // Sleep only while word 1 still holds the value seen: a value read afresh for the call could
    // already be the one awaited, and the wait would then last its whole timeout.
    for (let done = Atomics.load(h.ctrl, 1); done !== h.task; done = Atomics.load(h.ctrl, 1))
      Atomics.wait(h.ctrl, 1, done, 1000);
  }
  // The helper caught the error of its part and is ready for the next task, but this one is
  // incomplete: a defect of this module, not of the input.
  if (Atomics.load(h.ctrl, 4) !== 0) throw new Error('gvckit: a block update failed in the helper thread');
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
      Atomics.store(h.ctrl, 5, 1);
    }
    substituteBlock(k, heap, own, null);
    first?.();
    substituteBlock(k, heap, rest, h.ctrl);
  });
}

/**
 * Allows or forbids the helper thread (for tests and benchmarks); returns the previous setting.
 *
 * @internal
 */
export function useThreads(on: boolean): boolean {
  const was = threadsOn;
  threadsOn = on;
  return was;
}

/**
 * Sets the order from which the helper thread takes work (for tests and benchmarks); returns the
 * previous one.
 *
 * @internal
 */
export function useThreadsFrom(order: number): number {
  const was = threadMinOrder;
  threadMinOrder = order;
  return was;
}

/**
 * Whether the helper thread for `k` is running and ready to take work (starting it if needed).
 *
 * @internal
 */
export function helperReady(k: SimdKernel): boolean {
  const h = helperFor(k);
  return h !== null && !h.broken && Atomics.load(h.ctrl, 2) === 1;
}
