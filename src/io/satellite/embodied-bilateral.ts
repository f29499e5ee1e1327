/**
 * The export vectors of the stressors embodied in bilateral trade: gross exports, and the parts the
 * Borin–Mancini DAVAX and VAX terms keep, per exporting country–sector and partner.
 *
 * @packageDocumentation
 */
import type { Icio } from '../types.js';

/**
 * Per exporting country–sector i (of country s) and partner r ≠ s, n×G row-major (0 where r = s):
 * `E` = Y_ir + Σ_{j∈r} Z_ij, the bilateral gross exports E_sr; `dae` = Y_ir + (A_sr L_rr Y_rr)_i,
 * what the partner absorbs directly; `vaxe` = Y_ir + (A_sr (x_r − (B·Y)_{r,s}))_i, what does not come
 * back home. Summed over partners they are the vectors of `absorptionExports`, so the partner
 * records of an exporter sum to its country record. `h` is L_rr Y_rr per block, `BY` is B·Y (n×G).
 *
 * @internal
 */
export function bilateralExportVectors(
  icio: Icio,
  A: Float64Array,
  h: Float64Array,
  BY: Float64Array,
): { E: Float64Array; dae: Float64Array; vaxe: Float64Array } {
  const { G, N, x, Z, Y } = icio;
  const n = G * N;
  const E = new Float64Array(n * G);
  const dae = new Float64Array(n * G);
  const vaxe = new Float64Array(n * G);
  const notAbsorbedHome = new Float64Array(N);
  for (let s = 0; s < G; s++) {
    for (let r = 0; r < G; r++) {
      if (r === s) continue;
      const ro = r * N;
      for (let l = 0; l < N; l++) notAbsorbedHome[l] = x[ro + l]! - BY[(ro + l) * G + s]!;
      for (let m = 0; m < N; m++) {
        const i = s * N + m;
        const y = Y[i * G + r]!;
        let e = y;
        let d = y;
        let v = y;
        for (let l = 0; l < N; l++) {
          const j = ro + l;
          const a = A[i * n + j]!;
          e += Z[i * n + j]!;
          d += a * h[j]!;
          v += a * notAbsorbedHome[l]!;
        }
        E[i * G + r] = e;
        dae[i * G + r] = d;
        vaxe[i * G + r] = v;
      }
    }
  }
  return { E, dae, vaxe };
}
