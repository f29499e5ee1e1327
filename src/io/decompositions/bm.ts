import * as z from 'zod/mini';
import { validateOptions } from '../../core/boundary.js';
import type { GvcIssue } from '../../core/errors.js';
import { coefficientsBlock } from '../core.js';
import { checkFiniteRecords, finish } from '../internal.js';
import { luFactor } from '../kernels/lu.js';
import { luSolveOf } from '../kernels/lu-solve.js';
import { DetailLevel } from '../options.js';
import type { Icio } from '../types.js';
import { bmBasis } from './bm-basis.js';
import { absorptionExports, fvaSystemOfBlock } from './bm-shared.js';
import { checkIcio } from './common.js';

/**
 * The thirteen Borin–Mancini terms as zod fields, shared by every perspective's record.
 *
 * @internal
 */
export const bmTerms = {
  /** Gross exports E_s*. */
  GEXP: z.number(),
  /** Domestic content, V_s B_ss E_s* = DVA + DDC. */
  DC: z.number(),
  /** Domestic value added counted once (exporter perspective), V_s L_ss E_s* = VAX + REF. */
  DVA: z.number(),
  /** Value-added exports: the part of DVA finally absorbed abroad. */
  VAX: z.number(),
  /** Directly absorbed value-added exports (traditional, non-GVC trade), V_s L_ss Σ_r (Y_sr + A_sr L_rr Y_rr). */
  DAVAX: z.number(),
  /** Reflection: the part of DVA that returns and is absorbed at home. */
  REF: z.number(),
  /** Double-counted domestic content, V_s (B_ss − L_ss) E_s*. */
  DDC: z.number(),
  /** Foreign content, Σ_{t≠s} V_t B_ts E_s* = FVA + FDC. */
  FC: z.number(),
  /** Foreign value added counted once (source approach, exporter perspective). */
  FVA: z.number(),
  /** Double-counted foreign content, FC − FVA. */
  FDC: z.number(),
  /** GVC-related exports, GEXP − DAVAX = GVCB + GVCF. */
  GVC: z.number(),
  /** Backward GVC participation, FC + DDC. */
  GVCB: z.number(),
  /** Forward GVC participation, DVA − DAVAX. */
  GVCF: z.number(),
};

/**
 * One country's gross exports decomposed as in Borin & Mancini (2019, 2023), exporter perspective,
 * source approach: `DVA + DDC + FVA + FDC = GEXP`, `DC = DVA + DDC`, `FC = FVA + FDC`,
 * `VAX + REF = DVA`, `GVC = GVCB + GVCF`, `GEXP = DAVAX + GVC`.
 *
 * @example
 * ```ts
 * Object.keys(BmCountryRecord.shape).length;
 * //=> 14
 * ```
 */
export const BmCountryRecord = z.strictObject({ country: z.string(), ...bmTerms });
/** One country's Borin–Mancini decomposition; see {@link BmCountryRecord}. */
export type BmCountryRecord = z.output<typeof BmCountryRecord>;

/**
 * One exporting country–sector's gross exports decomposed as in Borin & Mancini (2019, 2023),
 * exporter (country) perspective, source approach, broken down by exporting sector: the sector rows
 * of a country sum to its {@link BmCountryRecord}. Same identities as the country record.
 *
 * @example
 * ```ts
 * Object.keys(BmSectorRecord.shape).slice(0, 3);
 * //=> ['country', 'sector', 'GEXP']
 * ```
 */
export const BmSectorRecord = z.strictObject({ country: z.string(), sector: z.string(), ...bmTerms });
/** One country–sector's Borin–Mancini decomposition; see {@link BmSectorRecord}. */
export type BmSectorRecord = z.output<typeof BmSectorRecord>;

/**
 * Options of {@link bmDecomposition}: `level` is a {@link DetailLevel}, `'country'` (one record per
 * exporting country, the default) or `'sector'` (one record per exporting country–sector).
 *
 * @example
 * ```ts
 * const o: BmOptions = {};
 * BmOptions.parse(o).level;
 * //=> 'country'
 * ```
 */
export const BmOptions = z.strictObject({ level: z._default(DetailLevel, 'country') });
/**
 * What a caller may pass as {@link BmOptions}: `{}`, `{ level: 'country' }` or
 * `{ level: 'sector' }` (in 0.1 this type was the parsed shape, with `level` required).
 */
export type BmOptions = z.input<typeof BmOptions>;

