import * as z from 'zod/mini';
import { IssueList } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { type ClusterTableColumn, checkArgument, tableLayout } from './compare.js';
import { Count } from './count.js';
import { CollectiveActionKind, ExternalEconomy } from './model.js';
import { type ClusterTableName, ClusterTables } from './table-model.js';

/**
 * The rules {@link checkTableConsistency} applies:
 *
 * - `growth-and-upgrading-exceeds-growth`, `growth-and-upgrading-exceeds-upgrading`: a row counts
 *   more clusters with both than with growth (or with upgrading), though growth and upgrading each
 *   include the clusters showing both;
 * - `count-exceeds-row`: a row counts more clusters with growth (or upgrading) than it has clusters;
 * - `growth-or-upgrading-exceeds-row`: growth + upgrading − both (the clusters showing either) is
 *   larger than the row's clusters;
 * - `row-exceeds-total`: a row has more clusters than were tabulated;
 * - `rows-do-not-sum-to-total`: rows that partition the clusters (every market orientation; every
 *   combination of support, `none` included) do not add up to the total, or the `exactly-k` rows, or
 *   the support rows printed, add up to more than the total;
 * - `kinds-do-not-match-exactly-k`: the rows per kind (a cluster with k kinds is counted in k of them)
 *   do not add up to Σ k × (row `exactly-k`) — exactly for collective action (clusters with no joint
 *   action are in neither side), and for external economies up to the clusters with 0 or 1 economy,
 *   which are in no `exactly-k` row.
 */
export type ConsistencyRule =
  | 'growth-and-upgrading-exceeds-growth'
  | 'growth-and-upgrading-exceeds-upgrading'
  | 'count-exceeds-row'
  | 'growth-or-upgrading-exceeds-row'
  | 'row-exceeds-total'
  | 'rows-do-not-sum-to-total'
  | 'kinds-do-not-match-exactly-k';

/** One internal contradiction found in a table. */
export interface TableInconsistency {
  table: ClusterTableName;
  /** The row, for rules about one row. */
  key?: string;
  /** The column, for rules about one column. */
  column?: ClusterTableColumn;
  rule: ConsistencyRule;
  /** What was expected and what was found. */
  message: string;
}

/**
 * Options of {@link checkTableConsistency}: `clusters`, the number of clusters tabulated (a whole
 * number >= 0); without it, the tables' own `clusters`, else the sum of a complete
 * market-orientation table, else no total (the rules needing one are skipped).
 *
 * @example
 * ```ts
 * CheckTableConsistencyOptions.parse({ clusters: 25 });
 * //=> { clusters: 25 }
 * ```
 */
export const CheckTableConsistencyOptions = z.strictObject({
  /**
   * The number of clusters tabulated; defaults to the tables' `clusters`, else the sum of a
   * complete market-orientation table.
   */
  clusters: z.optional(Count),
});
/** Options of {@link checkTableConsistency}. */
export type CheckTableConsistencyOptions = z.input<typeof CheckTableConsistencyOptions>;

type Row = {
  key: string;
  clusters: number;
  growth?: number;
  upgrading?: number;
  growthAndUpgrading?: number;
};

const PartialTables = z.partial(ClusterTables);

/**
 * Finds the internal contradictions of cluster tables shaped like Tables 2–5 of Kaplinsky (2015),
 * which were compiled by hand: counts that cannot all be true whatever the underlying data (see
 * {@link ConsistencyRule} for the rules). Any subset of the four tables may be given; rules needing
 * rows or a total that are not there are skipped.
 *
 * @param tables - some or all of the four tables (e.g. `publishedClusterTables` of `gvckit/data`)
 * @param options - `clusters`: the number of clusters tabulated, if not in `tables.clusters`;
 * `undefined` or `null` for none
 * @returns every contradiction found, by table, in rule order; empty for consistent tables; deeply
 * frozen
 * @throws GvcError `INVALID_INPUT` when the tables or options are invalid, listing every problem with
 * its path rooted at the argument (`tables.marketOrientation[0].growth`, `options.clusters`)
 * @example
 * ```ts
 * checkTableConsistency({ marketOrientation: [
 *   { key: 'domestic-and-regional', growth: 1, upgrading: 0, growthAndUpgrading: 1, clusters: 4 }] });
 * //=> [{ table: 'marketOrientation', key: 'domestic-and-regional', rule: 'growth-and-upgrading-exceeds-upgrading',
 * //      message: 'expected growthAndUpgrading <= upgrading, found 1 > 0' }]
 * ```
 */
export function checkTableConsistency(
  tables: Partial<ClusterTables>,
  options: CheckTableConsistencyOptions | null = {},
): TableInconsistency[] {
  const summary = 'invalid tables to check';
  const issues = new IssueList();
  const t = checkArgument(PartialTables, tables, 'tables', issues);
  const o = checkArgument(CheckTableConsistencyOptions, options ?? {}, 'options', issues);
  issues.throwIfAny(summary);
  if (t === undefined || o === undefined) throw new GvcError('INVALID_INPUT', summary);
  return deepFreeze(inconsistencies(t, o));
}

