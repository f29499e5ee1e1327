import { checkFiniteRecords, finish } from '../internal.js';
import type { Icio } from '../types.js';
import { addBlockTimesVector, checkIcio, exportsBasis, solveBlockColumns } from './common.js';
import type { WwzRecord } from './wwz-record.js';

/**
 * Decomposes bilateral gross exports at the sector level into the sixteen value-added and
 * double-counting terms of Wang, Wei & Zhu (2013), "Quantifying international production sharing at
 * the bilateral and sector levels", NBER Working Paper 19677, eq. (37): for exporter s, sector i and
 * importer r, E_sr^i = DVA_FIN + DVA_INT + DVA_INTrexI1 + DVA_INTrexF + DVA_INTrexI2 + RDV_INT +
 * RDV_FIN + RDV_FIN2 + OVA_FIN + MVA_FIN + OVA_INT + MVA_INT + DDC_FIN + DDC_INT + ODC + MDC. Summed
 * over partners and sectors the terms give {@link kwwDecomposition} (WWZ Table E2). The global
 * inverse B is never formed: one LU factorisation of I − A, its diagonal blocks B_ss by structured
 * solves, a few solves with G right-hand sides and the G local inverses, then work of order N² per
 * exporter–importer pair.
 *
 * @param icio - the table, from {@link createIcio}; at least two countries
 * @returns one record per exporter country, sector and importer r ≠ s, ordered by exporter, then
 *   sector, then importer (decompr's row order without the zero rows r = s)
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a table built by `createIcio` or has fewer
 *   than two countries; `SINGULAR_MATRIX` when I − A (or a domestic block I − A_ss) is singular, or I − A's condition number is above CONDITION_LIMIT; `UNSUPPORTED` when a result overflows
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const ab = wwzDecomposition(t)[0]!;
 * [ab.country, ab.partner, ab.texp, ab.DVA_FIN.toFixed(4)];
 * //=> ['A', 'B', 30, '12.9412']
 * ```
 */
export function wwzDecomposition(icio: Icio): WwzRecord[] {
  checkIcio(icio, 'wwzDecomposition');
  // BY = B·Y, P[i,t] = (B_{·t} Y_tt)_i, VBt[j, t] = Σ_{i∈t} v_i B_ij (value added of country t per
  // unit of final output of j) and g = L_rr E_r* per block.
  const { G, N, n, A, f, Bss, Efin, h, vl, vb, vB, BY, P, VBt, g, warnings } = exportsBasis(icio);
  const { Y, Z } = icio;
  const R = solveBlockColumns(f, G, N, Efin); // R[i,t] = (B_{·t} Ye_t)_i, Ye = final exports
  // Q[i,t] = (B_rr Y_rt)_i for i in country r: the domestic block of B times final demand.
  const Q = new Float64Array(n * G);
  for (let i = 0; i < n; i++) {
    const r = Math.floor(i / N);
    const o = r * N;
    const b = Bss[r]!;
    for (let t = 0; t < G; t++) {
      let acc = 0;
      for (let l = 0; l < N; l++) acc += b[(i - o) * N + l]! * Y[(o + l) * G + t]!;
      Q[i * G + t] = acc;
    }
  }

  const W = 10; // partner-side vectors w (length N each), multiplied by A_sr
  const w = new Float64Array(W * N);
  const aw = new Float64Array(W * N);
  const out: WwzRecord[] = [];
  const rows: WwzRecord[][] = Array.from({ length: n }, () => []);
  for (let s = 0; s < G; s++) {
    const os = s * N;
    for (let r = 0; r < G; r++) {
      if (r === s) continue;
      const or = r * N;
      for (let k = 0; k < N; k++) {
        const j = or + k;
        const Pr = P[j * G + r]!;
        const Ps = P[j * G + s]!;
        const Qs = Q[j * G + s]!;
        const rdvFin2 = BY[j * G + s]! - Qs - Ps;
        let q = 0;
        let qb = 0;
        let rb = 0;
        for (let t = 0; t < G; t++) {
          q += P[j * G + t]!;
          rb += R[j * G + t]!;
          if (t !== r) qb += Q[j * G + t]!;
        }
        w[0 * N + k] = Pr; // DVA_INT
        w[1 * N + k] = q - Pr - Ps; // DVA_INTrexI1
        w[2 * N + k] = qb - Qs; // DVA_INTrexF
        w[3 * N + k] = rb - R[j * G + r]! - R[j * G + s]! - rdvFin2; // DVA_INTrexI2
        w[4 * N + k] = Ps; // RDV_INT
        w[5 * N + k] = Qs; // RDV_FIN
        w[6 * N + k] = rdvFin2; // RDV_FIN2
        w[7 * N + k] = R[j * G + s]!; // DDC_FIN
        w[8 * N + k] = h[j]!; // MVA_INT, OVA_INT
        w[9 * N + k] = g[j]!; // MDC, ODC
      }
      aw.fill(0);
      for (let m = 0; m < W; m++) addBlockTimesVector(A, n, os, or, N, w, m * N, aw, m * N);
      for (let k = 0; k < N; k++) {
        const i = os + k;
        const l = vl[i]!;
        const d = vb[i]!;
        const mva = VBt[i * G + r]!;
        const ova = vB[i]! - d - mva;
        const yf = Y[i * G + r]!;
        let zi = 0; // intermediate exports Z_sr^i·1 = A_sr X_r
        for (let c = or; c < or + N; c++) zi += Z[i * n + c]!;
        rows[i]!.push({
          country: icio.countries[s]!,
          sector: icio.sectors[k]!,
          partner: icio.countries[r]!,
          DVA_FIN: d * yf,
          DVA_INT: l * aw[0 * N + k]!,
          DVA_INTrexI1: l * aw[1 * N + k]!,
          DVA_INTrexF: l * aw[2 * N + k]!,
          DVA_INTrexI2: l * aw[3 * N + k]!,
          RDV_INT: l * aw[4 * N + k]!,
          RDV_FIN: l * aw[5 * N + k]!,
          RDV_FIN2: l * aw[6 * N + k]!,
          OVA_FIN: ova * yf,
          MVA_FIN: mva * yf,
          OVA_INT: ova * aw[8 * N + k]!,
          MVA_INT: mva * aw[8 * N + k]!,
          DDC_FIN: l * aw[7 * N + k]!,
          DDC_INT: (d - l) * zi,
          ODC: ova * aw[9 * N + k]!,
          MDC: mva * aw[9 * N + k]!,
          texp: zi + yf,
          texpint: zi,
          texpfd: yf,
        });
      }
    }
  }
  for (const r of rows) for (const record of r) out.push(record);
  checkFiniteRecords(out, 'WWZ decomposition');
  return finish(out, warnings);
}
