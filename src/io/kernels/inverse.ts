/**
 * The inverse of a square matrix from its LU factors, A⁻¹ = U⁻¹L⁻¹P (Higham 2002, ch. 14): the
 * forward substitution against the identity, then the back substitution, each by block steps
 * shared with the helper thread where the SIMD kernel runs.
 *
 * @internal
 */
import { GvcError } from '../../core/errors.js';
import { type TrailingParams, trailingColumns } from './helper-tasks.js';
import { withSimdMemory } from './kernel-memory.js';
import { withMemoryGuard } from './limits.js';
import { factorise, type LuFactors, SIMD_MIN_ORDER } from './lu.js';
import { checkSquare } from './matrix.js';
import { packArea, type SimdKernel, simdKernel } from './simd.js';
import { parallelTrailingSolves } from './threads.js';
import { BLOCK, backSubstitute, forwardSubstitute } from './triangular.js';

/**
 * Inverts a square matrix by LU factorisation with partial pivoting and a solve against the
 * identity. Prefer {@link luSolve} when only products A⁻¹B are needed.
 *
 * @param a - A, n×n row-major (not modified)
 * @param n - order of A
 * @returns A⁻¹, n×n row-major (a new array)
 * @throws {GvcError} `INVALID_INPUT` when `n` is not a whole number up to MAX_ICIO_ORDER or `a` is
 *   not a Float64Array of n² entries; `SINGULAR_MATRIX` when A is singular to working precision or
 *   an entry of A⁻¹ overflows; `UNSUPPORTED` when memory runs out
 * @example
 * ```ts
 * inverse(Float64Array.of(4, 7, 2, 6), 2);
 * //=> Float64Array [0.6, -0.7, -0.2, 0.4]
 * ```
 */
export function inverse(a: Float64Array, n: number): Float64Array {
  checkSquare(a, n, 'matrix to invert');
  const inv = withMemoryGuard(n, 'the inverse', () => inverseOf(n, (m) => m.set(a)));
  checkFiniteInverse(inv, n);
  return inv;
}

/**
 * Throws `GvcError('SINGULAR_MATRIX')` naming the first column of a computed inverse with an entry
 * that is not finite (an overflow: the matrix is singular to the range of doubles).
 *
 * @internal
 */
export function checkFiniteInverse(
  inv: Float64Array,
  n: number,
  label: (j: number) => string = (j) => String(j),
): void {
  for (let k = 0; k < inv.length; k++) {
    if (!Number.isFinite(inv[k]!)) {
      const j = k % n;
      throw new GvcError('SINGULAR_MATRIX', 'matrix is singular to working precision', [
        {
          path: `[${label(j)}]`,
          message: `expected a finite inverse, found ${inv[k]} in row ${label(Math.floor(k / n))} of column ${label(j)}`,
        },
      ]);
    }
  }
}

/**
 * {@link inverse} using its argument as the scratch space of the factorisation (it is overwritten
 * with the LU factors, or with A⁻¹ where the SIMD kernel runs and the result is then `a` itself):
 * peak memory is `a` and two more n×n arrays.
 *
 * @internal
 */
export function inverseInPlace(a: Float64Array, n: number): Float64Array {
  return inverseOf(
    n,
    (m) => {
      if (m !== a) m.set(a);
    },
    a,
  );
}

/**
 * The inverse of the n×n matrix that `fill` writes, row-major, into the array it is handed: the
 * kernel's memory where the SIMD kernel runs, so that the matrix is written once and never copied
 * (peak memory: the result and, in the kernel's memory, two n×n arrays). With `scratch` (n×n), the
 * matrix is written and factorised there on the TypeScript path, and the SIMD path writes A⁻¹ into
 * it; without, a new array is used.
 *
 * @internal
 */
export function inverseOf(n: number, fill: (a: Float64Array) => void, scratch?: Float64Array): Float64Array {
  const k = simdKernel();
  if (k && n >= SIMD_MIN_ORDER) {
    return withSimdMemory(
      k,
      [n * n, n * n, n * BLOCK],
      ([lu, w, panel]) => {
        fill(lu!);
        // The identity for the solves is written while the helper thread works on the LU.
        const f = factorise(lu!, n, panel!, () => writeIdentity(w!, n));
        return invertFactorised(f, w!, scratch ?? new Float64Array(n * n), true);
      },
      n,
    );
  }
  const a = scratch ?? new Float64Array(n * n);
  fill(a);
  const w = new Float64Array(n * n);
  return invertFactorised(factorise(a, n, new Float64Array(n * Math.min(n, BLOCK))), w, w);
}

