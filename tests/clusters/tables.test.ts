import { describe, expect, it } from 'vitest';
import { africanClusters } from '../../src/data/index.js';
import { clusterTables, GvcError, parseCluster } from '../../src/index.js';
import { deepFreeze } from '../helpers.js';
import { sampleCluster } from './fixtures.js';

/*
 * Hand count from Table 1 of Kaplinsky (2015) (tests/fixtures/african-clusters-table1.tsv), clusters
 * numbered in file order:
 *  1 Dormiatt Dom.   L,N      static  EE 4  CA -        IS C
 *  2 Dormiatt Exp.   I        G+U     EE 4  CA M,L,Lo   IS E
 *  3 Merkato         L,N      static  EE 4  CA Lo       IS G,C,E
 *  4 Shiro Meda      L,N      static  EE 3  CA -        IS E
 *  5 Suame Metal     L        U       EE 3  CA -        IS G
 *  6 Suame Vehicle   L,R      static  EE 3  CA L        IS G,C,E
 *  7 Gikomba         L        static  EE 3  CA -        IS none
 *  8 Ngong           L        G       EE 2  CA -        IS none
 *  9 Kibuye          L        static  EE 3  CA Lo       IS C
 * 10 Eastland        L        static  EE 4  CA -        IS none
 * 11 Kamukunji       L        static  EE 2  CA M,L      IS G,C
 * 12 Ziwani          L        U       EE 2  CA L        IS C,E
 * 13 Nile Perch      L,N,I    G+U     EE 3  CA Lo,L     IS G,C,E
 * 14 Cut Flower      I        G+U     EE 4  CA M,L,Lo   IS G,C,E
 * 15 Otigba          N,R,I    G+U     EE 4  CA M,L,Lo   IS C
 * 16 Nnewi           N,R      G+U     EE 4  CA Lo       IS C,E
 * 17 Mauritius T&C   I        G+U     EE 4  CA M,L,Lo   IS G,C,E
 * 18 Cape            N        G+U     EE 4  CA Lo,L     IS G,C,E
 * 19 KZN             N        G+U     EE 4  CA Lo,L     IS G,C,E
 * 20 Durban Auto     N,I      G+U     EE 4  CA M,L,Lo   IS G,C,E
 * 21 SA Wine         L,N,I    G+U     EE 3  CA M,L      IS G,E
 * 22 Mwenge          L,N,R    G       EE 2  CA L,M      IS G,C
 * 23 Gerezani        L,N      static  EE 2  CA L,M      IS G,C
 * 24 Keko            L,R      G       EE 4  CA L,M      IS C
 * 25 Uganda Fish     L,N,I    G+U     EE 3  CA Lo,L     IS G,C,E
 * (L local, N national, R regional, I international; G growth, U upgrading; EE number of external
 * economies; CA learning L, marketing M, logistics Lo; IS government G, cluster/sectoral C, external E)
 */