function inconsistencies(
  tables: z.output<typeof PartialTables>,
  options: z.output<typeof CheckTableConsistencyOptions>,
): TableInconsistency[] {
  const out: TableInconsistency[] = [];
  const market = tables.marketOrientation;
  const marketComplete = market !== undefined && market.length === tableLayout.marketOrientation.keys.length;
  const total =
    options.clusters ??
    tables.clusters ??
    (marketComplete ? market.reduce((s, r) => s + r.clusters, 0) : undefined);

  const rowRules = (table: ClusterTableName, rows: readonly Row[]) => {
    for (const r of rows) {
      const { growth, upgrading, growthAndUpgrading: both } = r;
      if (growth !== undefined && upgrading !== undefined && both !== undefined) {
        for (const [column, bound] of [
          ['growth', growth],
          ['upgrading', upgrading],
        ] as const) {
          if (both > bound) {
            out.push({
              table,
              key: r.key,
              rule: `growth-and-upgrading-exceeds-${column}`,
              message: `expected growthAndUpgrading <= ${column}, found ${both} > ${bound}`,
            });
          }
        }
        for (const column of ['growth', 'upgrading'] as const) {
          const v = r[column] ?? 0;
          if (v > r.clusters) {
            out.push({
              table,
              key: r.key,
              column,
              rule: 'count-exceeds-row',
              message: `expected ${column} <= clusters, found ${v} > ${r.clusters}`,
            });
          }
        }
        const either = growth + upgrading - both;
        if (both <= Math.min(growth, upgrading) && either > r.clusters) {
          out.push({
            table,
            key: r.key,
            rule: 'growth-or-upgrading-exceeds-row',
            message: `expected growth + upgrading - growthAndUpgrading <= clusters, found ${either} > ${r.clusters}`,
          });
        }
      }
      if (total !== undefined && r.clusters > total) {
        out.push({
          table,
          key: r.key,
          rule: 'row-exceeds-total',
          message: `expected at most the ${total} clusters tabulated, found ${r.clusters}`,
        });
      }
    }
  };
  const sumRule = (table: ClusterTableName, what: string, rows: readonly Row[], complete: boolean) => {
    if (total === undefined || rows.length === 0) return;
    const sum = rows.reduce((s, r) => s + r.clusters, 0);
    if (complete ? sum !== total : sum > total) {
      out.push({
        table,
        rule: 'rows-do-not-sum-to-total',
        message: `expected the ${what} to add up to ${complete ? '' : 'at most '}${total}, found ${sum}`,
      });
    }
  };
  /** Σ per-kind rows against Σ k × exactly-k; `slack` clusters may be in kind rows but no exactly-k row. */
  const kindsRule = (
    table: ClusterTableName,
    rows: readonly Row[],
    kinds: readonly string[],
    columns: readonly ClusterTableColumn[],
    exact: boolean,
  ) => {
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const exactly = tableLayout[table].keys.filter((k) => k.startsWith('exactly-'));
    if (![...kinds, ...exactly].every((k) => byKey.has(k))) return;
    const exactlyRows = exactly.map((k) => byKey.get(k) as Row);
    const inExactly = exactlyRows.reduce((s, r) => s + r.clusters, 0);
    for (const column of columns) {
      const value = (r: Row) => r[column] ?? 0;
      const kindSum = kinds.reduce((s, k) => s + value(byKey.get(k) as Row), 0);
      const weighted = exactlyRows.reduce((s, r) => s + Number(r.key.slice('exactly-'.length)) * value(r), 0);
      if (exact) {
        if (kindSum !== weighted) {
          out.push({
            table,
            column,
            rule: 'kinds-do-not-match-exactly-k',
            message: `expected the ${column} of the kind rows to add up to the sum of k x exactly-k, ${weighted}, found ${kindSum}`,
          });
        }
      } else {
        const slack = total === undefined ? undefined : total - inExactly;
        const ones = kindSum - weighted;
        if (ones < 0 || (slack !== undefined && ones > slack)) {
          out.push({
            table,
            column,
            rule: 'kinds-do-not-match-exactly-k',
            message:
              slack === undefined
                ? `expected the ${column} of the kind rows minus the sum of k x exactly-k (${weighted}) to be at least 0, found ${ones}`
                : `expected the ${column} of the kind rows minus the sum of k x exactly-k (${weighted}) to be between 0 and the ${slack} clusters in no exactly-k row, found ${ones}`,
          });
        }
      }
    }
  };

  if (market !== undefined) {
    rowRules('marketOrientation', market);
    sumRule('marketOrientation', 'market orientation rows', market, marketComplete);
  }
  // Tables 4 and 3: a row per kind and per number of kinds (`exactly-k`); exact for collective action.
  const kindTables: ReadonlyArray<
    readonly [ClusterTableName, readonly Row[] | undefined, readonly string[], boolean]
  > = [
    ['collectiveAction', tables.collectiveAction, CollectiveActionKind.options, true],
    ['externalEconomies', tables.externalEconomies, ExternalEconomy.options, false],
  ];
  for (const [table, rows, kinds, exact] of kindTables) {
    if (rows === undefined) continue;
    rowRules(table, rows);
    sumRule(
      table,
      'exactly-k rows',
      rows.filter((r) => r.key.startsWith('exactly-')),
      false,
    );
    kindsRule(table, rows, kinds, tableLayout[table].columns, exact);
  }
  if (tables.institutionalSupport !== undefined) {
    const rows = tables.institutionalSupport;
    rowRules('institutionalSupport', rows);
    sumRule(
      'institutionalSupport',
      'support rows',
      rows,
      rows.length === tableLayout.institutionalSupport.keys.length,
    );
  }
  return out;
}
