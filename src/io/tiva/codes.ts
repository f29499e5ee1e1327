/**
 * The OECD TiVA indicator codes that {@link tivaIndicators} computes, with the OECD's titles, their
 * unit and the levels at which each is defined.
 *
 * @packageDocumentation
 */
import * as z from 'zod/mini';
import { preview } from '../../core/boundary.js';

/** Level of detail of a TiVA record: per country, per country–industry or per country pair. */
export type TivaLevel = 'country' | 'sector' | 'bilateral';

/** One entry of {@link TIVA_CODES}. */
export interface TivaCodeInfo {
  /** The OECD's title of the indicator (Guide to OECD TiVA Indicators, 2023 edition). */
  readonly title: string;
  /** `'value'` (the table's currency unit, USD million in TiVA) or `'percent'`. */
  readonly unit: 'value' | 'percent';
  /** The levels at which the indicator is defined. */
  readonly levels: readonly TivaLevel[];
  /** What `sector` and `partner` mean in its records. */
  readonly keys: string;
}

const ALL: readonly TivaLevel[] = ['country', 'sector', 'bilateral'];
const NO_PARTNER: readonly TivaLevel[] = ['country', 'sector'];
const NO_SECTOR: readonly TivaLevel[] = ['country', 'bilateral'];
const EXP = 'sector: exporting industry; partner: importing country';
const IMP = 'sector: imported product (industry of the foreign supplier); partner: supplying country';
const ORIGIN_VA = 'sector: industry where the value added originates';

/**
 * The TiVA indicator codes, in the order {@link tivaIndicators} reports them, each with the OECD's
 * title, its unit and its levels. Definitions follow OECD (2023), "Guide to OECD Trade in Value Added
 * (TiVA) Indicators, 2023 edition" (OECD Directorate for Science, Technology and Innovation), §4–6;
 * `DEXFVAP` and `FEXDVAP` are the values behind the OECD's partner shares `DEXFVAPSH` and `FEXDVAPSH`
 * (named as in exvatools, Feás 2023).
 *
 * @example
 * ```ts
 * [TIVA_CODES.EXGR_DVA.title, TIVA_CODES.EXGR_DVASH.unit];
 * //=> ['Domestic value added content of gross exports', 'percent']
 * ```
 */
