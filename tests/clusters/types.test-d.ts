import { expectTypeOf, test } from 'vitest';
import type {
  Cluster,
  ClusterTables,
  CollectiveActionRow,
  CrossTabRow,
  DynamismAssessment,
  DynamismClass,
  EndMarket,
  GvcError,
  MarketOrientation,
  SafeParseClusterResult,
  SafeParseResult,
  TableDifference,
} from '../../src/index.js';
import {
  assessDynamism,
  classifyDynamism,
  classifyMarketOrientation,
  clusterTables,
  crossTab,
  safeParseCluster,
} from '../../src/index.js';

test('the inferred Cluster type', () => {
  expectTypeOf<Cluster['endMarkets']>().toEqualTypeOf<
    Array<'local' | 'national' | 'regional' | 'international'>
  >();
  expectTypeOf<Cluster['dynamism']>().toEqualTypeOf<{ growth: boolean; upgrading: boolean }>();
  expectTypeOf<Cluster['origin']>().toEqualTypeOf<'spontaneous' | 'policy-created' | undefined>();
  expectTypeOf<Cluster['institutionalSupport'][number]>().toEqualTypeOf<
    'government' | 'cluster-sectoral' | 'external'
  >();
  expectTypeOf<NonNullable<Cluster['trust']>['competence']>().toEqualTypeOf<
    'high' | 'medium' | 'low' | undefined
  >();
  expectTypeOf<NonNullable<Cluster['indicators']>[number]['period']>().toEqualTypeOf<number>();
});

test('the analytics return the documented shapes', () => {
  expectTypeOf(classifyDynamism).returns.toEqualTypeOf<DynamismClass>();
  expectTypeOf<DynamismClass>().toEqualTypeOf<'static' | 'growth' | 'upgrading' | 'growth-and-upgrading'>();
  expectTypeOf(classifyMarketOrientation).parameter(0).toEqualTypeOf<readonly EndMarket[]>();
  expectTypeOf(classifyMarketOrientation).returns.toEqualTypeOf<MarketOrientation>();
  expectTypeOf(assessDynamism).returns.toEqualTypeOf<DynamismAssessment>();
  expectTypeOf(clusterTables).returns.toEqualTypeOf<ClusterTables>();
  expectTypeOf<ClusterTables['collectiveAction']>().toEqualTypeOf<CollectiveActionRow[]>();
  expectTypeOf<CollectiveActionRow['key']>().toEqualTypeOf<
    'learning' | 'marketing' | 'logistics' | 'exactly-1' | 'exactly-2' | 'exactly-3'
  >();
  expectTypeOf<TableDifference['computed']>().toEqualTypeOf<number | null>();
  const rows = crossTab([], (c) => c.country, { big: () => true });
  expectTypeOf(rows).toEqualTypeOf<Array<CrossTabRow<string, 'big'>>>();
  expectTypeOf(rows[0]!.big).toEqualTypeOf<number>();
});

test('safeParseCluster returns the one SafeParseResult type; the old name is the same type', () => {
  expectTypeOf(safeParseCluster).returns.toEqualTypeOf<SafeParseResult<Cluster>>();
  expectTypeOf<SafeParseClusterResult>().toEqualTypeOf<SafeParseResult<Cluster>>();
  const r = safeParseCluster({});
  if (r.success) expectTypeOf(r.data).toEqualTypeOf<Cluster>();
  else expectTypeOf(r.error).toEqualTypeOf<GvcError>();
});
