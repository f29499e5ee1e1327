import { describe, expect, it } from 'vitest';
import { africanClusters, publishedClusterTables } from '../../src/data/index.js';
import { checkTableConsistency, clusterTables, GvcError } from '../../src/index.js';
import { deepFreeze } from '../helpers.js';

const row = (key: string, growth: number, upgrading: number, growthAndUpgrading: number, clusters: number) =>
  ({ key, growth, upgrading, growthAndUpgrading, clusters }) as never;

describe('checkTableConsistency', () => {
  it('finds no contradiction in tables recomputed from data', () => {
    expect(checkTableConsistency(clusterTables(africanClusters))).toEqual([]);
  });

  it('finds the contradictions of Tables 2-5 as printed', () => {
    // Table 2 "Domestic and Regional": 1 with both but 0 upgrading.
    // Table 4 "1 Collective Activity": 2 with both but 0 growing.
    // Table 4 kind rows against exactly-k rows (a cluster with k kinds is in k kind rows), by hand:
    //   clusters: 16 + 10 + 11 = 37 vs 1·5 + 2·9 + 3·5 = 38;  growth: 12 + 8 + 10 = 30 vs 0 + 14 + 15 = 29;
    //   upgrading: 11 + 6 + 10 = 27 vs 3 + 10 + 15 = 28;     both: 10 + 6 + 10 = 26 vs 2 + 10 + 15 = 27.
    // Table 3: 18 + 23 + 22 + 19 = 82 = 2·5 + 3·8 + 4·12 and 5 + 8 + 12 = 25: consistent.
    // Table 5: 1 + 4 + 2 + 3 + 1 + 2 + 9 = 22 <= 25 (no "none" row printed): consistent.
    expect(checkTableConsistency(publishedClusterTables)).toEqual([
      {
        table: 'marketOrientation',
        key: 'domestic-and-regional',
        rule: 'growth-and-upgrading-exceeds-upgrading',
        message: 'expected growthAndUpgrading <= upgrading, found 1 > 0',
      },
      {
        table: 'collectiveAction',
        key: 'exactly-1',
        rule: 'growth-and-upgrading-exceeds-growth',
        message: 'expected growthAndUpgrading <= growth, found 2 > 0',
      },
      ...(
        [
          ['growth', 29, 30],
          ['upgrading', 28, 27],
          ['growthAndUpgrading', 27, 26],
          ['clusters', 38, 37],
        ] as const
      ).map(([column, weighted, found]) => ({
        table: 'collectiveAction',
        column,
        rule: 'kinds-do-not-match-exactly-k',
        message: `expected the ${column} of the kind rows to add up to the sum of k x exactly-k, ${weighted}, found ${found}`,
      })),
    ]);
  });

  it('applies each row rule at its boundary', () => {
    // both = growth = upgrading, growth + upgrading − both = clusters: all at the limit, consistent
    expect(checkTableConsistency({ marketOrientation: [row('domestic', 3, 3, 3, 3)] })).toEqual([]);
    expect(checkTableConsistency({ marketOrientation: [row('domestic', 2, 2, 0, 4)] })).toEqual([]);
    // one over each limit
    expect(
      checkTableConsistency({ marketOrientation: [row('domestic', 2, 3, 3, 5)] }).map((i) => i.rule),
    ).toEqual(['growth-and-upgrading-exceeds-growth']);
    expect(checkTableConsistency({ marketOrientation: [row('domestic', 4, 1, 1, 3)] })).toEqual([
      {
        table: 'marketOrientation',
        key: 'domestic',
        column: 'growth',
        rule: 'count-exceeds-row',
        message: 'expected growth <= clusters, found 4 > 3',
      },
      {
        table: 'marketOrientation',
        key: 'domestic',
        rule: 'growth-or-upgrading-exceeds-row',
        message: 'expected growth + upgrading - growthAndUpgrading <= clusters, found 4 > 3',
      },
    ]);
    expect(
      checkTableConsistency({ marketOrientation: [row('domestic', 2, 2, 0, 3)] }).map((i) => i.rule),
    ).toEqual(['growth-or-upgrading-exceeds-row']);
  });

  it('checks rows against the total: partitions must add up, other rows may not exceed it', () => {
    const complete = [
      row('local-only', 0, 0, 0, 2),
      row('domestic', 0, 0, 0, 2),
      row('domestic-and-regional', 0, 0, 0, 2),
      row('domestic-and-international', 0, 0, 0, 2),
      row('international-only', 0, 0, 0, 2),
    ];
    // inferred total = 10 from the complete market table: consistent
    expect(checkTableConsistency({ marketOrientation: complete })).toEqual([]);
    expect(checkTableConsistency({ marketOrientation: complete }, { clusters: 11 })).toEqual([
      {
        table: 'marketOrientation',
        rule: 'rows-do-not-sum-to-total',
        message: 'expected the market orientation rows to add up to 11, found 10',
      },
    ]);
    // an incomplete support table may add up to at most the total; 4 + 3 = 7 > 6
    expect(
      checkTableConsistency(
        {
          institutionalSupport: [
            { key: 'government', clusters: 4 },
            { key: 'external', clusters: 3 },
          ],
        },
        { clusters: 6 },
      ),
    ).toEqual([
      {
        table: 'institutionalSupport',
        rule: 'rows-do-not-sum-to-total',
        message: 'expected the support rows to add up to at most 6, found 7',
      },
    ]);
    expect(
      checkTableConsistency({ externalEconomies: [{ key: 'suppliers', clusters: 7 }] }, { clusters: 6 }).map(
        (i) => i.rule,
      ),
    ).toEqual(['row-exceeds-total']);
  });

  it('allows external-economy kind rows to exceed Σ k·exactly-k by at most the clusters in no exactly-k row', () => {
    // 4 clusters tabulated, two of them with exactly 2 economies: the other two have 0 or 1 economy, so
    // the kind rows may exceed Σ k·exactly-k = 4 by at most 2.
    const table = (customers: number) => ({
      externalEconomies: [
        { key: 'labour-supply', clusters: 2 },
        { key: 'suppliers', clusters: 3 },
        { key: 'customer-attraction', clusters: customers },
        { key: 'specialised-services', clusters: 0 },
        { key: 'exactly-2', clusters: 2 },
        { key: 'exactly-3', clusters: 0 },
        { key: 'exactly-4', clusters: 0 },
      ],
    });
    // kind rows 2 + 3 + 1 = 6: 6 − 4 = 2, allowed (boundary)
    expect(checkTableConsistency(table(1) as never, { clusters: 4 })).toEqual([]);
    // kind rows 2 + 3 + 2 = 7: 7 − 4 = 3 > 2
    expect(checkTableConsistency(table(2) as never, { clusters: 4 })).toEqual([
      {
        table: 'externalEconomies',
        column: 'clusters',
        rule: 'kinds-do-not-match-exactly-k',
        message:
          'expected the clusters of the kind rows minus the sum of k x exactly-k (4) to be between 0 and the 2 clusters in no exactly-k row, found 3',
      },
    ]);
    // fewer in the kind rows than the exactly-k rows account for: 2 + 1 + 0 = 3 < 4
    expect(
      checkTableConsistency(
        {
          externalEconomies: table(0).externalEconomies.map((r) =>
            r.key === 'suppliers' ? { ...r, clusters: 1 } : r,
          ),
        } as never,
        { clusters: 4 },
      ).map((i) => i.rule),
    ).toEqual(['kinds-do-not-match-exactly-k']);
  });

  it('rejects invalid tables and options, and does not mutate its arguments', () => {
    expect(() => checkTableConsistency({ marketOrientation: [row('abroad', 0, 0, 0, 0)] })).toThrow(GvcError);
    expect(() => checkTableConsistency({}, { clusters: -2 })).toThrow(GvcError);
    const t = deepFreeze(structuredClone(publishedClusterTables));
    checkTableConsistency(t, deepFreeze({ clusters: 25 }));
    expect(t).toEqual(publishedClusterTables);
  });
});
