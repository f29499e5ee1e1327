import { describe, expect, it } from 'vitest';
import { africanClusters, publishedClusterTables } from '../../src/data/index.js';
import { type ClusterTables, clusterTables, compareTables, type GvcError } from '../../src/index.js';
import { deepFreeze } from '../helpers.js';

describe('compareTables', () => {
  it('finds exactly the cells where Tables 2-5 as printed disagree with Table 1 (hand counts in tables.test.ts)', () => {
    expect(compareTables(clusterTables(africanClusters), publishedClusterTables)).toEqual([
      // Table 2, "Domestic and Regional": Table 1 has 3 growing (Nnewi, Mwenge, Keko) and 1 upgrading
      // (Nnewi); printed 1 and 0 — and 1 with both, which cannot be with 0 upgrading.
      {
        table: 'marketOrientation',
        key: 'domestic-and-regional',
        column: 'growth',
        computed: 3,
        published: 1,
      },
      {
        table: 'marketOrientation',
        key: 'domestic-and-regional',
        column: 'upgrading',
        computed: 1,
        published: 0,
      },
      // Table 4, "Logistics": Table 1 has 12 clusters with logistics cooperation; printed 11.
      { table: 'collectiveAction', key: 'logistics', column: 'clusters', computed: 12, published: 11 },
      // Table 4, "1 Collective Activity" (Merkato, Suame Vehicle, Kibuye, Ziwani, Nnewi): Nnewi grows and
      // upgrades, Ziwani upgrades → 1, 2, 1; printed 0, 3, 2.
      { table: 'collectiveAction', key: 'exactly-1', column: 'growth', computed: 1, published: 0 },
      { table: 'collectiveAction', key: 'exactly-1', column: 'upgrading', computed: 2, published: 3 },
      {
        table: 'collectiveAction',
        key: 'exactly-1',
        column: 'growthAndUpgrading',
        computed: 1,
        published: 2,
      },
      // Table 5 prints no row for the 3 clusters without support (Gikomba, Ngong, Eastland).
      { table: 'institutionalSupport', key: 'none', column: 'clusters', computed: 3, published: null },
    ]);
  });

  it('finds no difference between a table and itself, and reports rows missing on either side', () => {
    const t = clusterTables(africanClusters);
    expect(compareTables(t, t)).toEqual([]);
    const partial: ClusterTables = { ...t, marketOrientation: t.marketOrientation.slice(1) };
    expect(compareTables(partial, t)).toEqual([
      { table: 'marketOrientation', key: 'local-only', column: 'growth', computed: null, published: 1 },
      { table: 'marketOrientation', key: 'local-only', column: 'upgrading', computed: null, published: 2 },
      {
        table: 'marketOrientation',
        key: 'local-only',
        column: 'growthAndUpgrading',
        computed: null,
        published: 0,
      },
      { table: 'marketOrientation', key: 'local-only', column: 'clusters', computed: null, published: 7 },
    ]);
  });

  it('rejects invalid tables with paths under computed. and published.', () => {
    const t = clusterTables(africanClusters);
    try {
      compareTables(
        { ...t, externalEconomies: [{ key: 'suppliers', clusters: -1 }] },
        {
          ...t,
          institutionalSupport: [
            { key: 'none', clusters: 1 },
            { key: 'none', clusters: 2 },
          ],
        },
      );
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).code).toBe('INVALID_INPUT');
      expect((e as GvcError).issues).toEqual([
        { path: 'computed.externalEconomies[0].clusters', message: 'expected a whole number >= 0, found -1' },
        {
          path: 'published.institutionalSupport[1].key',
          message: 'expected each row key once, found "none" again (first at [0])',
        },
      ]);
    }
  });

  it('does not mutate its arguments', () => {
    const a = deepFreeze(clusterTables(africanClusters));
    const b = deepFreeze(structuredClone(publishedClusterTables));
    const copies = structuredClone([a, b]);
    compareTables(a, b);
    expect([a, b]).toEqual(copies);
  });
});
