import { describe, expect, expectTypeOf, it } from 'vitest';
import { africanClusters } from '../../src/data/index.js';
import {
  type Cluster,
  type CrossTabRow,
  crossTab,
  MAX_CROSSTAB_CELLS,
  MAX_CROSSTAB_COLUMNS,
  MAX_CROSSTAB_ROWS,
  parseCluster,
} from '../../src/index.js';
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
      { path: 'clusters[1]', message: 'expected a row key among "KEN", found "GHA"' },
    ]);
    expect(errorOf(() => crossTab([a], () => 3 as never, {})).issues).toEqual([
      {
        path: 'clusters[0]',
        message:
          'expected rowKeys to return a string, an array of at most 100000 strings or undefined, found 3',
      },
    ]);
    expect(
      errorOf(() => crossTab([a], (x) => x.id, { key: () => true, n: 1 as never }, { rows: ['a', 'a'] }))
        .issues,
    ).toEqual([
      { path: 'columns.key', message: 'expected a column name other than "key" and "clusters", found "key"' },
      { path: 'columns.n', message: 'expected a predicate function, found 1' },
      { path: 'options.rows[1]', message: 'expected each row once, found "a" again' },
    ]);
  });

  it('validates the clusters (paths from the list) and rejects repeated ids', () => {
    const e = errorOf(() => crossTab([a, { ...b, endMarkets: [] }] as Cluster[], (x) => x.id, {}));
    expect(e.issues).toEqual([
      { path: 'clusters[1].endMarkets', message: 'expected at least one end market, found none' },
    ]);
    expect(errorOf(() => crossTab([a, a], (x) => x.id, {})).issues).toEqual([
      {
        path: 'clusters[1].id',
        message: 'expected unique cluster ids, found "a" again (first at clusters[0])',
      },
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

describe('crossTab at the boundary', () => {
  it('handles built-in property names as plain row keys and column names', () => {
    const columns: Record<string, (x: Cluster) => boolean> = {};
    Object.defineProperty(columns, '__proto__', { value: () => true, enumerable: true });
    Object.defineProperty(columns, 'toString', {
      value: (x: Cluster) => x.dynamism.upgrading,
      enumerable: true,
    });
    const rows = crossTab([a, b], () => ['__proto__', 'constructor'], columns);
    // a: growth only; b: upgrading only → every row has 2 clusters, __proto__ 2, toString 1
    expect(rows.map((r) => Object.entries(r))).toEqual([
      [
        ['key', '__proto__'],
        ['clusters', 2],
        ['__proto__', 2],
        ['toString', 1],
      ],
      [
        ['key', 'constructor'],
        ['clusters', 2],
        ['__proto__', 2],
        ['toString', 1],
      ],
    ]);
    expect(Object.hasOwn(rows[0] as object, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(rows[0], '__proto__')?.value).toBe(2);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
  });

  it('takes null options as none, and rejects null or non-object columns and a non-function rowKeys', () => {
    expect(crossTab([a], (x) => x.country, {}, null)).toEqual([{ key: 'KEN', clusters: 1 }]);
    expect(errorOf(() => crossTab([a], 'country' as never, null as never)).issues).toEqual([
      { path: 'rowKeys', message: 'expected a function, found "country"' },
      { path: 'columns', message: 'expected an object of predicate functions, found null' },
    ]);
    expect(errorOf(() => crossTab([a], (x) => x.id, {}, { rows: 'a' } as never)).issues).toEqual([
      { path: 'options.rows', message: 'expected an array, found "a"' },
    ]);
  });

  it('describes a returned bigint or cycle without serialising it', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(errorOf(() => crossTab([a, b], (x) => (x.id === 'a' ? 1n : cyclic) as never, {})).issues).toEqual([
      {
        path: 'clusters[0]',
        message:
          'expected rowKeys to return a string, an array of at most 100000 strings or undefined, found 1n',
      },
      {
        path: 'clusters[1]',
        message:
          'expected rowKeys to return a string, an array of at most 100000 strings or undefined, found an object',
      },
    ]);
  });

  it('refuses more rows, columns or cells than the stated limits, before allocating the rows', () => {
    expect([MAX_CROSSTAB_ROWS, MAX_CROSSTAB_COLUMNS, MAX_CROSSTAB_CELLS]).toEqual([
      100_000, 1_000, 1_000_000,
    ]);
    const rows = Array.from({ length: 100_000 }, (_, i) => `r${i}`);
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`c${i}`, () => true]));
    // 100,000 rows × 11 columns = 1.1e6 cells > 1e6: at most ⌊1e6 / 11⌋ = 90,909 rows
    expect(errorOf(() => crossTab([a], (x) => x.country, eleven, { rows })).issues).toEqual([
      {
        path: 'options.rows',
        message: 'expected at most 90909 rows with 11 columns (at most 1000000 cells), found 100000',
      },
    ]);
    const many = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`c${i}`, () => true]));
    expect(errorOf(() => crossTab([a], (x) => x.country, many)).issues).toEqual([
      { path: 'columns', message: 'expected at most 1000 columns, found 1001' },
    ]);
    // rows met as keys: the 100,001st distinct key is refused as it is met
    const e = errorOf(() =>
      crossTab([a, b], (x) => Array.from({ length: 60_000 }, (_, i) => `${x.id}${i}`), {}),
    );
    expect(e.issues).toEqual([
      { path: 'clusters[1]', message: 'expected at most 100000 distinct row keys, found more at "b40000"' },
    ]);
  });

  it('lists at most ten allowed rows in a message', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `r${i}`);
    expect(errorOf(() => crossTab([a], (x) => x.country, {}, { rows })).issues).toEqual([
      {
        path: 'clusters[0]',
        message:
          'expected a row key among "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", … (12 rows), found "KEN"',
      },
    ]);
  });

  it('calls each predicate once per cluster in some row, with frozen copies, and returns frozen rows', () => {
    let calls = 0;
    const rows = crossTab([a, b, c], (x) => (x.id === 'b' ? undefined : ['k1', 'k2']), {
      p: (x) => {
        calls++;
        expect(Object.isFrozen(x)).toBe(true);
        expect(Object.isFrozen(x.endMarkets)).toBe(true);
        return true;
      },
    });
    expect(calls).toBe(2);
    expect(rows).toEqual([
      { key: 'k1', clusters: 2, p: 2 },
      { key: 'k2', clusters: 2, p: 2 },
    ]);
    expect(Object.isFrozen(rows)).toBe(true);
    expect(Object.isFrozen(rows[0])).toBe(true);
  });
});
