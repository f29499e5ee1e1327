import { describe, expect, it } from 'vitest';
import { CLUSTERS_HEADER, expectRecords, type Row, readCsv, readTable, run, tsv } from './helpers.js';

/*
 * Expected counts: the hand count from Table 1 of Kaplinsky (2015) in tests/clusters/tables.test.ts
 * (clusters numbered in file order there), not the published Tables 2–5, which disagree in places.
 */
const tables = {
  'Market orientation and dynamism (Table 2)': [
    { row: 'local-only', growth: 1, upgrading: 2, 'growth and upgrading': 0, clusters: 7 },
    { row: 'domestic', growth: 2, upgrading: 2, 'growth and upgrading': 2, clusters: 6 },
    { row: 'domestic-and-regional', growth: 3, upgrading: 1, 'growth and upgrading': 1, clusters: 4 },
    { row: 'domestic-and-international', growth: 5, upgrading: 5, 'growth and upgrading': 5, clusters: 5 },
    { row: 'international-only', growth: 3, upgrading: 3, 'growth and upgrading': 3, clusters: 3 },
  ],
  'External economies (Table 3)': [
    { row: 'labour-supply', clusters: 18 },
    { row: 'suppliers', clusters: 23 },
    { row: 'customer-attraction', clusters: 22 },
    { row: 'specialised-services', clusters: 19 },
    { row: 'exactly-2', clusters: 5 },
    { row: 'exactly-3', clusters: 8 },
    { row: 'exactly-4', clusters: 12 },
  ],
  'Collective action and dynamism (Table 4)': [
    { row: 'learning', growth: 12, upgrading: 11, 'growth and upgrading': 10, clusters: 16 },
    { row: 'marketing', growth: 8, upgrading: 6, 'growth and upgrading': 6, clusters: 10 },
    { row: 'logistics', growth: 10, upgrading: 10, 'growth and upgrading': 10, clusters: 12 },
    { row: 'exactly-1', growth: 1, upgrading: 2, 'growth and upgrading': 1, clusters: 5 },
    { row: 'exactly-2', growth: 7, upgrading: 5, 'growth and upgrading': 5, clusters: 9 },
    { row: 'exactly-3', growth: 5, upgrading: 5, 'growth and upgrading': 5, clusters: 5 },
  ],
  'Institutional support (Table 5)': [
    { row: 'none', clusters: 3 },
    { row: 'government', clusters: 1 },
    { row: 'cluster-sectoral', clusters: 4 },
    { row: 'external', clusters: 2 },
    { row: 'government+cluster-sectoral', clusters: 3 },
    { row: 'government+external', clusters: 1 },
    { row: 'cluster-sectoral+external', clusters: 2 },
    { row: 'government+cluster-sectoral+external', clusters: 9 },
  ],
} satisfies Record<string, Row[]>;

/** Splits the text of --tables into its titled parts, read by `read`. */
function parts(text: string, read: (t: string) => { rows: Row[] }, prefix: string): Record<string, Row[]> {
  return Object.fromEntries(
    text
      .trimEnd()
      .split('\n\n')
      .map((part) => {
        const [title = '', ...rest] = part.split('\n');
        expect(title.startsWith(prefix)).toBe(true);
        return [title.slice(prefix.length), read(rest.join('\n')).rows];
      }),
  );
}

describe('gvckit clusters --tables: the four cross-tabulations in every format', () => {
  it.each([
    ['csv', readCsv, '# '],
    ['table', readTable, ''],
  ] as const)('--format %s: four titled tables', async (format, read, prefix) => {
    const r = await run(['clusters', tsv, '--tables', '--format', format]);
    expect(r.code).toBe(0);
    const got = parts(r.out, read, prefix);
    expect(Object.keys(got)).toEqual(Object.keys(tables));
    for (const [title, rows] of Object.entries(tables)) expectRecords(got[title] ?? [], rows, 0);
  });

  it('--format json: the cross-tabulations as clusterTables returns them', async () => {
    const r = await run(['clusters', tsv, '--tables', '--format', 'json']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out) as Record<string, Array<Record<string, string | number>>>;
    expect(t.clusters).toBe(25);
    const rename = (rows: Array<Record<string, string | number>> | undefined) =>
      (rows ?? []).map(({ key, growthAndUpgrading, ...rest }) => ({
        row: key ?? '',
        ...rest,
        ...(growthAndUpgrading === undefined ? {} : { 'growth and upgrading': growthAndUpgrading }),
      }));
    const [t2, t3, t4, t5] = Object.values(tables);
    expectRecords(rename(t.marketOrientation), t2 ?? [], 0);
    expectRecords(rename(t.externalEconomies), t3 ?? [], 0);
    expectRecords(rename(t.collectiveAction), t4 ?? [], 0);
    expectRecords(rename(t.institutionalSupport), t5 ?? [], 0);
  });
});

