import * as z from 'zod/mini';
import { Source } from '../core/primitives.js';
import { Count } from './count.js';
import { CollectiveActionKind, ExternalEconomy } from './model.js';
import { duplicateIssues, namedEnum, shownKey } from './schema-helpers.js';

/**
 * The market orientation of a cluster, the rows of Table 2 of Kaplinsky (2015), in this order:
 * `local-only`, `domestic` (national, with or without local), `domestic-and-regional` (regional,
 * without international), `domestic-and-international` (international with any other market) and
 * `international-only`. See {@link classifyMarketOrientation} for the rule.
 *
 * @example
 * ```ts
 * MarketOrientation.options[0];
 * //=> 'local-only'
 * ```
 */
export const MarketOrientation = namedEnum([
  'local-only',
  'domestic',
  'domestic-and-regional',
  'domestic-and-international',
  'international-only',
]);
/** The market orientation of a cluster. */
export type MarketOrientation = z.output<typeof MarketOrientation>;

/**
 * The row keys of a table by kind (Tables 3 and 4): the kinds, in their enum's order, then the
 * `exactly-k` rows; typed as the union of both, for {@link namedEnum}.
 */
function kindRowKeys<K extends string, const E extends readonly [string, ...string[]]>(
  kinds: readonly K[],
  exactly: E,
): readonly [K | E[number], ...Array<K | E[number]>] {
  const keys: Array<K | E[number]> = [...kinds, ...exactly];
  return keys as [K | E[number], ...Array<K | E[number]>];
}

/**
 * The row keys of the collective-action table (Table 4 of Kaplinsky 2015), in this order: each kind
 * of joint action, then the clusters with exactly 1, 2 and 3 kinds.
 *
 * @example
 * ```ts
 * CollectiveActionRowKey.options;
 * //=> ['learning', 'marketing', 'logistics', 'exactly-1', 'exactly-2', 'exactly-3']
 * ```
 */
export const CollectiveActionRowKey = namedEnum(
  kindRowKeys(CollectiveActionKind.options, ['exactly-1', 'exactly-2', 'exactly-3']),
);
/** A row key of the collective-action table. */
export type CollectiveActionRowKey = z.output<typeof CollectiveActionRowKey>;

/**
 * The row keys of the external-economies table (Table 3 of Kaplinsky 2015), in this order: each
 * external economy, then the clusters with exactly 2, 3 and 4 of them.
 *
 * @example
 * ```ts
 * ExternalEconomyRowKey.options.length;
 * //=> 7
 * ```
 */
export const ExternalEconomyRowKey = namedEnum(
  kindRowKeys(ExternalEconomy.options, ['exactly-2', 'exactly-3', 'exactly-4']),
);
/** A row key of the external-economies table. */
export type ExternalEconomyRowKey = z.output<typeof ExternalEconomyRowKey>;

/**
 * A combination of sources of institutional support, the rows of Table 5 of Kaplinsky (2015): the
 * sources present, in the order government, cluster-sectoral, external, joined by `+`, or `none`.
 * The order of the rows is by number of sources: `none`, the three single sources, the three pairs,
 * and all three.
 *
 * @example
 * ```ts
 * InstitutionalSupportKey.options;
 * //=> ['none', 'government', 'cluster-sectoral', 'external', 'government+cluster-sectoral',
 * //    'government+external', 'cluster-sectoral+external', 'government+cluster-sectoral+external']
 * ```
 */
export const InstitutionalSupportKey = namedEnum([
  'none',
  'government',
  'cluster-sectoral',
  'external',
  'government+cluster-sectoral',
  'government+external',
  'cluster-sectoral+external',
  'government+cluster-sectoral+external',
]);
/** A combination of sources of institutional support. */
export type InstitutionalSupportKey = z.output<typeof InstitutionalSupportKey>;

function uniqueKeys<R extends { key: string }>(row: z.core.$ZodType<R>) {
  return z.array(row).check(
    z.superRefine((rows, ctx) => {
      for (const issue of duplicateIssues(
        rows,
        (r) => r.key,
        (k, at) => `expected each row key once, found ${shownKey(k)} again (first at [${at}])`,
        ['key'],
      )) {
        ctx.addIssue({ code: 'custom', ...issue });
      }
    }),
  );
}

function dynamismRow<K extends z.core.$ZodType<string>>(key: K) {
  return z.strictObject({
    key,
    /** As printed, for a published table. */
    label: z.optional(z.string()),
    growth: Count,
    upgrading: Count,
    growthAndUpgrading: Count,
    clusters: Count,
  });
}

