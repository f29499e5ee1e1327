import { describe, expect, it } from 'vitest';
import { createIcio, GvcError, type IcioInput } from '../../src/io/index.js';
import { deepFreeze } from '../helpers.js';
import { expectClose, table3x2 } from './fixture.js';

function issuesOf(input: unknown): string[] {
  try {
    createIcio(input as IcioInput);
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    expect((e as GvcError).code).toBe('INVALID_INPUT');
    return (e as GvcError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected createIcio to throw');
}

describe('createIcio', () => {
  it('computes x as row sums and va as x minus column sums (hand calculation)', () => {
    // x = (1+2+5+6, 3+4+7+8) = (14, 22); va = (14 − (1+3), 22 − (2+4)) = (10, 16)
    const t = createIcio({
      countries: ['A', 'B'],
      sectors: ['s'],
      Z: [
        [1, 2],
        [3, 4],
      ],
      Y: [
        [5, 6],
        [7, 8],
      ],
    });
    expect(Array.from(t.x)).toEqual([14, 22]);
    expect(Array.from(t.va)).toEqual([10, 16]);
    expect(t.G).toBe(2);
    expect(t.N).toBe(1);
    expect(Object.isFrozen(t)).toBe(true);
  });

  it('matches the NumPy x and va of the 3×2 fixture', () => {
    // tests/io/reference/icio3x2.py printed:
    // x [150.0, 140.0, 174.0, 177.0, 137.0, 137.0]
    // va [91.0, 62.0, 94.0, 92.0, 72.0, 76.0]
    const t = createIcio(table3x2);
    expectClose(t.x, [150, 140, 174, 177, 137, 137], 1e-12);
    expectClose(t.va, [91, 62, 94, 92, 72, 76], 1e-12);
  });

  it('sums final-demand categories per destination country (G·F columns)', () => {
    // Two categories per country: row A_s = [1, 2 | 3, 4] → [3, 7]
    const t = createIcio({
      countries: ['A', 'B'],
      sectors: ['s'],
      Z: [
        [0, 0],
        [0, 0],
      ],
      Y: [
        [1, 2, 3, 4],
        [5, 6, 7, 8],
      ],
    });
    expect(Array.from(t.Y)).toEqual([3, 7, 11, 15]);
  });

  it('accepts row-major Float64Array input and allows negative final demand (inventories)', () => {
    const t = createIcio({
      countries: ['A'],
      sectors: ['s1', 's2'],
      Z: Float64Array.of(1, 1, 1, 1),
      Y: Float64Array.of(5, -1),
    });
    expect(Array.from(t.x)).toEqual([7, 1]);
  });

  it('accepts a given x and va that balance within the tolerance, and rejects them beyond it', () => {
    const base = { countries: ['A'], sectors: ['s'], Z: [[2]], Y: [[8]] };
    // x = 10; relative tolerance 1e-6 of max(1, |x|) = 1e-5
    expect(() => createIcio({ ...base, x: [10 + 0.9e-5], va: [8] })).not.toThrow();
    expect(issuesOf({ ...base, x: [10 + 1.1e-5] })).toEqual([
      'input.x[A_s]: expected gross output equal to intermediate plus final sales 10 within relative tolerance 0.000001, found 10.000011',
    ]);
    expect(issuesOf({ ...base, va: [7] })[0]).toMatch(
      /^input\.va\[A_s\]: expected intermediate inputs plus value added 9/,
    );
    expect(() => createIcio({ ...base, x: [10.5], tolerance: 0.1 })).not.toThrow();
  });

  it('lists every problem with a path naming the country–sector', () => {
    expect(
      issuesOf({
        countries: ['CHN', 'USA'],
        sectors: ['C26'],
        Z: [
          [1, -2],
          [Number.NaN, 0],
        ],
        Y: [
          [1, 'a'],
          [1, 1],
        ],
      }),
    ).toEqual([
      'input.Z[CHN_C26][USA_C26]: expected a finite number >= 0, found -2',
      'input.Z[USA_C26][CHN_C26]: expected a finite number >= 0, found NaN',
      'input.Y[CHN_C26][USA]: expected a finite number, found "a"',
    ]);
  });

  it('reports shape errors, duplicate labels and unknown keys', () => {
    expect(issuesOf({ countries: ['A', 'A'], sectors: [], Z: [], Y: [], extra: 1 })).toEqual([
      'input.countries[1]: expected unique country labels, found "A" again (first at [0])',
      'input.sectors: expected at least one sector, found none',
      'input: expected only known keys, found unknown key "extra"',
    ]);
    expect(issuesOf({ countries: ['A'], sectors: ['s'], Z: [[1, 2]], Y: [[1]] })).toEqual([
      'input.Z[A_s]: expected 1 columns, found 2',
    ]);
    expect(
      issuesOf({
        countries: ['A', 'B'],
        sectors: ['s'],
        Z: [
          [0, 0],
          [0, 0],
        ],
        Y: [
          [1, 2, 3],
          [1, 2, 3],
        ],
      })[0],
    ).toMatch(/^input\.Y\[A_s\]: expected 2 or 4 or 6/);
    expect(issuesOf({ countries: ['A'], sectors: ['s'], Z: [[0]], Y: [[1]], x: [1, 2] })).toEqual([
      'input.x: expected 1 entries (countries × sectors), found 2',
    ]);
  });

  it('does not modify its input', () => {
    const input = deepFreeze(structuredClone(table3x2));
    const copy = structuredClone(table3x2);
    createIcio(input);
    expect(input).toEqual(copy);
    const z = Float64Array.of(1, 1, 1, 1);
    createIcio({ countries: ['A'], sectors: ['a', 'b'], Z: z, Y: Float64Array.of(1, 1) });
    expect(Array.from(z)).toEqual([1, 1, 1, 1]);
  });
});
