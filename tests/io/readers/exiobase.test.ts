import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GvcError, type Icio, readExiobase } from '../../../src/io/index.js';

/**
 * The fixture (tests/fixtures/exiobase/, layout in its README): regions AT, DE × products
 * "Paddy rice", "Wheat"; country–sectors in order AT/rice, AT/wheat, DE/rice, DE/wheat.
 *
 * Z (by hand):         Y by region (seven categories summed, by hand from Y.txt):
 *   10  5   2  1         AT: 20+0+2+3+1+0+0 = 26     DE: 4                = 4
 *    4 20   3  0.5       AT: 15+1+0+2−1+0+0 = 17     DE: 3+0.5            = 3.5
 *    1  2  30  6         AT: 2                = 2     DE: 30+0.5+5+4+0.5   = 40
 *  0.5  1   8 25         AT: 1                = 1     DE: 25+3+2+0.25      = 30.25
 * x = rows of Z + Y: 18+30 = 48, 27.5+20.5 = 48, 39+42 = 81, 34.5+31.25 = 65.75 (= x.txt)
 * column sums of Z: 15.5, 28, 43, 32.5 → va = x − colZ = 32.5, 20, 38, 33.25
 * The nine value-added rows of satellite/F.txt sum to the same, e.g. column 1:
 * 1.5+0.5+5+6+4+3+0.5+0+12 = 32.5.
 */
const dir = new URL('../../fixtures/exiobase/', import.meta.url);
const zipPath = new URL('IOT_2011_pxp.zip', dir);
const folder = new URL('IOT_2011_pxp', dir);
const file = (name: string) => new URL(`IOT_2011_pxp/${name}`, dir);
const text = (name: string) => readFileSync(file(name), 'utf8');

const Z = [10, 5, 2, 1, 4, 20, 3, 0.5, 1, 2, 30, 6, 0.5, 1, 8, 25];
const Y = [26, 4, 17, 3.5, 2, 40, 1, 30.25];
const X = [48, 48, 81, 65.75];
const VA = [32.5, 20, 38, 33.25];
const CATEGORIES = [
  'Final consumption expenditure by households',
  'Final consumption expenditure by non-profit organisations serving households (NPISH)',
  'Final consumption expenditure by government',
  'Gross fixed capital formation',
  'Changes in inventories',
  'Changes in valuables',
  'Exports: Total (fob)',
];

async function issuesOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    return (e as GvcError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected readExiobase to throw');
}

function expectFixture(t: Icio): void {
  expect(t.countries).toEqual(['AT', 'DE']);
  expect(t.sectors).toEqual(['Paddy rice', 'Wheat']);
  expect(Array.from(t.Z)).toEqual(Z);
  expect(Array.from(t.Y)).toEqual(Y);
  expect(Array.from(t.x)).toEqual(X);
  expect(Array.from(t.va)).toEqual(VA);
}

