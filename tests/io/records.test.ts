import { describe, expect, it } from 'vitest';
import { createIcio, createIcioFromRecords, GvcError, type IcioRecords } from '../../src/io/index.js';
import { deepFreeze } from '../helpers.js';

function issuesOf(input: unknown): string[] {
  try {
    createIcioFromRecords(input as IcioRecords);
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    expect((e as GvcError).code).toBe('INVALID_INPUT');
    return (e as GvcError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected createIcioFromRecords to throw');
}

describe('createIcioFromRecords', () => {
  it('places labelled cells, treats missing cells as zero and sums final-demand categories', () => {
    // Hand calculation, 2 countries × 1 sector:
    //   Z = [[0, 2], [3, 0]]; Y = [[5, 6], [0, 7 + 1]] (B_HFCE + B_GFCF summed into B)
    //   x = (0 + 2 + 5 + 6, 3 + 0 + 0 + 8) = (13, 11); va = (13 − 3, 11 − 2) = (10, 9)
    const t = createIcioFromRecords({
      countries: ['A', 'B'],
      sectors: ['s'],
      Z: { A_s: { B_s: 2 }, B_s: { A_s: 3 } },
      Y: { A_s: { A: 5, B: 6 }, B_s: { B_HFCE: 7, B_GFCF: 1 } },
    });
    expect(Array.from(t.Z)).toEqual([0, 2, 3, 0]);
    expect(Array.from(t.Y)).toEqual([5, 6, 0, 8]);
    expect(Array.from(t.x)).toEqual([13, 11]);
    expect(Array.from(t.va)).toEqual([10, 9]);
  });

  it('gives the same table as createIcio on the equivalent arrays', () => {
    // 2 countries × 2 sectors, rows and columns country-major: A_1, A_2, B_1, B_2.
    const Z = [
      [1, 2, 0, 4],
      [0, 3, 1, 0],
      [2, 0, 5, 1],
      [1, 1, 0, 2],
    ];
    const Y = [
      [10, 3],
      [7, 2],
      [1, 12],
      [0, 9],
    ];
    const labels = ['A_1', 'A_2', 'B_1', 'B_2'];
    const records: IcioRecords = {
      countries: ['A', 'B'],
      sectors: ['1', '2'],
      Z: Object.fromEntries(
        labels.map((r, i) => [r, Object.fromEntries(labels.map((c, j) => [c, Z[i]?.[j] ?? 0]))]),
      ),
      Y: Object.fromEntries(labels.map((r, i) => [r, { A: Y[i]?.[0] ?? 0, B: Y[i]?.[1] ?? 0 }])),
    };
    const a = createIcioFromRecords(deepFreeze(records));
    const b = createIcio({ countries: ['A', 'B'], sectors: ['1', '2'], Z, Y });
    expect(Array.from(a.Z)).toEqual(Array.from(b.Z));
    expect(Array.from(a.Y)).toEqual(Array.from(b.Y));
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.va)).toEqual(Array.from(b.va));
  });

  it('names every unknown label with its path', () => {
    expect(
      issuesOf({
        countries: ['A', 'B'],
        sectors: ['s'],
        Z: { A_s: { C_s: 1 }, X_s: { A_s: 1 } },
        Y: { A_s: { Q: 1 } },
        x: { B_t: 3 },
      }),
    ).toEqual([
      'input.Z["A_s"]["C_s"]: expected a COUNTRY_SECTOR label of the table such as "A_s", found "C_s"',
      'input.Z["X_s"]: expected a COUNTRY_SECTOR label of the table such as "A_s", found "X_s"',
      'input.Y["A_s"]["Q"]: expected a destination country of the table or COUNTRY_CATEGORY such as "A_HFCE", found "Q"',
      'input.x["B_t"]: expected a COUNTRY_SECTOR label of the table such as "A_s", found "B_t"',
    ]);
  });

  it('checks the balance as createIcio does, naming the country and sector', () => {
    // x_A given as 20, but Z and Y rows sum to 2 + 5 = 7.
    const problems = issuesOf({
      countries: ['A', 'B'],
      sectors: ['s'],
      Z: { A_s: { B_s: 2 } },
      Y: { A_s: { A: 5 }, B_s: { B: 1 } },
      x: { A_s: 20, B_s: 1 },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^input\.x\[A_s\]: expected gross output equal to intermediate plus final sales 7/,
    );
  });

  it('rejects non-numeric cells and unknown keys with their paths', () => {
    const problems = issuesOf({
      countries: ['A'],
      sectors: ['s'],
      Z: { A_s: { A_s: 'one' } },
      Y: {},
      extra: 1,
    });
    expect(problems.some((p) => p.startsWith('input.Z.A_s.A_s:'))).toBe(true);
    expect(problems.some((p) => p.includes('"extra"'))).toBe(true);
  });
});
