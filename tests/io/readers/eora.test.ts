import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { GvcError } from '../../../src/io/index.js';
import { type Eora26Options, readEora26 } from '../../../src/io/readers/eora.js';

const dir = new URL('../../fixtures/eora26/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const texts = () => ({
  T: read('Eora26_2015_bp_T.txt'),
  FD: read('Eora26_2015_bp_FD.txt'),
  VA: read('Eora26_2015_bp_VA.txt'),
  labelsT: read('labels_T.txt'),
  labelsFD: read('labels_FD.txt'),
  labelsVA: read('labels_VA.txt'),
});
type Texts = ReturnType<typeof texts>;
const asSources = (t: Partial<Texts>) =>
  Object.fromEntries(Object.entries(t).map(([k, v]) => [k, { text: v }])) as never;

async function issuesOf(t: Texts, options?: Eora26Options): Promise<string[]> {
  try {
    await readEora26(asSources(t), options);
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    return (e as GvcError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected readEora26 to throw');
}

// The fixture (tests/fixtures/eora26/README.md): regions AUS, CHN, USA and ROW (the statistical
// discrepancy, one sector TOTAL) × sectors Agriculture, Food & Beverages; six FD categories per region.
// Gross output after dropping ROW = row sum of T without the ROW column + FD without ROW's columns:
//   AUS_Agriculture  10+4+2+0+1+0 = 17 + FD AUS 30+1+5+4+1 = 41, CHN 2, USA 1         → 61
//   AUS_Food         3+20+0+5+0+2 = 30 + FD AUS 40+6+3−1 = 48, USA 5                   → 83
//   CHN_Agriculture  1+0+30+6+2+0 = 39 + FD CHN 60+2+10+25+3+1 = 101, USA 4            → 144
//   CHN_Food         0+2+4+50+0+3 = 59 + FD AUS 3, CHN 90+1+8+12 = 111                  → 173
//   USA_Agriculture  2+0+1+0+40+8 = 51 + FD AUS 2, CHN 1, USA 70+3+9+20+2 = 104         → 158
//   USA_Food         0+1+0+2+5+60 = 68 + FD AUS 6, CHN 4, USA 120+4+15+30+1+2 = 172     → 250
const X = [61, 83, 144, 173, 158, 250];
const Y = [41, 2, 1, 48, 0, 5, 0, 101, 4, 3, 111, 0, 2, 1, 104, 6, 4, 172];
// Value added = output − column sums of Z without the ROW row (16, 27, 37, 63, 48, 73):
const VA = [61 - 16, 83 - 27, 144 - 37, 173 - 63, 158 - 48, 250 - 73];
// The net discrepancy row: the ROW row of T (1, 0, 2, 0, 0, 1) less the ROW column of T
// (1, 0, −1, 0, 2, 0) and ROW's final-demand columns (1 from AUS_Agriculture, 1 from USA_Food).
const NET = [1 - (1 + 1), 0, 2 + 1, 0, 0 - 2, 1 - (0 + 1)];

describe('readEora26', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'gvckit-eora-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reads a year from a folder: table, ROW dropped into a net discrepancy row, metadata, satellites', async () => {
    const t = await readEora26(fileURLToPath(dir));
    expect(t.countries).toEqual(['AUS', 'CHN', 'USA']);
    expect(t.sectors).toEqual(['Agriculture', 'Food & Beverages']);
    expect(Array.from(t.x)).toEqual(X); // exact: small integers
    expect(Array.from(t.Y)).toEqual(Y);
    expect(Array.from(t.va)).toEqual(VA);
    expect(t.Z[2 * 6 + 3]).toBe(6); // CHN_Agriculture → CHN_Food
    expect(t.meta!.finalDemand!.Y[2 * 18 + 6 + 3]).toBe(25); // CHN_Agriculture → CHN P.51, written 2.5E+01
    expect(t.meta).toMatchObject({ release: 'Eora26', year: 2015, unit: 'USD thousand' });
    expect(t.meta?.countryNames).toEqual({ AUS: 'Australia', CHN: 'China', USA: 'United States' });
    expect(t.meta?.finalDemand?.categories).toEqual(['P.3h', 'P.3n', 'P.3g', 'P.51', 'P.52', 'P.53']);
    const va = t.meta!.valueAdded!;
    expect(va.map((r) => r.code)).toEqual(['D.1', 'D.29', 'D.39', 'B.2n', 'B.3n', 'K.1', 'ROW']);
    expect(va.every((r) => r.kind === 'other')).toBe(true);
    expect(va[0]!.name).toBe('Compensation of employees D.1');
    expect(Array.from(va[6]!.values)).toEqual(NET);
    const s = t.meta!.satellite!;
    expect(s.stressors).toEqual([
      { name: 'Energy Usage', unit: 'TJ', compartment: 'Natural Gas' },
      { name: 'I-GHG-CO2 emissions', unit: 'Gg', compartment: 'Total' },
    ]);
    // Q without its ROW column; QY's first region column of each region (AUS, CHN, USA households)
    expect(Array.from(s.F)).toEqual([100, 20, 300, 40, 500, 60, 1.5, 0.5, 3, 1, 2, 4]);
    expect([s.FY![0], s.FY![6], s.FY![12], s.FY![18 + 12]]).toEqual([10, 20, 30, 3]);
  });

  it('reads the files one by one, as text, without satellites', async () => {
    const t = await readEora26(asSources(texts()));
    expect(Array.from(t.x)).toEqual(X);
    expect(t.meta?.satellite).toBeUndefined();
    expect(t.meta?.year).toBeUndefined();
  });

  it('refuses a negative flow of T at its place, or moves it into the discrepancy on request', async () => {
    // T[AUS_Food, AUS_Agriculture] 3 → −3, kept balanced in the file: AUS_Food's household final
    // demand 40 → 46 (its row lost 6), AUS_Agriculture's K.1 12 → 18 (its column lost 6).
    const t = texts();
    const edit = (text: string, line: number, from: RegExp, to: string) => {
      const lines = text.split('\n');
      lines[line] = lines[line]!.replace(from, to);
      return lines.join('\n');
    };
    t.T = edit(t.T, 1, /^3\t/, '-3\t');
    t.FD = edit(t.FD, 1, /^40\t/, '46\t');
    t.VA = edit(t.VA, 5, /^12\t/, '18\t');
    expect(await issuesOf(t)).toEqual([
      `T:2:1: expected a non-negative flow from "AUS_Food & Beverages" to "AUS_Agriculture", found -3 (options.negativeFlows: 'discrepancy' moves it into the discrepancy row)`,
    ]);
    const m = await readEora26(asSources(t), { negativeFlows: 'discrepancy' });
    expect(m.Z[1 * 6 + 0]).toBe(0);
    // x[AUS_Food] = Z 20+0+5+0+2 = 27 + FD AUS 46+6+3−1 = 54, USA 5 → 86
    expect(m.x[1]).toBe(86);
    // net discrepancy: AUS_Agriculture bought 1 − 3 = −2 and sold 1 + 1 = 2 → −4; AUS_Food sold −3 → +3
    expect(m.meta!.valueAdded![6]!.values[0]).toBe(-4);
    expect(m.meta!.valueAdded![6]!.values[1]).toBe(3);
    // va[AUS_Agriculture] = 61 − (10+0+1+0+2+0) = 48 = D.1..K.1 (20+2−1+10+3+18 = 52) − 4
    expect(m.va[0]).toBe(48);
  });

  it('reports bad numbers and out-of-order labels at FILE:LINE:COLUMN, one per fault', async () => {
    const t = texts();
    t.FD = t.FD.replace(/^(3\t0\t0)/m, '3\tx\t0');
    t.labelsT = t.labelsT.replace('China\tCHN\tIndustries\tFood & Beverages', 'China\tCHN\tIndustries\tFood');
    const issues = await issuesOf(t);
    expect(issues).toEqual([
      'labelsT:4:4: expected "Food & Beverages" (the items of "AUS" in order), found "Food"',
    ]);
    const u = texts();
    u.FD = u.FD.replace(/^(3\t0\t0)/m, '3\tx\t0');
    u.VA = u.VA.split('\n').slice(1).join('\n');
    expect(await issuesOf(u)).toEqual([
      'FD:4:2: expected a finite number, found "x"',
      'VA: expected 6 lines as in the label file, found 5',
    ]);
  });

  it('finds the year in a folder, or asks for one', async () => {
    const two = join(tmp, 'two');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(two);
    for (const f of ['labels_T.txt', 'labels_FD.txt', 'labels_VA.txt'])
      symlinkSync(fileURLToPath(new URL(f, dir)), join(two, f));
    for (const y of [2014, 2015]) {
      for (const b of ['T', 'FD', 'VA']) {
        symlinkSync(
          fileURLToPath(new URL(`Eora26_2015_bp_${b}.txt`, dir)),
          join(two, `Eora26_${y}_bp_${b}.txt`),
        );
      }
    }
    await expect(readEora26(two)).rejects.toThrow(
      /expected one year in the folder or options\.year, found 2014, 2015/,
    );
    const t = await readEora26(two, { year: 2014 });
    expect(t.meta?.year).toBe(2014);
    await expect(readEora26(join(tmp, 'none'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readEora26(two, { year: 2016 })).rejects.toThrow(/Eora26_2016_bp_T\.txt/);
    await expect(readEora26(42 as never)).rejects.toThrow(/files/);
    await expect(readEora26(two, { price: 'xx' } as never)).rejects.toThrow(/options\.price/);
  });
});
