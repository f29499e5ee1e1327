import * as z from 'zod/mini';
import { validateOptions } from '../../core/boundary.js';
import type { GvcIssue } from '../../core/errors.js';
import { checkFiniteRecords, finish } from '../internal.js';
import { DetailLevel, oneOf } from '../options.js';
import type { Icio } from '../types.js';
import { BM_KEYS, type BmCountryRecord, type BmSectorRecord, bmDecomposition, bmTerms } from './bm.js';
import { type BmCell, eachPairCell, sectorCells, worldCells } from './bm-pairs.js';
import { type BmTerms, bmContext, denseBmContext, sinkTerms } from './bm-terms.js';
import { checkIcio } from './common.js';

/**
 * The perspective of a Borin–Mancini decomposition — whose border value added is counted at, and so
 * what is double counted (Borin & Mancini 2023, "Measuring what matters in value-added trade",
 * Economic Systems Research 35(4), §4; 2019, World Bank Policy Research WP 8804, §3):
 * `'exporter'` (a country's total exports), `'sector'` (the exports of one exporting sector),
 * `'bilateral'` (the exports from one country to one partner), `'bilateral-sector'` (one sector's
 * exports to one partner) or `'world'` (value added counted the first time it crosses any border).
 *
 * @example
 * ```ts
 * BmPerspective.options;
 * //=> ['exporter', 'sector', 'bilateral', 'bilateral-sector', 'world']
 * ```
 */
export const BmPerspective = oneOf(['exporter', 'sector', 'bilateral', 'bilateral-sector', 'world']);
/** One of the five perspectives; see {@link BmPerspective}. */
export type BmPerspective = z.output<typeof BmPerspective>;

/**
 * How a Borin–Mancini decomposition counts value added that crosses the perimeter's border more
 * than once: `'source'` counts it the first time (closest to the origin of value added), `'sink'`
 * the last time (closest to final absorption); at country level both give the same totals, by
 * sector they differ (Borin & Mancini 2023, §3).
 *
 * @example
 * ```ts
 * BmApproach.options;
 * //=> ['source', 'sink']
 * ```
 */
export const BmApproach = oneOf(['source', 'sink']);
/** `'source'` or `'sink'`; see {@link BmApproach}. */
export type BmApproach = z.output<typeof BmApproach>;

/**
 * One exporter–partner pair's gross exports decomposed in the bilateral perspective: the thirteen
 * terms of {@link BmCountryRecord} with the importing country `partner`.
 *
 * @example
 * ```ts
 * Object.keys(BmBilateralRecord.shape).slice(0, 3);
 * //=> ['country', 'partner', 'GEXP']
 * ```
 */
export const BmBilateralRecord = z.strictObject({ country: z.string(), partner: z.string(), ...bmTerms });
/** One exporter–partner record; see {@link BmBilateralRecord}. */
export type BmBilateralRecord = z.output<typeof BmBilateralRecord>;

/**
 * One exporting country–sector–partner cell decomposed in the bilateral-sector perspective, or in the
 * bilateral perspective broken down by exporting sector: the thirteen terms with `sector` and
 * `partner` (the key order of {@link WwzRecord}).
 *
 * @example
 * ```ts
 * Object.keys(BmBilateralSectorRecord.shape).slice(0, 4);
 * //=> ['country', 'sector', 'partner', 'GEXP']
 * ```
 */
export const BmBilateralSectorRecord = z.strictObject({
  country: z.string(),
  sector: z.string(),
  partner: z.string(),
  ...bmTerms,
});
/** One exporter–sector–partner record; see {@link BmBilateralSectorRecord}. */
export type BmBilateralSectorRecord = z.output<typeof BmBilateralSectorRecord>;

/** Any record {@link bmPerspectiveDecomposition} returns. */
export type BmPerspectiveRecord =
  | BmCountryRecord
  | BmSectorRecord
  | BmBilateralRecord
  | BmBilateralSectorRecord;

