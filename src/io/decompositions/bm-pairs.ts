/**
 * The source-approach Borin–Mancini perspectives other than the exporter's: exporting sector,
 * bilateral, bilateral-sector and world. Each counts value added once at the border of its own
 * perimeter, i.e. uses the inverse B^x of the world whose flows across that perimeter are switched
 * off. B^x is never formed: switching off the block Δ of the exporter's rows gives
 * B^x_{·s} = B_{·s} (I + Δ B_{·s})⁻¹ (Woodbury), so every term is the plain content coefficient
 * v B_{·s} times an N×N inverse — or, when Δ is a single row k, divided by 1 + (Δ B_{·s})_kk.
 *
 * @packageDocumentation
 */
import { GvcError } from '../../core/errors.js';
import { addRowCombination } from '../kernels/matrix.js';
import { localTimesInverse } from './bm-shared.js';
import { type BmContext, type BmTerms, exportFlows, sourceTerms } from './bm-terms.js';

/** One record's position: exporter s, exporting sector k and, for the bilateral perspectives, partner r. */
export interface BmCell {
  readonly s: number;
  readonly k: number;
  readonly r?: number;
  readonly terms: BmTerms;
}

/**
 * The world perspective (Borin & Mancini 2019, §3; Miroudot & Ye 2021's "world" perimeter): value
 * added is counted the first time it crosses any border, so B^x is the block-diagonal local inverse:
 * DVA = (v_s L_ss)_k E_k as in the exporter perspective, and all foreign content has already been
 * counted in its origin's exports: FVA = 0, FDC = FC.
 *
 * @internal
 */
export function worldCells(c: BmContext): BmCell[] {
  const { G, N, vb, vB, vl } = c;
  const out: BmCell[] = [];
  for (let s = 0; s < G; s++) {
    for (let k = 0; k < N; k++) {
      const i = s * N + k;
      const terms = sourceTerms(exportFlows(c, s, k), vb[i]!, vB[i]! - vb[i]!, vl[i]!, vl[i]!, 0);
      out.push({ s, k, terms });
    }
  }
  return out;
}

/**
 * The exporting-sector perspective (Borin & Mancini 2023, §4; exvatools `sector`): value added is
 * double counted when it crosses the border more than once as exports of sector k of s. Switching off
 * row k of s's exports is a rank-one change, so the content coefficients are divided by
 * 1 + Σ_{r≠s} (A_sr B_rs)_kk = ((I − A_ss) B_ss)_kk: no off-diagonal block of B is needed.
 *
 * @internal
 */
export function sectorCells(c: BmContext): BmCell[] {
  const { G, N, n, A, Bss, vb, vB, vl } = c;
  const out: BmCell[] = [];
  for (let s = 0; s < G; s++) {
    const C = localTimesInverse(A, n, s * N, N, Bss[s]!);
    for (let k = 0; k < N; k++) {
      const i = s * N + k;
      const den = C[k * N + k]!;
      const p = vb[i]!;
      const q = vB[i]! - p;
      out.push({ s, k, terms: sourceTerms(exportFlows(c, s, k), p, q, vl[i]!, p / den, q / den) });
    }
  }
  return out;
}

/**
 * The bilateral (exporter–partner) and bilateral-sector perspectives (Borin & Mancini 2023, §4;
 * exvatools `partner`, `partner` + `sector`), visited exporter by exporter and partner by partner:
 * for each pair the N×N matrix C = I + A_sr B_rs, read in place from the global inverse B (formed
 * once, by denseBmContext; the only n×n array besides A). Bilateral: the coefficients are (v_s B_ss, Σ_t v_t B_ts)·C⁻¹
 * (switching off the whole s → r block). Bilateral-sector: they are divided by C_kk (switching off
 * row k of it). `visit` receives each record in order s, r, k.
 *
 * @internal
 */
