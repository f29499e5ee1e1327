import type * as z from 'zod/mini';
import { IssueList, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { take } from './schema-helpers.js';
import {
  ClusterTableName,
  ClusterTables,
  CollectiveActionRowKey,
  ExternalEconomyRowKey,
  InstitutionalSupportKey,
  MarketOrientation,
} from './table-model.js';

/** A column of the cluster tables: the dynamism counts of Tables 2 and 4, or the number of clusters. */
export type ClusterTableColumn = 'growth' | 'upgrading' | 'growthAndUpgrading' | 'clusters';

/** One cell on which two sets of cluster tables differ; `null` where a table does not print the row. */
export interface TableDifference {
  table: ClusterTableName;
  key: string;
  column: ClusterTableColumn;
  computed: number | null;
  published: number | null;
}

/**
 * The row keys of each table, in order, and its columns.
 *
 * @internal
 */
export const tableLayout: Readonly<
  Record<ClusterTableName, { keys: readonly string[]; columns: readonly ClusterTableColumn[] }>
> = {
  marketOrientation: {
    keys: MarketOrientation.options,
    columns: ['growth', 'upgrading', 'growthAndUpgrading', 'clusters'],
  },
  collectiveAction: {
    keys: CollectiveActionRowKey.options,
    columns: ['growth', 'upgrading', 'growthAndUpgrading', 'clusters'],
  },
  externalEconomies: { keys: ExternalEconomyRowKey.options, columns: ['clusters'] },
  institutionalSupport: { keys: InstitutionalSupportKey.options, columns: ['clusters'] },
};

/**
 * Validates the argument `name` with `schema`, recording its problems in `issues` (paths rooted at
 * `name`); returns the parsed copy, or `undefined` when invalid.
 *
 * @internal
 */
export function checkArgument<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  name: string,
  issues: IssueList,
): z.output<S> | undefined {
  return take(safeValidate(schema, value, name), issues);
}

/**
 * Compares two sets of cluster tables cell by cell — typically tables recomputed from the data with
 * {@link clusterTables} against the tables as printed (`publishedClusterTables` of `gvckit/data`,
 * Kaplinsky 2015, Tables 2–5) — and lists every cell that differs, with both values. A row printed in
 * one set but not the other gives one difference per column, with `null` on the missing side. Labels,
 * sources, notes and the `clusters` total are not compared.
 *
 * @param computed - the first set of tables (e.g. recomputed)
 * @param published - the second set of tables (e.g. as printed)
 * @returns the differing cells, by table (in the order of {@link ClusterTableName}), row (in key
 * order) and column (growth, upgrading, growthAndUpgrading, clusters); empty when the tables agree;
 * deeply frozen
 * @throws GvcError `INVALID_INPUT` when either argument is not valid {@link ClusterTables}, listing
 * the problems of both with paths rooted at the argument (`computed.marketOrientation[0].growth`,
 * `published.collectiveAction[2].key`)
 * @example
 * ```ts
 * import { africanClusters, publishedClusterTables } from 'gvckit/data';
 * compareTables(clusterTables(africanClusters), publishedClusterTables)[0];
 * //=> { table: 'marketOrientation', key: 'domestic-and-regional', column: 'growth', computed: 3, published: 1 }
 * ```
 */
export function compareTables(computed: ClusterTables, published: ClusterTables): TableDifference[] {
  const summary = 'invalid tables to compare';
  const issues = new IssueList();
  const first = checkArgument(ClusterTables, computed, 'computed', issues);
  const second = checkArgument(ClusterTables, published, 'published', issues);
  issues.throwIfAny(summary);
  if (first === undefined || second === undefined) throw new GvcError('INVALID_INPUT', summary);
  const out: TableDifference[] = [];
  for (const table of ClusterTableName.options) {
    const { keys, columns } = tableLayout[table];
    const rowsOf = (t: ClusterTables) =>
      new Map((t[table] as ReadonlyArray<Record<string, unknown> & { key: string }>).map((r) => [r.key, r]));
    const a = rowsOf(first);
    const b = rowsOf(second);
    for (const key of keys) {
      const ra = a.get(key);
      const rb = b.get(key);
      if (ra === undefined && rb === undefined) continue;
      for (const column of columns) {
        const va = ra === undefined ? null : cell(ra, column);
        const vb = rb === undefined ? null : cell(rb, column);
        if (va !== vb) out.push({ table, key, column, computed: va, published: vb });
      }
    }
  }
  return deepFreeze(out);
}

/** A count of a validated row, -0 read as 0. */
function cell(row: Record<string, unknown>, column: ClusterTableColumn): number {
  return (Object.hasOwn(row, column) ? (row[column] as number) : 0) + 0;
}
