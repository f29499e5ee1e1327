/**
 * What the calling thread and the helper thread of the SIMD kernels share (threads.ts starts the
 * helper, kernel-worker.ts is its module): the layout of the control words, the kinds of task, and
 * the row-block loop of a block update, {@link gemmRows}, which both threads run. Nothing here has
 * side effects, so that the worker module the build emits holds only what the helper runs.
 *
 * @internal
 */
import type { SimdKernel } from './simd.js';
import { type StepKernel, substituteBlock } from './substitute.js';

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
/** Task kind of {@link trailingSolves}. @internal */
export const TRAILING_TASK = 2;

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

/** The kernel functions {@link trailingSolves} uses (the module's exports, in either thread). @internal */
export type TrailingKernel = StepKernel & Pick<SimdKernel, 'packC'>;

/**
 * Columns of the right-hand sides solved together by {@link trailingSolves}: the blocks of as many
 * consecutive countries as fit in 256 columns (at least one), so that each panel of the factors
 * is packed and read once for all of them. The scratch X of each thread is n × this.
 *
 * @internal
 */
export function trailingColumns(N: number, G: number): number {
  return Math.min(G, Math.max(1, Math.floor(256 / N))) * N;
}

/**
 * The parameters of {@link trailingSolves}, in this order: byte address of the packed LU factors of
 * M (n×n, P·M = L·U), n, the block order N, the blocks G (n = G·N), the byte address of `where`
 * (n doubles: where[j] is the row of P·M that is row j of M), of the output (G blocks of N×N, row
 * after row), of B (n×w, rows already permuted, solved in place; 0: none) and its columns w, then
 * per thread (the calling one, then the helper) the byte addresses of its scratch X
 * (n × {@link trailingColumns}) and of its packing areas for C (64·n doubles) and U (64 times
 * the larger of {@link trailingColumns} and w doubles).
 *
 * @internal
 */
export type TrailingParams = readonly [
  lu: number,
  n: number,
  N: number,
  G: number,
  where: number,
  out: number,
  b: number,
  w: number,
  x0: number,
  c0: number,
  u0: number,
  x1: number,
  c1: number,
  u1: number,
];

/**
 * The solves with the LU factors of M that the decompositions need besides the factorisation, as
 * items taken in turn from the shared counter (word 3) by whichever thread is free (`slot`: 0 the
 * calling thread, 1 the helper): item 0, when `b` is set, solves M·X = B in place (B's rows
 * already permuted); the others give the G diagonal blocks (M⁻¹)_ss, a few consecutive countries
 * at a time ({@link trailingColumns}). Block s is the top-left N×N block of the inverse of the
 * trailing factors from row o = s·N (the Schur complement's; Golub & Van Loan 2013, §3.2): the
 * unit columns e_{where[o+k]} are solved forward from the first row they touch, then back only
 * down to row o, and rows o…o+N of the solution are the block; the countries of an item share the
 * rows from its first country's. Each item is done whole by one thread on its own scratch (no
 * waiting between the threads inside an item). Without `next`, all items here.
 *
 * @internal
 */
export function trailingSolves(
  k: TrailingKernel,
  heap: Float64Array,
  q: ArrayLike<number>,
  next: Int32Array | null,
  slot: number,
): void {
  const [lu, n, N, G, where, out, b, w, ...areas] = Array.from(q) as unknown as TrailingParams;
  const [x, cp, up] = slot === 0 ? areas.slice(0, 3) : areas.slice(3, 6);
  const first = b !== 0 ? 1 : 0;
  const per = trailingColumns(N, G) / N;
  const step = (xa: number, m: number, lower: number, k0: number, kEnd: number, r0: number, r1: number) => {
    const np = kEnd - k0;
    const pairs = Math.floor((r1 - r0) / 2);
    if (pairs > 0) k.packC(lu + (r0 * n + k0) * 8, n * 8, cp!, np, pairs);
    substituteBlock(k, heap, [lower, lu, xa, n, m, k0, kEnd, 0, m, r0, r1, cp!, up!, m, 0], null);
  };
  // L·Y = X from row lo (rows above are zero), then U·Z = Y for the rows from o up.
  const solve = (xa: number, m: number, lo: number, o: number) => {
    for (let k0 = lo; k0 < n; k0 += 64) step(xa, m, 1, k0, Math.min(n, k0 + 64), Math.min(n, k0 + 64), n);
    for (let kEnd = n; kEnd > o; kEnd -= 64)
      step(xa, m, 0, Math.max(o, kEnd - 64), kEnd, o, Math.max(o, kEnd - 64));
  };
  for (let taken = 0; ; taken++) {
    const t = next ? Atomics.add(next, CTRL.next, 1) : taken;
    if (t >= Math.ceil(G / per) + first) return;
    if (t < first) {
      solve(b, w, 0, 0);
      continue;
    }
    const s0 = (t - first) * per;
    const s1 = Math.min(G, s0 + per);
    const o = s0 * N;
    const m = (s1 - s0) * N;
    const x8 = x! / 8;
    const w8 = where / 8;
    let lo = o;
    for (let c = 0; c < m; c++) lo = Math.min(lo, heap[w8 + o + c]!);
    heap.fill(0, x8 + lo * m, x8 + n * m);
    for (let c = 0; c < m; c++) heap[x8 + heap[w8 + o + c]! * m + c] = 1;
    solve(x!, m, lo, o);
    for (let c = 0; c < m; c++) {
      // Row c of the item's blocks: the block of country s0 + ⌊c/N⌋, row c mod N, is at its columns.
      const j = c - (c % N);
      heap.copyWithin(out / 8 + o * N + c * N, x8 + (o + c) * m + j, x8 + (o + c) * m + j + N);
    }
  }
}
