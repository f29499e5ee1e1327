import { validateOptions } from '../../core/boundary.js';
import { coefficientsData, leontiefFactors, valueAddedCoefficientsData } from '../core.js';
import {
  applyDomestic,
  applyForeign,
  assertIcio,
  checkFiniteRecords,
  domesticFactors,
  finalDemandSplit,
  finish,
  ratio,
} from '../internal.js';
import { luSolveTransposedOf } from '../kernels/lu-solve.js';
import { DetailOptions } from '../options.js';
import type { Icio } from '../types.js';
import { leontiefDecompositionWith } from './leontief-decomposition.js';

/** GVC participation and position of one country (or country–sector). */
export interface GvcParticipationRecord {
  /** Country label. */
  country: string;
  /** Sector label (sector level only). */
  sector?: string;
  /** Gross exports. */
  GEXP: number;
  /** Koopman et al. (2010): foreign value added in own exports (backward; `i2e` of the Leontief decomposition). */
  FV: number;
  /** Koopman et al. (2010): domestic value added in other countries' exports (forward; `e2r`). */
  IV: number;
  /** Koopman et al. (2010) GVC participation index, IV/GEXP + FV/GEXP. */
  participation: number;
  /**
   * Koopman et al. (2010) GVC position index, ln(1 + IV/GEXP) − ln(1 + FV/GEXP); `null` where it is
   * not defined (gross exports ≤ 0, or a logarithm's argument ≤ 0), with `positionReason` saying why.
   */
  position: number | null;
  /** Why `position` is `null`; absent when it is a number. */
  positionReason?: string;
  /** WWYZ (2017) forward side: value added, VA = V_D + V_RT + V_GVC. */
  VA: number;
  /** Value added absorbed at home without crossing a border. */
  V_D: number;
  /** Value added exported in final products (traditional trade). */
  V_RT: number;
  /** Value added exported in intermediates (GVC production), V_GVC = V_GVC_S + V_GVC_C. */
  V_GVC: number;
  /** Simple GVC: crossing one border, absorbed by the direct importer. */
  V_GVC_S: number;
  /** Complex GVC: crossing borders at least twice. */
  V_GVC_C: number;
  /** WWYZ (2017) backward side: final products, Y = Y_D + Y_RT + Y_GVC. */
  Y: number;
  /** Final products made from domestic value added only and absorbed at home. */
  Y_D: number;
  /** Final products made from domestic value added only and exported. */
  Y_RT: number;
  /** Final products containing imported value added (GVC production), Y_GVC = Y_GVC_S + Y_GVC_C. */
  Y_GVC: number;
  /** Simple GVC part of Y_GVC. */
  Y_GVC_S: number;
  /** Complex GVC part of Y_GVC. */
  Y_GVC_C: number;
  /** Forward GVC participation, V_GVC / VA (WWYZ 2017). */
  GVCPt_f: number;
  /** Backward GVC participation, Y_GVC / Y (WWYZ 2017). */
  GVCPt_b: number;
}

/** The WWYZ (2017) parts of a {@link GvcParticipationRecord}, in record order. */
const WWYZ_PARTS = [
  'VA',
  'V_D',
  'V_RT',
  'V_GVC',
  'V_GVC_S',
  'V_GVC_C',
  'Y',
  'Y_D',
  'Y_RT',
  'Y_GVC',
  'Y_GVC_S',
  'Y_GVC_C',
] as const;
type WwyzPart = (typeof WWYZ_PARTS)[number];

/**
 * GVC participation and position. Two families of measures, both per country or country–sector:
 *
 * - Koopman, Powers, Wang & Wei (2010): participation (IV + FV)/E and position
 *   ln(1 + IV/E) − ln(1 + FV/E), with FV the foreign value added in exports and IV the domestic
 *   value added in other countries' exports, measured as in OECD TiVA by the Leontief decomposition
 *   (`i2e` and `e2r` of {@link leontiefDecomposition}).
 * - Wang, Wei, Yu & Zhu (2017), production-based: value added (forward) and final products
 *   (backward) split into domestic (D), traditional trade (RT) and GVC production, simple (S,
 *   one border crossing) and complex (C): V̂BŶ = V̂LŶᴰ + V̂LŶᶠ + V̂LAᶠLŶᴰ + V̂LAᶠ(BŶ − LŶᴰ), with L the
 *   block-diagonal domestic inverses and Aᶠ the foreign blocks of A. Forward participation is
 *   V_GVC/VA, backward Y_GVC/Y. Only one LU factorisation of I − A is made; the domestic terms use
 *   the N×N blocks.
 *
 * @param icio - the table, from {@link createIcio}
 * @param options - `{ level }`, see {@link DetailOptions}
 * @returns one record per country (or country–sector), in table order, frozen (with a `warnings`
 *   property when I − A's condition number is above CONDITION_WARNING); ratios are 0 when their
 *   denominator is 0, and `position` is `null` with a `positionReason` where gross exports are ≤ 0
 *   or a logarithm's argument is ≤ 0 (an expert would not read a position into negative exports)
 * @throws {GvcError} `INVALID_INPUT` for an invalid table (paths `icio.…`) or options
 *   (`options.level`); `SINGULAR_MATRIX` when I − A or a domestic block is singular, or I − A's
 *   condition number is above CONDITION_LIMIT; `UNSUPPORTED` when a result overflows
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[0, 2], [0, 0]], Y: [[8, 0], [0, 10]] });
 * gvcParticipation(t).map((r) => [r.country, r.V_GVC_S, r.GVCPt_f, r.Y_GVC, r.GVCPt_b]);
 * //=> [['A', 2, 0.2, 0, 0], ['B', 0, 0, 2, 0.2]]
 * ```
 */
