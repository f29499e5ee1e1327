/**
 * `gvckit io` with the indicators of issue #17: every Borin–Mancini perspective and approach, the
 * OECD TiVA codes, Miroudot & Ye's perimeters and the footprints, each flag in each format, and the
 * flags an indicator does not take (usage errors, exit 2, before any file is read).
 */

import { describe, expect, it } from 'vitest';
import { bmDecomposition, readIcioCsv } from '../../src/io/index.js';
import { HAND_CSV } from './hand-table.js';
import { type Row, run } from './helpers.js';
import { bm, expectOutput, files, myRows, partner, tivaRows, world } from './io-17-expected.js';

describe('gvckit io --indicator bm --perspective --approach', () => {
  const cases: Array<[string[], string[], Row[]]> = [
    [['--approach', 'source'], ['country'], bm],
    [['--perspective', 'exporter', '--approach', 'sink'], ['country'], bm],
    [
      ['--approach', 'sink', '--level', 'sector'],
      ['country', 'sector'],
      bm.map((r) => ({ ...r, sector: 's' })),
    ],
    [['--perspective', 'sector'], ['country', 'sector'], bm.map((r) => ({ ...r, sector: 's' }))],
    [['--perspective', 'bilateral'], ['country', 'partner'], bm.map((r) => ({ ...r, partner: partner(r) }))],
    [
      ['--perspective', 'bilateral', '--level', 'sector'],
      ['country', 'sector', 'partner'],
      bm.map((r) => ({ ...r, sector: 's', partner: partner(r) })),
    ],
    [
      ['--perspective', 'bilateral-sector'],
      ['country', 'sector', 'partner'],
      bm.map((r) => ({ ...r, sector: 's', partner: partner(r) })),
    ],
    [['--perspective', 'world'], ['country'], world],
    [
      ['--perspective', 'world', '--level', 'sector'],
      ['country', 'sector'],
      world.map((r) => ({ ...r, sector: 's' })),
    ],
  ];

  it.each(cases)('%j in table, json and csv (hand values)', async (flags, labels, rows) => {
    await expectOutput(['--indicator', 'bm', ...flags], labels, rows);
  });

  it('without --perspective and --approach prints what bmDecomposition returns, as before', async () => {
    const icio = readIcioCsv(HAND_CSV);
    for (const level of ['country', 'sector'] as const) {
      const r = await run(
        ['io', 'hand.csv', '--indicator', 'bm', '--level', level, '--format', 'json'],
        files,
      );
      expect(r.out).toBe(`${JSON.stringify(bmDecomposition(icio, { level }), null, 2)}\n`);
    }
  });

  it.each([
    [
      ['--perspective', 'bilateral', '--approach', 'sink'],
      '--approach: expected "source" in the bilateral perspective (the sink approach is defined for the exporter perspective only), found "sink"',
    ],
    [
      ['--perspective', 'sector', '--level', 'country'],
      '--level: expected "sector" or no level in the sector perspective (its records are by exporting sector), found "country"',
    ],
    [
      ['--perspective', 'importer'],
      '--perspective: expected one of exporter, sector, bilateral, bilateral-sector, world, found "importer"',
    ],
    [['--approach', 'both'], '--approach: expected one of source, sink, found "both"'],
    [
      ['--perspective', 'bilateral', '--level', 'bilateral'],
      '--level of --indicator bm: expected one of country, sector, found "bilateral"',
    ],
  ])('refuses %j: exit 2 before reading the file (the API refuses it too)', async (flags, message) => {
    const r = await run(['io', 'hand.csv', '--indicator', 'bm', ...flags], files);
    expect(r.code).toBe(2);
    expect(r.reads).toEqual([]);
    expect(r.err.split('\n')[0]).toBe(`gvckit io: ${message}`);
  });
});

