/**
 * The kernel's memory: where the operands of a call are placed (`withSimdMemory`), the factors
 * kept there between solves (`withResidentFactors`: a sequence of solves with the same factors
 * copies them once), and when the memory is given back. WebAssembly memory cannot shrink, so
 * memory above 64 MiB (two n×n arrays from about 2,000 rows) is given back by dropping the kernel
 * 1 s after the last call into it (a timer that does not keep the process alive; the helper thread
 * stops too) and made afresh at the next call: 13 ms to instantiate the module again, and that call
 * runs on one thread until the new helper is ready. Measured at 2,464 rows: the process's RSS after
 * an inverse went from 275 MiB to 124 MiB once released and collected. Below 64 MiB the memory is
 * kept.
 *
 * @internal
 */
import { currentKernel, dropKernel, placeAt, type SimdKernel, setMemoryHooks } from './simd.js';

export { withSimdMemory } from './simd.js';

/**
 * Factors kept in the kernel's memory between solves, at its start: for one factorisation (held
 * weakly), the arrays made from it by tag (the LU itself, or its transpose) at byte offsets, and
 * their diagonal as it was when they were copied (a changed `lu` is copied again).
 */
interface Resident {
  readonly key: WeakRef<object>;
  readonly kernel: SimdKernel;
  readonly diagonal: Float64Array;
  readonly arrays: Map<string, number>;
  bytes: number;
}

let resident: Resident | null = null;

/**
 * The most bytes of resident factors: two n×n arrays (the factors and their transpose) up to about
 * 4,000 rows; above, one at a time (a solve and a transposed solve in turn then copy each time).
 */
const RESIDENT_MAX_BYTES = 256 * 2 ** 20;

/** Bytes of n doubles rounded up to 16. */
const aligned = (len: number) => Math.ceil((len * 8) / 16) * 16;

/**
 * {@link withSimdMemory} with an n×n array made from the factors `f` (tag `tag`: `fill` writes it)
 * kept in the kernel's memory before the views: when the same factors with the same tag were
 * placed by the previous call of this kind, and no other use of the kernel's memory came between,
 * the array is already there and `fill` is not called. `fn` receives it first.
 *
 * @internal
 */
export function withResidentFactors<T>(
  k: SimdKernel,
  f: { readonly n: number; readonly lu: Float64Array },
  tag: string,
  fill: (a: Float64Array) => void,
  lengths: readonly number[],
  fn: (views: Float64Array[]) => T,
  packDim = 0,
): T {
  const { n, lu } = f;
  const len = n * n;
  let r = resident;
  if (
    r &&
    (r.kernel !== k || r.key.deref() !== f || r.diagonal.length !== n || !sameDiagonal(r.diagonal, lu))
  )
    r = null;
  let at = r?.arrays.get(tag);
  if (r === null) {
    const diagonal = new Float64Array(n);
    for (let i = 0; i < n; i++) diagonal[i] = lu[i * n + i]!;
    r = { key: new WeakRef(f), kernel: k, diagonal, arrays: new Map(), bytes: 0 };
  }
  const fresh = at === undefined;
  if (at === undefined) {
    if (r.bytes > 0 && r.bytes + aligned(len) > RESIDENT_MAX_BYTES) {
      r.arrays.clear();
      r.bytes = 0;
    }
    at = r.bytes;
  }
  const base = Math.max(r.bytes, at + aligned(len));
  const offset = at;
  // Forgotten while the array is written, so that a failure leaves nothing half-made behind.
  resident = null;
  const out = placeAt(
    k,
    base,
    lengths,
    (views) => {
      const a = new Float64Array(k.memory.buffer, offset, len);
      if (fresh) fill(a);
      return fn([a, ...views]);
    },
    packDim,
  );
  if (fresh) {
    r.arrays.set(tag, offset);
    r.bytes = base;
  }
  resident = r;
  return out;
}

/** Whether the diagonal of the n×n `lu` is still `d` (bit for bit). */
function sameDiagonal(d: Float64Array, lu: Float64Array): boolean {
  const n = d.length;
  for (let i = 0; i < n; i++) if (!Object.is(d[i], lu[i * n + i])) return false;
  return true;
}

/**
 * Kernel memory above this many bytes is given back after an idle time: WebAssembly memory cannot
 * shrink, so the kernel (module, memory, helper thread) is dropped and made afresh at next use.
 */
let releaseAbove = 64 * 2 ** 20;
/** Milliseconds without a call into the kernel after which large memory is given back. */
let releaseAfterMs = 1000;
let releaseTimer: unknown;
let onRelease: (() => void) | null = null;

interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(t: unknown): void;
}

/**
 * Sets what is run when the kernel is dropped (threads.ts stops the helper thread, which holds
 * the memory too).
 *
 * @internal
 */
export function onKernelRelease(fn: () => void): void {
  onRelease = fn;
}

/**
 * Drops the kernel now: its memory (once the helper thread is stopped and the garbage collector
 * runs), the resident factors and the module; the next call makes them afresh.
 *
 * @internal
 */
export function releaseKernel(): void {
  const timers = globalThis as unknown as Partial<Timers>;
  if (releaseTimer !== undefined) timers.clearTimeout?.(releaseTimer);
  releaseTimer = undefined;
  resident = null;
  if (currentKernel()) onRelease?.();
  dropKernel();
}

/**
 * Sets the release policy (for tests and benchmarks): memory above `above` bytes is given back
 * `afterMs` ms after the last call. Returns the previous policy.
 *
 * @internal
 */
export function useKernelRelease(above: number, afterMs: number): { above: number; afterMs: number } {
  const was = { above: releaseAbove, afterMs: releaseAfterMs };
  releaseAbove = above;
  releaseAfterMs = afterMs;
  return was;
}

/**
 * The bytes of the kernel's memory now (0 when no kernel is instantiated).
 *
 * @internal
 */
export function kernelMemoryBytes(): number {
  return currentKernel()?.memory.buffer.byteLength ?? 0;
}

// Any other placement overwrites the resident factors; after the outermost call, the release.
setMemoryHooks(
  () => {
    resident = null;
  },
  (k) => scheduleRelease(k),
);

/** After a call: the release of large memory is (re)scheduled for when the process is idle. */
function scheduleRelease(k: SimdKernel): void {
  const timers = globalThis as unknown as Partial<Timers>;
  if (releaseTimer !== undefined) timers.clearTimeout?.(releaseTimer);
  releaseTimer = undefined;
  if (k.memory.buffer.byteLength <= releaseAbove || !timers.setTimeout) return;
  const t = timers.setTimeout(() => {
    releaseTimer = undefined;
    if (currentKernel() === k) releaseKernel();
  }, releaseAfterMs);
  (t as { unref?: () => void }).unref?.();
  releaseTimer = t;
}