export const TIVA_CODES = {
  PROD: { title: 'Production (gross output)', unit: 'value', levels: NO_PARTNER, keys: 'sector: industry' },
  VALU: { title: 'Value added', unit: 'value', levels: NO_PARTNER, keys: 'sector: industry' },
  EXGR: { title: 'Gross exports', unit: 'value', levels: ALL, keys: EXP },
  EXGR_INT: { title: 'Gross exports of intermediate products', unit: 'value', levels: ALL, keys: EXP },
  EXGR_FNL: { title: 'Gross exports of final products', unit: 'value', levels: ALL, keys: EXP },
  IMGR: { title: 'Gross imports', unit: 'value', levels: ALL, keys: IMP },
  IMGR_INT: { title: 'Gross imports of intermediate products', unit: 'value', levels: ALL, keys: IMP },
  IMGR_FNL: { title: 'Gross imports of final products', unit: 'value', levels: ALL, keys: IMP },
  BALGR: {
    title: 'Gross trade balance',
    unit: 'value',
    levels: ALL,
    keys: 'sector: exports of the industry less imports of its products; partner: the other country',
  },
  EXGR_DVA: { title: 'Domestic value added content of gross exports', unit: 'value', levels: ALL, keys: EXP },
  EXGR_DDC: {
    title: 'Direct domestic industry value added content of gross exports',
    unit: 'value',
    levels: ALL,
    keys: EXP,
  },
  EXGR_IDC: {
    title: 'Indirect domestic value added content of gross exports (from domestic intermediates)',
    unit: 'value',
    levels: ALL,
    keys: EXP,
  },
  EXGR_RIM: {
    title: 'Re-imported domestic value added content of gross exports',
    unit: 'value',
    levels: ALL,
    keys: EXP,
  },
  EXGR_FVA: { title: 'Foreign value added content of gross exports', unit: 'value', levels: ALL, keys: EXP },
  EXGR_DVASH: {
    title: 'Domestic value added share of gross exports',
    unit: 'percent',
    levels: ALL,
    keys: EXP,
  },
  EXGR_FVASH: {
    title: 'Foreign value added share of gross exports',
    unit: 'percent',
    levels: ALL,
    keys: EXP,
  },
  IMGR_DVA: {
    title: 'Domestic value added embodied in gross imports',
    unit: 'value',
    levels: ALL,
    keys: IMP,
  },
  IMGR_DVASH: {
    title: 'Domestic value added share of gross imports',
    unit: 'percent',
    levels: ALL,
    keys: IMP,
  },
  FD_VA: {
    title: 'Value added embodied in domestic final demand',
    unit: 'value',
    levels: ALL,
    keys: `${ORIGIN_VA}; partner: country where the value added originates (the country itself for domestic value added)`,
  },
  FFD_DVA: {
    title: 'Domestic value added embodied in foreign final demand',
    unit: 'value',
    levels: ALL,
    keys: `${ORIGIN_VA}; partner: country of final demand`,
  },
  DFD_FVA: {
    title: 'Foreign value added embodied in domestic final demand',
    unit: 'value',
    levels: ALL,
    keys: `${ORIGIN_VA} (abroad); partner: country where the value added originates`,
  },
  BALVAFD: {
    title: 'Balance of value added embodied in final demand (FFD_DVA − DFD_FVA)',
    unit: 'value',
    levels: ALL,
    keys: `${ORIGIN_VA}; partner: the other country`,
  },
  VALU_FFDDVA: {
    title: 'Domestic value added embodied in foreign final demand, share of value added',
    unit: 'percent',
    levels: NO_PARTNER,
    keys: ORIGIN_VA,
  },
  DEXFVAP: {
    title: 'Foreign value added in gross exports, by country of origin (backward participation)',
    unit: 'value',
    levels: ALL,
    keys: 'sector: exporting industry; partner: country where the foreign value added originates',
  },
  DEXFVAPSH: {
    title: 'Backward participation in GVCs: foreign value added in gross exports, share of gross exports',
    unit: 'percent',
    levels: NO_SECTOR,
    keys: 'partner: country where the foreign value added originates',
  },
  FEXDVAP: {
    title: 'Domestic value added in the gross exports of other countries (forward participation)',
    unit: 'value',
    levels: ALL,
    keys: `${ORIGIN_VA}; partner: exporting country whose exports embody it`,
  },
  FEXDVAPSH: {
    title: 'Forward participation in GVCs: domestic value added in foreign exports, share of gross exports',
    unit: 'percent',
    levels: NO_SECTOR,
    keys: 'partner: exporting country whose exports embody the value added',
  },
} as const satisfies Record<string, TivaCodeInfo>;

/** A TiVA indicator code that {@link tivaIndicators} computes; see {@link TIVA_CODES}. */
export type TivaCode = keyof typeof TIVA_CODES;

/**
 * The codes in report order.
 *
 * @internal
 */
export const TIVA_CODE_LIST = Object.keys(TIVA_CODES) as TivaCode[];

/**
 * A schema of one {@link TivaCode}, refusing anything else with the list of codes.
 *
 * @internal
 * @example
 * ```ts
 * TivaCodeSchema.parse('EXGR_FVA');
 * //=> 'EXGR_FVA'
 * ```
 */
export const TivaCodeSchema = z.enum(TIVA_CODE_LIST as [TivaCode, ...TivaCode[]], {
  error: (iss) => `expected a TiVA code (${TIVA_CODE_LIST.join(', ')}), found ${preview(iss.input)}`,
});
