import { describe, expect, it } from 'vitest';
import { fisherExactTest, oddsRatio, type TwoByTwoTable } from '../../src/index.js';
import { deepFreeze } from '../helpers.js';
import { reference } from './two-by-two-reference.js';

describe('oddsRatio', () => {
  it.each(reference)(
    '%j matches the reference odds ratios (relative tolerance 1e-12)',
    (table, _t, _g, _l, or, orHa) => {
      const plain = oddsRatio(table);
      if (or !== null) expect(Math.abs((plain as number) - or) / or).toBeLessThan(1e-12);
      else expect(plain).toBeNull();
      const corrected = oddsRatio(table, { correction: 'haldane-anscombe' }) as number;
      expect(Math.abs(corrected - orHa) / orHa).toBeLessThan(1e-12);
    },
  );

  it('is null (not NaN) for an all-zero table uncorrected, and 1 corrected ((0.5 × 0.5) / (0.5 × 0.5))', () => {
    expect(
      oddsRatio([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull();
    expect(
      oddsRatio(
        [
          [0, 0],
          [0, 0],
        ],
        { correction: 'haldane-anscombe' },
      ),
    ).toBe(1);
    // no zero cell: the correction changes nothing (8·6 / (3·3) = 5.333…)
    expect(
      oddsRatio(
        [
          [8, 3],
          [3, 6],
        ],
        { correction: 'haldane-anscombe' },
      ),
    ).toBeCloseTo(48 / 9, 12);
  });

  it('does not mutate the table', () => {
    const t = deepFreeze([
      [3, 1],
      [1, 3],
    ] as TwoByTwoTable);
    oddsRatio(t);
    fisherExactTest(t);
    expect(t).toEqual([
      [3, 1],
      [1, 3],
    ]);
  });
});