export function gvcParticipation(icio: Icio, options?: DetailOptions): GvcParticipationRecord[] {
  assertIcio(icio);
  const { level = 'country' } = validateOptions(DetailOptions, options);
  const { G, N, countries, sectors, x, va } = icio;
  const n = G * N;
  const a = coefficientsData(icio);
  const v = valueAddedCoefficientsData(icio);
  const f = leontiefFactors(icio);
  const koopman = leontiefDecompositionWith(icio, level, f);
  const { yD, yF } = finalDemandSplit(icio);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = yD[i]! + yF[i]!;
  // Forward (rows of V̂BŶ).
  const dom = domesticFactors(icio, a);
  const lyD = applyDomestic(icio, dom, yD, false);
  const lyF = applyDomestic(icio, dom, yF, false);
  const lAFx = applyDomestic(icio, dom, applyForeign(icio, a, x, false), false);
  const lAFlyD = applyDomestic(icio, dom, applyForeign(icio, a, lyD, false), false);
  // Backward (columns of V̂BŶ).
  const vL = applyDomestic(icio, dom, v, true);
  const vLAF = applyForeign(icio, a, vL, true);
  const vLAFB = luSolveTransposedOf(f, vLAF);
  const vLAFL = applyDomestic(icio, dom, vLAF, true);
  // The twelve WWYZ parts per country–sector, in the order of WWYZ_PARTS.
  const W = WWYZ_PARTS.length;
  const parts = new Float64Array(W * n);
  for (let i = 0; i < n; i++) {
    const o = i * W;
    parts[o] = va[i]!;
    parts[o + 1] = v[i]! * lyD[i]!;
    parts[o + 2] = v[i]! * lyF[i]!;
    parts[o + 3] = v[i]! * lAFx[i]!;
    parts[o + 4] = v[i]! * lAFlyD[i]!;
    parts[o + 5] = parts[o + 3]! - parts[o + 4]!;
    parts[o + 6] = y[i]!;
    parts[o + 7] = vL[i]! * yD[i]!;
    parts[o + 8] = vL[i]! * yF[i]!;
    parts[o + 9] = vLAFB[i]! * y[i]!;
    parts[o + 10] = vLAFL[i]! * yD[i]!;
    parts[o + 11] = parts[o + 9]! - parts[o + 10]!;
  }
  const record = (k: number, from: number, to: number, country: string, sector?: string) => {
    const wwyz = {} as Record<WwyzPart, number>;
    WWYZ_PARTS.forEach((key, p) => {
      let t = 0;
      for (let i = from; i < to; i++) t += parts[i * W + p]!;
      wwyz[key] = t;
    });
    const kr = koopman[k]!;
    const ivShare = ratio(kr.e2r, kr.GEXP);
    const fvShare = ratio(kr.i2e, kr.GEXP);
    const pos = koopmanPosition(kr.GEXP, ivShare, fvShare);
    return {
      country,
      ...(sector === undefined ? {} : { sector }),
      GEXP: kr.GEXP,
      FV: kr.i2e,
      IV: kr.e2r,
      participation: ivShare + fvShare,
      ...pos,
      ...wwyz,
      GVCPt_f: ratio(wwyz.V_GVC, wwyz.VA),
      GVCPt_b: ratio(wwyz.Y_GVC, wwyz.Y),
    };
  };
  const out: GvcParticipationRecord[] =
    level === 'country'
      ? countries.map((c, s) => record(s, s * N, s * N + N, c))
      : countries.flatMap((c, s) =>
          sectors.map((sec, k) => record(s * N + k, s * N + k, s * N + k + 1, c, sec)),
        );
  checkFiniteRecords(out, 'GVC participation');
  return finish(out, f.warnings);
}

/**
 * The Koopman et al. (2010) position ln(1 + IV/E) − ln(1 + FV/E), or `null` with the reason where
 * it is not defined: gross exports E ≤ 0 (no exports, or net negative final sales abroad such as a
 * run-down of inventories), or a share so negative that a logarithm's argument is ≤ 0. Also used
 * for the summed records of a country group (`sumByGroup`).
 *
 * @internal
 */
export function koopmanPosition(
  gexp: number,
  iv: number,
  fv: number,
): { position: number; positionReason?: never } | { position: null; positionReason: string } {
  if (!(gexp > 0)) {
    return {
      position: null,
      positionReason: `gross exports are ${gexp === 0 ? '0' : `negative (${gexp})`}: shares of exports are not defined`,
    };
  }
  if (!(1 + iv > 0) || !(1 + fv > 0)) {
    return {
      position: null,
      positionReason: `1 + ${!(1 + iv > 0) ? `IV/GEXP = ${1 + iv}` : `FV/GEXP = ${1 + fv}`} is not positive: its logarithm is not defined`,
    };
  }
  return { position: Math.log(1 + iv) - Math.log(1 + fv) };
}
