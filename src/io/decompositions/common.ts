import { GvcError, type GvcIssue } from '../../core/errors.js';
import {
  coefficientsBlock,
  coefficientsData,
  conditionedFactors,
  valueAddedCoefficientsData,
} from '../core.js';
import { assertIcio, finalDemandSplit, grossExportsVector } from '../internal.js';
import { diagonalBlockViews, inverse, kernelDiagonalBlocks } from '../kernels/inverse.js';
import { withResidentFactors } from '../kernels/kernel-memory.js';
import { type LuFactors, SIMD_MIN_ORDER } from '../kernels/lu.js';
import { luSolveOf, luSolveTransposedOf } from '../kernels/lu-solve.js';
import { addRowCombination, block, identityMinusOf } from '../kernels/matrix.js';
import { simdKernel } from '../kernels/simd.js';
import type { Icio } from '../types.js';

/**
 * Checks that a value is a table built by `createIcio` (shapes, via the shared `assertIcio`) with at
 * least two countries, as every decomposition of exports needs.
 *
 * @internal
 */
export function checkIcio(icio: Icio, fn: string): void {
  assertIcio(icio);
  if (icio.G < 2) {
    throw new GvcError('INVALID_INPUT', `${fn} needs an inter-country table`, [
      { path: 'icio.G', message: `expected at least 2 countries, found ${icio.G}` },
    ]);
  }
}

/**
 * What every decomposition of exports needs besides the global inverse: coefficients, exports and
 * the local (domestic) Leontief inverses with their products. Vectors are length n = G·N,
 * country-major; `Lss[s]` is country s's N×N block.
 *
 * @internal
 */
export interface LocalBasis {
  readonly G: number;
  readonly N: number;
  readonly n: number;
  /** Technical coefficients A = Z·diag(x)⁻¹, n×n (a zero column where x = 0). */
  readonly A: Float64Array;
  /** Value-added coefficients v = va / x (0 where x = 0). */
  readonly v: Float64Array;
  /** Local Leontief inverses L_ss = (I − A_ss)⁻¹, one N×N block per country. */
  readonly Lss: readonly Float64Array[];
  /** Gross exports E_s* of each country–sector (intermediate and final, to all other countries). */
  readonly E: Float64Array;
  /** Final-goods exports Σ_{r≠s} Y_sr of each country–sector. */
  readonly Efin: Float64Array;
  /** Local output for domestic final demand, L_ss·Y_ss, per block. */
  readonly h: Float64Array;
  /** Domestic local value-added multipliers v_s·L_ss per block ("VLdom"). */
  readonly vl: Float64Array;
}

/**
 * A {@link LocalBasis} plus what the decompositions need from the global Leontief inverse
 * B = (I − A)⁻¹, which is never formed: the LU factors of I − A, the diagonal blocks B_ss and the
 * value-added multipliers.
 *
 * @internal
 */
export interface GlobalBasis extends LocalBasis {
  /** LU factors of I − A. */
  readonly f: LuFactors;
  /** Warnings on the condition of I − A (empty below CONDITION_WARNING). */
  readonly warnings: GvcIssue[];
  /** Diagonal blocks B_ss of the global inverse, one N×N block per country. */
  readonly Bss: readonly Float64Array[];
  /** Domestic value-added multipliers v_s·B_ss per block ("VBdom"). */
  readonly vb: Float64Array;
  /** Total value-added multipliers v·B (column sums of diag(v)·B; 1 in a balanced table). */
  readonly vB: Float64Array;
}

/**
 * Computes the {@link LocalBasis}: coefficients, exports and G local inverses of order N.
 *
 * @internal
 */
export function localBasis(icio: Icio): LocalBasis {
  const { G, N } = icio;
  const n = G * N;
  const A = coefficientsData(icio);
  return { ...domesticBasis(icio, (o) => block(A, n, o, o, N)), A };
}

