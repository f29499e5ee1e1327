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
  it('keeps total world value added and VAX consistent: region VAX excludes intra-region trade', () => {
    const t = aggregateIcio(icio3x2(), { countries: { A: ['A'], BC: ['B', 'C'] } });
    expectClose([t.va.reduce((a, b) => a + b, 0)], [487], 1e-12);
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