describe('gvckit clusters: one row per cluster in every format', () => {
  /*
   * From the hand classification of the 25 clusters in tests/clusters/tables.test.ts: dynamism static
   * 1,3,4,6,7,9,10,11,23 (9); growth 8,22,24 (3); upgrading 5,12 (2); growth and upgrading the other 11.
   * Survivalist (static and local markets only): 7 Gikomba, 9 Kibuye, 10 Eastland, 11 Kamukunji.
   */
  const dynamism = { static: 9, growth: 3, upgrading: 2, 'growth-and-upgrading': 11 };
  const orientation = {
    'local-only': 7,
    domestic: 6,
    'domestic-and-regional': 4,
    'domestic-and-international': 5,
    'international-only': 3,
  };
  const count = (rows: Row[], key: string) => {
    const c: Record<string, number> = {};
    for (const r of rows) c[String(r[key])] = (c[String(r[key])] ?? 0) + 1;
    return c;
  };

  it.each(['table', 'csv', 'json'] as const)('--format %s', async (format) => {
    const r = await run(['clusters', tsv, '--format', format]);
    expect(r.code).toBe(0);
    const rows =
      format === 'json' ? (JSON.parse(r.out) as Row[]) : (format === 'csv' ? readCsv : readTable)(r.out).rows;
    expect(rows).toHaveLength(25);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'cluster',
      'country',
      'market orientation',
      'dynamism',
      'survivalist',
    ]);
    expect(count(rows, 'dynamism')).toEqual(dynamism);
    expect(count(rows, 'market orientation')).toEqual(orientation);
    expect(rows.filter((c) => c.survivalist === true).map((c) => c.cluster)).toEqual([
      'Gikomba Furniture',
      'Kibuye Furniture',
      'Eastland Garment',
      'Kamukunji Metalwork',
    ]);
    // Gikomba Furniture: local market only, no evidence of dynamism → static and survivalist.
    expect(rows[6]).toEqual({
      cluster: 'Gikomba Furniture',
      country: 'KEN',
      'market orientation': 'local-only',
      dynamism: 'static',
      survivalist: true,
    });
  });

  it('an unknown option (--table for --tables) is exit 2', async () => {
    const r = await run(['clusters', tsv, '--table']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Unknown option '--table'");
  });
});

describe('gvckit clusters: errors', () => {
  it('names the line of a bad cell', async () => {
    const bad = `${CLUSTERS_HEADER}\nKenya\tX\tplanet\tnone\tnone\tnone\tnone\n`;
    const r = await run(['clusters', 'bad.tsv'], { 'bad.tsv': bad });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/line 2/);
  });

  it('rejects a bad --format and a missing file argument with exit 2', async () => {
    const format = await run(['clusters', tsv, '--format', 'xlsx']);
    expect(format.code).toBe(2);
    expect(format.err).toContain('--format: expected one of table, json, csv, found "xlsx"');
    const none = await run(['clusters', '--tables']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('expected one TSV file, found 0');
  });

  it('escapes a cluster named as a formula in --format csv', async () => {
    const bad = `${CLUSTERS_HEADER}\nKenya\t=HYPERLINK("http://evil","Gikomba Furniture")\tlocal\tnone\tnone\tnone\tnone\n`;
    const r = await run(['clusters', 'bad.tsv', '--format', 'csv'], { 'bad.tsv': bad });
    expect(r.code).toBe(0);
    const line = r.out.trim().split('\n')[1] as string;
    expect(line.startsWith(`"'=HYPERLINK(""http://evil"",""Gikomba Furniture"")",KEN,`)).toBe(true);
  });
});
