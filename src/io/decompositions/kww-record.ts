/**
 * The record of the Koopman–Wang–Wei (KWW) decomposition as a schema, kept apart from the
 * function that computes it so that the function bundles without zod.
 *
 * @packageDocumentation
 */
import * as z from 'zod/mini';

/**
 * One country's gross exports split into the nine value-added and double-counting terms of
 * Koopman, Wang & Wei (2014, AER 104(2), eq. 36 and Figure 1). Terms 1–3 are value-added exports,
 * 4–5 domestic value added that returns home, 6 pure domestic double counting, 7–8 foreign value
 * added and 9 pure foreign double counting; the nine sum to `GEXP`.
 *
 * @example
 * ```ts
 * KwwRecord.parse({ country: 'A', GEXP: 1, DVA_FIN: 1, DVA_INT: 0, DVA_INTrex: 0, RDV_FIN: 0,
 *   RDV_INT: 0, DDC: 0, FVA_FIN: 0, FVA_INT: 0, FDC: 0 }).GEXP;
 * //=> 1
 * ```
 */
export const KwwRecord = z.strictObject({
  /** Exporting country. */
  country: z.string(),
  /** Gross exports E_s* (intermediate and final, to all other countries). */
  GEXP: z.number(),
  /** Domestic value added in final-goods exports, V_s B_ss Σ_r Y_sr. */
  DVA_FIN: z.number(),
  /** Domestic value added in intermediate exports absorbed by the direct importers, V_s Σ_r B_sr Y_rr. */
  DVA_INT: z.number(),
  /** Domestic value added in intermediate exports re-exported to and absorbed in third countries. */
  DVA_INTrex: z.number(),
  /** Domestic value added that returns home in final imports, V_s Σ_r B_sr Y_rs. */
  RDV_FIN: z.number(),
  /** Domestic value added that returns home in intermediate imports, V_s Σ_r B_sr A_rs L_ss Y_ss. */
  RDV_INT: z.number(),
  /** Pure double-counted domestic value added, V_s Σ_r B_sr A_rs L_ss E_s*. */
  DDC: z.number(),
  /** Foreign value added in final-goods exports, Σ_t V_t B_ts Σ_r Y_sr. */
  FVA_FIN: z.number(),
  /** Foreign value added in intermediate exports, Σ_t V_t B_ts Σ_r A_sr L_rr Y_rr. */
  FVA_INT: z.number(),
  /** Pure double-counted foreign value added, Σ_t V_t B_ts Σ_r A_sr L_rr E_r*. */
  FDC: z.number(),
});
/** One country's KWW decomposition; see {@link KwwRecord}. */
export type KwwRecord = z.output<typeof KwwRecord>;