const BY_SECTOR: readonly BmPerspective[] = ['sector', 'bilateral-sector'];

/**
 * Options of {@link bmPerspectiveDecomposition}, all plain strings (the CLI passes
 * `--perspective --approach --level` through): `perspective` a {@link BmPerspective} (`'exporter'`
 * by default), `approach` a {@link BmApproach} (`'source'` by default; `'sink'` only in the exporter
 * perspective, the only one where Borin & Mancini 2023 and exvatools define it), `level`
 * `'country'` (the default) or `'sector'` for one record per exporting sector. The `'sector'` and
 * `'bilateral-sector'` perspectives are by sector by definition and refuse `level: 'country'`.
 *
 * @example
 * ```ts
 * BmPerspectiveOptions.parse({ perspective: 'bilateral' });
 * //=> { perspective: 'bilateral', approach: 'source' }
 * ```
 */
export const BmPerspectiveOptions = z
  .strictObject({
    perspective: z._default(BmPerspective, 'exporter'),
    approach: z._default(BmApproach, 'source'),
    level: z.optional(DetailLevel),
  })
  .check(
    z.superRefine((o, ctx) => {
      if (o.approach === 'sink' && o.perspective !== 'exporter')
        ctx.addIssue({
          code: 'custom',
          path: ['approach'],
          message: `expected "source" in the ${o.perspective} perspective (the sink approach is defined for the exporter perspective only), found "sink"`,
        });
      if (o.level === 'country' && BY_SECTOR.includes(o.perspective))
        ctx.addIssue({
          code: 'custom',
          path: ['level'],
          message: `expected "sector" or no level in the ${o.perspective} perspective (its records are by exporting sector), found "country"`,
        });
    }),
  );
/** What a caller may pass as {@link BmPerspectiveOptions}. */
export type BmPerspectiveOptions = z.input<typeof BmPerspectiveOptions>;

/**
 * Decomposes gross exports as Borin & Mancini (2023, "Measuring what matters in value-added trade",
 * Economic Systems Research 35(4); 2019, World Bank Policy Research WP 8804) do, in the perspective
 * and with the approach asked for (see {@link bmPerspectiveDecomposition} for the formulas); here the
 * `'bilateral-sector'` perspective, or the `'bilateral'` one by exporting sector: one record per
 * exporter, sector and partner.
 *
 * @param icio - the table, from {@link createIcio}; at least two countries
 * @param options - `{ perspective: 'bilateral-sector' }` or `{ perspective: 'bilateral', level: 'sector' }`
 * @returns one record per exporting country–sector and partner, exporter-major, in table order
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a table built by `createIcio`, has fewer
 *   than two countries, or `options` is invalid; `SINGULAR_MATRIX` when I − A or a block of it is
 *   singular; `UNSUPPORTED` when a result overflows
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const a = bmPerspectiveDecomposition(t, { perspective: 'bilateral-sector' })[0]!;
 * [a.country, a.sector, a.partner, a.GEXP];
 * //=> ['A', 's', 'B', 30]
 * ```
 */
export function bmPerspectiveDecomposition(
  icio: Icio,
  options: BmPerspectiveOptions &
    ({ perspective: 'bilateral-sector' } | { perspective: 'bilateral'; level: 'sector' }),
): BmBilateralSectorRecord[];
/**
 * Borin & Mancini (2023) in the bilateral perspective: one record per exporter–partner pair, value
 * added counted at the border of the pair (see {@link bmPerspectiveDecomposition} for the formulas).
 *
 * @param icio - the table, from {@link createIcio}; at least two countries
 * @param options - `{ perspective: 'bilateral' }`
 * @returns one record per exporter and partner, exporter-major, in table order
 * @throws {GvcError} as the other signatures
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * bmPerspectiveDecomposition(t, { perspective: 'bilateral' }).map((r) => `${r.country}→${r.partner}`);
 * //=> ['A→B', 'B→A']
 * ```
 */