describe('gvckit io --indicator tiva --codes --level', () => {
  const codes = ['--codes', 'EXGR,EXGR_DVA,EXGR_FVA'];
  it.each([
    [[], ['indicator', 'country'], tivaRows(() => ({}))],
    [['--level', 'country'], ['indicator', 'country'], tivaRows(() => ({}))],
    [['--level', 'sector'], ['indicator', 'country', 'sector'], tivaRows(() => ({ sector: 's' }))],
    [
      ['--level', 'bilateral'],
      ['indicator', 'country', 'partner'],
      tivaRows((r) => ({ partner: partner(r) })),
    ],
  ])('%j in table, json and csv (hand values)', async (flags, labels, rows) => {
    await expectOutput(['--indicator', 'tiva', ...codes, ...(flags as string[])], labels, rows);
  });

  it('a share in percent, and every code of the level without --codes', async () => {
    await expectOutput(
      ['--indicator', 'tiva', '--codes', ' EXGR_DVASH '],
      ['indicator', 'country'],
      [
        { indicator: 'EXGR_DVASH', country: 'A', value: (100 * 165) / 8.5 / 30, unit: 'percent' },
        { indicator: 'EXGR_DVASH', country: 'B', value: (100 * 320) / 8.5 / 40, unit: 'percent' },
      ],
    );
    const all = JSON.parse(
      (await run(['io', 'hand.csv', '--indicator', 'tiva', '--format', 'json'], files)).out,
    );
    const listed = new Set((all as Row[]).map((r) => r.indicator));
    expect(listed.has('EXGR') && listed.has('FD_VA') && listed.has('VALU_FFDDVA')).toBe(true);
  });

  it.each([
    [['--codes', 'EXGR,GDP'], /^--codes: expected a TiVA code \(PROD, VALU, EXGR, .*\), found "GDP"$/],
    [
      ['--codes', 'VALU_FFDDVA', '--level', 'bilateral'],
      /^--codes: expected a code defined at level "bilateral"/,
    ],
    [['--codes', 'EXGR,EXGR'], /^--codes: expected each code once, found "EXGR" again$/],
    [
      ['--codes', 'EXGR,,EXGR_DVA'],
      /^--codes: expected names separated by commas .* found "EXGR,,EXGR_DVA"$/,
    ],
    [['--codes='], /^--codes: expected names separated by commas/],
    [
      ['--level', 'world'],
      /^--level of --indicator tiva: expected one of country, sector, bilateral, found "world"$/,
    ],
  ])('refuses %j: exit 2 before reading the file', async (flags, message) => {
    const r = await run(['io', 'hand.csv', '--indicator', 'tiva', ...flags], files);
    expect(r.code).toBe(2);
    expect(r.reads).toEqual([]);
    expect(r.err.split('\n')[0]?.replace('gvckit io: ', '')).toMatch(message);
  });
});

describe('gvckit io --indicator my --perimeter --level', () => {
  it.each([
    [[], ['country'], myRows],
    [
      ['--perimeter', 'country', '--level', 'sector'],
      ['country', 'sector'],
      myRows.map((r) => ({ ...r, sector: 's' })),
    ],
    [
      ['--perimeter', 'bilateral'],
      ['country', 'partner'],
      myRows.map((r) => ({ ...r, partner: partner(r) })),
    ],
    [
      ['--perimeter', 'bilateral', '--level', 'sector'],
      ['country', 'partner', 'sector'],
      myRows.map((r) => ({ ...r, partner: partner(r), sector: 's' })),
    ],
    [['--perimeter', 'sector'], ['country'], myRows],
    [['--perimeter', 'world'], ['country'], myRows.map((r) => ({ ...r, FVA: 0, FDC: r.FC as number }))],
  ])('%j in table, json and csv (hand values)', async (flags, labels, rows) => {
    await expectOutput(['--indicator', 'my', ...(flags as string[])], labels, rows as Row[]);
  });

  it('refuses an unknown perimeter and the bilateral level: exit 2', async () => {
    const p = await run(['io', 'hand.csv', '--indicator', 'my', '--perimeter', 'region'], files);
    expect(p.code).toBe(2);
    expect(p.err.split('\n')[0]).toBe(
      'gvckit io: --perimeter: expected one of country, bilateral, sector, world, found "region"',
    );
    const l = await run(['io', 'hand.csv', '--indicator', 'my', '--level', 'bilateral'], files);
    expect(l.code).toBe(2);
    expect(l.reads).toEqual([]);
  });
});

describe('gvckit io: the flags of #17 with an indicator that does not take them', () => {
  it.each([
    ['vax', '--perspective', 'bilateral', 'bm'],
    ['kww', '--approach', 'sink', 'bm'],
    ['bm', '--codes', 'EXGR', 'tiva'],
    ['my', '--codes', 'EXGR', 'tiva'],
    ['tiva', '--perimeter', 'world', 'my'],
    ['bm', '--perimeter', 'world', 'my'],
    ['my', '--stressors', 'CO2', 'footprints, embodied-final-demand, embodied-exports'],
    ['footprints', '--perspective', 'world', 'bm'],
  ])(
    '--indicator %s %s %s: exit 2 naming the indicators that take it',
    async (indicator, flag, value, takers) => {
      const r = await run(['io', 'hand.csv', '--indicator', indicator, flag, value], files);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.reads).toEqual([]);
      const verb = takers.includes(',') ? 'take' : 'takes';
      expect(r.err.split('\n')[0]).toBe(
        `gvckit io: ${flag}: expected no ${flag} with --indicator ${indicator} (only ${takers} ${verb} one), found "${value}"`,
      );
      expect(r.err).toContain('Usage:');
    },
  );
});
