import { describe, expect, it } from 'vitest';
import { aggregateIcio, GvcError, valueAddedExports } from '../../src/io/index.js';
import { deepFreeze } from '../helpers.js';
import { expectClose, icio3x2, snapshot } from './fixture.js';

describe('aggregateIcio', () => {
  it('merges countries B and C into a region (hand sums of the 3×2 fixture)', () => {
    const t = aggregateIcio(icio3x2(), { countries: { A: ['A'], BC: ['B', 'C'] } });
    expect(t.countries).toEqual(['A', 'BC']);
    // Z rows A_s1 = [20, 30, 10+8, 5+2]; row BC_s1 = rows B_s1 + C_s1 = [7+3, 4+6, 40+22+2+8... ]
    expect(Array.from(t.Z.subarray(0, 4))).toEqual([20, 30, 18, 7]);
    expect(Array.from(t.Z.subarray(8, 12))).toEqual([10, 10, 40 + 5 + 2 + 30, 22 + 6 + 8 + 14]);
    // Y row A_s1 = [60, 10 + 5]
    expect(Array.from(t.Y.subarray(0, 2))).toEqual([60, 15]);
    expectClose(t.x, [150, 140, 174 + 137, 177 + 137], 1e-12);
    expectClose(t.va, [91, 62, 94 + 72, 92 + 76], 1e-12);
  });
  it('merges sectors, and an all-in-one aggregation gives a closed world with no exports', () => {
    const t = aggregateIcio(icio3x2(), { countries: { W: ['A', 'B', 'C'] }, sectors: { all: ['s1', 's2'] } });
    // Hand sums: Σ Z = row sums 75 + 70 + 84 + 84 + 63 + 52 = 428; Σ x = 150 + 140 + 174 + 177 + 137 + 137 = 915
    expectClose(t.Z, [428], 1e-12);
    expectClose(t.x, [915], 1e-12);
    expect(valueAddedExports(t)[0]!.VAX).toBe(0);
  });
  it('keeps world value added; region VAX and exports exclude intra-region trade (NumPy on the hand-aggregated table)', () => {
    // NumPy 2.4 on the table aggregated by hand, S·Z·Sᵀ and S·Y·Rᵀ (S merges the rows of B and C,
    // R the columns of B and C), then VAX as in tests/io/reference/icio3x2.py:
    //   S = np.array([[1,0,0,0,0,0],[0,1,0,0,0,0],[0,0,1,0,1,0],[0,0,0,1,0,1]], float)
    //   R = np.array([[1,0,0],[0,1,1]], float)
    //   Z2 = S @ Z @ S.T; Y2 = S @ Y @ R.T; x2 = Z2.sum(1) + Y2.sum(1); va2 = x2 - Z2.sum(0)
    //   VAY = np.diag(va2 / x2) @ np.linalg.inv(np.eye(4) - Z2 / x2) @ Y2; cty = np.array([0, 0, 1, 1])
    //   [VAY[cty == s][:, 1 - s].sum() for s in range(2)]
    // printed [62.87643886985164, 45.87643886985164]. Gross exports: A's are unchanged (90); the
    // region's are B's and C's exports to A only: row sums of Z and Y of B and C in A's columns,
    // (7+4+9+11+9+6) + (3+6+5+2+4+7) = 46 + 27 = 73, not 86 + 52 = 138.
    const t3 = icio3x2();
    const t = aggregateIcio(t3, { countries: { A: ['A'], BC: ['B', 'C'] } });
    expectClose([t.va.reduce((a, b) => a + b, 0)], [487], 1e-12);
    const vax = valueAddedExports(t);
    expect(vax.map((r) => r.country)).toEqual(['A', 'BC']);
    expectClose(
      vax.map((r) => r.GEXP),
      [90, 73],
      1e-12,
    );
    expectClose(
      vax.map((r) => r.VAX),
      [62.87643886985164, 45.87643886985164],
      1e-10,
    );
    // World identity on the aggregated table: what is not absorbed abroad is absorbed at home, so
    // world VAX stays below world value added (487), and it falls from the three-country table's
    // 158.6 (62.83 + 60.49 + 35.32): B's value added absorbed in C no longer crosses a border.
    const world = vax.reduce((a, r) => a + r.VAX, 0);
    expectClose([world], [62.87643886985164 + 45.87643886985164], 1e-10);
    const world3 = valueAddedExports(t3).reduce((a, r) => a + r.VAX, 0);
    expect(world).toBeLessThan(world3);
  });
  it('lists unknown, duplicated and missing labels', () => {
    try {
      aggregateIcio(icio3x2(), { countries: { X: ['A', 'Z'], Y: ['A'] }, sectors: { s: ['s1'] } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      expect((e as GvcError).issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
        'options.countries.X[1]: expected one of the table\'s countries, found "Z"',
        'options.countries.Y[0]: expected "A" in one group, found it also in "X"',
        'options.countries: expected every label in a group, found "B" in none',
        'options.countries: expected every label in a group, found "C" in none',
        'options.sectors: expected every label in a group, found "s2" in none',
      ]);
    }
  });
  it('does not modify the table or the options', () => {
    const t = icio3x2();
    const before = snapshot(t);
    const opts = deepFreeze({ countries: { A: ['A'], BC: ['B', 'C'] } });
    aggregateIcio(t, opts);
    expect(snapshot(t)).toEqual(before);
    expect(opts).toEqual({ countries: { A: ['A'], BC: ['B', 'C'] } });
  });
});
