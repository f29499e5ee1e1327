/**
 * What the tests of `gvckit io` with the indicators of issue #17 share (io-17.test.ts,
 * io-17-satellite.test.ts): the hand table's expected records, worked by hand in hand-table.ts and
 * below, and a runner that checks them in every text format.
 */
import { expect } from 'vitest';
import { expected, HAND_CSV } from './hand-table.js';
import { expectRecords, type Row, readCsv, readTable, run } from './helpers.js';

export const files = { 'hand.csv': HAND_CSV };
export const FULL = 1e-9;
export const FOUR_DECIMALS = 5e-5 + 1e-12;
const formats = ['table', 'json', 'csv'] as const;

/** The records of an output in any of the three text formats, and its columns. */
function parse(out: string, format: (typeof formats)[number]): { columns: string[]; rows: Row[] } {
  if (format === 'json') {
    const rows = JSON.parse(out) as Row[];
    return { columns: Object.keys(rows[0] ?? {}), rows };
  }
  return format === 'csv' ? readCsv(out) : readTable(out);
}

/** Runs `gvckit io hand.csv …` and checks the records and the leading key columns. */
export async function expectOutput(argv: string[], labels: string[], rows: Row[]) {
  for (const format of formats) {
    const r = await run(['io', 'hand.csv', ...argv, '--format', format], files);
    expect(r.err, `${argv.join(' ')} --format ${format}`).toBe('');
    expect(r.code).toBe(0);
    const got = parse(r.out, format);
    expect(got.columns.slice(0, labels.length)).toEqual(labels);
    expectRecords(got.rows, rows, format === 'table' ? FOUR_DECIMALS : FULL);
  }
}

/*
 * The hand table of hand-table.ts (two countries, one sector). Its Borin–Mancini exporter terms are
 * `expected.bm` there (worked by hand; the same numbers as tests/io/decompositions/bm.test.ts). With
 * one sector the sector perimeter is the country's and with two countries the only partner is the
 * rest of the world, so the sector, bilateral and bilateral-sector perspectives give the exporter's
 * terms (tests/io/decompositions/bm-perspectives.test.ts, "one sector, two countries"); at country
 * level the sink approach gives the source approach's terms (Borin & Mancini 2023, §3, same file);
 * the world perspective counts foreign content when it first crosses any border: FVA = 0, FDC = FC.
 */
export const bm = expected.bm as Row[];
export const partner = (r: Row) => (r.country === 'A' ? 'B' : 'A');
export const world: Row[] = bm.map((r) => ({ ...r, FVA: 0, FDC: r.FC as number }));

/*
 * TiVA on the hand table (OECD 2023 definitions, as tests/io/tiva/tiva.test.ts): EXGR = E = (30, 40);
 * EXGR_DVA = v_s B_ss E_s = (165/8.5, 320/8.5), the bm terms DC; EXGR_FVA = E − EXGR_DVA = (90/8.5,
 * 20/8.5), the bm terms FC; EXGR_DVASH = 100·EXGR_DVA/EXGR. Records come code by code, then country
 * by country; at bilateral level each country's one partner, at sector level its one sector.
 */
export const tivaRows = (extra: (r: Row) => Row): Row[] =>
  (
    [
      ['EXGR', [30, 40]],
      ['EXGR_DVA', [165 / 8.5, 320 / 8.5]],
      ['EXGR_FVA', [90 / 8.5, 20 / 8.5]],
    ] as const
  ).flatMap(([indicator, values]) =>
    ['A', 'B'].map((country, i) => {
      const r: Row = { indicator, country, value: values[i]!, unit: 'value' };
      return { ...r, ...extra(r) };
    }),
  );

/*
 * Miroudot & Ye on the hand table: the country perimeter gives Borin & Mancini's source-based
 * exporter terms (Miroudot & Ye 2021; tests/io/tiva/miroudot-ye.test.ts), and with one sector and two
 * countries the bilateral and sector perimeters are the country's; the world perimeter has FVA = 0.
 */
const MY_TERMS = ['country', 'GEXP', 'DC', 'DVA', 'DDC', 'FC', 'FVA', 'FDC'];
export const myRows: Row[] = bm.map((r) =>
  Object.fromEntries(Object.entries(r).filter(([k]) => MY_TERMS.includes(k))),
);
