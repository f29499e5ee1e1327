/**
 * Issue #14 at the boundary of the cluster functions: rooted paths, bounded messages for hostile
 * values (bigint, cycles, deep nesting, 1 MiB strings), built-in property names as plain data,
 * null options, and deeply frozen results.
 */
import { describe, expect, it } from 'vitest';
import { africanClusters, publishedClusterTables } from '../../src/data/index.js';
import {
  checkTableConsistency,
  clusterTables,
  collectiveEfficiency,
  compareTables,
  parseCluster,
  readClustersTsv,
  safeParseCluster,
} from '../../src/index.js';
import { errorOf, isDeepFrozen } from '../helpers.js';
import { sampleCluster, tsvHeader } from './fixtures.js';

function nested(depth: number): unknown {
  let v: unknown = 'local';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

describe('parseCluster and safeParseCluster', () => {
  it('return deeply frozen results, success and failure alike', () => {
    expect(isDeepFrozen(parseCluster(sampleCluster()))).toBe(true);
    expect(isDeepFrozen(safeParseCluster(sampleCluster()))).toBe(true);
    const failed = safeParseCluster({ id: 'x' });
    expect(failed.success).toBe(false);
    expect(isDeepFrozen(failed)).toBe(true);
  });

  it('never throw from safeParseCluster: bigint, cycle and 10,000-deep nesting give { success: false }', () => {
    const big = safeParseCluster({ ...sampleCluster(), endMarkets: [10n] });
    expect(big.success ? [] : big.error.issues).toEqual([
      {
        path: 'endMarkets[0]',
        message: 'expected one of "local", "national", "regional", "international", found 10n',
      },
    ]);
    const cyclic: Record<string, unknown> = { ...sampleCluster() };
    cyclic.dynamism = cyclic;
    const cycle = safeParseCluster(cyclic);
    expect(cycle.success).toBe(false);
    expect(cycle.success ? '' : cycle.error.message.length).toBeLessThan(2000);
    const deep = safeParseCluster({ ...sampleCluster(), endMarkets: nested(10_000) });
    expect(deep.success).toBe(false);
    expect(deep.success ? '' : deep.error.message.length).toBeLessThan(2000);
  });

  it('keep document-relative paths and never serialise a 1 MiB string', () => {
    const long = 'x'.repeat(1 << 20);
    const e = errorOf(() => parseCluster({ ...sampleCluster(), origin: long }));
    expect(e.issues).toEqual([
      {
        path: 'origin',
        message: `expected one of "spontaneous", "policy-created", found "${'x'.repeat(40)}…" (1048576 characters)`,
      },
    ]);
  });

  it('treat built-in property names as data: an id, or an unknown key or value', () => {
    expect(parseCluster({ ...sampleCluster(), id: '__proto__' }).id).toBe('__proto__');
    expect(
      errorOf(() => parseCluster({ ...sampleCluster(), collectiveAction: ['constructor'] })).issues,
    ).toEqual([
      {
        path: 'collectiveAction[0]',
        message: 'expected one of "learning", "marketing", "logistics", found "constructor"',
      },
    ]);
    const withProto = JSON.parse(
      `{"__proto__":{"polluted":true},${JSON.stringify(sampleCluster()).slice(1)}`,
    );
    expect(errorOf(() => parseCluster(withProto)).issues).toEqual([
      { path: '', message: 'expected only known keys, found unknown key "__proto__"' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('collectiveEfficiency, clusterTables, compareTables and checkTableConsistency', () => {
  it('root their paths at the argument names', () => {
    expect(
      errorOf(() => collectiveEfficiency({ ...sampleCluster(), endMarkets: ['abroad'] } as never)).issues,
    ).toEqual([
      {
        path: 'cluster.endMarkets[0]',
        message: 'expected one of "local", "national", "regional", "international", found "abroad"',
      },
    ]);
    expect(errorOf(() => clusterTables([sampleCluster(), sampleCluster()] as never)).issues).toEqual([
      {
        path: 'clusters[1].id',
        message: 'expected unique cluster ids, found "ken-ngong-furniture" again (first at clusters[0])',
      },
    ]);
    expect(
      errorOf(() => checkTableConsistency({ marketOrientation: 3 } as never, { clusters: 1.5 })).issues,
    ).toEqual([
      { path: 'tables.marketOrientation', message: 'expected an array, found 3' },
      { path: 'options.clusters', message: 'expected a whole number >= 0, found 1.5' },
    ]);
    expect(errorOf(() => compareTables(null as never, { marketOrientation: [] } as never)).issues[0]).toEqual(
      {
        path: 'computed',
        message: 'expected an object, found null',
      },
    );
  });

  it('describe a bigint or a cycle in the tables without serialising it', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const e = errorOf(() =>
      checkTableConsistency({
        marketOrientation: [
          { key: 'domestic', growth: 1n, upgrading: 0, growthAndUpgrading: 0, clusters: cyclic },
        ],
      } as never),
    );
    expect(e.issues).toEqual([
      { path: 'tables.marketOrientation[0].growth', message: 'expected a whole number >= 0, found 1n' },
      {
        path: 'tables.marketOrientation[0].clusters',
        message: 'expected a whole number >= 0, found an object',
      },
    ]);
  });

  it('take null options as none', () => {
    expect(checkTableConsistency(clusterTables(africanClusters), null)).toEqual([]);
  });

  it('return deeply frozen results', () => {
    const tables = clusterTables(africanClusters);
    expect(isDeepFrozen(tables)).toBe(true);
    expect(isDeepFrozen(collectiveEfficiency(africanClusters[0] as never))).toBe(true);
    expect(isDeepFrozen(compareTables(tables, publishedClusterTables))).toBe(true);
    expect(isDeepFrozen(checkTableConsistency(publishedClusterTables))).toBe(true);
  });
});

describe('readClustersTsv', () => {
  const row = 'Kenya\tNgong Furniture\tlocal\tgrowth\tlabour supply\tnone\tnone';

  it('reads built-in property names in cells as unknown words, never as data', () => {
    const text = `${tsvHeader}\nconstructor\tNgong Furniture\ttoString\tgrowth\thasOwnProperty\t__proto__\tnone`;
    expect(
      errorOf(() => readClustersTsv(text)).issues.map((i) => [i.path, i.message.replace(/^.*, found /, '')]),
    ).toEqual([
      ['line 2, column country', '"constructor"'],
      ['line 2, column end_market', '"toString"'],
      ['line 2, column external_economies', '"hasOwnProperty"'],
      ['line 2, column collective_action', '"__proto__"'],
    ]);
  });

  it('takes null options as none, rejects unknown option keys, and roots text and option paths', () => {
    expect(readClustersTsv(`${tsvHeader}\n${row}`, null)).toHaveLength(1);
    expect(errorOf(() => readClustersTsv(`${tsvHeader}\n${row}`, { sauce: 1 } as never)).issues).toEqual([
      { path: 'options', message: 'expected only known keys, found unknown key "sauce"' },
    ]);
    expect(errorOf(() => readClustersTsv(10n as never)).issues).toEqual([
      { path: 'text', message: 'expected the text of a tab-separated file, found 10n' },
    ]);
  });

  it('refuses a 100,000-column header before reading any row, with a bounded error', () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join('\t');
    const e = errorOf(() => readClustersTsv(`${header}\n${'x\t'.repeat(99_999)}x\n`));
    expect(e.issues).toHaveLength(101); // 100 problems, then "and N more"
    expect(e.issues[100]?.message).toBe('and 99907 more problems'); // 100,000 unknown + 7 missing − 100
  });

  it('counts the fields of a line of a million tabs without splitting it, and quotes long cells', () => {
    expect(errorOf(() => readClustersTsv(`${tsvHeader}\nx${'\t'.repeat(1_000_000)}`)).issues).toEqual([
      { path: 'line 2', message: 'expected 7 tab-separated fields, found 1000001' },
    ]);
    const long = 'y'.repeat(1 << 20);
    const e = errorOf(() => readClustersTsv(`${tsvHeader}\n${row.replace('local', long)}`));
    expect(e.message.length).toBeLessThan(1000);
  });

  it('returns deeply frozen clusters', () => {
    const out = readClustersTsv(`${tsvHeader}\n${row}`, { source: { citation: 'Survey (2020)' } });
    expect(isDeepFrozen(out)).toBe(true);
  });
});
