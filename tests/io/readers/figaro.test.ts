import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GvcError } from '../../../src/io/index.js';
import { type FigaroOptions, readFigaro } from '../../../src/io/readers/figaro.js';

const dir = new URL('../../fixtures/figaro/', import.meta.url);
const matrixUrl = new URL('matrix_eu-ic-io_ind-by-ind_23ed_2021.csv', dir);
const flatUrl = new URL('flatfile_eu-ic-io_ind-by-ind_23ed_2021.csv', dir);
const flatText = readFileSync(flatUrl, 'utf8');

async function issuesOf(text: string, options?: FigaroOptions): Promise<string[]> {
  try {
    await readFigaro({ text }, { fileName: 'f.csv', ...options });
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    return (e as GvcError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected readFigaro to throw');
}

// The fixture (tests/fixtures/figaro/README.md): countries AT, DE, FIGW1 (rest of the world) ×
// industries A01, C10T12, rows and columns in that order.
// Gross output = row sum of Z + row sum of final demand (hand sums of the fixture's rows):
//   AT_A01       10+20+1+2+0+1 = 34;  FD AT 0+30+1+5+1 = 37, DE 2, FIGW1 3         → 34 + 42  = 76
//   AT_C10T12    5+30+0+4+1+0 = 40;   FD AT 2+50+0+8−1 = 59, DE 4+1 = 5, FIGW1 5   → 40 + 69  = 109
//   DE_A01       2+0+15+25+3+0 = 45;  FD AT 3, DE 1+40+2+6 = 49, FIGW1 4           → 45 + 56  = 101
//   DE_C10T12    0+3+6+40+2+2 = 53;   FD AT 6+1 = 7, DE 3+80+1+12+2 = 98, FIGW1 9+1 = 10 → 53 + 115 = 168
//   FIGW1_A01    1+2+4+5+50+10 = 72;  FD AT 2, DE 3, FIGW1 5+100+4+20+1 = 130      → 72 + 135 = 207
//   FIGW1_C10T12 0+1+2+3+20+60 = 86;  FD AT 4+1 = 5, DE 6+2 = 8, FIGW1 10+200+5+30+3 = 248 → 86 + 261 = 347
const X = [76, 109, 101, 168, 207, 347];
const Y_BY_COUNTRY = [37, 2, 3, 59, 5, 5, 3, 49, 4, 7, 98, 10, 2, 3, 130, 5, 8, 248];
// Value added = the sum of the six value-added rows of each column, e.g. AT_A01: D21X31 2 + D1 20 +
// D29X39 1 + B2A3G 35 = 58 = 76 − (10+5+2+0+1+0); their final-demand cells (1.5, 2, −2) are skipped.
const VA = [58, 53, 73, 89, 131, 274];

describe('readFigaro: the matrix layout', () => {
  it('reads the fixture with countries, industries, output, value added and metadata', async () => {
    const t = await readFigaro(matrixUrl);
    expect(t.countries).toEqual(['AT', 'DE', 'FIGW1']);
    expect(t.sectors).toEqual(['A01', 'C10T12']);
    expect(Array.from(t.x)).toEqual(X); // exact: small integers
    expect(Array.from(t.va)).toEqual(VA);
    expect(Array.from(t.Y)).toEqual(Y_BY_COUNTRY);
    expect(t.Z[0 * 6 + 1]).toBe(20); // AT_A01 → AT_C10T12
    expect(t.Z[5 * 6 + 4]).toBe(20); // FIGW1_C10T12 → FIGW1_A01
    expect(t.meta).toMatchObject({ release: 'FIGARO', edition: '2023', year: 2021, unit: 'EUR million' });
    expect(t.meta?.finalDemand?.categories).toEqual(['P3_S13', 'P3_S14', 'P3_S15', 'P51G', 'P5M']);
    // AT_C10T12 row, AT's five categories: 2, 50, 0, 8, −1
    expect(Array.from(t.meta!.finalDemand!.Y.slice(1 * 15, 1 * 15 + 5))).toEqual([2, 50, 0, 8, -1]);
    const rows = t.meta?.valueAdded?.map((r) => [r.code, r.kind]);
    expect(rows).toEqual([
      ['D21X31', 'taxes'],
      ['OP_RES', 'other'],
      ['OP_NRES', 'other'],
      ['D1', 'other'],
      ['D29X39', 'other'],
      ['B2A3G', 'other'],
    ]);
    expect(Array.from(t.meta!.valueAdded![0]!.values)).toEqual([2, 3, 1, 4, 5, 10]);
  });

  it('takes edition and year from options over the file name', async () => {
    const t = await readFigaro(matrixUrl, { edition: '2023 (revised)', year: 2020 });
    expect(t.meta).toMatchObject({ edition: '2023 (revised)', year: 2020 });
  });

  it('reads semicolons with decimal commas', async () => {
    const text = ['rowLabels;A_X;A_P3_S14', 'A_X;1,5;2,25', 'W2_D1;2,25;0'].join('\n');
    const t = await readFigaro({ text }, { delimiter: ';', decimal: ',' });
    // x = 1.5 + 2.25 = 3.75; va = D1 = 2.25 = 3.75 − 1.5
    expect(Array.from(t.x)).toEqual([3.75]);
    expect(Array.from(t.va)).toEqual([2.25]);
  });
});

describe('readFigaro: the flat layout', () => {
  it('places observations given in any order, missing cells 0, and agrees with the matrix file', async () => {
    const [a, b] = await Promise.all([readFigaro(matrixUrl), readFigaro(flatUrl)]);
    expect(b.countries).toEqual(a.countries);
    expect(b.sectors).toEqual(a.sectors);
    expect(Array.from(b.x)).toEqual(X);
    expect(Array.from(b.va)).toEqual(VA);
    expect(Array.from(b.Z)).toEqual(Array.from(a.Z));
    expect(Array.from(b.meta!.finalDemand!.Y)).toEqual(Array.from(a.meta!.finalDemand!.Y));
    expect(b.meta?.valueAdded?.map((r) => r.code)).toEqual(a.meta?.valueAdded?.map((r) => r.code));
    expect(b.meta).toMatchObject({ release: 'FIGARO', edition: '2023', year: 2021 });
  });

  it('finds its columns by name among others, and reads a stream', async () => {
    const text = [
      'icioVersion,obsValue,colPi,counterpartArea,rowPi,refArea',
      'x,1,A01,AT,A01,AT',
      'x,4,P3_S14,AT,A01,AT',
      'x,4,A01,AT,D1,W2',
    ].join('\n');
    async function* chunks() {
      yield text.slice(0, 17);
      yield text.slice(17);
    }
    const t = await readFigaro(chunks());
    // x = 1 + 4 = 5; va = D1 = 4 = 5 − 1
    expect(t.countries).toEqual(['AT']);
    expect(Array.from(t.x)).toEqual([5]);
  }, 10_000);
});

describe('readFigaro: errors', () => {
  it('names the layout a wrong file looks like', async () => {
    const issues = await issuesOf(',AUS_A01,AUS_HFCE\nAUS_A01,1,2');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^f\.csv:1: expected a FIGARO header .*looks like the OECD ICIO CSV/);
  });

  it('reports a bad row label once, at its line, and goes on with the next rows', async () => {
    const text = readFileSync(matrixUrl, 'utf8')
      .replace('\nDE_A01,', '\nDE_A0l,')
      .replace('\nFIGW1_A01,1,', '\nFIGW1_A01,x,');
    const issues = await issuesOf(text);
    expect(issues).toEqual([
      expect.stringMatching(/^f\.csv:4:1: expected a row label .* found "DE_A0l"$/),
      expect.stringMatching(
        /^f\.csv:6:2: expected a finite number in row "FIGW1_A01", column "AT_A01", found "x"$/,
      ),
    ]);
  });

  it('reports a bad label and a bad number of the flat file at line:column', async () => {
    const lines = flatText.split('\n');
    lines[3] = 'DE,C 10,DE,A01,6';
    lines[9] = lines[9]!.replace(/,[^,]*$/, ',1.2.3');
    const issues = await issuesOf(lines.join('\n'));
    expect(issues).toEqual([
      'f.csv:4:2: expected an industry or value-added code in rowPi, found "C 10"',
      'f.csv:10:5: expected a finite number in obsValue, found "1.2.3"',
    ]);
  });

  it('refuses a second observation of a cell, at its line', async () => {
    const text = [
      'refArea,rowPi,counterpartArea,colPi,obsValue',
      'AT,A01,AT,A01,1',
      '',
      'AT,A01,AT,A01,2',
    ].join('\n');
    expect(await issuesOf(text)).toEqual([
      'f.csv:4: expected one observation per cell, found a second for row "AT_A01" and column "AT_A01"',
    ]);
  });

  it('refuses a header without the flat columns, an empty file, missing rows and bad options', async () => {
    expect(await issuesOf('refArea,rowPi,colPi\nAT,A01,A01')).toEqual([
      'f.csv:1: expected the columns refArea, rowPi, counterpartArea, colPi, obsValue of the FIGARO flat file, found no counterpartArea, obsValue',
    ]);
    expect(await issuesOf('')).toEqual(['f.csv: expected a FIGARO header row, found an empty file']);
    expect((await issuesOf('rowLabels,A_X,B_X\nA_X,1,2'))[0]).toMatch(
      /^f\.csv: expected a row for every country–industry .*"B_X"/,
    );
    await expect(readFigaro({ text: 'x' }, { year: 1.5 } as FigaroOptions)).rejects.toThrow(/options\.year/);
    await expect(readFigaro(42 as never)).rejects.toThrow(GvcError);
  });

  it('passes the balance checks of createIcio under the file name', async () => {
    const text = ['rowLabels,A_X,A_P3_S14', 'A_X,1,2', 'W2_D1,5,0'].join('\n');
    const issues = await issuesOf(text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^f\.csv: input\.va\[A_X\]: expected intermediate inputs plus value added 6/);
  });
});
