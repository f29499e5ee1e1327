import { describe, expect, it } from 'vitest';
import { publishedClusterTables } from '../../src/data/index.js';
import {
  ClusterTables,
  CollectiveActionRowKey,
  ExternalEconomyRowKey,
  InstitutionalSupportKey,
  MarketOrientation,
  MarketOrientationRow,
} from '../../src/index.js';

describe('cluster table model', () => {
  it('has the row keys of the issue, in the documented order', () => {
    expect(MarketOrientation.options).toEqual([
      'local-only',
      'domestic',
      'domestic-and-regional',
      'domestic-and-international',
      'international-only',
    ]);
    expect(CollectiveActionRowKey.options).toEqual([
      'learning',
      'marketing',
      'logistics',
      'exactly-1',
      'exactly-2',
      'exactly-3',
    ]);
    expect(ExternalEconomyRowKey.options).toEqual([
      'labour-supply',
      'suppliers',
      'customer-attraction',
      'specialised-services',
      'exactly-2',
      'exactly-3',
      'exactly-4',
    ]);
    // every combination of the three sources, joined by + in the order government, cluster-sectoral, external
    expect(InstitutionalSupportKey.options).toEqual([
      'none',
      'government',
      'cluster-sectoral',
      'external',
      'government+cluster-sectoral',
      'government+external',
      'cluster-sectoral+external',
      'government+cluster-sectoral+external',
    ]);
  });

  it('accepts the published tables and rejects repeated row keys, negative and fractional counts', () => {
    expect(ClusterTables.safeParse(publishedClusterTables).success).toBe(true);
    const row = { key: 'domestic', growth: 0, upgrading: 0, growthAndUpgrading: 0, clusters: 0 };
    expect(MarketOrientationRow.safeParse(row).success).toBe(true);
    expect(MarketOrientationRow.safeParse({ ...row, growth: -1 }).success).toBe(false);
    expect(MarketOrientationRow.safeParse({ ...row, clusters: 1.5 }).success).toBe(false);
    expect(MarketOrientationRow.safeParse({ ...row, key: 'abroad' }).success).toBe(false);
    const tables = {
      marketOrientation: [row, row],
      collectiveAction: [],
      externalEconomies: [],
      institutionalSupport: [],
    };
    const r = ClusterTables.safeParse(tables);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['marketOrientation', 1, 'key']);
  });
});