describe('clusterTables on the 25 African clusters (checked against hand counts, not the published tables)', () => {
  const t = clusterTables(africanClusters);

  it('counts market orientation versus dynamism (Table 2)', () => {
    expect(t.clusters).toBe(25);
    expect(t.marketOrientation).toEqual([
      // local-only: 5,7,8,9,10,11,12 = 7; growth: 8; upgrading: 5,12; both: none
      { key: 'local-only', clusters: 7, growth: 1, upgrading: 2, growthAndUpgrading: 0 },
      // domestic: 1,3,4,18,19,23 = 6; growth = upgrading = both: 18,19
      { key: 'domestic', clusters: 6, growth: 2, upgrading: 2, growthAndUpgrading: 2 },
      // domestic-and-regional: 6,16,22,24 = 4; growth: 16,22,24; upgrading: 16; both: 16
      // (published: growth 1, upgrading 0 — see compare.test.ts)
      { key: 'domestic-and-regional', clusters: 4, growth: 3, upgrading: 1, growthAndUpgrading: 1 },
      // domestic-and-international: 13,15,20,21,25 = 5, all G+U
      { key: 'domestic-and-international', clusters: 5, growth: 5, upgrading: 5, growthAndUpgrading: 5 },
      // international-only: 2,14,17 = 3, all G+U
      { key: 'international-only', clusters: 3, growth: 3, upgrading: 3, growthAndUpgrading: 3 },
    ]);
  });

  it('counts collective action versus dynamism (Table 4)', () => {
    expect(t.collectiveAction).toEqual([
      // learning: 2,6,11,12,13,14,15,17,18,19,20,21,22,23,24,25 = 16; growth: all but 6,11,12,23 = 12;
      // upgrading: 2,12,13,14,15,17,18,19,20,21,25 = 11; both: the same less 12 = 10
      { key: 'learning', clusters: 16, growth: 12, upgrading: 11, growthAndUpgrading: 10 },
      // marketing: 2,11,14,15,17,20,21,22,23,24 = 10; growth: all but 11,23 = 8; upgrading = both: 2,14,15,17,20,21 = 6
      { key: 'marketing', clusters: 10, growth: 8, upgrading: 6, growthAndUpgrading: 6 },
      // logistics: 2,3,9,13,14,15,16,17,18,19,20,25 = 12; growth = upgrading = both: all but 3,9 = 10
      // (published: 11 clusters — see compare.test.ts)
      { key: 'logistics', clusters: 12, growth: 10, upgrading: 10, growthAndUpgrading: 10 },
      // exactly 1: 3,6,9,12,16 = 5; growth: 16; upgrading: 12,16; both: 16 (published: 0, 3, 2)
      { key: 'exactly-1', clusters: 5, growth: 1, upgrading: 2, growthAndUpgrading: 1 },
      // exactly 2: 11,13,18,19,21,22,23,24,25 = 9; growth: 13,18,19,21,22,24,25 = 7; upgrading = both: 13,18,19,21,25 = 5
      { key: 'exactly-2', clusters: 9, growth: 7, upgrading: 5, growthAndUpgrading: 5 },
      // exactly 3: 2,14,15,17,20 = 5, all G+U
      { key: 'exactly-3', clusters: 5, growth: 5, upgrading: 5, growthAndUpgrading: 5 },
    ]);
  });

  it('counts external economies (Table 3)', () => {
    expect(t.externalEconomies).toEqual([
      // labour supply: all but 6,11,12,13,22,23,25 = 18
      { key: 'labour-supply', clusters: 18 },
      // suppliers: all but 22,23 = 23
      { key: 'suppliers', clusters: 23 },
      // customer attraction: all but 7,8,9 = 22
      { key: 'customer-attraction', clusters: 22 },
      // specialised service providers: all but 4,5,8,11,12,21 = 19
      { key: 'specialised-services', clusters: 19 },
      // exactly 2: 8,11,12,22,23 = 5; exactly 3: 4,5,6,7,9,13,21,25 = 8;
      // exactly 4: 1,2,3,10,14,15,16,17,18,19,20,24 = 12 (check: 18+23+22+19 = 82 = 2·5 + 3·8 + 4·12)
      { key: 'exactly-2', clusters: 5 },
      { key: 'exactly-3', clusters: 8 },
      { key: 'exactly-4', clusters: 12 },
    ]);
  });

  it('counts combinations of institutional support (Table 5), none included', () => {
    expect(t.institutionalSupport).toEqual([
      { key: 'none', clusters: 3 }, // 7,8,10 (not printed in the paper)
      { key: 'government', clusters: 1 }, // 5
      { key: 'cluster-sectoral', clusters: 4 }, // 1,9,15,24
      { key: 'external', clusters: 2 }, // 2,4
      { key: 'government+cluster-sectoral', clusters: 3 }, // 11,22,23
      { key: 'government+external', clusters: 1 }, // 21
      { key: 'cluster-sectoral+external', clusters: 2 }, // 12,16
      { key: 'government+cluster-sectoral+external', clusters: 9 }, // 3,6,13,14,17,18,19,20,25
    ]);
  });
});

describe('clusterTables', () => {
  it('lists every row key, in order, even when zero; leaves out clusters with no joint action or < 2 economies', () => {
    const lone = parseCluster({ ...sampleCluster(), externalEconomies: ['suppliers'] });
    const t = clusterTables([lone]);
    expect(t.marketOrientation.map((r) => [r.key, r.clusters])).toEqual([
      ['local-only', 1],
      ['domestic', 0],
      ['domestic-and-regional', 0],
      ['domestic-and-international', 0],
      ['international-only', 0],
    ]);
    expect(t.collectiveAction.every((r) => r.clusters === 0)).toBe(true);
    expect(t.collectiveAction.map((r) => r.key)).toEqual([
      'learning',
      'marketing',
      'logistics',
      'exactly-1',
      'exactly-2',
      'exactly-3',
    ]);
    expect(t.externalEconomies.map((r) => r.clusters)).toEqual([0, 1, 0, 0, 0, 0, 0]);
    expect(t.institutionalSupport[0]).toEqual({ key: 'none', clusters: 1 });
    expect(clusterTables([]).clusters).toBe(0);
  });

  it('rejects invalid clusters with paths, and does not mutate its input', () => {
    expect(() => clusterTables([{ ...sampleCluster(), country: 'kenya' }] as never)).toThrow(GvcError);
    const list = deepFreeze(structuredClone(africanClusters));
    clusterTables(list);
    expect(list).toEqual(africanClusters);
  });
});
