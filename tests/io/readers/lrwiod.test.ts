import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GvcError } from '../../../src/io/index.js';
import { type LongRunWiodOptions, readLongRunWiod } from '../../../src/io/readers/lrwiod.js';

// The fixture (tests/fixtures/lrwiod/README.md, written by make-fixture.py): countries AUS, CHN,
// xROW × industries AtB, C, years 1999 (every value halved) and 2000. By hand, for 2000:
//   Z rows (AUS_AtB AUS_C CHN_AtB CHN_C ROW_AtB ROW_C)   row sum   final demand        x
//   AUS_AtB: 1 2 0 1 0 0                                  4         10+2+4 = 16          20
//   AUS_C:   2 3 1 0 1 1                                  8         12−2+2 = 12          20
//   CHN_AtB: 0 1 4 2 0 1                                  8         20+2 = 22            30
//   CHN_C:   1 0 2 6 1 0                                  10        15+5+5 = 25          35
//   ROW_AtB: 0 1 0 1 5 2                                  9         25+1 = 26            35
//   ROW_C:   1 0 1 0 2 8                                  12        20+5+3 = 28          40
// Column sums of Z: 5, 7, 8, 10, 9, 12, so va = x − Zᵀ1 = 15, 13, 22, 25, 26, 28; published
// xTXSP 1,1,2,2,3,3 and xMRG_int 0,0,0,1,0,0, so xVA = 14, 12, 20, 22, 23, 25.
const url = new URL('../../fixtures/lrwiod/lr_wiod_wiot_final_filled.csv', import.meta.url);
const text = readFileSync(url, 'utf8');
const HEADER = 'year,row_country,row_id,row_isic3,col_country,col_isic3,value';

async function issuesOf(
  source: Parameters<typeof readLongRunWiod>[0],
  options: LongRunWiodOptions,
): Promise<string[]> {
  try {
    await readLongRunWiod(source, options);
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    return (e as GvcError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected readLongRunWiod to throw');
}

describe('readLongRunWiod: the long-run WIOD flat CSV', () => {
  it('reads one year: countries, industries, x, va, Y by destination', async () => {
    const t = await readLongRunWiod(url, { year: 2000 });
    expect(t.countries).toEqual(['AUS', 'CHN', 'ROW']);
    expect(t.sectors).toEqual(['AtB', 'C']);
    expect(Array.from(t.x)).toEqual([20, 20, 30, 35, 35, 40]);
    expect(Array.from(t.va)).toEqual([15, 13, 22, 25, 26, 28]);
    expect(Array.from(t.Z.slice(18, 24))).toEqual([1, 0, 2, 6, 1, 0]); // CHN_C
    // AUS_C by destination (AUS, CHN, ROW): 12 − 2, 0, 2
    expect(Array.from(t.Y.slice(3, 6))).toEqual([10, 0, 2]);
  });

  it('keeps the metadata and the published value-added rows', async () => {
    const t = await readLongRunWiod(url, { year: 2000 });
    expect(t.meta).toMatchObject({
      release: 'Long-run WIOD',
      edition: '1.0',
      year: 2000,
      unit: 'USD million',
    });
    expect(t.meta!.finalDemand!.categories).toEqual(['CONS_h', 'CONS_g', 'GFCF', 'INV']);
    // AUS_C (row 2) by AUS category: CONS_h 12, CONS_g 0, GFCF 0, INV −2
    expect(Array.from(t.meta!.finalDemand!.Y.slice(12, 16))).toEqual([12, 0, 0, -2]);
    const rows = new Map(t.meta!.valueAdded!.map((r) => [r.code, r]));
    expect([...rows.keys()]).toEqual(['VA', 'TXSP', 'SD', 'PURNR', 'PURR', 'MRG_int']);
    expect(rows.get('VA')!.kind).toBe('value-added');
    expect(rows.get('TXSP')!.kind).toBe('taxes');
    expect(Array.from(rows.get('VA')!.values)).toEqual([14, 12, 20, 22, 23, 25]);
    expect(Array.from(rows.get('TXSP')!.values)).toEqual([1, 1, 2, 2, 3, 3]); // not the tax on AUS CONS_h
  });

  it('reads only the lines of the year asked for', async () => {
    const t = await readLongRunWiod({ text }, { year: 1999 });
    expect(Array.from(t.x)).toEqual([10, 10, 15, 17.5, 17.5, 20]);
    expect(await issuesOf({ text }, { year: 1990 })).toEqual([
      'options.year: expected a year of the file (1999–2000), found 1990',
    ]);
  });

  it('requires the year', async () => {
    expect((await issuesOf({ text }, {} as never))[0]).toMatch(/^options\.year: /);
  });

  it('reads semicolons and decimal commas when asked', async () => {
    const t2 = text.replace(/,/g, ';').replace(/(\d)\.(\d)/g, '$1,$2');
    const t = await readLongRunWiod({ text: t2 }, { year: 1999, delimiter: ';', decimal: ',' });
    expect(Array.from(t.x)).toEqual([10, 10, 15, 17.5, 17.5, 20]);
  });

  it('reports a bad row label once, at its line, and goes on', async () => {
    const lines = text.split('\n');
    const k = lines.findIndex((l) => l.startsWith('2000,CHN,3,AtB,AUS,C,'));
    lines[k] = lines[k]!.replace(',CHN,', ',CHM,');
    const bad = lines.findIndex((l) => l.startsWith('2000,CHN,4,C,AUS,AtB,'));
    lines[bad] = lines[bad]!.replace(/,[^,]*$/, ',x1');
    // one problem per fault, both in one error; the lines after them are not blamed
    expect(await issuesOf({ text: lines.join('\n') }, { year: 2000, fileName: 'lr.csv' })).toEqual([
      `lr.csv:${bad + 1}:7: expected a number, found "x1"`,
      `lr.csv:${k + 1}: expected a row of a country and industry of the table, found CHM AtB`,
    ]);
  });

  it('reports a cell given twice', async () => {
    const lines = text.trimEnd().split('\n');
    const dup = lines.find((l) => l.startsWith('2000,AUS,1,AtB,AUS,AtB,'))!;
    expect(await issuesOf({ text: [...lines, dup].join('\n') }, { year: 2000, fileName: 'lr.csv' })).toEqual([
      `lr.csv:${lines.length + 1}: expected one line per cell, found AUS AtB × AUS AtB again`,
    ]);
  });

  it('says which layout a wrong header looks like', async () => {
    expect(
      await issuesOf({ text: 'refArea,counterpartArea,rowPi,colPi,obsValue\n' }, { year: 2000 }),
    ).toEqual([
      'text:1: expected the header of lr_wiod_wiot_final_filled.csv with the columns year, row_country, row_isic3, col_country, col_isic3, value, found one that looks like the FIGARO flat CSV (one observation per line) (read it with readFigaro)',
    ]);
    expect(await issuesOf({ text: `${HEADER.replace('value', 'val')}\n` }, { year: 2000 })).toEqual([
      'text:1: expected the header of lr_wiod_wiot_final_filled.csv with the columns year, row_country, row_isic3, col_country, col_isic3, value, found no column value',
    ]);
  });
});