/**
 * The {@link LocalBasis} without A: its diagonal blocks A_ss come from `diagonal` (the block at
 * row and column o), by default from Z and x one block at a time, so that no n×n array is made.
 *
 * @internal
 */
export function domesticBasis(
  icio: Icio,
  diagonal: (o: number) => Float64Array = (o) => coefficientsBlock(icio, o, o, icio.N),
): Omit<LocalBasis, 'A'> {
  const { G, N, Y } = icio;
  const n = G * N;
  const v = valueAddedCoefficientsData(icio);
  const Lss: Float64Array[] = [];
  for (let s = 0; s < G; s++) Lss.push(inverse(identityMinusOf(diagonal(s * N), N), N));
  const h = new Float64Array(n);
  const vl = new Float64Array(n);
  for (let s = 0; s < G; s++) {
    const o = s * N;
    const L = Lss[s]!;
    for (let k = 0; k < N; k++) {
      let acc = 0;
      for (let l = 0; l < N; l++) acc += L[k * N + l]! * Y[(o + l) * G + s]!;
      h[o + k] = acc;
    }
    for (let l = 0; l < N; l++) {
      let acc = 0;
      for (let k = 0; k < N; k++) acc += v[o + k]! * L[k * N + l]!;
      vl[o + l] = acc;
    }
  }
  return { G, N, n, v, Lss, E: grossExportsVector(icio), Efin: finalDemandSplit(icio).yF, h, vl };
}

/**
 * v_s·B_ss per block, from the diagonal blocks B_ss of the global inverse.
 *
 * @internal
 */
export function domesticMultipliers(v: Float64Array, Bss: readonly Float64Array[], N: number): Float64Array {
  const vb = new Float64Array(v.length);
  Bss.forEach((b, s) => {
    const o = s * N;
    for (let l = 0; l < N; l++) {
      let acc = 0;
      for (let k = 0; k < N; k++) acc += v[o + k]! * b[k * N + l]!;
      vb[o + l] = acc;
    }
  });
  return vb;
}

/**
 * Computes the {@link GlobalBasis}: one LU factorisation of I − A (about (2/3)n³ operations), the
 * diagonal blocks of B by structured solves (about n³/3 multiply–adds) and v·B by one transposed
 * solve. Memory stays at a few n×n arrays (A, the factors of I − A, and with the SIMD kernel their
 * copy in its memory, which the solves that follow reuse).
 *
 * @internal
 */
export function globalBasis(icio: Icio): GlobalBasis {
  const local = localBasis(icio);
  const { G, N, n, A, v } = local;
  // I − A is a scratch copy: factorise it in place, and estimate its condition from the factors.
  const { condition: _, warnings, ...f } = conditionedFactors(icio, identityMinusOf(A, n), n, 'I − A');
  const Bss = inverseDiagonalBlocks(f, G, N);
  return { ...local, f, warnings, Bss, vb: domesticMultipliers(v, Bss, N), vB: luSolveTransposedOf(f, v) };
}

/**
 * What the decompositions of Koopman, Wang & Wei and of Wang, Wei & Zhu share beyond the
 * {@link GlobalBasis}: final output driven by each country's demand and value added by source, from
 * solves with the LU factors, and the local output needed for exports.
 *
 * @internal
 */
export interface ExportsBasis extends GlobalBasis {
  /** B·Y, n×G: output of each country–sector driven by each country's final demand (G solves). */
  readonly BY: Float64Array;
  /** P[i, t] = (B_{·t} Y_tt)_i, n×G: output of i driven by country t's domestic final demand. */
  readonly P: Float64Array;
  /** VBt[j, t] = Σ_{i∈t} v_i B_ij, n×G: value added of country t per unit of final output of j. */
  readonly VBt: Float64Array;
  /** g = L_rr E_r* per block: local output needed for each country's exports. */
  readonly g: Float64Array;
}

/**
 * Computes the {@link ExportsBasis}: the {@link GlobalBasis}, then 3·G solves and G local products.
 *
 * @internal
 */
