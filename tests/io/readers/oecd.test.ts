/**
 * readOecdIcio on tables in the exact layout of each OECD ICIO edition (tests/fixtures/oecd/, see
 * its README). Expected numbers: the sums written out in the comments, read off the fixture files,
 * and the merged tables printed by make_fixtures.py (plain Python, independent of gvckit), pasted
 * below. All flows are integers (quarters in decimal-comma.csv), so comparisons are exact.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readIcioCsv, readOecdIcio } from '../../../src/io/index.js';

const dir = new URL('../../fixtures/oecd/', import.meta.url);
const path = (f: string) => new URL(f, dir);
const text = (f: string) => readFileSync(path(f), 'utf8');
const at = (labels: string[], l: string) => labels.indexOf(l);
const labelsOf = (t: { countries: readonly string[]; sectors: readonly string[] }) =>
  t.countries.flatMap((c) => t.sectors.map((s) => `${c}_${s}`));
const FD6 = ['HFCE', 'NPISH', 'GGFC', 'GFCF', 'INVNT', 'DPABR'];

// make_fixtures.py, "2023": the merged x and Y (n×G, rows AUS_A01_02 … ROW_C26, columns AUS CHN MEX ROW).
const X2023 = [297, 257, 551, 634, 626, 518, 315, 316];
const Y2023 = [
  [52, 41, 55, 80],
  [51, 52, 63, 57],
  [104, 108, 144, 88],
  [126, 161, 139, 112],
  [124, 103, 157, 141],
  [98, 107, 85, 122],
  [59, 43, 85, 67],
  [80, 54, 71, 59],
].flat();

describe('readOecdIcio: 2023 edition', () => {
  it('reads the extended file (2019.csv) and sums CN1, CN2 into CHN and MX1, MX2 into MEX', async () => {
    const t = await readOecdIcio(path('2019.csv'));
    expect(t.countries).toEqual(['AUS', 'CHN', 'MEX', 'ROW']);
    expect(t.sectors).toEqual(['A01_02', 'C26']);
    expect(Array.from(t.x)).toEqual(X2023);
    expect(Array.from(t.Y)).toEqual(Y2023);
    const L = labelsOf(t);
    const n = L.length;
    const z = (r: string, c: string) => t.Z[at(L, r) * n + at(L, c)];
    // Z[CHN_C26][AUS_A01_02] = CHN_C26 (0, OECD leaves the CHN block empty) + CN1_C26 (3) + CN2_C26 (5) = 8
    expect(z('CHN_C26', 'AUS_A01_02')).toBe(8);
    // Z[CHN_C26][CHN_A01_02] = CN1→CN1 3 + CN1→CN2 1 + CN2→CN1 4 + CN2→CN2 3 = 11
    expect(z('CHN_C26', 'CHN_A01_02')).toBe(11);
    // x[CHN_C26] = OUT of CN1_C26 (320) + CN2_C26 (314) = 634
    expect(t.x[at(L, 'CHN_C26')]).toBe(634);
    // Y[CHN_C26][MEX]: CN1 15+17+14+5+14+20 = 85, CN2 17+11+11+1+9+5 = 54; 85 + 54 = 139
    expect(t.Y[at(L, 'CHN_C26') * 4 + 2]).toBe(139);
    const m = t.meta!;
    expect(m).toMatchObject({ release: 'OECD ICIO', edition: '2023', year: 2019, unit: 'USD million' });
    expect(m.merged).toEqual({ MEX: ['MX1', 'MX2'], CHN: ['CN1', 'CN2'] });
    // Final demand by category, country-major: CHN_C26 → MEX_HFCE = 15 + 17 = 32, MEX_DPABR = 20 + 5 = 25.
    expect(m.finalDemand!.categories).toEqual(FD6);
    expect(m.finalDemand!.Y[at(L, 'CHN_C26') * 24 + 2 * 6 + 0]).toBe(32);
    expect(m.finalDemand!.Y[at(L, 'CHN_C26') * 24 + 2 * 6 + 5]).toBe(25);
    // Value-added rows apart: TLS at CHN_C26 = 1 + 1 = 2, VA = 271 + 255 = 526; va = 528.
    expect(m.valueAdded!.map((r) => [r.code, r.kind])).toEqual([
      ['TLS', 'taxes'],
      ['VA', 'value-added'],
    ]);
    expect(m.valueAdded![0]!.values[at(L, 'CHN_C26')]).toBe(2);
    expect(m.valueAdded![1]!.values[at(L, 'CHN_C26')]).toBe(526);
    expect(t.va[at(L, 'CHN_C26')]).toBe(528);
  });
  it('reads the small file (2019_SML.csv, merged by OECD — here by make_fixtures.py) to the same table', async () => {
    const big = await readOecdIcio(path('2019.csv'));
    const sml = await readOecdIcio(path('2019_SML.csv'));
    expect(sml.meta).toMatchObject({ edition: '2023', year: 2019 });
    expect(sml.meta!.merged).toBeUndefined();
    expect(Array.from(sml.Z)).toEqual(Array.from(big.Z));
    expect(Array.from(sml.Y)).toEqual(Array.from(big.Y));
    expect(Array.from(sml.va)).toEqual(Array.from(big.va));
  });
  it('keeps the split blocks as countries with keepSplit, CHN and MEX with no industries', async () => {
    const t = await readOecdIcio(path('2019.csv'), { keepSplit: true });
    expect(t.countries).toEqual(['AUS', 'CHN', 'MEX', 'ROW', 'MX1', 'MX2', 'CN1', 'CN2']);
    // The OUT column as it is in the file.
    expect(Array.from(t.x)).toEqual([297, 257, 0, 0, 0, 0, 315, 316, 305, 265, 321, 253, 295, 320, 256, 314]);
    const L = labelsOf(t);
    // CN1_C26 → MEX final demand: 15 + 17 + 14 + 5 + 14 + 20 = 85
    expect(t.Y[at(L, 'CN1_C26') * 8 + 2]).toBe(85);
    expect(t.meta!.merged).toBeUndefined();
  });
});

describe('readOecdIcio: split blocks without their country block', () => {
  // A_s sells 1 to A_s, 1 to CN1_s, 1 to CN2_s, and 3 + 2 to final demand of A and CHN: x = 8.
  // CN1_s: 1 + 0 + 1 + 1 + 2 = 5; CN2_s: 0 + 1 + 0 + 1 + 1 = 3; merged CHN_s: x = 5 + 3 = 8.
  const text = [
    ',A_s,CN1_s,CN2_s,A_HFCE,CHN_HFCE,OUT',
    'A_s,1,1,1,3,2,8',
    'CN1_s,1,0,1,1,2,5',
    'CN2_s,0,1,0,1,1,3',
    'TLS,1,1,0,,,',
    'VA,5,2,1,,,',
    'OUT,8,5,3,,,',
  ].join('\n');
  it('merges CN1 and CN2 into a CHN placed where CN1 was', async () => {
    const t = await readOecdIcio({ text });
    expect(t.countries).toEqual(['A', 'CHN']);
    expect(Array.from(t.x)).toEqual([8, 8]);
    // Z[CHN_s][CHN_s] = CN1→CN1 0 + CN1→CN2 1 + CN2→CN1 1 + CN2→CN2 0 = 2; Z[A_s][CHN_s] = 1 + 1 = 2
    expect(Array.from(t.Z)).toEqual([1, 2, 1, 2]);
    // Y[CHN_s] = A: 1 + 1 = 2, CHN: 2 + 1 = 3
    expect(Array.from(t.Y)).toEqual([3, 2, 2, 3]);
  });
  it('with keepSplit, CHN is a country with final demand and no industries, before CN1', async () => {
    const t = await readOecdIcio({ text }, { keepSplit: true });
    expect(t.countries).toEqual(['A', 'CHN', 'CN1', 'CN2']);
    expect(Array.from(t.x)).toEqual([8, 0, 5, 3]);
    // Y[CN1_s]: A 1, CHN 2, CN1 0, CN2 0
    expect(Array.from(t.Y.subarray(8, 12))).toEqual([1, 2, 0, 0]);
  });
  it('does not modify the bytes it reads', async () => {
    const bytes = new TextEncoder().encode(text);
    const copy = bytes.slice();
    await readOecdIcio(bytes);
    expect(bytes).toEqual(copy);
  });
});

describe('readOecdIcio: 2021, 2018 and 2016 editions', () => {
  it('2021 (ICIO2021_2015.csv): TLS/VA/OUT rows, TOTAL column, edition and year from the name', async () => {
    const t = await readOecdIcio(path('ICIO2021_2015.csv'));
    expect(t.meta).toMatchObject({ edition: '2021', year: 2015 });
    expect(t.sectors).toEqual(['01T02', '26']);
    // make_fixtures.py, "2021"
    expect(Array.from(t.x)).toEqual([302, 265, 637, 552, 598, 538, 338, 301]);
    expect(Array.from(t.Y)).toEqual(
      [
        [72, 85, 46, 41],
        [49, 57, 59, 59],
        [128, 150, 123, 120],
        [102, 99, 118, 135],
        [158, 111, 100, 121],
        [112, 121, 100, 103],
        [75, 71, 66, 65],
        [61, 46, 68, 76],
      ].flat(),
    );
  });
  it('2018 (ICIO2018_2010.csv): one CCC_TAXSUB row per country, VALU and OUTPUT, P33 final demand', async () => {
    const t = await readOecdIcio(path('ICIO2018_2010.csv'));
    expect(t.meta).toMatchObject({ edition: '2018', year: 2010 });
    expect(t.meta!.finalDemand!.categories).toEqual(['HFCE', 'NPISH', 'GGFC', 'GFCF', 'INVNT', 'P33']);
    expect(Array.from(t.x)).toEqual([300, 299, 544, 593, 591, 629, 279, 299]);
    expect(t.meta!.valueAdded!.map((r) => `${r.code}:${r.kind}`)).toEqual([
      'AUS_TAXSUB:taxes',
      'CHN_TAXSUB:taxes',
      'MEX_TAXSUB:taxes',
      'ROW_TAXSUB:taxes',
      'VALU:value-added',
    ]);
    // AUS_26: taxes 2 + 1 + 2 + 1, VALU 246: va = 252 (and inputs 299 − 252 = 47)
    expect(t.va[1]).toBe(252);
  });
  it('2016 (ICIO2016_2011.csv): quoted labels, component-major final demand, DISC, CN1–CN4 and MX1–MX3', async () => {
    const t = await readOecdIcio(path('ICIO2016_2011.csv'));
    expect(t.meta).toMatchObject({ edition: '2016', year: 2011 });
    expect(t.meta!.merged).toEqual({ MEX: ['MX1', 'MX2', 'MX3'], CHN: ['CN1', 'CN2', 'CN3', 'CN4'] });
    // make_fixtures.py, "2016" (the discrepancy in the final demand of the row's own country)
    expect(Array.from(t.x)).toEqual([306, 312, 1313, 1347, 1012, 913, 282, 384]);
    const L = labelsOf(t);
    // AUS_C20WOD → AUS: HFCE 3 + NPISH 7 + GGCF 11 + GFCF 16 + INVNT 20 + DIRPA 18 = 75, DISC −1: 74
    expect(t.Y[at(L, 'AUS_C20WOD') * 4 + 0]).toBe(74);
    expect(t.meta!.discrepancy![at(L, 'AUS_C20WOD')]).toBe(-1);
    // CHN_C01T05AGR: DISC of CN1..CN4 = 0 − 1 + 1 − 2 = −2; x = 294 + 345 + 364 + 310 = 1313
    expect(t.meta!.discrepancy![at(L, 'CHN_C01T05AGR')]).toBe(-2);
    // Categories reordered country-major: AUS_C20WOD → AUS NPISH is 7 (column NPISH_AUS of the file).
    expect(t.meta!.finalDemand!.categories).toEqual(['HFCE', 'NPISH', 'GGCF', 'GFCF', 'INVNT', 'DIRPA']);
    expect(t.meta!.finalDemand!.Y[at(L, 'AUS_C20WOD') * 24 + 1]).toBe(7);
    expect(t.meta!.valueAdded!.map((r) => r.code)).toEqual(['TAXSUB', 'VALU']);
  });
  it('reads decimal commas with ; (decimal-comma.csv: the 2021 table divided by 4)', async () => {
    const t = await readOecdIcio(path('decimal-comma.csv'), { decimal: ',' });
    // 302/4, 265/4, … ; the file's first cell is 6/4 = "1,5"
    expect(Array.from(t.x)).toEqual([75.5, 66.25, 159.25, 138, 149.5, 134.5, 84.5, 75.25]);
    expect(t.Z[0]).toBe(1.5);
  });
});

describe('readOecdIcio: sources and options', () => {
  it('reads a path, a URL, { text }, bytes and a stream cut anywhere to the same table', async () => {
    const raw = readFileSync(path('2019.csv'));
    const chunks = async function* () {
      for (let p = 0; p < raw.length; p += 97) yield raw.subarray(p, p + 97);
    };
    const tables = [
      await readOecdIcio(path('2019.csv').pathname),
      await readOecdIcio({ text: text('2019.csv') }, { fileName: '2019.csv' }),
      await readOecdIcio(new Uint8Array(raw), { fileName: '2019.csv' }),
      await readOecdIcio(chunks(), { fileName: '2019.csv' }),
    ];
    for (const t of tables) {
      expect(Array.from(t.x)).toEqual(X2023);
      expect(t.meta!.year).toBe(2019);
    }
  });
  it('takes edition and year from the options, and does not modify them', async () => {
    const opts = Object.freeze({ edition: '2021' as const, year: 2000 });
    const t = await readOecdIcio({ text: text('2019.csv') }, opts);
    expect(t.meta).toMatchObject({ edition: '2021', year: 2000 });
    expect(opts).toEqual({ edition: '2021', year: 2000 });
  });
  it('detects the edition from the labels when the name does not say', async () => {
    const ed = async (f: string, o = {}) => (await readOecdIcio({ text: text(f) }, o)).meta!.edition;
    expect(await ed('2019.csv')).toBe('2023');
    expect(await ed('ICIO2021_2015.csv')).toBe('2021');
    expect(await ed('ICIO2018_2010.csv')).toBe('2018');
    expect(await ed('ICIO2016_2011.csv')).toBe('2016');
  });
  it('rows in another order are matched by label', async () => {
    const lines = text('2019.csv').trimEnd().split('\n');
    const shuffled = [lines[0]!, ...lines.slice(1).reverse()].join('\n');
    const t = await readOecdIcio({ text: shuffled });
    expect(Array.from(t.x)).toEqual(X2023);
  });
});

describe('readIcioCsv on the OECD files (the same parser)', () => {
  it('reads CN1/CN2 with CHN_HFCE merged, TAXSUB/VALU/OUTPUT, DISC and component-major final demand', () => {
    expect(Array.from(readIcioCsv(text('2019.csv')).x)).toEqual(X2023);
    expect(Array.from(readIcioCsv(text('ICIO2018_2010.csv')).x)).toEqual([
      300, 299, 544, 593, 591, 629, 279, 299,
    ]);
    const t16 = readIcioCsv(text('ICIO2016_2011.csv'));
    expect(Array.from(t16.x)).toEqual([306, 312, 1313, 1347, 1012, 913, 282, 384]);
    expect(t16.meta!.edition).toBe('2016');
    const t = readIcioCsv(text('2019.csv'), { keepSplit: true });
    expect(t.countries).toHaveLength(8);
    expect(Array.from(readIcioCsv(text('decimal-comma.csv'), { decimal: ',' }).x)).toEqual([
      75.5, 66.25, 159.25, 138, 149.5, 134.5, 84.5, 75.25,
    ]);
  });
});
