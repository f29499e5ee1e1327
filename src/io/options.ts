/**
 * The option vocabulary shared by the indicators and decompositions of the input–output engine:
 * the level of detail of their records (one per country or one per country–sector).
 *
 * @packageDocumentation
 */
import * as z from 'zod/mini';
import { preview, quote } from '../core/boundary.js';

/**
 * A choice among fixed strings, refused with the choices spelled out: `expected "country" or
 * "sector", found "world"`.
 *
 * @internal
 */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const quoted = values.map((v) => quote(v));
  const expected = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  return z.enum(values, { error: (iss) => `expected ${expected}, found ${preview(iss.input)}` });
}

/**
 * The level of detail of the records of an indicator or decomposition: `'country'`, one record per
 * country (the sectors of each country summed), or `'sector'`, one record per country–sector. The
 * `level` option of {@link leontiefDecomposition}, {@link gvcParticipation} and
 * {@link bmDecomposition} takes it (and {@link valueAddedExports} takes it or `'bilateral'`).
 *
 * @example
 * ```ts
 * DetailLevel.options;
 * //=> ['country', 'sector']
 * ```
 */
export const DetailLevel = oneOf(['country', 'sector']);
/** `'country'` or `'sector'`; see {@link DetailLevel}. */
export type DetailLevel = z.output<typeof DetailLevel>;

/**
 * Options of the indicators that report at country or country–sector level
 * ({@link leontiefDecomposition}, {@link gvcParticipation}): `level` is a {@link DetailLevel},
 * `'country'` when omitted.
 *
 * @example
 * ```ts
 * const o: DetailOptions = { level: 'sector' };
 * [DetailOptions.parse(o).level, DetailOptions.parse({}).level];
 * //=> ['sector', undefined]
 * ```
 */
export const DetailOptions = z.strictObject({ level: z.optional(DetailLevel) });
/** What a caller may pass as {@link DetailOptions}. */
export type DetailOptions = z.input<typeof DetailOptions>;

/**
 * The former name of {@link DetailOptions} (the level of detail, `'country'` or `'sector'`; not
 * the governance `Level` of the root entry point, `'high'` or `'low'`).
 *
 * @deprecated Use {@link DetailOptions}; removed in 0.3.0.
 * @example
 * ```ts
 * LevelOptions === DetailOptions;
 * //=> true
 * ```
 */
export const LevelOptions = DetailOptions;
/** @deprecated Use {@link DetailOptions}; removed in 0.3.0. */
export type LevelOptions = DetailOptions;