export function exportsBasis(icio: Icio): ExportsBasis {
  const basis = globalBasis(icio);
  const { G, N, n, v, f, Lss, E } = basis;
  const g = new Float64Array(n);
  for (let r = 0; r < G; r++) addBlockTimesVector(Lss[r]!, N, 0, 0, N, E, r * N, g, r * N);
  return {
    ...basis,
    BY: luSolveOf(f, icio.Y, G),
    P: solveBlockColumns(f, G, N, domesticFinalDemand(icio)),
    VBt: valueAddedBySource(f, G, N, v),
    g,
  };
}

/**
 * B·D for the n×G matrix D whose column t holds `d` on block t and zeros elsewhere: column t of the
 * result is B_{·t}·d_t (G solves with the LU factors of I − A).
 *
 * @internal
 */
export function solveBlockColumns(f: LuFactors, G: number, N: number, d: Float64Array): Float64Array {
  const n = G * N;
  const rhs = new Float64Array(n * G);
  for (let j = 0; j < n; j++) rhs[j * G + Math.floor(j / N)] = d[j]!;
  return luSolveOf(f, rhs, G);
}

/**
 * The value added of each source country per unit of final output of each country–sector:
 * entry (j, t) of the n×G result is Σ_{i∈t} v_i B_ij, i.e. column t is (v_t·B_{t·})ᵀ (G transposed
 * solves).
 *
 * @internal
 */
export function valueAddedBySource(f: LuFactors, G: number, N: number, v: Float64Array): Float64Array {
  const n = G * N;
  const rhs = new Float64Array(n * G);
  for (let i = 0; i < n; i++) rhs[i * G + Math.floor(i / N)] = v[i]!;
  return luSolveTransposedOf(f, rhs, G);
}

/**
 * Y restricted to each country's own final demand, as an n-vector: Y_ss on block s.
 *
 * @internal
 */
export function domesticFinalDemand(icio: Icio): Float64Array {
  return finalDemandSplit(icio).yD;
}

/**
 * The diagonal N×N blocks B_ss of M⁻¹ from the LU factors of M (P·M = L·U), without forming M⁻¹.
 * The trailing factors L₂₂·U₂₂ from row o = s·N on are the LU factors of the Schur complement of
 * the leading o×o block, whose inverse is the trailing block of M⁻¹ (Golub & Van Loan 2013, §3.2);
 * so B_ss is the top-left block of U₂₂⁻¹·L₂₂⁻¹, found by one solve with N unit columns on the
 * trailing factors. About n³/3 multiply–adds over all blocks, a third of a full inverse from the
 * same factors. When pivoting moved a row of the block above row o, the solve starts at the first
 * row it touches instead. With the SIMD kernel the factors are copied once into its memory (where
 * they stay for the next solves with them) and the blocks are solved there in place, each whole by
 * one of the two threads ({@link kernelDiagonalBlocks}); otherwise in TypeScript loops.
 *
 * @internal
 */
