import * as z from 'zod/mini';
import { IssueList, preview, validate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { Linkage, type LinkageType, type ProductionDirection } from './model.js';
import { requireFinite } from './validate.js';

/** One row of a {@link LinkageSummary}: the linkages of one type (and direction, for production). */
export interface LinkageSummaryRow {
  /** The linkage type. */
  type: LinkageType;
  /** The direction, for production linkages; `null` for fiscal and consumption linkages. */
  direction: ProductionDirection | null;
  /** Number of records. */
  count: number;
  /** Total value. */
  value: number;
  /** Value of the records whose counterpart is domestic. */
  domesticValue: number;
  /** `domesticValue / value`; `null` when the value is zero. */
  domesticShare: number | null;
}

/** The result of {@link summarizeLinkages}. */
export interface LinkageSummary {
  /** The economy the linkages belong to. */
  country: string;
  /** The currency of the values, when the records state it. */
  currency: string | null;
  /** The period of the records, when they state it. */
  period: number | null;
  /**
   * One row per type and direction present, in the order fiscal, consumption, production backward,
   * forward, horizontal.
   */
  rows: LinkageSummaryRow[];
}

const order: ReadonlyArray<[LinkageType, ProductionDirection | null]> = [
  ['fiscal', null],
  ['consumption', null],
  ['production', 'backward'],
  ['production', 'forward'],
  ['production', 'horizontal'],
];

/** Checks that every record states the same value of `field` as the first (or none when the first has none). */
function sameAcross(
  records: readonly Linkage[],
  field: 'country' | 'currency' | 'period',
  issues: IssueList,
): void {
  const first = records[0]?.[field];
  records.forEach((r, i) => {
    if (i > 0 && r[field] !== first) {
      issues.add(
        `linkages[${i}].${field}`,
        `expected ${first === undefined ? 'no' : preview(first)} ${field} as at linkages[0].${field}, found ${r[field] === undefined ? 'none' : preview(r[field])}`,
      );
    }
  });
}

/**
 * Adds up linkage records of one economy, currency and period by type and, for production linkages,
 * direction — Hirschman's (1981) fiscal, consumption and production (backward, forward) linkages and
 * the horizontal linkages of Morris, Kaplinsky & Kaplan (2012) — with the value whose counterpart is
 * domestic and its share: how far each channel feeds the domestic economy.
 *
 * @param linkages - {@link Linkage} records, all with the same `country` and the same `currency` and
 *   `period` (or none)
 * @returns the {@link LinkageSummary}: one row per type and direction present (deeply frozen)
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem with its path (`linkages[2].value`,
 *   `linkages[3].country` when it differs from the first record's); `INSUFFICIENT_DATA` for no
 *   records; `UNSUPPORTED` when the values add up past double precision (about 1.8e308)
 * @example
 * ```ts
 * const party = (sector: string) => ({ sector });
 * summarizeLinkages([
 *   { type: 'production', direction: 'backward', from: party('engineering'), to: party('mining'),
 *     value: 30, country: 'GHA', domestic: true },
 *   { type: 'production', direction: 'backward', from: party('fuel'), to: party('mining'),
 *     value: 90, country: 'GHA', domestic: false },
 * ]).rows;
 * //=> [{ type: 'production', direction: 'backward', count: 2, value: 120, domesticValue: 30, domesticShare: 0.25 }]
 * ```
 */
export function summarizeLinkages(linkages: ReadonlyArray<z.input<typeof Linkage>>): LinkageSummary {
  const list = validate(z.array(Linkage), linkages, 'linkages', 'invalid linkages');
  if (list.length === 0) {
    throw new GvcError('INSUFFICIENT_DATA', 'cannot summarise linkages', [
      { path: 'linkages', message: 'expected at least 1 linkage, found none' },
    ]);
  }
  const issues = new IssueList();
  sameAcross(list, 'country', issues);
  sameAcross(list, 'currency', issues);
  sameAcross(list, 'period', issues);
  issues.throwIfAny('invalid linkages');
  const rows: LinkageSummaryRow[] = [];
  for (const [type, direction] of order) {
    const matching = list.filter(
      (l) => l.type === type && (l.type === 'production' ? l.direction === direction : direction === null),
    );
    if (matching.length === 0) continue;
    const value = matching.reduce((s, l) => s + l.value, 0);
    const domesticValue = matching.reduce((s, l) => s + (l.domestic ? l.value : 0), 0);
    requireFinite([value], 'cannot summarise linkages', 'linkages');
    rows.push({
      type,
      direction,
      count: matching.length,
      value,
      domesticValue,
      domesticShare: value > 0 ? domesticValue / value : null,
    });
  }
  const first = list[0] as Linkage;
  return deepFreeze({
    country: first.country,
    currency: first.currency ?? null,
    period: first.period ?? null,
    rows,
  });
}
