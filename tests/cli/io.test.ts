import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expected, HAND_CSV } from './hand-table.js';
import { expectRecords, type Row, readCsv, readTable, root, run, STACK } from './helpers.js';

const files = { 'hand.csv': HAND_CSV };

/** Relative tolerance of the json and csv outputs (full precision), and of the table's 4 decimals. */
const FULL = 1e-9;
const FOUR_DECIMALS = 5e-5 + 1e-12;

/** `--level` values each indicator takes (`undefined`: the option left out), the others none. */
const levels: Record<string, ReadonlyArray<string | undefined>> = {
  bm: [undefined, 'country', 'sector'],
  vax: [undefined, 'country', 'sector', 'bilateral'],
  leontief: [undefined, 'country', 'sector'],
  participation: [undefined, 'country', 'sector'],
};
const withoutLevel = ['kww', 'wwz', 'upstreamness', 'downstreamness', 'rasmussen'];

/**
 * The expected records at a level: with one sector per country, the sector level has the country
 * level's numbers with `sector: 's'`, and vax's bilateral level with the one partner of each country.
 */
function expectedAt(indicator: string, level: string | undefined): { labels: string[]; rows: Row[] } {
  const rows = expected[indicator] as Row[];
  if (level === 'sector') {
    return { labels: ['country', 'sector'], rows: rows.map((r) => ({ ...r, sector: 's' })) };
  }
  if (level === 'bilateral') {
    return {
      labels: ['country', 'partner'],
      rows: rows.map((r) => ({ ...r, partner: r.country === 'A' ? 'B' : 'A' })),
    };
  }
  const labels = ['country', 'sector', 'partner'].filter((k) => Object.hasOwn(rows[0] as Row, k));
  return { labels, rows };
}

const cases = Object.keys(expected).flatMap((indicator) =>
  (levels[indicator] ?? [undefined]).flatMap((level) =>
    (['table', 'json', 'csv'] as const).map((format) => ({ indicator, level, format })),
  ),
);

describe('gvckit io: every indicator, level and format on a table worked by hand', () => {
  it('covers the nine indicators of the help (those of #17 are in io-17.test.ts)', async () => {
    const help = (await run(['io', '--help'])).out;
    const listed = help.slice(help.indexOf('Indicators:'), help.indexOf('Options:'));
    expect([...listed.matchAll(/^ {2}([\w-]+)/gm)].map((m) => m[1])).toEqual([
      ...Object.keys(expected),
      'tiva',
      'my',
      'footprints',
      'embodied-final-demand',
      'embodied-exports',
    ]);
    // Three formats of: five indicators without a level; bm, leontief, participation with three
    // (left out, country, sector); vax with four (and bilateral).
    expect(cases).toHaveLength(3 * (5 + 3 * 3 + 4));
  });

  it.each(cases)('$indicator --level $level --format $format', async ({ indicator, level, format }) => {
    const argv = ['io', 'hand.csv', '--indicator', indicator, '--format', format];
    if (level !== undefined) argv.push('--level', level);
    const r = await run(argv, files);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const { labels, rows } = expectedAt(indicator, level);
    if (format === 'json') {
      const records = JSON.parse(r.out) as Row[];
      expect(Object.keys(records[0] ?? {}).slice(0, labels.length)).toEqual(labels);
      expectRecords(records, rows, FULL);
    } else if (format === 'csv') {
      const csv = readCsv(r.out);
      expect(csv.columns.slice(0, labels.length)).toEqual(labels);
      expectRecords(csv.rows, rows, FULL);
    } else {
      const table = readTable(r.out);
      expect(table.columns.slice(0, labels.length)).toEqual(labels);
      expectRecords(table.rows, rows, FOUR_DECIMALS);
      // Numbers are printed as integers or with four decimals.
      for (const cell of table.cells.flat()) {
        if (!Number.isNaN(Number(cell)) && cell !== '') expect(cell).toMatch(/^-?\d+(\.\d{4})?$/);
      }
    }
  });
});

