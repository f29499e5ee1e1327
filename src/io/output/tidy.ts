/**
 * Tidy (long) records: the wide records of the indicators and decompositions, one row per country
 * (country–sector, exporter–partner…) with one column per term, turned into one row per term with
 * the codes that join them.
 *
 * @packageDocumentation
 */
import * as z from 'zod/mini';
import { IssueList, preview, quote, validateOptions } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';
import { badCell, cellKind, isPlainRecord, MAX_OUTPUT_CELLS } from './columns.js';

/**
 * The key fields of a record, in the order a tidy record carries them: where and when, then what a
 * footprint measures (`stressor`, `compartment`) and the `unit` of the value (footprint and TiVA
 * records).
 */
const KEYS = ['year', 'country', 'partner', 'sector', 'stressor', 'compartment', 'unit'] as const;
/** Names a kept field may not take. */
const RESERVED = new Set<string>(['indicator', ...KEYS, 'term', 'value']);

/**
 * Options of {@link tidyRecords}:
 * - `year`: the year of the table, added as `year` to every record (a record's own `year`, as in a
 *   panel's records, is kept; the two must agree);
 * - `indicator`: a name added as `indicator` to every record (`'vax'`, `'wwz'`…), so that the tidy
 *   records of several indicators can be stacked in one table;
 * - `keep`: non-numeric fields of the wide records to copy to each of their tidy records (the
 *   `linkage` class and `keySector` flag of `rasmussenLinkages`, the `positionReason` of
 *   `gvcParticipation`); without it they are dropped.
 *
 * @example
 * ```ts
 * TidyOptions.parse({ year: 2020, indicator: 'vax' });
 * //=> { year: 2020, indicator: 'vax' }
 * ```
 */
export const TidyOptions = z.strictObject({
  year: z.optional(z.int().check(z.gte(-2147483648), z.lte(2147483647))),
  indicator: z.optional(z.string().check(z.minLength(1))),
  keep: z.optional(z.array(z.string().check(z.minLength(1)))),
});
/** What a caller may pass as {@link TidyOptions}. */
export type TidyOptions = z.input<typeof TidyOptions>;

/**
 * One tidy record: the codes of the wide record it comes from, one term's name and its value. Key
 * fields are present only where the wide record (or the options) has them: `sector` at sector
 * level, `partner` for bilateral records (`valueAddedExports` at `'bilateral'` level,
 * `wwzDecomposition`), `year` with `options.year` or in a panel, `indicator` with
 * `options.indicator`, `stressor`, `compartment` and `unit` for footprint records, `unit` for TiVA
 * records. Fields named in `options.keep` sit between the codes and `term`.
 */
export interface TidyRecord {
  /** The indicator's name, from `options.indicator`. */
  indicator?: string;
  /** The year of the table. */
  year?: number;
  /** The country (the exporting country, the country of origin of value added, or a group's name). */
  country?: string;
  /** The partner (importing) country of a bilateral record. */
  partner?: string;
  /** The sector. */
  sector?: string;
  /** The stressor of a footprint record (`CO2`, `Employment`…). */
  stressor?: string;
  /** The compartment of a footprint record's stressor (`air`…; `''` when the table gives none). */
  compartment?: string;
  /** The unit of the value: a footprint record's stressor unit, or a TiVA record's `'value'` or `'percent'`. */
  unit?: string;
  /**
   * The name of the term: the field of the wide record (`GEXP`, `DVA_FIN`, `VAX`…), or, for a
   * record that is already long (a TiVA record), its `indicator` code (`EXGR_DVA`).
   */
  term: string;
  /** The term's value; `null` where the wide record has `null` (an undefined `position`). */
  value: number | null;
  /** Fields kept with `options.keep`. */
  [kept: string]: string | number | boolean | null | undefined;
}

/**
 * Turns the wide records of any indicator or decomposition of `gvckit/io` (one object per country,
 * country–sector or exporter–partner pair, one numeric field per term) into tidy records, one per
 * term: `{ indicator?, year?, country, partner?, sector?, stressor?, compartment?, unit?, term,
 * value }`, the long form of Wickham (2014), "Tidy data", Journal of Statistical Software 59(10), in
 * which records of several indicators, levels and years stack into one table and join on their
 * codes. The key fields `year`, `country`, `partner`, `sector`, `stressor`, `compartment` and `unit`
 * are copied from each wide record (so footprint records keep which stressor, in which unit, they
 * measure). A record that is already long — one with a string `indicator`, as
 * {@link tivaIndicators} returns (`{ indicator: 'EXGR_DVA', country, value, unit }`) — gives one
 * tidy record whose `term` is its indicator code and whose `value` is its value: the code is the
 * name of what is measured, as a wide record's field name is, so that TiVA records stack with the
 * terms of the decompositions, and `options.indicator` stays free to name the function (`'tiva'`).
 * Every other field
 * holding a number becomes a term, in the record's field order, and a `null` (a `position` that is
 * not defined) a term whose value is `null`, so that the row is not lost; strings and booleans that
 * are not key fields (`linkage`, `keySector`, `positionReason`) are dropped unless `options.keep`
 * names them, and absent fields give no row.
 *
 * @param records - the wide records (the array an indicator returns, or any array of flat records
 *   whose values are finite numbers, strings, booleans, `null` or absent)
 * @param options - `year`, `indicator`, `keep`; see {@link TidyOptions}
 * @returns the tidy records, wide record by wide record, each's terms in field order (deeply frozen)
 * @throws {GvcError} `INVALID_INPUT` when `records` is not an array of flat records, a key field is
 *   not a string (`year`: not an integer), a record's `year` differs from `options.year`, a value is
 *   not a finite number, string, boolean or `null`, or the options are invalid (a kept field named
 *   like a key field, `term` or `value`); every problem is listed with its path (`records[2].VAX`)
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[0, 2], [0, 0]], Y: [[8, 0], [0, 10]] });
 * tidyRecords(valueAddedExports(t, { level: 'bilateral' }), { year: 2020 })[1];
 * //=> { year: 2020, country: 'A', partner: 'B', term: 'VAX', value: 2 }
 * ```
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * tidyRecords(tivaIndicators(t, { codes: ['EXGR'] }), { indicator: 'tiva' })[0];
 * //=> { indicator: 'tiva', country: 'A', unit: 'value', term: 'EXGR', value: 30 }
 * ```
 */