/**
 * Decomposes gross exports as Borin & Mancini (2019, "Measuring what matters in global value chains
 * and value-added trade", World Bank Policy Research WP 8804; 2023, Economic Systems Research 35(4))
 * do from the exporting country's perspective with the source approach: value added is counted the
 * first time it leaves the exporter's border. With v the value-added coefficients, B the global and
 * L_ss the local Leontief inverses and E_s* gross exports:
 * DC = V_s B_ss E, DVA = V_s L_ss E, DDC = DC − DVA, FC = Σ_{t≠s} V_t B_ts E, and FVA = Σ_{t≠s} V_t
 * B^s_ts E, where B^s is the inverse of the world without the exporter's intermediate exports.
 * B^s is never formed: by the block-inverse identity B_ts^s = B_ts B_ss⁻¹ L_ss, so FVA's
 * coefficients are (Σ_{t≠s} V_t B_ts) ((I − A_ss) B_ss)⁻¹ — one N×N solve per exporter, as in
 * GlobalValueChains.jl and Stata's icio (Belotti, Borin & Mancini 2021). DAVAX = V_s L_ss Σ_{r≠s}
 * (Y_sr + A_sr L_rr Y_rr), VAX = V_s L_ss Σ_{r≠s} (Y_sr + A_sr (X_r − (B Y)_{r,s})), REF = DVA − VAX,
 * GVC = GEXP − DAVAX, GVCB = FC + DDC, GVCF = GVC − GVCB. At `level: 'sector'` each term is broken
 * down by exporting sector within the country perimeter (the sector rows sum to the country row).
 * Besides the table it needs one n×n array (8·n² bytes: the LU factors of I − A, in the WebAssembly
 * kernel's memory where it runs) and about (4/3)n³ operations, two thirds of a Leontief inverse.
 *
 * @param icio - the table, from {@link createIcio}; at least two countries
 * @param options - `{ level: 'sector' }` for one record per exporting country–sector
 * @returns one record per exporting country–sector, in table order
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a table built by `createIcio`, has fewer
 *   than two countries, or `options` is invalid; `SINGULAR_MATRIX` when I − A, a block I − A_ss or
 *   B_ss is singular, or I − A's condition number is above CONDITION_LIMIT; `UNSUPPORTED` when a
 *   result overflows
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const a = bmDecomposition(t, { level: 'sector' })[0]!;
 * [a.sector, a.GEXP, a.DVA.toFixed(4)];
 * //=> ['s', 30, '18.7500']
 * ```
 */
export function bmDecomposition(icio: Icio, options: BmOptions & { level: 'sector' }): BmSectorRecord[];
/**
 * Decomposes each country's gross exports as Borin & Mancini (2019, 2023) do from the exporting
 * country's perspective with the source approach (see the sector-level signature for the formulas).
 *
 * @param icio - the table, from {@link createIcio}; at least two countries
 * @param options - `{ level: 'country' }` (the default)
 * @returns one record per exporting country, in table order
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a table built by `createIcio`, has fewer
 *   than two countries, or `options` is invalid; `SINGULAR_MATRIX` when I − A, a block I − A_ss or
 *   B_ss is singular, or I − A's condition number is above CONDITION_LIMIT; `UNSUPPORTED` when a
 *   result overflows
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const a = bmDecomposition(t)[0]!;
 * [a.country, a.GEXP, (a.DVA + a.DDC + a.FVA + a.FDC).toFixed(6)];
 * //=> ['A', 30, '30.000000']
 * ```
 */
export function bmDecomposition(icio: Icio, options?: BmOptions & { level?: 'country' }): BmCountryRecord[];
/**
 * Decomposes gross exports as Borin & Mancini (2019, 2023) do, exporter perspective, source
 * approach, at a level chosen at run time (see the sector-level signature for the formulas).
 *
 * @param icio - the table, from {@link createIcio}; at least two countries
 * @param options - `{ level }`, `'country'` by default
 * @returns one record per exporting country or per exporting country–sector, in table order
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a table built by `createIcio`, has fewer
 *   than two countries, or `options` is invalid; `SINGULAR_MATRIX` when I − A, a block I − A_ss or
 *   B_ss is singular, or I − A's condition number is above CONDITION_LIMIT; `UNSUPPORTED` when a
 *   result overflows
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const rows = (level: 'country' | 'sector') => bmDecomposition(t, { level }).length;
 * [rows('country'), rows('sector')];
 * //=> [2, 2]
 * ```
 */
