import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { GvcError } from '../../../src/io/index.js';
import { readWiod, type WiodOptions } from '../../../src/io/readers/wiod.js';

// The fixtures (tests/fixtures/wiod/README.md) were written by R with make-fixture.R in the layout
// of WIOT{year}_October16_ROW.RData: countries AUS, CHN, ROW × industries A01 (RNr 1), A02 (RNr 2).
// Expected numbers are the script's made-up table, summed by hand:
//   Z rows (AUS1 AUS2 CHN1 CHN2 ROW1 ROW2)       row sum   final demand              x
//   AUS1: 10  5  2  1  1  1                       20        20+5+3+2 = 30             50
//   AUS2:  4 20  1  3  2  0                       30        15+5−1+6+5 = 30           60
//   CHN1:  3  2 30 10  2  3                       50        30+2+8+4+6 = 50          100
//   CHN2:  1  4  5 40  5  5                       60        35+10+2+5+8 = 60         120
//   ROW1:  2  1  3  2 50 12                       70        60+10+4+6 = 80           150
//   ROW2:  0  3  4  4  9 60                       80        50+20+4+6 = 80           160
// Column sums of Z: 20, 35, 45, 60, 69, 81, so va = x − Zᵀ1 = 30, 25, 55, 60, 81, 79; the rows
// TXSP 2,3,5,4,6,5 + EXP_adj 0,0,0,1,0,0 + PURR .5,0,… + PURNR 0,−.5,0,… + IntTTM 0,0,0,0,1,0
// + VA 27.5, 22.5, 50, 55, 74, 74 sum to it (AUS1: 2 + .5 + 27.5 = 30; AUS2: 3 − .5 + 22.5 = 25).
const dir = new URL('../../fixtures/wiod/', import.meta.url);
const url2014 = new URL('WIOT2014_October16_ROW.RData', dir);
const X = [50, 60, 100, 120, 150, 160];
const VA = [30, 25, 55, 60, 81, 79];

