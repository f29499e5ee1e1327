import type { z } from 'zod';
import { GvcError, type GvcIssue } from '../core/errors.js';
import { fromZodIssues } from '../core/issues.js';
import { parseParams } from './schema-helpers.js';
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
 * Validates a value as cluster tables, prefixing issue paths with `label`.
 *
 * @internal
 */
export function tablesIssues(schema: z.ZodType, value: unknown, label: string): GvcIssue[] {
  const r = schema.safeParse(value, parseParams);
  if (r.success) return [];
  return fromZodIssues(r.error.issues, label);
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
 * order) and column (growth, upgrading, growthAndUpgrading, clusters); empty when the tables agree
 * @throws GvcError `INVALID_INPUT` when either argument is not valid {@link ClusterTables}, with
 * paths starting `computed.` or `published.`
 * @example
 * ```ts
 * compareTables(clusterTables(africanClusters), publishedClusterTables)[0];
 * //=> { table: 'marketOrientation', key: 'domestic-and-regional', column: 'growth', computed: 3, published: 1 }
 * ```
 */
export function compareTables(computed: ClusterTables, published: ClusterTables): TableDifference[] {
  const issues = [
    ...tablesIssues(ClusterTables, computed, 'computed'),
    ...tablesIssues(ClusterTables, published, 'published'),
  ];
  if (issues.length > 0) throw new GvcError('INVALID_INPUT', 'invalid tables to compare', issues);
  const out: TableDifference[] = [];
  for (const table of ClusterTableName.options) {
    const { keys, columns } = tableLayout[table];
    const rowsOf = (t: ClusterTables) =>
      new Map((t[table] as ReadonlyArray<Record<string, unknown> & { key: string }>).map((r) => [r.key, r]));
    const a = rowsOf(computed);
    const b = rowsOf(published);
    for (const key of keys) {
      const ra = a.get(key);
      const rb = b.get(key);
      if (ra === undefined && rb === undefined) continue;
      for (const column of columns) {
        const va = ra === undefined ? null : (ra[column] as number);
        const vb = rb === undefined ? null : (rb[column] as number);
        if (va !== vb) out.push({ table, key, column, computed: va, published: vb });
      }
    }
  }
  return out;
}
