import { describe, expect, it } from 'vitest';
import { africanClusters } from '../../src/data/index.js';
import {
  Cluster,
  ClusterIndicator,
  ClusterOrigin,
  ClusterTrust,
  CollectiveActionKind,
  DynamismEvidence,
  EndMarket,
  ExternalEconomy,
  InstitutionalSupportSource,
  TrustLevel,
} from '../../src/index.js';
import { sampleCluster } from './fixtures.js';

describe('cluster model', () => {
  it('has the vocabulary of Table 1 of Kaplinsky (2015), in the documented order', () => {
    expect(EndMarket.options).toEqual(['local', 'national', 'regional', 'international']);
    expect(ExternalEconomy.options).toEqual([
      'labour-supply',
      'suppliers',
      'customer-attraction',
      'specialised-services',
    ]);
    expect(CollectiveActionKind.options).toEqual(['learning', 'marketing', 'logistics']);
    expect(InstitutionalSupportSource.options).toEqual(['government', 'cluster-sectoral', 'external']);
    expect(ClusterOrigin.options).toEqual(['spontaneous', 'policy-created']);
    expect(TrustLevel.options).toEqual(['high', 'medium', 'low']);
  });

  it('accepts every cluster of the dataset', () => {
    for (const c of africanClusters) expect(Cluster.safeParse(c).success).toBe(true);
  });

  it('is strict at every level', () => {
    expect(Cluster.safeParse({ ...sampleCluster(), colour: 'red' }).success).toBe(false);
    expect(DynamismEvidence.safeParse({ growth: true, upgrading: false, decline: true }).success).toBe(false);
    expect(ClusterTrust.safeParse({ competence: 'high', goodwill: 'low' }).success).toBe(false);
    expect(ClusterIndicator.safeParse({ period: 2000, exports: 5 }).success).toBe(false);
  });

  it('takes a period as a whole year and indicators >= 0 (boundaries)', () => {
    expect(ClusterIndicator.safeParse({ period: 2000, firms: 0, upgradingEvents: 0 }).success).toBe(true);
    expect(ClusterIndicator.safeParse({ period: 2000.5 }).success).toBe(false);
    expect(ClusterIndicator.safeParse({ period: 2000, sales: -0.01 }).success).toBe(false);
    expect(ClusterIndicator.safeParse({ period: 2000, sales: Number.POSITIVE_INFINITY }).success).toBe(false);
  });

  it('allows empty lists of economies, joint action and support ("none") but not of end markets', () => {
    const none = {
      ...sampleCluster(),
      externalEconomies: [],
      collectiveAction: [],
      institutionalSupport: [],
    };
    expect(Cluster.safeParse(none).success).toBe(true);
    expect(Cluster.safeParse({ ...none, endMarkets: [] }).success).toBe(false);
  });
});
