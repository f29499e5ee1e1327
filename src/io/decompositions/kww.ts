import { checkFiniteRecords, finish, sumAbroad } from '../internal.js';
import type { Icio } from '../types.js';
import { addBlockTimesVector, checkIcio, exportsBasis } from './common.js';
import type { KwwRecord } from './kww-record.js';

/**
 * Decomposes each country's gross exports into the nine terms of Koopman, Wang & Wei (2014),
 * "Tracing value-added and double counting in gross exports", American Economic Review 104(2),
 * 459–494, eq. (36): `DVA_FIN + DVA_INT + DVA_INTrex + RDV_FIN + RDV_INT + DDC + FVA_FIN + FVA_INT +
 * FDC = GEXP`. The terms are computed from KWW's own formulas (as in decompr's `kww`, Quast &
 * Kummritz 2015) and equal the country sums of the {@link wwzDecomposition} terms under WWZ's
 * Table E2 mapping (e.g. DVA_INT = DVA_INT + DVA_INTrexI1 of WWZ). The decomposition is exact when
 * value added is the column residual of the table (v·B = 1), as {@link createIcio} computes it.
 * B is never formed: one LU factorisation of I − A, its diagonal blocks and solves with G
 * right-hand sides give every term.
 *
 * @param icio - the table, from {@link createIcio}; at least two countries
 * @returns one record per country, in table order
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a table built by `createIcio` or has fewer
 *   than two countries; `SINGULAR_MATRIX` when I − A (or a domestic block I − A_ss) is singular, or I − A's condition number is above CONDITION_LIMIT; `UNSUPPORTED` when a result overflows
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const a = kwwDecomposition(t)[0]!;
 * [a.GEXP, a.DVA_FIN.toFixed(4), a.DDC.toFixed(4)];
 * //=> [30, '12.9412', '0.6618']
 * ```
 */
export function kwwDecomposition(icio: Icio): KwwRecord[] {
  checkIcio(icio, 'kwwDecomposition');
  // BY = B·Y, P[i, t] = (B_{·t} Y_tt)_i, VBt[j, s] = Σ_{i∈s} v_i B_ij and g = L_rr E_r* per block.
  const { G, N, n, A, v, Bss, Lss, E, Efin, h, vb, vB, BY, P, VBt, g, warnings } = exportsBasis(icio);
  const { Y } = icio;

  const out = icio.countries.map((country, s) => {
    const o = s * N;
    // u_h = Σ_{r≠s} A_rs (L_ss Y_ss) and u_e = Σ_{r≠s} A_rs (L_ss E_s*), both n-vectors (rows r ≠ s).
    const ls = Lss[s]!;
    const lsE = new Float64Array(N);
    addBlockTimesVector(ls, N, 0, 0, N, E, o, lsE, 0);
    const uh = new Float64Array(n);
    const ue = new Float64Array(n);
    for (let r = 0; r < G; r++) {
      if (r === s) continue;
      addBlockTimesVector(A, n, r * N, o, N, h, o, uh, r * N);
      addBlockTimesVector(A, n, r * N, o, N, lsE, 0, ue, r * N);
    }
    // Intermediate exports of s weighted by the importers' local inverses.
    const aH = new Float64Array(N);
    const aG = new Float64Array(N);
    for (let r = 0; r < G; r++) {
      if (r === s) continue;
      addBlockTimesVector(A, n, o, r * N, N, h, r * N, aH, 0);
      addBlockTimesVector(A, n, o, r * N, N, g, r * N, aG, 0);
    }
    let GEXP = 0;
    let DVA_FIN = 0;
    let DVA_INT = 0;
    let VAX = 0;
    let RDV_FIN = 0;
    let RDV_INT = 0;
    let DDC = 0;
    let FVA_FIN = 0;
    let FVA_INT = 0;
    let FDC = 0;
    for (let k = 0; k < N; k++) {
      const i = o + k;
      const vi = v[i]!;
      const foreign = vB[i]! - vb[i]!;
      GEXP += E[i]!;
      DVA_FIN += vb[i]! * Efin[i]!;
      FVA_FIN += foreign * Efin[i]!;
      FVA_INT += foreign * aH[k]!;
      FDC += foreign * aG[k]!;
      if (vi === 0) continue;
      DVA_INT += vi * sumAbroad(P, i * G, G, s);
      VAX += vi * sumAbroad(BY, i * G, G, s);
      // B_ss Y_ss part of (B Y)_{i,s}: Σ_{j∈s} B_ij Y_js.
      let own = 0;
      for (let l = 0; l < N; l++) own += Bss[s]![k * N + l]! * Y[(o + l) * G + s]!;
      RDV_FIN += vi * (BY[i * G + s]! - own);
    }
    // V_s Σ_{r≠s} B_sr u_r = Σ_{j∉s} VBt[j, s] u_j for u = uh (RDV_INT) and u = ue (DDC).
    for (let j = 0; j < n; j++) {
      if (j >= o && j < o + N) continue;
      RDV_INT += VBt[j * G + s]! * uh[j]!;
      DDC += VBt[j * G + s]! * ue[j]!;
    }
    return {
      country,
      GEXP,
      DVA_FIN,
      DVA_INT,
      DVA_INTrex: VAX - DVA_FIN - DVA_INT,
      RDV_FIN,
      RDV_INT,
      DDC,
      FVA_FIN,
      FVA_INT,
      FDC,
    };
  });
  checkFiniteRecords(out, 'KWW decomposition');
  return finish(out, warnings);
}
