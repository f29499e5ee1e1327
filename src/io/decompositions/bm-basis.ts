/**
 * The basis of the all-country Borin–Mancini decomposition in as little memory as the table
 * allows: besides Z, one n×n array, the LU factors of I − A, written and factorised in the SIMD
 * kernel's memory and solved there (no technical-coefficient matrix A, no copy of the factors).
 *
 * @packageDocumentation
 */
import type { GvcIssue } from '../../core/errors.js';
import { matrixNorm1 } from '../condition.js';
import type { Conditioned } from '../core.js';
import { conditionedFactors, conditionOfFactors, labelledSolve, writeLeontiefMatrix } from '../core.js';
import { diagonalBlockViews, kernelDiagonalBlocks } from '../kernels/inverse.js';
import { withSimdMemory } from '../kernels/kernel-memory.js';
import { withMemoryGuard } from '../kernels/limits.js';
import { factorise, type LuFactors, SIMD_MIN_ORDER } from '../kernels/lu.js';
import { luSolveOf, luSolveTransposedOf } from '../kernels/lu-solve.js';
import { type SimdKernel, simdKernel } from '../kernels/simd.js';
import { BLOCK } from '../kernels/triangular.js';
import type { Icio } from '../types.js';
import { domesticBasis, domesticMultipliers, inverseDiagonalBlocks, type LocalBasis } from './common.js';

/**
 * What `bmDecomposition` needs: the {@link LocalBasis} without A, the diagonal blocks B_ss of the
 * global inverse with the multipliers v_s B_ss and v B, and B·Y (n×G).
 *
 * @internal
 */
export interface BmBasis extends Omit<LocalBasis, 'A'> {
  readonly Bss: readonly Float64Array[];
  readonly vb: Float64Array;
  readonly vB: Float64Array;
  readonly BY: Float64Array;
  readonly warnings: GvcIssue[];
}

/**
 * Computes the {@link BmBasis}: the local inverses from Z one diagonal block at a time, then one LU
 * factorisation of I − A, and with its factors the diagonal blocks B_ss (trailing solves, about
 * n³/3 multiply–adds), B·Y (G solves), v·B (one transposed solve) and the condition estimate. With
 * the SIMD kernel I − A is written straight into its memory and stays there: the peak is Z and one
 * n×n array, and the solves of B_ss and B·Y are shared whole with the helper thread, while this
 * thread estimates the condition and solves for v·B first. Same results as `globalBasis` and
 * `luSolveOf(f, Y, G)` (the same operations, in the same order).
 *
 * @internal
 */
export function bmBasis(icio: Icio): BmBasis {
  const local = domesticBasis(icio);
  const { N, n, v } = local;
  const k = simdKernel();
  const solved =
    k && n >= SIMD_MIN_ORDER
      ? withMemoryGuard(n, 'the Leontief matrix of this table', () => kernelSolves(icio, k, v))
      : plainSolves(icio, v);
  return { ...local, ...solved, vb: domesticMultipliers(v, solved.Bss, N) };
}

/** What the factors of I − A give: B_ss, B·Y, v·B and the condition's warnings. */
type Solved = Pick<BmBasis, 'Bss' | 'BY' | 'vB' | 'warnings'>;

/** {@link bmBasis}'s solves without the SIMD kernel (or for small tables): I − A in a new array. */
function plainSolves(icio: Icio, v: Float64Array): Solved {
  const { G, N, Y } = icio;
  const n = G * N;
  const f = withMemoryGuard(n, 'the Leontief matrix of this table', () => {
    const m = new Float64Array(n * n);
    writeLeontiefMatrix(icio, m);
    return conditionedFactors(icio, m, n, 'I − A');
  });
  return {
    Bss: inverseDiagonalBlocks(f, G, N),
    BY: luSolveOf(f, Y, G),
    vB: luSolveTransposedOf(f, v),
    warnings: f.warnings,
  };
}

/**
 * {@link bmBasis}'s solves in the kernel's memory: I − A, its factors, the panel of the LU, B·Y
 * (solved in place from P·Y), the inverse permutation, the G blocks B_ss and one scratch of at
 * most n×256 per thread; the packing areas of the LU serve the two threads' solves afterwards.
 */
function kernelSolves(icio: Icio, k: SimdKernel, v: Float64Array): Solved {
  const { G, N, Y } = icio;
  const n = G * N;
  return withSimdMemory(
    k,
    [n * n, n * BLOCK, n * G, ...diagonalBlockViews(G, N)],
    ([lu, panel, by, ...views]) => {
      writeLeontiefMatrix(icio, lu!);
      const normM = matrixNorm1(lu!, n);
      const f: LuFactors = labelledSolve(icio, 'I − A', () => factorise(lu!, n, panel!));
      const { perm } = f;
      for (let i = 0; i < n; i++) by!.set(Y.subarray(perm[i]! * G, perm[i]! * G + G), i * G);
      let conditioned: Conditioned | undefined;
      let vB: Float64Array = new Float64Array(0);
      const Bss = kernelDiagonalBlocks(k, lu!, perm, G, N, views, { x: by!, w: G }, () => {
        // On this thread while the helper starts on the solves: O(n²) work on the factors.
        conditioned = conditionOfFactors(icio, f, normM, 'I − A');
        vB = luSolveTransposedOf(f, v);
      });
      return { Bss, BY: by!.slice(), vB, warnings: conditioned!.warnings };
    },
    n,
  );
}