describe('readExiobase: the fixture archive and folder', () => {
  it('reads the zip archive from a path, with metadata, final demand, value added and satellite', async () => {
    const t = await readExiobase(zipPath);
    expectFixture(t);
    expect(t.warnings).toBeUndefined();
    const m = t.meta!;
    expect([m.release, m.edition, m.year, m.unit]).toEqual(['EXIOBASE 3', '3.8.2', 2011, 'M.EUR']);
    expect(m.finalDemand!.categories).toEqual(CATEGORIES);
    // Row AT/wheat of Y.txt, country-major: AT's seven categories, then DE's.
    expect(Array.from(m.finalDemand!.Y.subarray(14, 28))).toEqual([
      15, 1, 0, 2, -1, 0, 0, 3, 0, 0, 0.5, 0, 0, 0,
    ]);
    const va = m.valueAdded!;
    expect(va.map((r) => r.kind)).toEqual(['taxes', ...Array(8).fill('other')]);
    expect(va[0]!.code).toBe('Taxes less subsidies on products purchased: Total');
    expect(Array.from(va[0]!.values)).toEqual([1.5, 1, 2, 1.25]);
    // The nine rows sum to va (hand sums in the header comment), exactly: all are binary fractions.
    for (let j = 0; j < 4; j++) expect(va.reduce((s, r) => s + r.values[j]!, 0)).toBe(VA[j]);
    const sat = m.satellite!;
    expect(sat.stressors).toHaveLength(11);
    expect(sat.stressors.slice(9)).toEqual([
      { name: 'Employment: Low-skilled male', unit: '1000 p' },
      { name: 'CO2 - combustion - air', unit: 'kg' },
    ]);
    expect(sat.stressors[0]!.unit).toBe('M.EUR');
    expect(Array.from(sat.F.subarray(10 * 4, 11 * 4))).toEqual([1000, 2000, 1500, 2500]);
    // F_Y: CO2 of AT's and DE's households (columns 0 and 7), nothing else.
    const fy = sat.FY!;
    expect(fy).toHaveLength(11 * 14);
    expect(fy[10 * 14 + 0]).toBe(500);
    expect(fy[10 * 14 + 7]).toBe(800);
    expect(Array.from(fy).reduce((s, v) => s + v, 0)).toBe(1300);
    expect(Object.isFrozen(t)).toBe(true);
  });

  it('reads the extracted folder, the archive as bytes, and the archive as a stream alike', async () => {
    const bytes = new Uint8Array(readFileSync(zipPath));
    const stream = new Blob([bytes]).stream();
    for (const src of [folder, bytes, stream]) {
      const t = await readExiobase(src);
      expectFixture(t);
      expect(t.meta!.satellite!.stressors).toHaveLength(11);
    }
  });

  it('reads the files one by one, Z.txt with and without the row naming the index columns', async () => {
    const noNameRow = text('Z.txt')
      .split('\n')
      .filter((_, i) => i !== 2)
      .join('\n');
    const t = await readExiobase({ Z: { text: noNameRow }, Y: file('Y.txt'), x: file('x.txt') });
    expectFixture(t);
    expect(t.meta!.satellite).toBeUndefined();
    expect(t.meta!.year).toBeUndefined();
  });

  it('computes Z = A·diag(x) from A.txt and x.txt when Z.txt is absent', async () => {
    // A.txt holds Z_ij / x_j printed by Python's repr (17 significant digits): 10/48 = 0.20833….
    const t = await readExiobase({ A: file('A.txt'), Y: file('Y.txt'), x: file('x.txt') }, { year: 2011 });
    Array.from(t.Z).forEach((z, k) => {
      expect(Math.abs(z - Z[k]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Z[k]!));
    });
    expect(t.meta!.year).toBe(2011);
  });

  it('reads an old archive without Z.txt from A.txt and x.txt when its entries can be listed', async () => {
    const { zipSync } = await import('fflate');
    const enc = (name: string) => new TextEncoder().encode(text(name));
    const old = zipSync({
      'IOT_2009_pxp/A.txt': enc('A.txt'),
      'IOT_2009_pxp/Y.txt': enc('Y.txt'),
      'IOT_2009_pxp/x.txt': enc('x.txt'),
    });
    const t = await readExiobase(old, { fileName: 'IOT_2009_pxp.zip' });
    expect(t.meta!.year).toBe(2009);
    Array.from(t.Z).forEach((z, k) => {
      expect(Math.abs(z - Z[k]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Z[k]!));
    });
    // A stream cannot be listed before it is read: A.txt is not inflated on the chance that a
    // Z.txt follows, and the error says what to do.
    const [one] = await issuesOf(readExiobase(new Blob([old]).stream(), { fileName: 'IOT_2009_pxp.zip' }));
    expect(one).toMatch(
      /^IOT_2009_pxp\.zip: expected Z\.txt of an EXIOBASE 3 table, found "IOT_2009_pxp\/A\.txt"/,
    );
  });

  it('reports an archive cut short once, wherever it is cut', async () => {
    const bytes = new Uint8Array(readFileSync(zipPath));
    for (const cut of [0.05, 0.3, 0.5, 0.9, 0.99]) {
      const issues = await issuesOf(readExiobase(bytes.subarray(0, Math.floor(bytes.length * cut))));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatch(/^input(\/.*)?: expected a complete zip archive, found it cut short/);
    }
  });

  it('reads a satellite with two index columns (stressor, compartment) and its units', async () => {
    const F = [
      'region\t\tAT\tAT\tDE\tDE',
      'sector\t\tPaddy rice\tWheat\tPaddy rice\tWheat',
      'stressor\tcompartment\t\t\t\t',
      'CO2\tair\t1\t2\t3\t4',
      'N\twater\t5\t6\t7\t8',
    ].join('\n');
    const unit = 'stressor\tcompartment\tunit\nCO2\tair\tkg\nN\twater\tkg N\n';
    const t = await readExiobase({
      Z: file('Z.txt'),
      Y: file('Y.txt'),
      F: { text: F },
      unit: { text: unit },
    });
    expect(t.meta!.satellite!.stressors).toEqual([
      { name: 'CO2', unit: 'kg', compartment: 'air' },
      { name: 'N', unit: 'kg N', compartment: 'water' },
    ]);
    expect(Array.from(t.meta!.satellite!.F)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(t.meta!.valueAdded).toBeUndefined();
  });

  it('reads another extension folder or none (satellite option)', async () => {
    const none = await readExiobase(zipPath, { satellite: false });
    expect(none.meta!.satellite).toBeUndefined();
    expect(none.meta!.valueAdded).toBeUndefined();
    expectFixture(none);
    const other = await readExiobase(zipPath, { satellite: 'air_emissions' });
    expect(other.meta!.satellite).toBeUndefined();
  });

  it('reads a decimal comma with semicolons, and a delimiter outside ASCII', async () => {
    const semi = (s: string) => s.replaceAll('\t', ';').replaceAll('.', ',');
    const zt = semi(text('Z.txt'));
    const t = await readExiobase(
      { Z: { text: zt }, Y: { text: semi(text('Y.txt')) }, x: { text: semi(text('x.txt')) } },
      { delimiter: ';', decimal: ',' },
    );
    expectFixture(t);
    const odd = (s: string) => s.replaceAll('\t', '§');
    const u = await readExiobase(
      { Z: { text: odd(text('Z.txt')) }, Y: { text: odd(text('Y.txt')) }, x: { text: odd(text('x.txt')) } },
      { delimiter: '§' },
    );
    expectFixture(u);
  });
});

describe('readExiobase: numbers', () => {
  it('reads every form of number EXIOBASE prints, fast path or not', async () => {
    // Row AT/rice of Z.txt rewritten: 10 as 1.0e1, 5 as 5.000000000000000000 (19 digits, past the
    // fast path), 2 as " 2 " (spaces), 1 as 1E+00.
    const z = text('Z.txt').replace(
      'AT\tPaddy rice\t10\t5\t2\t1',
      'AT\tPaddy rice\t1.0e1\t5.000000000000000000\t 2 \t1E+00',
    );
    const t = await readExiobase({ Z: { text: z }, Y: file('Y.txt'), x: file('x.txt') });
    expectFixture(t);
    const tiny = text('Z.txt').replace('AT\tPaddy rice\t10', 'AT\tPaddy rice\t1e400');
    expect(await issuesOf(readExiobase({ Z: { text: tiny }, Y: file('Y.txt') }))).toEqual([
      'Z.txt:4:3: expected a number, found "1e400"',
    ]);
  });
});

describe('readExiobase: negative flows', () => {
  const zNeg = (v: string) => text('Z.txt').replace('AT\tWheat\t4\t20\t3\t0.5', `AT\tWheat\t4\t20\t3\t${v}`);
  it('sets tiny negatives of Z to 0 with one warning naming the most negative one', async () => {
    // 0.5 → −1e-9: the row sum of AT/wheat moves by 0.5 (x.txt no longer balances), so no x here.
    const t = await readExiobase({ Z: { text: zNeg('-1e-9') }, Y: file('Y.txt') });
    expect(t.Z[1 * 4 + 3]).toBe(0);
    expect(t.warnings!.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'Z.txt:5:6: expected flows >= 0, found 1 negative entry of Z (the most negative -1e-9 here), set to 0',
    ]);
  });
  it("reports each negative with negativeZ: 'error'", async () => {
    expect(
      await issuesOf(readExiobase({ Z: { text: zNeg('-1e-9') }, Y: file('Y.txt') }, { negativeZ: 'error' })),
    ).toEqual(['Z.txt:5:6: expected a flow >= 0, found -1e-9']);
  });
});

