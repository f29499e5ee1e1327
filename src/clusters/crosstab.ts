import * as z from 'zod/mini';
import { IssueList, preview, quote, safeValidate, validateFunction } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import type { Cluster } from './model.js';
import { parseClusterList } from './parse.js';
import { take } from './schema-helpers.js';

/**
 * A row of a {@link crossTab}: its `key`, the number of `clusters` in the row, and for each column
 * the number of those clusters for which the column's predicate holds.
 */
export type CrossTabRow<K extends string, C extends string> = { key: K; clusters: number } & {
  [P in C]: number;
};

/**
 * The most rows a {@link crossTab} may have: 100,000 (listed in `options.rows` or met as keys).
 *
 * @example
 * ```ts
 * MAX_CROSSTAB_ROWS;
 * //=> 100000
 * ```
 */
export const MAX_CROSSTAB_ROWS = 100_000;

/**
 * The most columns (predicates) a {@link crossTab} may have: 1,000.
 *
 * @example
 * ```ts
 * MAX_CROSSTAB_COLUMNS;
 * //=> 1000
 * ```
 */
export const MAX_CROSSTAB_COLUMNS = 1_000;

/**
 * The most cells (rows × columns) a {@link crossTab} may have: 1,000,000 (the result then holds
 * about 10⁶ numbers, some 30 MB as objects).
 *
 * @example
 * ```ts
 * MAX_CROSSTAB_CELLS;
 * //=> 1000000
 * ```
 */
export const MAX_CROSSTAB_CELLS = 1_000_000;

/**
 * Options of {@link crossTab}: `rows`, the rows in order. Every listed row is in the result, even
 * when empty; a cluster whose key is not listed is an error. Without it, rows appear in the order
 * their keys are first met. At most {@link MAX_CROSSTAB_ROWS} rows, each listed once.
 *
 * @example
 * ```ts
 * CrossTabOptions.parse({ rows: ['KEN', 'ZAF'] });
 * //=> { rows: ['KEN', 'ZAF'] }
 * ```
 */
export const CrossTabOptions = z.strictObject({
  /** The rows, in order; every listed row is in the result, even when empty. */
  rows: z.optional(z.array(z.string()).check(z.maxLength(MAX_CROSSTAB_ROWS))),
});
/**
 * Options of {@link crossTab}, typed by its row keys `K`: the input of the {@link CrossTabOptions}
 * schema with `rows` narrowed to `K` (a schema checks strings; only the type can carry the caller's
 * key type, so the type is derived from the schema here rather than written beside it).
 */
export type CrossTabOptions<K extends string = string> = Omit<z.input<typeof CrossTabOptions>, 'rows'> & {
  rows?: readonly K[] | undefined;
};

const reserved = new Set(['key', 'clusters']);
/** Row keys listed in a message before "…". */
const LISTED_KEYS = 10;

type Predicate = (cluster: Cluster) => unknown;

/**
 * The rows of a cross-tabulation of validated clusters; `fixed` rows are listed first, in order.
 * Counts live in arrays keyed by a `Map` of row keys, so any string (`__proto__`, `constructor`) is a
 * plain key; rows become objects only at the end, each column an own property.
 *
 * @internal
 */