export function bmDecomposition(icio: Icio, options?: BmOptions): BmCountryRecord[] | BmSectorRecord[];
export function bmDecomposition(icio: Icio, options?: BmOptions): BmCountryRecord[] | BmSectorRecord[] {
  const { level } = validateOptions(BmOptions, options);
  checkIcio(icio, 'bmDecomposition');
  const { terms, warnings } = bmSectorTerms(icio);
  const { G, N } = icio;
  const sum = (i0: number, i1: number): Omit<BmCountryRecord, 'country'> => {
    const acc = {} as Record<BmKey, number>;
    for (const key of BM_KEYS) {
      const a = terms[key];
      let v = 0;
      for (let i = i0; i < i1; i++) v += a[i]!;
      acc[key] = v;
    }
    return acc;
  };
  if (level === 'country') {
    const out = icio.countries.map((country, s) => ({ country, ...sum(s * N, s * N + N) }));
    checkFiniteRecords(out, 'Borin–Mancini decomposition');
    return finish(out, warnings);
  }
  const out: BmSectorRecord[] = [];
  for (let s = 0; s < G; s++) {
    for (let k = 0; k < N; k++) {
      out.push({ country: icio.countries[s]!, sector: icio.sectors[k]!, ...sum(s * N + k, s * N + k + 1) });
    }
  }
  checkFiniteRecords(out, 'Borin–Mancini decomposition');
  return finish(out, warnings);
}

/** The name of one Borin–Mancini term. @internal */
export type BmKey = keyof typeof bmTerms;
/** The thirteen term names in record order. @internal */
export const BM_KEYS: readonly BmKey[] = [
  'GEXP',
  'DC',
  'DVA',
  'VAX',
  'DAVAX',
  'REF',
  'DDC',
  'FC',
  'FVA',
  'FDC',
  'GVC',
  'GVCB',
  'GVCF',
];

/** The thirteen Borin–Mancini terms per exporting country–sector, as n-vectors. */
function bmSectorTerms(icio: Icio): { terms: Record<BmKey, Float64Array>; warnings: GvcIssue[] } {
  // One LU factorisation of I − A; neither the global inverse nor A is formed (see bmBasis): the
  // diagonal blocks B_ss come from structured solves, v·B from one transposed solve and B·Y from G
  // solves.
  const { G, N, n, Bss, E, Efin, h, vl, vb, vB, BY, warnings } = bmBasis(icio);
  // FVA coefficients per exporter s: f_s = (Σ_{t≠s} V_t B_ts) ((I − A_ss) B_ss)⁻¹, i.e. solve
  // ((I − A_ss) B_ss)ᵀ f_sᵀ = (VBfor_s)ᵀ.
  const fva = new Float64Array(n);
  for (let s = 0; s < G; s++) {
    const o = s * N;
    const Ct = fvaSystemOfBlock(coefficientsBlock(icio, o, o, N), Bss[s]!, N);
    const rhs = new Float64Array(N);
    for (let k = 0; k < N; k++) rhs[k] = vB[o + k]! - vb[o + k]!;
    fva.set(luSolveOf(luFactor(Ct, N), rhs), o);
  }
  const { dae, vaxe } = absorptionExports(icio, null, Efin, h, BY);
  const t = {} as Record<BmKey, Float64Array>;
  for (const key of BM_KEYS) t[key] = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = E[i]!;
    const DC = vb[i]! * e;
    const FC = (vB[i]! - vb[i]!) * e;
    const DVA = vl[i]! * e;
    const FVA = fva[i]! * e;
    const DAVAX = vl[i]! * dae[i]!;
    const VAX = vl[i]! * vaxe[i]!;
    const DDC = DC - DVA;
    const GVC = e - DAVAX;
    const GVCB = FC + DDC;
    t.GEXP[i] = e;
    t.DC[i] = DC;
    t.DVA[i] = DVA;
    t.VAX[i] = VAX;
    t.DAVAX[i] = DAVAX;
    t.REF[i] = DVA - VAX;
    t.DDC[i] = DDC;
    t.FC[i] = FC;
    t.FVA[i] = FVA;
    t.FDC[i] = FC - FVA;
    t.GVC[i] = GVC;
    t.GVCB[i] = GVCB;
    t.GVCF[i] = GVC - GVCB;
  }
  return { terms: t, warnings };
}