describe('gvckit io on the example file (the 3×2 table of tests/io/fixture.ts in the OECD layout)', () => {
  const csv = join(root, 'examples/data/icio-oecd-layout.csv');

  it('prints the VAX NumPy printed, its final-demand categories summed', async () => {
    // tests/io/reference/icio3x2.py printed (as quoted in tests/io/indicators/vax.test.ts):
    //   GEXP [90.0, 86.0, 52.0]; VAX [62.826652134035896, 60.48641260355167, 35.32279279117331]
    const r = await run(['io', csv, '--indicator', 'vax', '--format', 'csv']);
    expect(r.code).toBe(0);
    const vax = [62.826652134035896, 60.48641260355167, 35.32279279117331];
    const gexp = [90, 86, 52];
    expectRecords(
      readCsv(r.out).rows,
      ['AUS', 'CHN', 'USA'].map((country, i) => ({
        country,
        GEXP: gexp[i] as number,
        VAX: vax[i] as number,
        VAXratio: (vax[i] as number) / (gexp[i] as number),
      })),
      FULL,
    );
  });

  it('prints a Borin–Mancini decomposition whose parts add up to gross exports, by sector', async () => {
    const r = await run(['io', csv, '--indicator', 'bm', '--level', 'sector', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Array<Record<string, number>>;
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      // Borin & Mancini (2023): GEXP = DVA + DDC + FVA + FDC.
      expect((row.DVA ?? 0) + (row.DDC ?? 0) + (row.FVA ?? 0) + (row.FDC ?? 0)).toBeCloseTo(
        row.GEXP ?? Number.NaN,
        8,
      );
    }
  });
});

describe('gvckit io: options an indicator does not take are usage errors', () => {
  it.each(withoutLevel.flatMap((indicator) => ['country', 'sector'].map((level) => [indicator, level])))(
    '%s --level %s: exit 2 naming the indicators that take a level, before reading the file',
    async (indicator, level) => {
      const r = await run(['io', 'hand.csv', '--indicator', indicator, '--level', level], files);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.reads).toEqual([]);
      expect(r.err.split('\n')[0]).toBe(
        `gvckit io: --level: expected no --level with --indicator ${indicator} (only bm, vax, leontief, participation, tiva, my, footprints, embodied-final-demand, embodied-exports take one), found "${level}"`,
      );
      expect(r.err).toContain('Usage:');
    },
  );

  it.each([
    ['bm', 'bilateral', 'country, sector'],
    ['leontief', 'bilateral', 'country, sector'],
    ['participation', 'bilateral', 'country, sector'],
    ['vax', 'planet', 'country, sector, bilateral'],
    ['bm', '', 'country, sector'],
  ])('%s --level %j: exit 2 listing the levels it takes', async (indicator, level, allowed) => {
    const r = await run(['io', 'hand.csv', '--indicator', indicator, `--level=${level}`], files);
    expect(r.code).toBe(2);
    expect(r.reads).toEqual([]);
    expect(r.err.split('\n')[0]).toBe(
      `gvckit io: --level of --indicator ${indicator}: expected one of ${allowed}, found "${level}"`,
    );
  });

  it('rejects an unknown format, a missing or unknown indicator, and a missing file', async () => {
    const format = await run(['io', 'hand.csv', '--indicator', 'vax', '--format', 'xml'], files);
    expect(format.code).toBe(2);
    expect(format.err).toContain('--format: expected one of table, json, csv, jsonl, arrow, found "xml"');
    const none = await run(['io', 'hand.csv'], files);
    expect(none.code).toBe(2);
    expect(none.err).toContain('--indicator: expected one of bm, kww, wwz, vax, leontief, participation');
    expect(none.err).toContain('found none');
    const unknown = await run(['io', 'hand.csv', '--indicator', 'gdp'], files);
    expect(unknown.err).toContain('found "gdp"');
    const noFile = await run(['io', '--indicator', 'vax']);
    expect(noFile.code).toBe(2);
    expect(noFile.err).toContain('expected one table file or folder, found 0');
  });

  it('lists in its help which indicators take which levels', async () => {
    const help = (await run(['io', '--help'])).out;
    expect(help).toContain('[--level country|sector|bilateral]');
    expect(help).toContain(
      '                 bm, leontief, participation, my, footprints,\n' +
        '                   embodied-final-demand: country (default), sector\n',
    );
    expect(help).toContain('vax, tiva, embodied-exports: country (default), sector, bilateral\n');
  });
});