export function tabulate<K extends string, C extends string>(
  list: readonly Cluster[],
  rowKeys: (cluster: Cluster) => unknown,
  columns: ReadonlyArray<readonly [C, Predicate]>,
  fixed: readonly K[] | undefined,
  issues: IssueList,
): Array<CrossTabRow<K, C>> {
  const width = columns.length;
  const maxRows = Math.min(MAX_CROSSTAB_ROWS, Math.floor(MAX_CROSSTAB_CELLS / Math.max(1, width)));
  const index = new Map<string, number>();
  const keys: string[] = [];
  const counts: number[][] = [];
  const addRow = (key: string) => {
    index.set(key, keys.length);
    keys.push(key);
    counts.push(new Array<number>(width + 1).fill(0));
  };
  if (fixed !== undefined) {
    fixed.forEach((key, i) => {
      if (index.has(key))
        issues.add(`options.rows[${i}]`, `expected each row once, found ${quote(key)} again`);
      else addRow(key);
    });
    if (keys.length > maxRows) {
      issues.add(
        'options.rows',
        `expected at most ${maxRows} rows with ${width} columns (at most ${MAX_CROSSTAB_CELLS} cells), found ${keys.length}`,
      );
    }
    issues.throwIfAny('invalid cross-tabulation');
  }
  const listed = () =>
    `${(fixed ?? [])
      .slice(0, LISTED_KEYS)
      .map((k) => quote(k))
      .join(', ')}${(fixed ?? []).length > LISTED_KEYS ? `, … (${(fixed ?? []).length} rows)` : ''}`;
  const flags = new Array<boolean>(width).fill(false);
  list.forEach((cluster, i) => {
    const raw = rowKeys(cluster);
    if (raw === undefined) return;
    const found = typeof raw === 'string' ? [raw] : raw;
    if (!Array.isArray(found) || found.length > maxRows || found.some((k) => typeof k !== 'string')) {
      issues.add(
        `clusters[${i}]`,
        `expected rowKeys to return a string, an array of at most ${maxRows} strings or undefined, found ${preview(raw)}`,
      );
      return;
    }
    const rows: number[] = [];
    const seen = new Set<number>();
    for (const key of found as string[]) {
      let r = index.get(key);
      if (r === undefined) {
        if (fixed !== undefined) {
          issues.add(`clusters[${i}]`, `expected a row key among ${listed()}, found ${quote(key)}`);
          continue;
        }
        if (keys.length >= maxRows) {
          throw new GvcError('INVALID_INPUT', 'invalid cross-tabulation', [
            {
              path: `clusters[${i}]`,
              message: `expected at most ${maxRows} distinct row keys${width > 0 ? ` with ${width} columns (at most ${MAX_CROSSTAB_CELLS} cells)` : ''}, found more at ${quote(key)}`,
            },
          ]);
        }
        r = keys.length;
        addRow(key);
      }
      if (!seen.has(r)) {
        seen.add(r);
        rows.push(r);
      }
    }
    if (rows.length === 0) return;
    for (let j = 0; j < width; j++) flags[j] = Boolean((columns[j] as readonly [C, Predicate])[1](cluster));
    for (const r of rows) {
      const row = counts[r] as number[];
      row[0] = (row[0] as number) + 1;
      for (let j = 0; j < width; j++) if (flags[j]) row[j + 1] = (row[j + 1] as number) + 1;
    }
  });
  issues.throwIfAny('invalid cross-tabulation');
  return keys.map((key, r) => {
    const row = { key, clusters: (counts[r] as number[])[0] } as Record<string, unknown>;
    columns.forEach(([name], j) => {
      Object.defineProperty(row, name, {
        value: (counts[r] as number[])[j + 1],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    });
    return row as CrossTabRow<K, C>;
  });
}

/**
 * Cross-tabulates clusters: groups them into rows by `rowKeys` and counts, in each row, the clusters
 * for which each column's predicate is truthy — the construction of Tables 2–5 of Kaplinsky (2015).
 *
 * `rowKeys` returns the cluster's row, several rows (an array: the cluster is counted once in each,
 * repeated keys once), or `undefined` to leave the cluster out. Any string is a key, built-in
 * property names (`constructor`, `__proto__`) included; any column name but `key` and `clusters`
 * is a column. Key functions and predicates receive validated, deeply frozen copies of the clusters;
 * `rowKeys` is called once per cluster and each predicate once per cluster that is in some row.
 * Whatever they throw is passed on unchanged (it is the caller's error, not the input's).
 *
 * Bounded: at most {@link MAX_CROSSTAB_ROWS} rows, {@link MAX_CROSSTAB_COLUMNS} columns and
 * {@link MAX_CROSSTAB_CELLS} cells, checked before the rows are allocated (and, for rows met as keys,
 * as each new key is met).
 *
 * @param clusters - the clusters to tabulate (validated; ids must be unique)
 * @param rowKeys - the row(s) a cluster belongs to
 * @param columns - named predicates; the names `key` and `clusters` are reserved
 * @param options - `rows`: the rows and their order; `undefined` or `null` for none
 * @returns one row per key: `{ key, clusters, ...counts per column }`, deeply frozen
 * @throws GvcError `INVALID_INPUT` when a cluster is invalid (`clusters[3].endMarkets`), ids repeat,
 * `rowKeys` is not a function, `columns` is not an object of functions or names a reserved column
 * (`columns.key`), `options.rows` is not an array of strings or repeats a key, a size limit is
 * exceeded, or `rowKeys` returns something other than a string, an array of strings or `undefined`,
 * or a key outside `options.rows` (each at the cluster's index, `clusters[3]`)
 * @example
 * ```ts
 * import { africanClusters } from 'gvckit/data';
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
  options: CrossTabOptions<K> | null = {},
): Array<CrossTabRow<K, C>> {
  const summary = 'invalid cross-tabulation';
  const issues = new IssueList();
  const list = issues.attempt(() => parseClusterList(clusters));
  const keyOf = issues.attempt(() => validateFunction<(cluster: Cluster) => unknown>(rowKeys, 'rowKeys'));
  const entries: Array<readonly [C, Predicate]> = [];
  if (columns === null || typeof columns !== 'object' || Array.isArray(columns)) {
    issues.add('columns', `expected an object of predicate functions, found ${preview(columns)}`);
  } else {
    const names = Object.keys(columns);
    if (names.length > MAX_CROSSTAB_COLUMNS) {
      issues.add('columns', `expected at most ${MAX_CROSSTAB_COLUMNS} columns, found ${names.length}`);
    } else {
      for (const name of names) {
        const predicate = Object.getOwnPropertyDescriptor(columns, name)?.value as unknown;
        const path = /^[A-Za-z_$][\w$]*$/.test(name) ? `columns.${name}` : `columns[${quote(name)}]`;
        if (reserved.has(name)) {
          issues.add(path, `expected a column name other than "key" and "clusters", found ${quote(name)}`);
        } else if (typeof predicate !== 'function') {
          issues.add(path, `expected a predicate function, found ${preview(predicate)}`);
        } else entries.push([name as C, predicate as Predicate]);
      }
    }
  }
  const o = take(safeValidate(CrossTabOptions, options ?? {}, 'options', summary), issues);
  if (o?.rows !== undefined) {
    const seen = new Set<string>();
    o.rows.forEach((key, i) => {
      if (seen.has(key))
        issues.add(`options.rows[${i}]`, `expected each row once, found ${quote(key)} again`);
      seen.add(key);
    });
  }
  issues.throwIfAny(summary);
  if (list === undefined || keyOf === undefined || o === undefined)
    throw new GvcError('INVALID_INPUT', summary);
  return deepFreeze(tabulate<K, C>(list, keyOf, entries, o.rows as readonly K[] | undefined, issues));
}
