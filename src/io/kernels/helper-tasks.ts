/**
 * What the calling thread and the helper thread of the SIMD kernels share (threads.ts starts the
 * helper, kernel-worker.ts is its module): the layout of the control words, the kinds of task, and
 * the row-block loop of a block update, {@link gemmRows}, which both threads run. Nothing here has
 * side effects, so that the worker module the build emits holds only what the helper runs.
 *
 * @internal
 */
import type { SimdKernel } from './simd.js';

/**
 * The control words (an Int32Array over a SharedArrayBuffer of {@link CONTROL_BYTES} bytes), by
 * index: the task number (−1 to stop), the last task done, ready (1; −1 when the helper could not
 * start), the next block of rows or chunk of columns to take, set when a task failed, set when the
 * coefficients of a block step are packed, and the number of tasks in which the helper did work.
 *
 * @internal
 */
export const CTRL = { task: 0, done: 1, ready: 2, next: 3, failed: 4, packed: 5, worked: 6 } as const;

/** Bytes of the control words (8 words). @internal */
export const CONTROL_BYTES = 32;
/** Bytes of the parameters of a task (32 doubles: the kind, then the task's parameters). @internal */
export const PARAMS_BYTES = 8 * 32;

/** Task kinds, in parameter 0: a block update ({@link gemmRows}) or a block step (`substituteBlock`). @internal */
export const GEMM_TASK = 0;
/** @internal */
export const SUBSTITUTE_TASK = 1;

/**
 * What the helper receives when it starts: the compiled kernel module, its shared memory, and the
 * SharedArrayBuffers of the control words and of the parameters.
 *
 * @internal
 */
export interface HelperData {
  readonly module: object;
  readonly memory: SimdKernel['memory'];
  readonly control: SharedArrayBuffer;
  readonly params: SharedArrayBuffer;
}

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
    const ra = next ? r0 + Atomics.add(next, CTRL.next, 1) * grab : r0;
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