export function tidyRecords(records: readonly object[], options?: TidyOptions): TidyRecord[] {
  const { year, indicator, keep = [] } = validateOptions(TidyOptions, options);
  const issues = new IssueList();
  for (const [k, name] of keep.entries())
    if (RESERVED.has(name))
      issues.add(
        `options.keep[${k}]`,
        `expected a field other than the key fields, term and value, found ${quote(name)}`,
      );
  issues.throwIfAny('invalid options');
  if (!Array.isArray(records))
    issues.add('records', `expected an array of records, found ${preview(records)}`);
  issues.throwIfAny('invalid records');
  if ((records as readonly unknown[]).length > MAX_OUTPUT_CELLS)
    throw new GvcError('UNSUPPORTED', 'too many records', [
      { path: 'records', message: `expected at most ${MAX_OUTPUT_CELLS} records, found ${records.length}` },
    ]);
  const kept = new Set(keep);
  const out: TidyRecord[] = [];
  const list = records as readonly unknown[];
  try {
    for (let i = 0; i < list.length; i++) {
      const r = list[i];
      if (!isPlainRecord(r)) {
        issues.add(`records[${i}]`, `expected a record (a plain object), found ${preview(r)}`);
        continue;
      }
      const base: Array<[string, unknown]> = [];
      if (indicator !== undefined) base.push(['indicator', indicator]);
      const own = Object.hasOwn(r, 'year') ? r.year : undefined;
      if (own !== undefined && !(typeof own === 'number' && Number.isInteger(own)))
        issues.add(`records[${i}].year`, `expected an integer year, found ${preview(own)}`);
      else if (own !== undefined && year !== undefined && own !== year)
        issues.add(`records[${i}].year`, `expected the year of options.year, ${year}, found ${own}`);
      const y = own ?? year;
      if (y !== undefined) base.push(['year', y]);
      const code = Object.hasOwn(r, 'indicator') ? r.indicator : undefined;
      if (code !== undefined && typeof code !== 'string')
        issues.add(`records[${i}].indicator`, `expected a string code, found ${preview(code)}`);
      for (const key of KEYS.slice(1)) {
        const v = Object.hasOwn(r, key) ? r[key] : undefined;
        if (v === undefined) continue;
        if (typeof v !== 'string')
          issues.add(`records[${i}].${key}`, `expected a string code, found ${preview(v)}`);
        else base.push([key, v]);
      }
      for (const name of keep) {
        const v = Object.hasOwn(r, name) ? r[name] : undefined;
        if (v === undefined) continue;
        if (cellKind(v) === undefined) issues.add(`records[${i}].${name}`, badCell(v));
        else base.push([name, v]);
      }
      for (const key of Object.keys(r)) {
        if (RESERVED.has(key) && key !== 'term' && key !== 'value') continue;
        if (kept.has(key)) continue;
        const v = r[key];
        const kind = cellKind(v);
        const term = key === 'value' && typeof code === 'string' ? code : key;
        if (kind === undefined) issues.add(`records[${i}].${key}`, badCell(v));
        else if (kind === 'number' || v === null) out.push(tidyRecord(base, term, v as number | null));
      }
    }
  } catch {
    issues.add('records', 'expected plain data, found a value that could not be read');
  }
  issues.throwIfAny('invalid records');
  return Object.freeze(out) as TidyRecord[];
}

/**
 * One frozen tidy record, its properties assigned in order (so that records of one shape share a
 * hidden class: millions of them stay small and fast); a kept field named `__proto__` is defined
 * as an own property, never set as the prototype.
 */
function tidyRecord(base: ReadonlyArray<[string, unknown]>, term: string, value: number | null): TidyRecord {
  const o: Record<string, unknown> = {};
  for (const [k, v] of base) {
    if (k === '__proto__')
      Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    else o[k] = v;
  }
  o.term = term;
  o.value = value;
  return Object.freeze(o) as TidyRecord;
}