/** Writes the n×n identity into `w`. */
function writeIdentity(w: Float64Array, n: number): void {
  w.fill(0);
  for (let i = 0; i < n; i++) w[i * n + i] = 1;
}

/**
 * A⁻¹ = U⁻¹L⁻¹P: solves against the identity in `w` (n×n; written here unless `identityWritten`),
 * then writes the columns permuted into `out` (which may be `w`) and returns it.
 */
function invertFactorised(
  { n, lu, perm }: LuFactors,
  w: Float64Array,
  out: Float64Array,
  identityWritten = false,
): Float64Array {
  if (!identityWritten) writeIdentity(w, n);
  // Without row exchanges (the rule for I − A of a productive economy, diagonally dominant by
  // columns) P = I and the columns stay where they are: the rows of the result are copied to `out`
  // as the back substitution completes them, while the helper thread goes on with the next step.
  let exchanged = false;
  for (let i = 0; i < n && !exchanged; i++) exchanged = perm[i] !== i;
  const copy =
    !exchanged && out !== w
      ? (r0: number, r1: number) => out.set(w.subarray(r0 * n, r1 * n), r0 * n)
      : undefined;
  forwardSubstitute(lu, n, w, n, true);
  backSubstitute(lu, n, w, n, copy);
  if (!exchanged) return out;
  const row = out === w ? new Float64Array(n) : null;
  for (let r = 0; r < n; r++) {
    const o = r * n;
    if (row) {
      for (let i = 0; i < n; i++) row[perm[i]!] = w[o + i]!;
      w.set(row, o);
    } else for (let i = 0; i < n; i++) out[o + perm[i]!] = w[o + i]!;
  }
  return out;
}

/**
 * The lengths of the views {@link kernelDiagonalBlocks} needs in the kernel's memory for G blocks
 * of order N: the inverse permutation (n), the blocks (n·N) and one scratch per thread
 * (n × {@link trailingColumns}).
 *
 * @internal
 */
export function diagonalBlockViews(G: number, N: number): number[] {
  const n = G * N;
  return [n, n * N, n * trailingColumns(N, G), n * trailingColumns(N, G)];
}

/**
 * `inverseDiagonalBlocks` (decompositions/common.ts) with the SIMD kernel, on the factors `lu`
 * (n×n) in its memory with a packing area of n set, and `views` there as
 * {@link diagonalBlockViews} gives them: the blocks are solved whole by
 * {@link parallelTrailingSolves}, shared with the helper thread. With `rhs`, M·X = B is solved too,
 * in place in `rhs.x` (n×w, written with the rows of B in the order of `perm`); `first` runs on
 * this thread while the helper starts on the solves.
 *
 * @internal
 */
export function kernelDiagonalBlocks(
  k: SimdKernel,
  lu: Float64Array,
  perm: Int32Array,
  G: number,
  N: number,
  views: Float64Array[],
  rhs?: { readonly x: Float64Array; readonly w: number },
  first: () => void = () => {},
): Float64Array[] {
  const n = G * N;
  const [where, out, x0, x1] = views as [Float64Array, Float64Array, Float64Array, Float64Array];
  for (let i = 0; i < n; i++) where[perm[i]!] = i;
  const area = packArea()!;
  const spare = area.spare!;
  const b = rhs ? [rhs.x.byteOffset, rhs.w] : [0, 0];
  parallelTrailingSolves(
    k,
    [lu.byteOffset, n, N, G, where.byteOffset, out.byteOffset, b[0]!, b[1]!].concat([
      x0.byteOffset,
      area.c,
      area.u,
      x1.byteOffset,
      spare.c,
      spare.u,
    ]) as unknown as TrailingParams,
    first,
  );
  const Bss: Float64Array[] = [];
  for (let s = 0; s < G; s++) Bss.push(out.slice(s * N * N, (s + 1) * N * N));
  return Bss;
}