export function eachPairCell(
  c: BmContext & { readonly B: Float64Array },
  sectorPerimeter: boolean,
  visit: (cell: BmCell) => void,
): void {
  const { G, N, n, A, B, vb, vB, vl } = c;
  const C = new Float64Array(N * N);
  const diag = new Float64Array(N);
  const rhs = new Float64Array(N * 2);
  for (let s = 0; s < G; s++) {
    const o = s * N;
    for (let r = 0; r < G; r++) {
      if (r === s) continue;
      const ro = r * N;
      let d: Float64Array | undefined;
      if (sectorPerimeter) {
        // only the diagonal of C = I + A_sr B_rs is needed
        for (let k = 0; k < N; k++) {
          const arow = (o + k) * n + ro;
          let acc = 1;
          for (let l = 0; l < N; l++) acc += A[arow + l]! * B[(ro + l) * n + o + k]!;
          diag[k] = acc;
        }
      } else {
        // C = I + A_sr B_rs, row by row: row k += Σ_l A_sr[k, l] · (row l of B_rs), read in place in B
        C.fill(0);
        for (let k = 0; k < N; k++) {
          C[k * N + k] = 1;
          addRowCombination(C, k * N - o, A, (o + k) * n, 1, B, n, ro, ro + N, o, o + N);
        }
        for (let k = 0; k < N; k++) {
          diag[k] = C[k * N + k]!;
          rhs[k * 2] = vb[o + k]!;
          rhs[k * 2 + 1] = vB[o + k]! - vb[o + k]!;
        }
        // row vectors: [d; f] C = [p; q]  ⇔  Cᵀ [dᵀ fᵀ] = [pᵀ qᵀ]
        d = solveTransposed(C, N, rhs);
      }
      const partner = [r];
      for (let k = 0; k < N; k++) {
        const i = o + k;
        const p = vb[i]!;
        const q = vB[i]! - p;
        const den = diag[k]!;
        const dk = d ? d[k * 2]! : p / den;
        const fk = d ? d[k * 2 + 1]! : q / den;
        visit({ s, k, r, terms: sourceTerms(exportFlows(c, s, k, partner), p, q, vl[i]!, dk, fk) });
      }
    }
  }
}

/**
 * Solves Cᵀ X = R for the N×2 right-hand sides R (overwritten with X) by Gaussian elimination with
 * partial pivoting on a copy of Cᵀ: N is a sector count, so a plain O(N³) loop beats the kernels'
 * set-up. C = I + A_sr B_rs is non-singular whenever I − A is (det C = det(I − A^x)/det(I − A)).
 */
function solveTransposed(C: Float64Array, N: number, R: Float64Array): Float64Array {
  const M = new Float64Array(N * N);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) M[i * N + j] = C[j * N + i]!;
  for (let col = 0; col < N; col++) {
    let piv = col;
    for (let i = col + 1; i < N; i++) if (Math.abs(M[i * N + col]!) > Math.abs(M[piv * N + col]!)) piv = i;
    const p = M[piv * N + col]!;
    if (p === 0 || !Number.isFinite(p))
      throw new GvcError(
        'SINGULAR_MATRIX',
        'a bilateral extraction matrix is singular to working precision',
        [
          {
            path: 'icio',
            message: `expected I + A_sr·B_rs to be invertible, found a zero pivot in column ${col}`,
          },
        ],
      );
    if (piv !== col) {
      for (let j = 0; j < N; j++) {
        const t = M[col * N + j]!;
        M[col * N + j] = M[piv * N + j]!;
        M[piv * N + j] = t;
      }
      for (let j = 0; j < 2; j++) {
        const t = R[col * 2 + j]!;
        R[col * 2 + j] = R[piv * 2 + j]!;
        R[piv * 2 + j] = t;
      }
    }
    for (let i = col + 1; i < N; i++) {
      const m = M[i * N + col]! / p;
      if (m === 0) continue;
      for (let j = col; j < N; j++) M[i * N + j] = M[i * N + j]! - m * M[col * N + j]!;
      R[i * 2] = R[i * 2]! - m * R[col * 2]!;
      R[i * 2 + 1] = R[i * 2 + 1]! - m * R[col * 2 + 1]!;
    }
  }
  for (let i = N - 1; i >= 0; i--) {
    let a = R[i * 2]!;
    let b = R[i * 2 + 1]!;
    for (let j = i + 1; j < N; j++) {
      a -= M[i * N + j]! * R[j * 2]!;
      b -= M[i * N + j]! * R[j * 2 + 1]!;
    }
    R[i * 2] = a / M[i * N + i]!;
    R[i * 2 + 1] = b / M[i * N + i]!;
  }
  return R;
}