async function issuesOf(source: Parameters<typeof readWiod>[0], options?: WiodOptions): Promise<string[]> {
  try {
    await readWiod(source, options);
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    return (e as GvcError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected readWiod to throw');
}

describe('readWiod: the WIOD 2016 release (R data)', () => {
  it('reads countries, industries, Z, Y by destination, x and va', async () => {
    const t = await readWiod(url2014);
    expect(t.countries).toEqual(['AUS', 'CHN', 'ROW']);
    expect(t.sectors).toEqual(['A01', 'A02']);
    expect(Array.from(t.x)).toEqual(X);
    expect(Array.from(t.va)).toEqual(VA);
    // Z row CHN1: 3 2 30 10 2 3
    expect(Array.from(t.Z.slice(2 * 6, 3 * 6))).toEqual([3, 2, 30, 10, 2, 3]);
    // Y by destination (AUS, CHN, ROW): AUS1 → 20+5, 3, 2; AUS2 → 15+5−1, 6, 5; ROW2 → 4, 6, 50+20
    expect(Array.from(t.Y.slice(0, 6))).toEqual([25, 3, 2, 19, 6, 5]);
    expect(Array.from(t.Y.slice(15, 18))).toEqual([4, 6, 70]);
  });

  it('keeps the metadata: release, year, unit, names, final demand by category, value-added rows', async () => {
    const t = await readWiod(url2014);
    expect(t.meta).toMatchObject({
      release: 'WIOD',
      edition: '2016 release',
      year: 2014,
      unit: 'USD million',
    });
    expect(t.meta!.sectorNames).toEqual({
      A01: 'Crop and animal production, hunting and related service activities',
      A02: 'Forestry and logging',
    });
    const fd = t.meta!.finalDemand!;
    expect(fd.categories).toEqual(['CONS_h', 'CONS_np', 'CONS_g', 'GFCF', 'INVEN']);
    // AUS2 (row 2) by AUS category: CONS_h 15, CONS_np 0, CONS_g 5, GFCF 0, INVEN −1
    expect(Array.from(fd.Y.slice(15, 20))).toEqual([15, 0, 5, 0, -1]);
    const rows = t.meta!.valueAdded!;
    expect(rows.map((r) => [r.code, r.kind])).toEqual([
      ['TXSP', 'taxes'],
      ['EXP_adj', 'other'],
      ['PURR', 'other'],
      ['PURNR', 'other'],
      ['VA', 'value-added'],
      ['IntTTM', 'other'],
    ]);
    expect(rows[0]!.name).toBe('taxes less subsidies on products');
    expect(Array.from(rows[0]!.values)).toEqual([2, 3, 5, 4, 6, 5]); // not the taxes on final demand
    expect(Array.from(rows[4]!.values)).toEqual([27.5, 22.5, 50, 55, 74, 74]);
  });

  it('reads factor columns, an integer Year and serialization version 2 the same way', async () => {
    const t = await readWiod(new URL('WIOT2000_October16_ROW.RData', dir));
    expect(t.meta!.year).toBe(2000);
    expect(t.sectors).toEqual(['A01', 'A02']);
    expect(Array.from(t.x)).toEqual(X);
    expect(Array.from(t.va)).toEqual(VA);
  });

  it('takes bytes, a Blob and a stream', async () => {
    const bytes = new Uint8Array(readFileSync(url2014));
    expect(Array.from((await readWiod(bytes)).x)).toEqual(X);
    expect(Array.from((await readWiod(new Blob([bytes]))).x)).toEqual(X);
    expect(Array.from((await readWiod(new Blob([bytes]).stream())).x)).toEqual(X);
  });

  it('reads one year out of WIOTS_in_R.zip', async () => {
    const zip = zipSync({
      WIOTS_in_R: {
        'WIOT2000_October16_ROW.RData': new Uint8Array(
          readFileSync(new URL('WIOT2000_October16_ROW.RData', dir)),
        ),
        'WIOT2014_October16_ROW.RData': new Uint8Array(readFileSync(url2014)),
      },
    });
    const t = await readWiod(zip, { year: 2014, fileName: 'WIOTS_in_R.zip' });
    expect(t.meta!.year).toBe(2014);
    expect(await issuesOf(zip, { fileName: 'WIOTS_in_R.zip' })).toEqual([
      'options.year: expected the year to read from the archive, found the years 2000, 2014',
    ]);
    expect(await issuesOf(zip, { fileName: 'WIOTS_in_R.zip', year: 2010 })).toEqual([
      'WIOTS_in_R.zip: expected the year 2010 in the archive, found the years 2000, 2014',
    ]);
  });

  it('says which layout a file that is not R data looks like', async () => {
    expect(await issuesOf({ text: ',AUS_A01,AUS_A02,AUS_HFCE\nAUS_A01,1,2,3\n' })).toEqual([
      'text: expected a WIOD R data file (WIOT2014_October16_ROW.RData), found a file that looks like the OECD ICIO CSV (read it with readOecdIcio (or readIcioCsv for text))',
    ]);
  });

  it('refuses an R data file without the table', async () => {
    expect(await issuesOf(new URL('objects.RData', dir))).toEqual([
      'objects.RData: expected an object wiot in the R data file, found numbers, ints, strs, fac, seq1, df',
    ]);
    expect(await issuesOf(new URL('objects.RData', dir), { object: 'df' })).toEqual([
      'objects.RData: expected the columns IndustryCode, IndustryDescription, Country, RNr, Year of a WIOD table, found none named IndustryCode, IndustryDescription, Country, RNr, Year',
    ]);
  });

  it('reports a bad row label once, at its row, and an NA at its row and column', async () => {
    // make-fixture.R: Country of row 4 is "CHM", AUS2 of row 1 is NA; the rows after row 4 are fine.
    expect(await issuesOf(new URL('WIOT-bad-rows.RData', dir))).toEqual([
      'WIOT-bad-rows.RData:4:Country: expected CHN industry 2 (A02), found CHM industry 2 (A02)',
      'WIOT-bad-rows.RData:1:AUS2: expected a number, found NA',
    ]);
  });

  it('checks II_fob against the column sums of Z and GO against TOT', async () => {
    // II_fob of AUS2 is 35 + 1, GO of CHN1 is 100 + 1.
    expect(await issuesOf(new URL('WIOT-bad-totals.RData', dir))).toEqual([
      'WIOT-bad-totals.RData:7:AUS2: expected the column sum of the intermediate inputs 35, found 36',
      'WIOT-bad-totals.RData:14:CHN1: expected the output 100 of the column TOT, found 101',
    ]);
  });

  it('checks that the value-added rows sum to output minus inputs', async () => {
    // VA of AUS1 is 27.5 + 1, so Zᵀ1 + va = 20 + 31 = 51 ≠ 50.
    const issues = await issuesOf(new URL('WIOT-unbalanced.RData', dir));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /^WIOT-unbalanced\.RData: input\.va\[AUS_A01\]: expected intermediate inputs plus value added 51/,
    );
    // …unless the tolerance allows it (1/50 = 2 %)
    expect((await readWiod(new URL('WIOT-unbalanced.RData', dir), { tolerance: 0.03 })).va[0]).toBe(31);
  });

  it('validates its arguments through the boundary', async () => {
    expect(await issuesOf(42 as never)).toHaveLength(1);
    expect((await issuesOf(url2014, { year: 'x' } as never))[0]).toMatch(/^options\.year/);
    expect(await issuesOf(new URL('missing.RData', dir))).toHaveLength(1);
  });
});