export function inverseDiagonalBlocks(f: LuFactors, G: number, N: number): Float64Array[] {
  const { n, lu, perm } = f;
  const k = simdKernel();
  if (k && n >= SIMD_MIN_ORDER && n === G * N) {
    // The factors go into the kernel's memory once, and stay there for the solves that follow.
    return withResidentFactors(
      k,
      f,
      'lu',
      (luw) => luw.set(lu),
      diagonalBlockViews(G, N),
      ([luw, ...views]) => kernelDiagonalBlocks(k, luw!, perm, G, N, views),
      n,
    );
  }
  const where = new Int32Array(n); // where[j] = row of P·M that is row j of M
  for (let i = 0; i < n; i++) where[perm[i]!] = i;
  const out: Float64Array[] = [];
  let scratch: Float64Array | undefined; // trailing factors, reused from block to block
  for (let s = 0; s < G; s++) {
    const o = s * N;
    let lo = o;
    let unpermuted = true;
    for (let k = 0; k < N; k++) {
      lo = Math.min(lo, where[o + k]!);
      if (where[o + k] !== o + k) unpermuted = false;
    }
    if (unpermuted) {
      if (o > 0) scratch ??= new Float64Array((n - N) * (n - N));
      out.push(trailingSolve(lu, n, o, N, scratch));
      continue;
    }
    const x = new Float64Array((n - lo) * N);
    for (let k = 0; k < N; k++) x[(where[o + k]! - lo) * N + k] = 1;
    // X_i −= Σ_{p ∈ [p0, p1)} LU(i, p)·X_p, with row p of X at (p − lo)·N.
    const update = (i: number, p0: number, p1: number) =>
      addRowCombination(x, (i - lo) * N, lu, i * n + lo, -1, x, N, p0 - lo, p1 - lo, 0, N);
    // L·Y = P·E_s (L unit lower triangular), rows lo+1 … n−1, in row panels of TILE: first the
    // update from all finished panels (tile by tile, so a tile of X stays in cache), then the
    // triangle inside the panel.
    for (let i0 = lo; i0 < n; i0 += TILE) {
      const i1 = Math.min(n, i0 + TILE);
      for (let p0 = lo; p0 < i0; p0 += TILE) {
        const p1 = Math.min(i0, p0 + TILE);
        for (let i = i0; i < i1; i++) update(i, p0, p1);
      }
      for (let i = i0 + 1; i < i1; i++) update(i, i0, i);
    }
    // U·X = Y, rows n−1 down to o (rows above the block are not needed), panels from the bottom.
    for (let i1 = n; i1 > o; i1 -= TILE) {
      const i0 = Math.max(o, i1 - TILE);
      for (let p0 = i1; p0 < n; p0 += TILE) {
        const p1 = Math.min(n, p0 + TILE);
        for (let i = i0; i < i1; i++) update(i, p0, p1);
      }
      for (let i = i1 - 1; i >= i0; i--) {
        const xi = (i - lo) * N;
        update(i, i + 1, i1);
        const d = 1 / lu[i * n + i]!;
        for (let j = 0; j < N; j++) x[xi + j] = x[xi + j]! * d;
      }
    }
    out.push(x.slice((o - lo) * N, (o - lo) * N + N * N));
  }
  return out;
}

/**
 * Top-left N×N block of the inverse of the trailing factors L₂₂·U₂₂ that start at row and column o
 * (copied into `scratch` unless o = 0, where they are the whole factors).
 */
function trailingSolve(
  lu: Float64Array,
  n: number,
  o: number,
  N: number,
  scratch?: Float64Array,
): Float64Array {
  const m = n - o;
  let trailing = lu;
  if (o > 0) {
    trailing = scratch!.subarray(0, m * m);
    for (let i = 0; i < m; i++) trailing.set(lu.subarray((o + i) * n + o, (o + i + 1) * n), i * m);
  }
  const perm = new Int32Array(m);
  for (let i = 0; i < m; i++) perm[i] = i;
  const e = new Float64Array(m * N);
  for (let k = 0; k < N; k++) e[k * N + k] = 1;
  return luSolveOf({ n: m, lu: trailing, perm }, e, N).slice(0, N * N);
}

/** Rows of the right-hand sides per cache tile in {@link inverseDiagonalBlocks}. */
const TILE = 64;

/**
 * Adds the product of the N×N block at (r0, c0) of an n×n row-major matrix with the N-vector
 * `w[wOff .. wOff+N)` to `out[outOff .. outOff+N)`.
 *
 * @internal
 */
export function addBlockTimesVector(
  m: Float64Array,
  n: number,
  r0: number,
  c0: number,
  N: number,
  w: Float64Array,
  wOff: number,
  out: Float64Array,
  outOff: number,
  scale = 1,
): void {
  for (let k = 0; k < N; k++) {
    const row = (r0 + k) * n + c0;
    let acc = 0;
    for (let l = 0; l < N; l++) acc += m[row + l]! * w[wOff + l]!;
    out[outOff + k] = out[outOff + k]! + scale * acc;
  }
}
