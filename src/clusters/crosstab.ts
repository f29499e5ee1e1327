import { GvcError, type GvcIssue } from '../core/errors.js';
import type { Cluster } from './model.js';
import { parseClusterList } from './parse.js';

/**
 * A row of a {@link crossTab}: its `key`, the number of `clusters` in the row, and for each column
 * the number of those clusters for which the column's predicate holds.
 */
export type CrossTabRow<K extends string, C extends string> = { key: K; clusters: number } & {
  [P in C]: number;
};

/** Options of {@link crossTab}. */
export interface CrossTabOptions<K extends string> {
  /**
   * The rows, in order. Every listed row is in the result, even when empty; a cluster whose key is
   * not listed is an error. Without it, rows appear in the order their keys are first met.
   */
  rows?: readonly K[];
}

const reserved = new Set(['key', 'clusters']);

/**
 * Cross-tabulates clusters: groups them into rows by `rowKeys` and counts, in each row, the clusters
 * for which each column's predicate is truthy — the construction of Tables 2–5 of Kaplinsky (2015).
 *
 * `rowKeys` returns the cluster's row, several rows (an array: the cluster is counted once in each,
 * repeated keys once), or `undefined` to leave the cluster out. Predicates and key functions receive
 * validated copies of the clusters.
 *
 * @param clusters - the clusters to tabulate (validated; ids must be unique)
 * @param rowKeys - the row(s) a cluster belongs to
 * @param columns - named predicates; the names `key` and `clusters` are reserved
 * @param options - `rows`: the rows and their order
 * @returns one row per key: `{ key, clusters, ...counts per column }`
 * @throws GvcError `INVALID_INPUT` when a cluster is invalid, ids repeat, a column name is reserved or
 * not a function, `options.rows` repeats a key, or `rowKeys` returns something other than a string,
 * an array of strings or `undefined`, or a key outside `options.rows` (each at the cluster's index)
 * @example
 * ```ts
 * const rows = crossTab(africanClusters,
 *   (c) => (c.country === 'KEN' || c.country === 'ZAF' ? c.country : undefined),
 *   { growth: (c) => c.dynamism.growth }, { rows: ['KEN', 'ZAF'] });
 * rows;
 * //=> [{ key: 'KEN', clusters: 8, growth: 3 }, { key: 'ZAF', clusters: 4, growth: 4 }]
 * ```
 */
export function crossTab<K extends string, C extends string>(
  clusters: readonly Cluster[],
  rowKeys: (cluster: Cluster) => K | readonly K[] | undefined,
  columns: Readonly<Record<C, (cluster: Cluster) => boolean>>,
  options: CrossTabOptions<K> = {},
): Array<CrossTabRow<K, C>> {
  const list = parseClusterList(clusters);
  const issues: GvcIssue[] = [];
  if (typeof rowKeys !== 'function') {
    issues.push({ path: 'rowKeys', message: `expected a function, found ${typeof rowKeys}` });
  }
  const columnEntries = Object.entries(columns ?? {}) as Array<[C, (cluster: Cluster) => boolean]>;
  for (const [name, predicate] of columnEntries) {
    if (reserved.has(name)) {
      issues.push({
        path: `columns.${name}`,
        message: `expected a column name other than "key" and "clusters", found "${name}"`,
      });
    } else if (typeof predicate !== 'function') {
      issues.push({
        path: `columns.${name}`,
        message: `expected a predicate function, found ${typeof predicate}`,
      });
    }
  }
  const rows = new Map<K, CrossTabRow<K, C>>();
  const newRow = (key: K) => {
    const row = { key, clusters: 0 } as Record<string, unknown>;
    for (const [name] of columnEntries) row[name] = 0;
    return row as CrossTabRow<K, C>;
  };
  const fixed = options.rows;
  if (fixed !== undefined) {
    fixed.forEach((key, i) => {
      if (rows.has(key))
        issues.push({ path: `options.rows[${i}]`, message: `expected each row once, found "${key}" again` });
      else rows.set(key, newRow(key));
    });
  }
  if (issues.length > 0) throw new GvcError('INVALID_INPUT', 'invalid cross-tabulation', issues);

  list.forEach((cluster, i) => {
    const raw = rowKeys(cluster);
    if (raw === undefined) return;
    const keys = typeof raw === 'string' ? [raw] : raw;
    if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string')) {
      issues.push({
        path: `[${i}]`,
        message: `expected the row key function to return a string, an array of strings or undefined, found ${JSON.stringify(raw)}`,
      });
      return;
    }
    for (const key of new Set(keys as K[])) {
      let row = rows.get(key);
      if (row === undefined) {
        if (fixed !== undefined) {
          issues.push({
            path: `[${i}]`,
            message: `expected a row key among ${fixed.map((k) => `"${k}"`).join(', ')}, found "${key}"`,
          });
          continue;
        }
        row = newRow(key);
        rows.set(key, row);
      }
      const counts = row as Record<string, number>;
      counts.clusters = (counts.clusters ?? 0) + 1;
      for (const [name, predicate] of columnEntries) {
        if (predicate(cluster)) counts[name] = (counts[name] ?? 0) + 1;
      }
    }
  });
  if (issues.length > 0) throw new GvcError('INVALID_INPUT', 'invalid cross-tabulation', issues);
  return [...rows.values()];
}
