import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

/** The name of each cross-tabulation in csv and jsonl (the `table` column, the file name with --out). */
const names = ['market_orientation', 'external_economies', 'collective_action', 'institutional_support'];

/** The expected rows with the snake_case columns of csv and jsonl. */
function snake(rows: readonly Row[]): Row[] {
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.replaceAll(' ', '_'), v])));
}

const scratch = mkdtempSync(join(tmpdir(), 'gvckit-clusters-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('gvckit clusters --tables: the four cross-tabulations in every format', () => {
  it('--format table: four titled tables', async () => {
    const r = await run(['clusters', tsv, '--tables', '--format', 'table']);
    expect(r.code).toBe(0);
    const got = parts(r.out, readTable, '');
    expect(Object.keys(got)).toEqual(Object.keys(tables));
    for (const [title, rows] of Object.entries(tables)) expectRecords(got[title] ?? [], rows, 0);
  });

  it('--format csv and jsonl: one long table whose column "table" names the cross-tabulation', async () => {
    const csv = await run(['clusters', tsv, '--tables', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const { columns, rows } = readCsv(csv.out);
    expect(columns).toEqual(['table', 'row', 'growth', 'upgrading', 'growth_and_upgrading', 'clusters']);
    expect(csv.out).not.toContain('#');
    const jsonl = await run(['clusters', tsv, '--tables', '--format', 'jsonl']);
    expect(jsonl.code).toBe(0);
    const records = jsonl.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Row);
    expect(records).toEqual(rows);
    Object.values(tables).forEach((want, i) => {
      const got = rows.filter((r) => r.table === names[i]);
      expectRecords(got, snake(want), 0);
      // A count table (3, 5) leaves the dynamism columns empty.
      if (!('growth' in (want[0] ?? {}))) expect(got.every((r) => r.growth === null)).toBe(true);
    });
  });

  it('--format csv --out DIR: one file per cross-tabulation, nothing on stdout', async () => {
    const dir = join(scratch, 'tables');
    const r = await run(['clusters', tsv, '--tables', '--format', 'csv', '--out', dir]);
    expect([r.code, r.out, r.err]).toEqual([0, '', '']);
    expect(readdirSync(dir).sort()).toEqual(names.map((n) => `${n}.csv`).sort());
    Object.values(tables).forEach((want, i) => {
      const { columns, rows } = readCsv(readFileSync(join(dir, `${names[i]}.csv`), 'utf8'));
      expect(columns).toEqual(Object.keys(snake(want)[0] ?? {}));
      expectRecords(rows, snake(want), 0);
    });
  });

  it('--out without --tables --format csv is a usage error, before the file is read', async () => {
    for (const argv of [
      ['clusters', tsv, '--out', scratch],
      ['clusters', tsv, '--tables', '--out', scratch],
      ['clusters', tsv, '--tables', '--format', 'jsonl', '--out', scratch],
    ]) {
      const r = await run(argv);
      expect([r.code, r.reads]).toEqual([2, []]);
      expect(r.err.split('\n')[0]).toBe(
        'gvckit clusters: --out: expected it with --tables --format csv (a folder for the four tables), found it without',
      );
    }
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

  const readers = {
    table: (t: string) => readTable(t).rows,
    csv: (t: string) => readCsv(t).rows,
    json: (t: string) => JSON.parse(t) as Row[],
    jsonl: (t: string) =>
      t
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Row),
  };

  it.each(['table', 'csv', 'json', 'jsonl'] as const)('--format %s', async (format) => {
    const r = await run(['clusters', tsv, '--format', format]);
    expect(r.code).toBe(0);
    const rows = readers[format](r.out);
    expect(rows).toHaveLength(25);
    // People read "market orientation"; programs get the identifier market_orientation.
    const mo = format === 'table' ? 'market orientation' : 'market_orientation';
    expect(Object.keys(rows[0] ?? {})).toEqual(['cluster', 'country', mo, 'dynamism', 'survivalist']);
    expect(count(rows, 'dynamism')).toEqual(dynamism);
    expect(count(rows, mo)).toEqual(orientation);
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
      [mo]: 'local-only',
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
    expect(format.err).toContain('--format: expected one of table, json, csv, jsonl, found "xlsx"');
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
