/**
 * exactTableTest (Freeman–Halton exact test of an r × 2 table) against R 4.2.2's `fisher.test`, with
 * the outputs of `.scratch/issue18/stats.Rout`, `stats-hand.Rout` and `.scratch/p8/more.Rout` pasted
 * beside each case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enumerateTables, logProbability } from '../../src/clusters/exact.js';
import { exactTableTest, fisherExactTest, MAX_EXACT_STEPS } from '../../src/index.js';
import { deepFreeze, errorOf, isDeepFrozen } from '../helpers.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('exactTableTest', () => {
  it('Kaplinsky (2015) Table 1, market orientation × dynamic (S4): fisher.test p = 0.0866', () => {
    // stats-hand.Rout, fisher.rx2(c(3,2,3,5,3), c(7,6,4,5,3)):
    //   tables 465, p.obs 1.027912725e-03, p.value 8.659773125e-02; fisher.test: 0.08659773125
    const t = exactTableTest([
      [3, 4],
      [2, 4],
      [3, 1],
      [5, 0],
      [3, 0],
    ]);
    expect(rel(t.pValue, 0.08659773125)).toBeLessThan(1e-9);
    expect(rel(t.pObserved, 1.027912725e-3)).toBeLessThan(1e-9);
    expect(t.tables).toBe(465);
    expect(t.explanation.rules).toEqual(['freeman-halton-exact']);
    expect(isDeepFrozen(t)).toBe(true);
  });

  it('Kaplinsky (2015) Table 2 as printed, growth-and-upgrading (S5, S11): fisher.test p = 0.0004119', () => {
    // stats-hand.Rout: tables 616, p.obs 1.346076188e-05, p.value 4.118993135e-04 (= fisher.test)
    const t = exactTableTest([
      [0, 7],
      [2, 4],
      [1, 3],
      [5, 0],
      [3, 0],
    ]);
    expect(rel(t.pValue, 4.118993135e-4)).toBeLessThan(1e-9);
    expect(rel(t.pObserved, 1.346076188e-5)).toBeLessThan(1e-9);
    expect(t.tables).toBe(616);
  });

  it('beyond local vs local only (S8): fisher.test p = 0.2049095070, as fisherExactTest', () => {
    // stats-hand.Rout: fisher.rx2(c(13,3), c(18,7)): tables 8, p.obs 0.1467859372, p.value 0.2049095070
    const t = exactTableTest([
      [13, 5],
      [3, 4],
    ]);
    expect(rel(t.pValue, 0.204909507)).toBeLessThan(1e-9);
    expect(rel(t.pObserved, 0.1467859372)).toBeLessThan(1e-9);
    expect(t.tables).toBe(8);
    expect(
      t.pValue ===
        fisherExactTest([
          [13, 5],
          [3, 4],
        ]).pValue,
    ).toBe(true);
  });

  it.each([
    // more.Rout: fisher.rx2(c(1,4,6), c(6,6,7)): tables 38, p.obs 0.008335317933, p 0.061721044693
    [
      [
        [1, 5],
        [4, 2],
        [6, 1],
      ],
      0.061721044693,
      0.008335317933,
      38,
    ],
    // fisher.rx2(c(0,0,3,2), c(3,2,3,2)): tables 28, p.obs 0.003968253968, p 0.015873015873
    [
      [
        [0, 3],
        [0, 2],
        [3, 0],
        [2, 0],
      ],
      0.015873015873,
      0.003968253968,
      28,
    ],
    // fisher.rx2(c(2,3,2), c(4,6,4)): tables 23, p.obs 0.2097902098, p 1 (the observed table is the mode)
    [
      [
        [2, 2],
        [3, 3],
        [2, 2],
      ],
      1,
      0.2097902098,
      23,
    ],
  ] as const)('%j matches fisher.test (hand-made tables)', (table, p, pObs, tables) => {
    const t = exactTableTest(table);
    expect(rel(t.pValue, p)).toBeLessThan(1e-9);
    expect(rel(t.pObserved, pObs)).toBeLessThan(1e-9);
    expect(t.tables).toBe(tables);
  });

  it('drops empty rows (R on the table without them gives the same p = 0.08659773125)', () => {
    // more.Rout: fisher.test(cbind(c(3,0,2,3,5,3), c(4,0,4,1,0,0))[-2,])$p.value = 0.08659773125
    const t = exactTableTest([
      [3, 4],
      [0, 0],
      [2, 4],
      [3, 1],
      [5, 0],
      [3, 0],
    ]);
    expect(rel(t.pValue, 0.08659773125)).toBeLessThan(1e-9);
    expect(t.explanation.notes.join(' ')).toMatch(/1 empty row/);
  });

  it('gives p = 1 when the margins fix the table', () => {
    expect(exactTableTest([[3, 4]]).pValue).toBe(1);
    expect(
      exactTableTest([
        [0, 4],
        [0, 2],
        [0, 1],
      ]),
    ).toMatchObject({ pValue: 1, pObserved: 1, tables: 1 });
  });

  it('rejects bad tables, every problem listed, and refuses tables too large to enumerate', () => {
    const e = errorOf(() => exactTableTest([[1, -1], [2.5, 1], [1] as never]));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual(['table[0][1]', 'table[1][0]', 'table[2]']);
    expect(errorOf(() => exactTableTest([])).issues[0]?.message).toBe(
      'expected at least one row [with, without], found none',
    );
    expect(
      errorOf(() =>
        exactTableTest([
          [2 ** 52, 2 ** 52],
          [1, 0],
        ]),
      ).issues[0]?.path,
    ).toBe('table');
    // a row that can take 2·10⁷ + 1 values: refused before any work
    const big = errorOf(() =>
      exactTableTest([
        [2e7, 2e7],
        [2e7, 2e7],
        [1, 1],
      ]),
    );
    expect([big.code, big.issues[0]?.path]).toEqual(['UNSUPPORTED', 'table']);
    expect(MAX_EXACT_STEPS).toBe(1e7);
  });

  it('does not mutate its argument', () => {
    const table = deepFreeze([
      [3, 4],
      [2, 4],
      [3, 1],
    ] as Array<[number, number]>);
    expect(() => exactTableTest(table)).not.toThrow();
  });
});

describe('the table enumeration', () => {
  it('agrees with fisherExactTest on every small 2 × 2 table (property, 300 random tables)', () => {
    // fisherExactTest walks the hypergeometric by its own recurrence (its tests compare it with R):
    // the enumeration, used for three rows or more, must give the same two-sided sum on two rows.
    fc.assert(
      fc.property(fc.tuple(fc.nat(30), fc.nat(30), fc.nat(30), fc.nat(30)), ([a, b, c, d]) => {
        const n = [a + b, c + d].filter((m) => m > 0);
        const x = [a, c].filter((_, i) => [a + b, c + d][i]! > 0);
        const X = x.reduce((s, v) => s + v, 0);
        const lobs = logProbability(x, n);
        let total = 0;
        let sum = 0;
        enumerateTables(n, X, [0, 0], (lp) => {
          total += Math.exp(lp);
          if (lp <= lobs + Math.log1p(1e-7)) sum += Math.exp(lp);
        });
        const p = Math.min(1, sum / total);
        const expected = fisherExactTest([
          [a, b],
          [c, d],
        ]).pValue;
        expect(Math.abs(p - expected)).toBeLessThan(1e-12 * Math.max(1, expected));
        expect(total).toBeCloseTo(1, 12);
      }),
      { numRuns: 300, seed: 18 },
    );
  });

  it('counts the tables and stops past its step limit', () => {
    // by hand: rows of 1, 1, 1 with X = 1: three tables; X = 2 of rows 2, 2: y₁ ∈ {0, 1, 2}
    expect(enumerateTables([1, 1, 1], 1, [0, 0, 0], () => {})).toBe(3);
    expect(enumerateTables([2, 2], 2, [0, 0], () => {})).toBe(3);
    expect(enumerateTables([6, 5, 9, 5], 16, [0, 1, 2, 3], () => {}, 10)).toBeNull();
  });
});
