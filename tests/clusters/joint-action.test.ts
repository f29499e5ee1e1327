import { describe, expect, it } from 'vitest';
import { africanClusters } from '../../src/data/index.js';
import { type GvcError, jointActionAssociation } from '../../src/index.js';
import { deepFreeze, errorOf } from '../helpers.js';

describe('jointActionAssociation', () => {
  // Hand count from Table 1 (numbering as in tables.test.ts); dynamic = growth or upgrading.
  // learning (16): dynamic all but 6, 11, 23 = 13; without learning (9): 5, 8, 16 dynamic = 3 → [[13, 3], [3, 6]]
  // marketing (10): all but 11, 23 = 8; without (15): 5, 8, 12, 13, 16, 18, 19, 25 = 8 → [[8, 2], [8, 7]]
  // logistics (12): all but 3, 9 = 10; without (13): 5, 8, 12, 21, 22, 24 = 6 → [[10, 2], [6, 7]]
  it.each([
    [
      'learning',
      [
        [13, 3],
        [3, 6],
      ],
      8.666666666666666,
      0.030810460235685705,
    ],
    [
      'marketing',
      [
        [8, 2],
        [8, 7],
      ],
      3.5,
      0.2289626647413698,
    ],
    [
      'logistics',
      [
        [10, 2],
        [6, 7],
      ],
      5.833333333333333,
      0.0968421052631579,
    ],
  ] as const)('%s in the African clusters', (action, table, or, p) => {
    const r = jointActionAssociation(africanClusters, action);
    expect(r.action).toBe(action);
    expect(r.outcome).toBe('growth-or-upgrading');
    expect(r.table).toEqual(table);
    expect(r.oddsRatio).toBeCloseTo(or, 12);
    expect(r.pValue).toBeCloseTo(p, 12);
  });

  it('takes other outcomes', () => {
    // logistics and growth-and-upgrading: with logistics 10 of 12; without (13): 13, 21 … by hand:
    // G+U clusters without logistics: 21 (SA Wine) only → [[10, 2], [1, 12]]
    expect(
      jointActionAssociation(africanClusters, 'logistics', { outcome: 'growth-and-upgrading' }).table,
    ).toEqual([
      [10, 2],
      [1, 12],
    ]);
  });

  it('rejects an unknown action and options, and does not mutate the clusters', () => {
    try {
      jointActionAssociation(africanClusters, 'lobbying' as never, { outcome: 'size' as never });
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).issues.map((i) => i.path)).toEqual(['action', 'options.outcome']);
    }
    const list = deepFreeze(structuredClone(africanClusters));
    jointActionAssociation(list, 'learning');
    expect(list).toEqual(africanClusters);
  });
});

describe('the boundary of jointActionAssociation', () => {
  it('roots jointActionAssociation paths at clusters, action and options, with null options allowed', () => {
    const [first, second] = africanClusters;
    const e = errorOf(() =>
      jointActionAssociation([first, { ...second, endMarkets: [] }, first] as never, 'toString' as never, {
        outcome: 'constructor' as never,
      }),
    );
    expect(e.issues).toEqual([
      { path: 'clusters[1].endMarkets', message: 'expected at least one end market, found none' },
      {
        path: 'action',
        message: 'expected one of "learning", "marketing", "logistics", found "toString"',
      },
      {
        path: 'options.outcome',
        message:
          'expected one of "growth-or-upgrading", "growth", "upgrading", "growth-and-upgrading", found "constructor"',
      },
    ]);
    expect(jointActionAssociation(africanClusters, 'logistics', null).table).toEqual([
      [10, 2],
      [6, 7],
    ]);
  });
});