function countRow<K extends z.core.$ZodType<string>>(key: K) {
  return z.strictObject({ key, label: z.optional(z.string()), clusters: Count });
}

/**
 * A row of a table of dynamism by group (Tables 2 and 4 of Kaplinsky 2015): of the `clusters` in the
 * row, how many show `growth`, how many `upgrading`, and how many both (`growthAndUpgrading`).
 * `growth` and `upgrading` each include the clusters showing both. `label` is the row as printed, for
 * a published table.
 *
 * @example
 * ```ts
 * MarketOrientationRow.parse({ key: 'local-only', growth: 1, upgrading: 2, growthAndUpgrading: 0, clusters: 7 }).clusters;
 * //=> 7
 * ```
 */
export const MarketOrientationRow = dynamismRow(MarketOrientation);
/** A row of the market orientation versus dynamism table. */
export type MarketOrientationRow = z.output<typeof MarketOrientationRow>;

/**
 * A row of the collective action versus dynamism table (Table 4 of Kaplinsky 2015); see
 * {@link MarketOrientationRow} for the columns.
 *
 * @example
 * ```ts
 * CollectiveActionRow.parse({ key: 'learning', growth: 12, upgrading: 11, growthAndUpgrading: 10, clusters: 16 }).key;
 * //=> 'learning'
 * ```
 */
export const CollectiveActionRow = dynamismRow(CollectiveActionRowKey);
/** A row of the collective action versus dynamism table. */
export type CollectiveActionRow = z.output<typeof CollectiveActionRow>;

/**
 * A row of the external-economies table (Table 3 of Kaplinsky 2015): the number of `clusters` with
 * that external economy, or with exactly that many.
 *
 * @example
 * ```ts
 * ExternalEconomyRow.parse({ key: 'suppliers', clusters: 23 }).clusters;
 * //=> 23
 * ```
 */
export const ExternalEconomyRow = countRow(ExternalEconomyRowKey);
/** A row of the external-economies table. */
export type ExternalEconomyRow = z.output<typeof ExternalEconomyRow>;

/**
 * A row of the institutional-support table (Table 5 of Kaplinsky 2015): the number of `clusters`
 * supported by exactly that combination of sources.
 *
 * @example
 * ```ts
 * InstitutionalSupportRow.parse({ key: 'government+external', clusters: 1 }).key;
 * //=> 'government+external'
 * ```
 */
export const InstitutionalSupportRow = countRow(InstitutionalSupportKey);
/** A row of the institutional-support table. */
export type InstitutionalSupportRow = z.output<typeof InstitutionalSupportRow>;

/**
 * The four cross-tabulations of Kaplinsky (2015, Tables 2–5) as data: market orientation versus
 * dynamism, collective action versus dynamism, the prevalence of external economies, and the
 * combinations of institutional support. A table may omit rows (a published table need not print
 * every key) but may not repeat one. Optional `clusters` is the number of clusters tabulated;
 * `source` and `notes` document a published table.
 *
 * @example
 * ```ts
 * ClusterTables.parse({ marketOrientation: [], collectiveAction: [], externalEconomies: [], institutionalSupport: [] }).marketOrientation;
 * //=> []
 * ```
 */
export const ClusterTables = z.strictObject({
  marketOrientation: uniqueKeys(MarketOrientationRow),
  collectiveAction: uniqueKeys(CollectiveActionRow),
  externalEconomies: uniqueKeys(ExternalEconomyRow),
  institutionalSupport: uniqueKeys(InstitutionalSupportRow),
  /** The number of clusters tabulated. */
  clusters: z.optional(Count),
  source: z.optional(Source),
  /** Notes on a published table: how it was transcribed and mapped to the row keys. */
  notes: z.optional(z.array(z.string())),
});
/** The four cross-tabulations of Kaplinsky (2015, Tables 2–5). */
export type ClusterTables = z.output<typeof ClusterTables>;

/**
 * The name of one of the four tables of {@link ClusterTables}.
 *
 * @example
 * ```ts
 * ClusterTableName.options;
 * //=> ['marketOrientation', 'collectiveAction', 'externalEconomies', 'institutionalSupport']
 * ```
 */
export const ClusterTableName = namedEnum([
  'marketOrientation',
  'collectiveAction',
  'externalEconomies',
  'institutionalSupport',
]);
/** The name of one of the four cluster tables. */
export type ClusterTableName = z.output<typeof ClusterTableName>;
