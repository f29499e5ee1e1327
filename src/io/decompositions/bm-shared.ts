/**
 * What the Borin–Mancini family of decompositions share beyond the bases of `common.ts`: the
 * export vectors of VAX and DAVAX, the matrix (I − A_ss) B_ss of an exporter and its FVA system,
 * and the basis with the whole global inverse for the bilateral perimeters.
 */
import type { GvcIssue } from '../../core/errors.js';
import { leontiefInverseData } from '../core.js';
import { block } from '../kernels/matrix.js';
import type { Icio } from '../types.js';
import { addBlockTimesVector, domesticMultipliers, type LocalBasis, localBasis } from './common.js';

/**
 * The export vectors of the Borin–Mancini VAX and DAVAX terms, per exporting country–sector:
 * DAE = Σ_{r≠s} (Y_sr + A_sr L_rr Y_rr) (exports absorbed by the direct importer) and
 * VAXE = Σ_{r≠s} (Y_sr + A_sr (x_r − (B Y)_{r,s})) (exports not coming back home), from the final
 * exports `Efin`, the local-inverse final demand `h` = L_rr Y_rr and `BY` = B·Y (n×G), with A's
 * blocks read from `A` or, when it is `null`, formed from Z and x as they are needed. Shared by
 * `bmDecomposition` and `embodiedInExports`, which replaces value added by a stressor.
 *
 * @internal
 */
export function absorptionExports(
  icio: Icio,
  A: Float64Array | null,
  Efin: Float64Array,
  h: Float64Array,
  BY: Float64Array,
): { dae: Float64Array; vaxe: Float64Array } {
  const { G, N, x } = icio;
  const n = G * N;
  const dae = Float64Array.from(Efin);
  const vaxe = Float64Array.from(Efin);
  const notAbsorbedHome = new Float64Array(N);
  // Without A, its blocks A_sr = Z_sr diag(x_r)⁻¹ are formed row by row from Z, as coefficientsData
  // forms them (a subnormal x_j, whose reciprocal overflows, divides instead).
  const inv = new Float64Array(n);
  for (let j = 0; j < n; j++) inv[j] = x[j]! > 0 ? 1 / x[j]! : 0;
  const blockTimes = (s: number, r: number, w: Float64Array, wOff: number, out: Float64Array) => {
    if (A) return addBlockTimesVector(A, n, s * N, r * N, N, w, wOff, out, s * N);
    for (let k = 0; k < N; k++) {
      const row = (s * N + k) * n + r * N;
      let acc = 0;
      for (let l = 0; l < N; l++) {
        const c = inv[r * N + l]!;
        acc += (Number.isFinite(c) ? icio.Z[row + l]! * c : icio.Z[row + l]! / x[r * N + l]!) * w[wOff + l]!;
      }
      out[s * N + k] = out[s * N + k]! + acc;
    }
  };
  for (let s = 0; s < G; s++) {
    for (let r = 0; r < G; r++) {
      if (r === s) continue;
      for (let k = 0; k < N; k++) notAbsorbedHome[k] = x[r * N + k]! - BY[(r * N + k) * G + s]!;
      blockTimes(s, r, h, r * N, dae);
      blockTimes(s, r, notAbsorbedHome, 0, vaxe);
    }
  }
  return { dae, vaxe };
}

/**
 * (I − A_ss)·B_ss for the diagonal block at offset o: the matrix I + Δ_s B_{·s} whose inverse turns
 * B_{·s} into the exporter-extracted B^s_{·s}.
 *
 * @internal
 */
export function localTimesInverse(
  A: Float64Array,
  n: number,
  o: number,
  N: number,
  Bss: Float64Array,
): Float64Array {
  return blockTimesInverse(block(A, n, o, o, N), N, Bss);
}

/** (I − A_ss)·B_ss from the N×N block A_ss ({@link localTimesInverse}). */
function blockTimesInverse(Ass: Float64Array, N: number, Bss: Float64Array): Float64Array {
  const C = new Float64Array(N * N);
  for (let l = 0; l < N; l++) {
    for (let k = 0; k < N; k++) {
      let acc = Bss[l * N + k]!;
      for (let m = 0; m < N; m++) acc -= Ass[l * N + m]! * Bss[m * N + k]!;
      C[l * N + k] = acc;
    }
  }
  return C;
}

/**
 * The transpose of C = (I − A_ss) B_ss for exporter s ({@link localTimesInverse}), whose inverse
 * turns the foreign content coefficients into Borin & Mancini's FVA coefficients without forming the
 * inverse of the world without the exporter's intermediate exports: f_s = (Σ_{t≠s} V_t B_ts) C⁻¹,
 * solved as Cᵀ f_sᵀ = (…)ᵀ. Shared by `bmDecomposition` and `embodiedInExports`.
 *
 * @internal
 */
export function fvaSystemTransposed(
  A: Float64Array,
  n: number,
  Bss: Float64Array,
  s: number,
  N: number,
): Float64Array {
  return fvaSystemOfBlock(block(A, n, s * N, s * N, N), Bss, N);
}

/**
 * {@link fvaSystemTransposed} from the exporter's N×N block A_ss alone.
 *
 * @internal
 */
export function fvaSystemOfBlock(Ass: Float64Array, Bss: Float64Array, N: number): Float64Array {
  const C = blockTimesInverse(Ass, N, Bss);
  const Ct = new Float64Array(N * N);
  for (let l = 0; l < N; l++) for (let k = 0; k < N; k++) Ct[k * N + l] = C[l * N + k]!;
  return Ct;
}

/**
 * The local basis with the whole global inverse B, for the decompositions that need every block
 * B_rs (the bilateral Borin–Mancini perspectives, Miroudot & Ye's bilateral perimeter): one
 * inversion of I − A (its condition judged from the exact norm of B), then B's diagonal blocks, the
 * multipliers v_s B_ss and v B.
 *
 * @internal
 */
export function denseBasis(icio: Icio): LocalBasis & {
  readonly Bss: Float64Array[];
  readonly vb: Float64Array;
  readonly vB: Float64Array;
  readonly warnings: GvcIssue[];
  readonly B: Float64Array;
} {
  const local = localBasis(icio);
  const { G, N, n, v } = local;
  const { data: B, warnings } = leontiefInverseData(icio);
  const Bss: Float64Array[] = [];
  for (let s = 0; s < G; s++) Bss.push(block(B, n, s * N, s * N, N));
  const vB = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const vi = v[i]!;
    if (vi === 0) continue;
    const row = i * n;
    for (let j = 0; j < n; j++) vB[j] = vB[j]! + vi * B[row + j]!;
  }
  return { ...local, Bss, vb: domesticMultipliers(v, Bss, N), vB, warnings: [...warnings], B };
}
