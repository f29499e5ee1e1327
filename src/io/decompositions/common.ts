import { GvcError } from '../../core/errors.js';
import { coefficientsData, valueAddedCoefficientsData } from '../core.js';
import { assertIcio, finalDemandSplit, grossExportsVector } from '../internal.js';
import { identityMinus, inverse } from '../kernels/index.js';
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
      { path: 'G', message: `expected at least 2 countries, found ${icio.G}` },
    ]);
  }
}

/**
 * The quantities every gross-exports decomposition reuses, computed once per table. Vectors are
 * length n = G·N, country-major; `Lss[s]` is country s's N×N local (domestic) Leontief inverse.
 *
 * @internal
 */
export interface DecompositionBasis {
  readonly G: number;
  readonly N: number;
  readonly n: number;
  /** Technical coefficients A = Z·diag(x)⁻¹, n×n (a zero column where x = 0). */
  readonly A: Float64Array;
  /** Value-added coefficients v = va / x (0 where x = 0). */
  readonly v: Float64Array;
  /** Global Leontief inverse B = (I − A)⁻¹, n×n. */
  readonly B: Float64Array;
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
  /** Domestic value-added multipliers v_s·B_ss per block ("VBdom"). */
  readonly vb: Float64Array;
  /** Total value-added multipliers v·B (column sums of diag(v)·B; 1 in a balanced table). */
  readonly vB: Float64Array;
}

/**
 * Computes the {@link DecompositionBasis} of a validated table: one global Leontief inverse and G
 * local inverses of order N.
 *
 * @internal
 */
export function decompositionBasis(icio: Icio): DecompositionBasis {
  const { G, N, Y } = icio;
  const n = G * N;
  const A = coefficientsData(icio);
  const v = valueAddedCoefficientsData(icio);
  const B = inverse(identityMinus(A, n), n);
  const Lss: Float64Array[] = [];
  for (let s = 0; s < G; s++) Lss.push(inverse(identityMinus(block(A, n, s * N, s * N, N), N), N));

  const E = grossExportsVector(icio);
  const Efin = finalDemandSplit(icio).yF;

  const h = new Float64Array(n);
  const vl = new Float64Array(n);
  const vb = new Float64Array(n);
  const vB = new Float64Array(n);
  for (let s = 0; s < G; s++) {
    const o = s * N;
    const L = Lss[s]!;
    for (let k = 0; k < N; k++) {
      let acc = 0;
      for (let l = 0; l < N; l++) acc += L[k * N + l]! * Y[(o + l) * G + s]!;
      h[o + k] = acc;
    }
    for (let l = 0; l < N; l++) {
      let accL = 0;
      let accB = 0;
      for (let k = 0; k < N; k++) {
        accL += v[o + k]! * L[k * N + l]!;
        accB += v[o + k]! * B[(o + k) * n + o + l]!;
      }
      vl[o + l] = accL;
      vb[o + l] = accB;
    }
  }
  for (let i = 0; i < n; i++) {
    const vi = v[i]!;
    if (vi === 0) continue;
    const row = i * n;
    for (let j = 0; j < n; j++) vB[j] = vB[j]! + vi * B[row + j]!;
  }
  return { G, N, n, A, v, B, Lss, E, Efin, h, vl, vb, vB };
}

/**
 * Copies the N×N block of an n×n row-major matrix whose top-left corner is (r0, c0).
 *
 * @internal
 */
export function block(m: Float64Array, n: number, r0: number, c0: number, N: number): Float64Array {
  const out = new Float64Array(N * N);
  for (let k = 0; k < N; k++) out.set(m.subarray((r0 + k) * n + c0, (r0 + k) * n + c0 + N), k * N);
  return out;
}

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

/**
 * B·M for an n×G matrix M whose column t is nonzero only in block t, given as an n-vector `d`
 * (so M[i, t] = d[i] when i is in block t): returns the n×G matrix with column t = B_{·t}·d_t.
 *
 * @internal
 */
export function timesBlockColumns(
  B: Float64Array,
  n: number,
  G: number,
  N: number,
  d: Float64Array,
): Float64Array {
  const out = new Float64Array(n * G);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let t = 0; t < G; t++) {
      let acc = 0;
      for (let j = t * N; j < (t + 1) * N; j++) acc += B[row + j]! * d[j]!;
      out[i * G + t] = acc;
    }
  }
  return out;
}