export function bmPerspectiveDecomposition(
  icio: Icio,
  options: BmPerspectiveOptions & { perspective: 'bilateral'; level?: 'country' },
): BmBilateralRecord[];
/**
 * Borin & Mancini (2023) by exporting sector: the `'sector'` perspective, or the exporter or world
 * perspective at `level: 'sector'` (see {@link bmPerspectiveDecomposition} for the formulas).
 *
 * @param icio - the table, from {@link createIcio}; at least two countries
 * @param options - `{ perspective: 'sector' }`, or `{ level: 'sector' }` with `'exporter'` or `'world'`
 * @returns one record per exporting country–sector, in table order
 * @throws {GvcError} as the other signatures
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * bmPerspectiveDecomposition(t, { perspective: 'sector' }).length;
 * //=> 2
 * ```
 */
export function bmPerspectiveDecomposition(
  icio: Icio,
  options: BmPerspectiveOptions &
    ({ perspective: 'sector' } | { perspective?: 'exporter' | 'world'; level: 'sector' }),
): BmSectorRecord[];
/**
 * Borin & Mancini (2023) per exporting country, exporter (source or sink approach) or world
 * perspective (see {@link bmPerspectiveDecomposition} for the formulas).
 *
 * @param icio - the table, from {@link createIcio}; at least two countries
 * @param options - `{ perspective?: 'exporter' | 'world', approach?, level?: 'country' }`
 * @returns one record per exporting country, in table order
 * @throws {GvcError} as the other signatures
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const w = bmPerspectiveDecomposition(t, { perspective: 'world' })[0]!;
 * [w.FVA, w.FDC === w.FC];
 * //=> [0, true]
 * ```
 */
export function bmPerspectiveDecomposition(
  icio: Icio,
  options?: BmPerspectiveOptions & { perspective?: 'exporter' | 'world'; level?: 'country' },
): BmCountryRecord[];
/**
 * Decomposes gross exports as Borin & Mancini (2023, "Measuring what matters in value-added trade",
 * Economic Systems Research 35(4); 2019, World Bank Policy Research WP 8804) do, in every perspective:
 * the thirteen terms of {@link BmCountryRecord} (GEXP = DVA + DDC + FVA + FDC = DAVAX + GVCB + GVCF,
 * DC = DVA + DDC, FC = FVA + FDC, DVA = VAX + REF) keyed by the perspective's country, partner and
 * sector. With p_k = (v_s B_ss)_k and q_k = (Σ_{t≠s} v_t B_ts)_k the domestic and foreign content of
 * a unit of sector k's exports, DC = p E and FC = q E in every perspective; the perspective decides
 * which part of them is counted once. Source approach: DVA = (v_s B^x_ss)_k E and
 * FVA = (Σ_{t≠s} v_t B^x_ts)_k E, where B^x is the inverse of the world with the flows across the
 * perimeter switched off — all of s's intermediate exports (`'exporter'`, identical to
 * {@link bmDecomposition}), those of sector k (`'sector'`), those to the partner (`'bilateral'`), those
 * of sector k to the partner (`'bilateral-sector'`), every border (`'world'`: B^x = L, so FVA = 0).
 * VAX = (v_s B^x_ss)_k × exports absorbed outside s. Sink approach (exporter perspective only): the
 * double counting is the part of the exports that comes back into a later export of s, DDC = p g and
 * FDC = q g (exvatools make_exvadec_bm_snk). DAVAX = (v_s L_ss)_k (Y_sr + A_sr L_rr Y_rr), the
 * traditional trade that crosses one border, is the same in every perspective and approach;
 * GVC = GEXP − DAVAX, GVCB = FC + DDC, GVCF = DVA − DAVAX. No B^x is formed: switching off the rows
 * of s in a block Δ gives B^x_{·s} = B_{·s} (I + Δ B_{·s})⁻¹ (Woodbury), an N×N solve per perimeter;
 * the bilateral perspectives hold one n×N column block of B at a time.
 * Sector records of a country sum to its country record in the exporter, world and bilateral
 * perspectives (a breakdown of one perimeter), not in the `'sector'` and `'bilateral-sector'` ones
 * (a perimeter per sector). Reference values: exvatools `make_exvadec` (Campos et al.), with
 * `partner`, `sector` and `method: 'bm_snk'`.
 *
 * @param icio - the table, from {@link createIcio}; at least two countries
 * @param options - `{ perspective, approach, level }`, see {@link BmPerspectiveOptions}
 * @returns the records of the perspective, exporter-major, in table order
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a table built by `createIcio`, has fewer
 *   than two countries, or `options` is invalid (`approach: 'sink'` outside the exporter perspective,
 *   `level: 'country'` in a by-sector perspective); `SINGULAR_MATRIX` when I − A or a block of it is
 *   singular, or I − A's condition number is above CONDITION_LIMIT; `UNSUPPORTED` when a result
 *   overflows
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const sink = bmPerspectiveDecomposition(t, { approach: 'sink' })[0]!;
 * const source = bmDecomposition(t)[0]!;
 * [sink.DVA.toFixed(6) === source.DVA.toFixed(6), sink.GEXP];
 * //=> [true, 30]
 * ```
 */
