import { IssueList } from '../core/boundary.js';
import { deepFreeze } from '../core/freeze.js';
import { dynamismOf } from './classify-dynamism.js';
import { tabulate } from './crosstab.js';
import { supportCombination } from './efficiency.js';
import { orientationOf } from './markets.js';
import type { Cluster } from './model.js';
import { parseClusterList } from './parse.js';
import {
  type ClusterTables,
  type CollectiveActionRow,
  CollectiveActionRowKey,
  type ExternalEconomyRow,
  ExternalEconomyRowKey,
  InstitutionalSupportKey,
  type InstitutionalSupportRow,
  MarketOrientation,
  type MarketOrientationRow,
} from './table-model.js';

const dynamismColumns = [
  ['growth', (c: Cluster) => c.dynamism.growth],
  ['upgrading', (c: Cluster) => c.dynamism.upgrading],
  [
    'growthAndUpgrading',
    (c: Cluster) => dynamismOf(c.dynamism.growth, c.dynamism.upgrading) === 'growth-and-upgrading',
  ],
] as const;

/**
 * The rows of Tables 3 and 4 a cluster belongs to: one per kind it has, and `exactly-k` for their
 * number k when k is at least `fewest` (the smallest `exactly-k` row of the table).
 */
function kindRows(kinds: readonly string[], fewest: number): string[] {
  return kinds.length < fewest ? [...kinds] : [...kinds, `exactly-${kinds.length}`];
}

/** Cross-tabulates validated clusters into the fixed rows of a table (every key is a row key of it). */
function table<R>(
  list: readonly Cluster[],
  keys: (c: Cluster) => string | readonly string[],
  columns: ReadonlyArray<readonly [string, (c: Cluster) => boolean]>,
  rows: readonly string[],
): R[] {
  return tabulate(list, keys, columns, rows, new IssueList()) as unknown as R[];
}

/**
 * Recomputes the four cross-tabulations of Kaplinsky (2015, Tables 2–5; data of Kaplinsky & Morris
 * 2014a) from any list of clusters:
 *
 * - `marketOrientation` (Table 2): one row per {@link MarketOrientation} (see
 *   {@link classifyMarketOrientation}), with the clusters in the row and how many show growth,
 *   upgrading, and both (growth and upgrading each include the clusters showing both);
 * - `collectiveAction` (Table 4): the same columns for the clusters doing each kind of joint action
 *   (`learning`, `marketing`, `logistics`) and for those doing exactly 1, 2 and 3 kinds
 *   (`exactly-1` … `exactly-3`; clusters with none are in no row);
 * - `externalEconomies` (Table 3): the number of clusters enjoying each external economy, and with
 *   exactly 2, 3 and 4 of them (`exactly-2` … `exactly-4`; clusters with 0 or 1 are in no row);
 * - `institutionalSupport` (Table 5): the number of clusters for each combination of support sources,
 *   `none` included (see {@link InstitutionalSupportKey}).
 *
 * Every row key is present, in the order of its enum, even when its counts are zero; `clusters` is
 * the number of clusters tabulated. Dynamism is read from the evidence flags (`cluster.dynamism`).
 * The paper's caution applies: such counts show association, not causation.
 *
 * @param clusters - the clusters (validated; ids must be unique)
 * @returns the four tables as data, keyed so that other tools can join on them (deeply frozen)
 * @throws GvcError `INVALID_INPUT` when a cluster is invalid or ids repeat, listing every problem with
 * its path (`clusters[3].endMarkets`, `clusters[4].id`)
 * @example
 * ```ts
 * import { africanClusters } from 'gvckit/data';
 * clusterTables(africanClusters).marketOrientation[0];
 * //=> { key: 'local-only', clusters: 7, growth: 1, upgrading: 2, growthAndUpgrading: 0 }
 * ```
 */
export function clusterTables(clusters: readonly Cluster[]): ClusterTables {
  const list = parseClusterList(clusters);
  const marketOrientation = table<MarketOrientationRow>(
    list,
    (c) => orientationOf(c.endMarkets),
    dynamismColumns,
    MarketOrientation.options,
  );
  const collectiveAction = table<CollectiveActionRow>(
    list,
    (c) => kindRows(c.collectiveAction, 1),
    dynamismColumns,
    CollectiveActionRowKey.options,
  );
  const externalEconomies = table<ExternalEconomyRow>(
    list,
    (c) => kindRows(c.externalEconomies, 2),
    [],
    ExternalEconomyRowKey.options,
  );
  const institutionalSupport = table<InstitutionalSupportRow>(
    list,
    (c) => supportCombination(c.institutionalSupport),
    [],
    InstitutionalSupportKey.options,
  );
  return deepFreeze({
    marketOrientation,
    collectiveAction,
    externalEconomies,
    institutionalSupport,
    clusters: list.length,
  });
}