describe('gvckit io: tables the indicators refuse or answer partly', () => {
  /** Miller & Blair (2009, section 2.3), one region, two sectors (tests/io/fixture.ts). */
  const MILLER_BLAIR_CSV = `,R_s1,R_s2,R_HFCE
R_s1,150,500,350
R_s2,200,100,1700
VA,650,1400,
`;

  it('an indicator that needs two countries: exit 1 with the library message, no stack trace', async () => {
    for (const indicator of ['bm', 'kww', 'wwz']) {
      const r = await run(['io', 'mb.csv', '--indicator', indicator], { 'mb.csv': MILLER_BLAIR_CSV });
      expect(r.code).toBe(1);
      expect(r.err).toContain('icio.G: expected at least 2 countries, found 1');
      expect(r.err).not.toMatch(STACK);
    }
  });

  it('no records (bilateral VAX of one country): an empty table, csv and json', async () => {
    // One country has no partner, so no bilateral record.
    const argv = ['io', 'mb.csv', '--indicator', 'vax', '--level', 'bilateral'];
    const mb = { 'mb.csv': MILLER_BLAIR_CSV };
    expect(JSON.parse((await run([...argv, '--format', 'json'], mb)).out)).toEqual([]);
    expect((await run([...argv, '--format', 'csv'], mb)).out).toBe('\n');
    const table = await run(argv, mb);
    expect(table.code).toBe(0);
    expect(table.out).toBe('\n\n');
  });

  it('a null position is an empty cell in csv and table, null with its reason in json', async () => {
    // The example of gvcParticipation: A sells 2 of intermediates to B, B exports nothing, so B's
    // position ln(1 + IV/E) − ln(1 + FV/E) has E = 0 and is not defined. A: FV = IV = 0, position 0;
    // V_GVC_S of A = 2 of VA 10 (GVCPt_f 0.2); Y_GVC of B = 2 of Y 10 (GVCPt_b 0.2).
    const csv = `,A_s,B_s,A_HFCE,B_HFCE
A_s,0,2,8,0
B_s,0,0,0,10
VA,10,8,,
`;
    const f = { 't.csv': csv };
    const want: Row[] = [
      { country: 'A', GEXP: 2, position: 0, V_GVC_S: 2, GVCPt_f: 0.2, Y_GVC: 0, GVCPt_b: 0 },
      { country: 'B', GEXP: 0, position: null, V_GVC_S: 0, GVCPt_f: 0, Y_GVC: 2, GVCPt_b: 0.2 },
    ];
    const asCsv = readCsv(
      (await run(['io', 't.csv', '--indicator', 'participation', '--format', 'csv'], f)).out,
    );
    expect(asCsv.columns).not.toContain('positionReason');
    expectRecords(asCsv.rows, want, FULL);
    const asTable = readTable((await run(['io', 't.csv', '--indicator', 'participation'], f)).out);
    expectRecords(asTable.rows, want, FOUR_DECIMALS);
    const json = JSON.parse(
      (await run(['io', 't.csv', '--indicator', 'participation', '--format', 'json'], f)).out,
    ) as Row[];
    expectRecords(json, want, FULL);
    expect(json[1]?.positionReason).toMatch(/gross exports/);
  });
});
