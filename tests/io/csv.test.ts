import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GvcError, readIcioCsv } from '../../src/io/index.js';
import { expectClose, icio3x2 } from './fixture.js';

const example = readFileSync(new URL('../../examples/data/icio-oecd-layout.csv', import.meta.url), 'utf8');

function issuesOf(text: string, options?: Parameters<typeof readIcioCsv>[1]): string[] {
  try {
    readIcioCsv(text, options);
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    return (e as GvcError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected readIcioCsv to throw');
}

const small = [
  ',A_s,B_s,A_HFCE,A_GFCF,B_HFCE,OUT',
  'A_s,1,2,4,1,6,14',
  'B_s,3,4,7,,8,22',
  'TLS,1,2,,,,',
  'VA,9,14,,,,',
  'OUT,14,22,,,,',
].join('\n');

describe('readIcioCsv', () => {
  it('reads the OECD layout of examples/data/icio-oecd-layout.csv (the 3×2 fixture with final demand split into six categories)', () => {
    const t = readIcioCsv(example);
    const f = icio3x2();
    expect(t.countries).toEqual(['AUS', 'CHN', 'USA']);
    expect(t.sectors).toEqual(['A01_02', 'C26']);
    expectClose(t.Z, f.Z, 1e-12);
    // The six categories of each destination sum back to the fixture's Y (written with 2 decimals).
    expectClose(t.Y, f.Y, 1e-12);
    expectClose(t.x, f.x, 1e-12);
    // va = VA + TLS = x − column sums of Z
    expectClose(t.va, f.va, 1e-12);
  });
  it('sums categories, treats empty cells as 0, folds TLS into value added (hand calculation)', () => {
    const t = readIcioCsv(small);
    expect(Array.from(t.Y)).toEqual([5, 6, 7, 8]);
    expect(Array.from(t.va)).toEqual([10, 16]);
  });
  it('handles CRLF, quoted labels, blank lines, another delimiter and no total rows', () => {
    const t = readIcioCsv('"";"A_s";"A_HFCE"\r\n\r\n"A_s";1;3\r\n', { delimiter: ';' });
    expect(Array.from(t.x)).toEqual([4]);
    expect(Array.from(t.va)).toEqual([3]);
  });
  it('recognises custom final-demand suffixes', () => {
    const t = readIcioCsv(',A_s,A_CONS\nA_s,1,3\n', { finalDemand: ['CONS'] });
    expect(Array.from(t.Y)).toEqual([3]);
  });
  it('checks the output column against the row sums and the output row against the column', () => {
    expect(issuesOf(small.replace('A_s,1,2,4,1,6,14', 'A_s,1,2,4,1,6,15'))).toEqual([
      // line 6 is the OUT row; field 2 the first industry column
      'text:6:2: expected the output row 14 to equal the output column 15 for "A_s"',
    ]);
    expect(
      issuesOf(small.replace('OUT,14,22', 'OUT,14,23').replace('B_s,3,4,7,,8,22', 'B_s,3,4,7,,8,23')),
    ).toEqual([
      'input.x[B_s]: expected gross output equal to intermediate plus final sales 22 within relative tolerance 0.000001, found 23',
      'input.va[B_s]: expected intermediate inputs plus value added 22 to equal gross output 23 within relative tolerance 0.000001, found value added 16',
    ]);
  });
  it('reports misplaced rows, bad cells, unknown headers and unknown final-demand countries', () => {
    expect(
      issuesOf(small.replace('B_s,3,4,7,,8,22', 'C_s,3,4,7,,8,22').replace('A_s,1,2,', 'A_s,x,2,')),
    ).toEqual([
      'text:2:2: expected a finite number in row "A_s", column "A_s", found "x"',
      // One problem for the one bad label: the row it should have been is not blamed again.
      'text:3:1: expected the label of an industry column (CCC_SECTOR) or TLS, VA, OUT, found "C_s"',
    ]);
    expect(issuesOf(',A_s,TOTALS,C_HFCE\nA_s,1,2,3\n')).toEqual([
      'text:1:3: expected CCC_SECTOR, CCC_<final demand> or OUT, found "TOTALS"',
      'text:1:4: expected final demand of a country with industry columns, found "C_HFCE"',
    ]);
    expect(issuesOf(',A_s1,A_s2,B_s1\nA_s1,1,1,1\n')[0]).toMatch(
      /^text:1: expected every country to have the sectors of "A"/,
    );
    expect(issuesOf('')).toEqual(['text: expected a header row, found empty text']);
    expect(issuesOf(small, { delimiter: ';;' })).toEqual([
      'options.delimiter: expected a single-character delimiter',
    ]);
  });
  it('does not modify its options', () => {
    const opts = Object.freeze({ finalDemand: Object.freeze(['HFCE', 'GFCF']) as string[] });
    readIcioCsv(small, opts);
    expect(opts.finalDemand).toEqual(['HFCE', 'GFCF']);
  });
});