describe('readExiobase: errors', () => {
  it('reports a bad row label once, at its line, without blaming the rows after it', async () => {
    const bad = text('Z.txt').replace('AT\tWheat\t4', 'AT\tWheet\t4');
    expect(await issuesOf(readExiobase({ Z: { text: bad }, Y: file('Y.txt') }))).toEqual([
      'Z.txt:5:2: expected a region and sector of Z.txt (here "AT Wheat"), found "AT Wheet"',
    ]);
  });

  it('reports a cell that is not a number at FILE:LINE:COLUMN, and a short row', async () => {
    const bad = text('Y.txt').replace('AT\tWheat\t15', 'AT\tWheat\tx15');
    const short = bad.replace(/^(DE\tPaddy rice\t.*)\t0$/m, '$1');
    expect(await issuesOf(readExiobase({ Z: file('Z.txt'), Y: { text: short } }))).toEqual([
      'Y.txt:5:3: expected a number, found "x15"',
      'Y.txt:6: expected 2 label cells and 14 values, found 13 values',
    ]);
  });

  it('says which layout a wrong file looks like', async () => {
    const oecd = { text: ',AUS_A01,AUS_HFCE,OUT\nAUS_A01,1,2,3\n' };
    expect(await issuesOf(readExiobase(oecd))).toEqual([
      'text: expected an EXIOBASE 3 zip archive (IOT_2011_pxp.zip) or its folder, found a file that looks like the OECD ICIO CSV (read it with readOecdIcio (or readIcioCsv for text))',
    ]);
    const [one] = await issuesOf(readExiobase(file('Z.txt')));
    expect(one).toMatch(
      /^Z\.txt: expected an EXIOBASE 3 zip archive .* looks like the EXIOBASE 3 text layout .*; pass the folder/,
    );
    expect(
      await issuesOf(readExiobase({ Z: { text: 'stressor\tunit\nCO2\tkg\n' }, Y: file('Y.txt') })),
    ).toEqual(['Z.txt:1:1: expected the EXIOBASE 3 header row "region", found "stressor"']);
  });

  it('reports an empty file, and a Z.txt too large to allocate before allocating it', async () => {
    expect(await issuesOf(readExiobase({ Z: { text: '' }, Y: file('Y.txt') }))).toEqual([
      'Z.txt:1: expected the EXIOBASE 3 header rows "region" and "sector", found an empty file',
    ]);
    const wide = `region\t\t${Array(16_001).fill('AT').join('\t')}\nsector\t\t${Array.from({ length: 16_001 }, (_, i) => `s${i}`).join('\t')}\n`;
    const [one] = await issuesOf(readExiobase({ Z: { text: wide }, Y: file('Y.txt') }));
    expect(one).toMatch(
      /^Z\.txt:1: expected at most 16000 country–sector pairs .* found 16001 columns = 16001$/,
    );
  });

  it('names the entries of an archive without Z.txt', async () => {
    const { zipSync } = await import('fflate');
    const zip = zipSync({
      'IOT_2011_pxp/Y.txt': new TextEncoder().encode(text('Y.txt')),
      'readme.txt': new Uint8Array(1),
    });
    expect(await issuesOf(readExiobase(zip, { fileName: 'IOT_2011_pxp.zip' }))).toEqual([
      'IOT_2011_pxp.zip: expected Z.txt of an EXIOBASE 3 table, found "IOT_2011_pxp/Y.txt", "readme.txt"',
    ]);
  });

  it('checks Y against Z: the regions of its columns and its rows', async () => {
    const y = text('Y.txt').replace(/^region\t\tAT/, 'region\t\tFR');
    expect(await issuesOf(readExiobase({ Z: file('Z.txt'), Y: { text: y } }))).toEqual([
      'Y.txt:1:3: expected region "AT" (the order of Z.txt), found "FR"',
    ]);
  });

  it('checks x.txt against the row sums (createIcio), under the file name', async () => {
    const x = text('x.txt').replace('\t81', '\t82');
    const [one] = await issuesOf(readExiobase({ Z: file('Z.txt'), Y: file('Y.txt'), x: { text: x } }));
    expect(one).toMatch(
      /^Z\.txt: input\.x\[DE_Paddy rice\]: expected gross output equal to intermediate plus final sales 81/,
    );
  });

  it('checks that F_Y has the stressors of F', async () => {
    const fy = text('satellite/F_Y.txt').replace('CO2 - combustion - air', 'CO2 - combustion - water');
    const issues = await issuesOf(
      readExiobase({ Z: file('Z.txt'), Y: file('Y.txt'), F: file('satellite/F.txt'), F_Y: { text: fy } }),
    );
    expect(issues).toEqual([
      'F_Y.txt:14:1: expected the stressor of F.txt "CO2 - combustion - air", found "CO2 - combustion - water"',
    ]);
  });

  it('refuses bad options and sources at the boundary, and a missing path as NOT_FOUND', async () => {
    await expect(readExiobase(zipPath, { satellite: '../x' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(readExiobase(zipPath, { year: 20111 } as never)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(readExiobase({ Y: file('Y.txt') })).rejects.toMatchObject({
      issues: [{ path: 'source.Z', message: 'expected Z (or A with x), found neither' }],
    });
    await expect(readExiobase(42 as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(readExiobase('/nonexistent/IOT_2011_pxp.zip')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