export function bmPerspectiveDecomposition(icio: Icio, options?: BmPerspectiveOptions): BmPerspectiveRecord[];
export function bmPerspectiveDecomposition(
  icio: Icio,
  options?: BmPerspectiveOptions,
): BmPerspectiveRecord[] {
  const { perspective, approach, level } = validateOptions(BmPerspectiveOptions, options);
  if (perspective === 'exporter' && approach === 'source')
    return bmDecomposition(icio, { level: level ?? 'country' });
  checkIcio(icio, 'bmPerspectiveDecomposition');
  const { countries, sectors, N } = icio;
  const bySector = level === 'sector' || BY_SECTOR.includes(perspective);
  let out: BmPerspectiveRecord[];
  let warnings: readonly GvcIssue[];
  if (perspective === 'bilateral' || perspective === 'bilateral-sector') {
    const c = denseBmContext(icio);
    warnings = c.warnings;
    const rows: BmPerspectiveRecord[] = [];
    let acc: BmTerms | undefined;
    let at = -1;
    eachPairCell(c, perspective === 'bilateral-sector', ({ s, k, r, terms }) => {
      if (bySector) {
        rows.push({ country: countries[s]!, sector: sectors[k]!, partner: countries[r!]!, ...terms });
        return;
      }
      if (k === 0) {
        acc = { ...terms };
        at = rows.length;
        rows.push({ country: countries[s]!, partner: countries[r!]!, ...acc });
      } else add(acc!, terms);
      if (k === N - 1) Object.assign(rows[at]!, acc);
    });
    out = rows;
  } else {
    const c = bmContext(icio);
    warnings = c.warnings;
    const cells: BmCell[] =
      perspective === 'sector'
        ? sectorCells(c)
        : perspective === 'world'
          ? worldCells(c)
          : sinkTerms(c).map((terms, i) => ({ s: Math.floor(i / N), k: i % N, terms }));
    out = bySector
      ? cells.map(({ s, k, terms }) => ({ country: countries[s]!, sector: sectors[k]!, ...terms }))
      : countries.map((country, s) => {
          const acc = { ...cells[s * N]!.terms };
          for (let k = 1; k < N; k++) add(acc, cells[s * N + k]!.terms);
          return { country, ...acc };
        });
  }
  checkFiniteRecords(out, 'Borin–Mancini decomposition');
  return finish(out, warnings);
}

/** acc += t, term by term. */
function add(acc: BmTerms, t: BmTerms): void {
  for (const key of BM_KEYS) acc[key] += t[key];
}
