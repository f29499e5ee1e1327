import { describe, expect, expectTypeOf, it } from 'vitest';
import { africanClusters } from '../../src/data/index.js';
import { type Cluster, type CrossTabRow, crossTab, parseCluster } from '../../src/index.js';
import { deepFreeze, errorOf } from '../helpers.js';
import { sampleCluster } from './fixtures.js';

const a = parseCluster({
  ...sampleCluster(),
  id: 'a',
  country: 'KEN',
  collectiveAction: ['learning', 'marketing'],
});
const b = parseCluster({
  ...sampleCluster(),
  id: 'b',
  country: 'GHA',
  dynamism: { growth: false, upgrading: true },
});
const c = parseCluster({ ...sampleCluster(), id: 'c', country: 'KEN', collectiveAction: ['learning'] });

describe('crossTab', () => {
  it('groups by row key in order of first appearance and counts each predicate', () => {
    const rows = crossTab([a, b, c], (x) => x.country, {
      growth: (x) => x.dynamism.growth,
      upgrading: (x) => x.dynamism.upgrading,
    });
    // a: KEN growth; b: GHA upgrading; c: KEN growth
    expect(rows).toEqual([
      { key: 'KEN', clusters: 2, growth: 2, upgrading: 0 },
      { key: 'GHA', clusters: 1, growth: 0, upgrading: 1 },
    ]);
    expectTypeOf(rows).toEqualTypeOf<Array<CrossTabRow<string, 'growth' | 'upgrading'>>>();
  });

  it('counts a cluster in each of several rows, once per distinct key, and skips undefined', () => {
    const rows = crossTab(
      [a, b, c],
      (x: Cluster) =>
        x.collectiveAction.length === 0 ? undefined : [...x.collectiveAction, ...x.collectiveAction],
      {},
      { rows: ['learning', 'marketing', 'logistics'] },
    );
    // a: learning, marketing; b: none (skipped); c: learning
    expect(rows).toEqual([
      { key: 'learning', clusters: 2 },
      { key: 'marketing', clusters: 1 },
      { key: 'logistics', clusters: 0 },
    ]);
  });

  it('counts the African clusters by country (hand count from Table 1)', () => {
    // Kenya: Gikomba, Ngong, Kibuye, Eastland, Kamukunji, Ziwani, Lake Victoria Nile Perch, Lake Naivasha
    // Cut Flower = 8, of which growth: Ngong, Nile Perch, Cut Flower = 3. South Africa: Cape, KZN,
    // Durban, Wine = 4, all growing.
    const kenyaOrSouthAfrica = (x: Cluster) =>
      x.country === 'KEN' || x.country === 'ZAF' ? x.country : undefined;
    expect(
      crossTab(
        africanClusters,
        kenyaOrSouthAfrica,
        { growth: (x) => x.dynamism.growth },
        { rows: ['KEN', 'ZAF'] },
      ),
    ).toEqual([
      { key: 'KEN', clusters: 8, growth: 3 },
      { key: 'ZAF', clusters: 4, growth: 4 },
    ]);
  });

  it('rejects keys outside options.rows, bad key types, reserved or non-function columns and repeated rows', () => {
    expect(errorOf(() => crossTab([a, b], (x) => x.country, {}, { rows: ['KEN'] })).issues).toEqual([
      { path: '[1]', message: 'expected a row key among "KEN", found "GHA"' },
    ]);
    expect(errorOf(() => crossTab([a], () => 3 as never, {})).issues[0]?.path).toBe('[0]');
    expect(
      errorOf(() => crossTab([a], (x) => x.id, { key: () => true, n: 1 as never }, { rows: ['a', 'a'] }))
        .issues,
    ).toEqual([
      { path: 'columns.key', message: 'expected a column name other than "key" and "clusters", found "key"' },
      { path: 'columns.n', message: 'expected a predicate function, found number' },
      { path: 'options.rows[1]', message: 'expected each row once, found "a" again' },
    ]);
  });

  it('validates the clusters (paths from the list) and rejects repeated ids', () => {
    const e = errorOf(() => crossTab([a, { ...b, endMarkets: [] }] as Cluster[], (x) => x.id, {}));
    expect(e.issues).toEqual([
      { path: '[1].endMarkets', message: 'expected at least one end market, found none' },
    ]);
    expect(errorOf(() => crossTab([a, a], (x) => x.id, {})).issues).toEqual([
      { path: '[1].id', message: 'expected unique cluster ids, found "a" again (first at [0])' },
    ]);
  });

  it('does not mutate its arguments', () => {
    const list = deepFreeze([a, b, c].map((x) => structuredClone(x)));
    const copy = structuredClone(list);
    const rows = deepFreeze(['KEN', 'GHA']);
    crossTab(list, (x) => x.country, { g: (x) => x.dynamism.growth }, { rows });
    expect(list).toEqual(copy);
    expect(rows).toEqual(['KEN', 'GHA']);
  });
});
