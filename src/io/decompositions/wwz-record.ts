/**
 * The record of the Wang–Wei–Zhu (WWZ) decomposition as a schema, kept apart from the
 * function that computes it so that the function bundles without zod.
 *
 * @packageDocumentation
 */
import * as z from 'zod/mini';

const term = z.number();

/**
 * Bilateral sector-level gross exports E_sr^i (exporter s, sector i, importer r) split into the
 * sixteen terms of Wang, Wei & Zhu (2013, NBER WP 19677, eq. 37 and Table E1). Field names and their
 * order are decompr's (`wwz`, Quast & Kummritz 2015), which numbers the terms differently from the
 * paper: decompr's RDV_INT, RDV_FIN, RDV_FIN2 are the paper's T8, T6, T7, and OVA/MVA and ODC/MDC
 * come in pairs. The sixteen terms sum to `texp` = `texpint` + `texpfd`.
 *
 * @example
 * ```ts
 * WwzRecord.shape.DVA_INTrexI1.parse(0.5);
 * //=> 0.5
 * ```
 */
export const WwzRecord = z.strictObject({
  /** Exporting country s. */
  country: z.string(),
  /** Exporting sector i. */
  sector: z.string(),
  /** Importing (partner) country r. */
  partner: z.string(),
  /** T1: domestic value added in final-goods exports, (V_s B_ss)ᵀ # Y_sr. */
  DVA_FIN: term,
  /** T2: DVA in intermediates the direct importer uses for its own final goods, (V_s L_ss)ᵀ # A_sr B_rr Y_rr. */
  DVA_INT: term,
  /** T3: DVA in intermediates re-exported as intermediates for third countries' final goods, … A_sr Σ_t B_rt Y_tt. */
  DVA_INTrexI1: term,
  /** T4: DVA in intermediates re-exported in the direct importer's final-goods exports, … A_sr B_rr Σ_t Y_rt. */
  DVA_INTrexF: term,
  /** T5: DVA in intermediates re-exported as intermediates for third countries' exports, … A_sr Σ_t B_rt Σ_u Y_tu. */
  DVA_INTrexI2: term,
  /** T8: DVA returning home in intermediate imports used for domestic final goods, … A_sr B_rs Y_ss. */
  RDV_INT: term,
  /** T6: DVA returning home in final imports from the direct importer, … A_sr B_rr Y_rs. */
  RDV_FIN: term,
  /** T7: DVA returning home in final imports from third countries, … A_sr Σ_t B_rt Y_ts. */
  RDV_FIN2: term,
  /** T14: third countries' value added in final-goods exports, (Σ_t V_t B_ts)ᵀ # Y_sr. */
  OVA_FIN: term,
  /** T11: the direct importer's value added in final-goods exports, (V_r B_rs)ᵀ # Y_sr. */
  MVA_FIN: term,
  /** T15: third countries' value added in intermediate exports, (Σ_t V_t B_ts)ᵀ # A_sr L_rr Y_rr. */
  OVA_INT: term,
  /** T12: the direct importer's value added in intermediate exports, (V_r B_rs)ᵀ # A_sr L_rr Y_rr. */
  MVA_INT: term,
  /** T9: double-counted DVA used to produce final-goods exports, (V_s L_ss)ᵀ # A_sr B_rs Σ_{t≠s} Y_st (final exports of s). */
  DDC_FIN: term,
  /** T10: double-counted DVA used to produce intermediate exports, (V_s B_ss − V_s L_ss)ᵀ # A_sr X_r. */
  DDC_INT: term,
  /** T16: third countries' value added double counted, (Σ_t V_t B_ts)ᵀ # A_sr L_rr E_r*. */
  ODC: term,
  /** T13: the direct importer's value added double counted, (V_r B_rs)ᵀ # A_sr L_rr E_r*. */
  MDC: term,
  /** Bilateral gross exports E_sr^i = Z_sr^i·1 + Y_sr^i; the sum of the sixteen terms. */
  texp: term,
  /** Intermediate exports Z_sr^i·1. */
  texpint: term,
  /** Final-goods exports Y_sr^i. */
  texpfd: term,
});
/** One exporter–sector–importer row of the WWZ decomposition; see {@link WwzRecord}. */
export type WwzRecord = z.output<typeof WwzRecord>;
