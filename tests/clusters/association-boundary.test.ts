/**
 * Issue #14 at the boundary of the 2×2 association functions (`fisherExactTest`, `oddsRatio`,
 * `jointActionAssociation`): rooted paths, bounded messages for hostile values, null options, -0 and
 * deeply frozen results.
 */
import { describe, expect, it } from 'vitest';
import { africanClusters } from '../../src/data/index.js';
import { fisherExactTest, jointActionAssociation, oddsRatio, type TwoByTwoTable } from '../../src/index.js';
import { errorOf } from '../helpers.js';

describe('the boundary of the association functions', () => {
  it('roots table and option paths at the argument names, and lists every problem', () => {
    expect(
      errorOf(() =>
        fisherExactTest(
          [
            [1, -1],
            [1, 1.5],
          ] as TwoByTwoTable,
          { alternative: 'x' as never },
        ),
      ).issues,
    ).toEqual([
      { path: 'table[0][1]', message: 'expected a whole number >= 0, found -1' },
      { path: 'table[1][1]', message: 'expected a whole number >= 0, found 1.5' },
      { path: 'options.alternative', message: 'expected one of "two-sided", "greater", "less", found "x"' },
    ]);
    expect(
      errorOf(() =>
        oddsRatio([
          [2 ** 53 + 2, 1],
          [1, 1],
        ] as TwoByTwoTable),
      ).issues,
    ).toEqual([
      { path: 'table[0][0]', message: 'expected a whole number <= 9007199254740991, found 9007199254740994' },
    ]);
    expect(
      errorOf(() =>
        oddsRatio(
          [
            [1, 1],
            [1, 1],
          ],
          { correction: 'constructor' as never },
        ),
      ).issues,
    ).toEqual([
      {
        path: 'options.correction',
        message: 'expected one of "none", "haldane-anscombe", found "constructor"',
      },
    ]);
  });

  it('describes a bigint, a cycle or deep nesting without serialising it', () => {
    expect(
      errorOf(() =>
        oddsRatio([
          [1n, 1],
          [1, 1],
        ] as never),
      ).issues,
    ).toEqual([{ path: 'table[0][0]', message: 'expected a whole number >= 0, found 1n' }]);
    const cyclic: unknown[] = [];
    cyclic.push(cyclic, cyclic);
    expect(errorOf(() => fisherExactTest([cyclic, [1, 1]] as never)).issues[0]?.path).toBe('table[0][0]');
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const e = errorOf(() => fisherExactTest(deep as never));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message.length).toBeLessThan(500);
  });

  it('takes null options as the defaults, and reads -0 as 0 (no -Infinity)', () => {
    expect(
      fisherExactTest(
        [
          [3, 1],
          [1, 3],
        ],
        null,
      ).alternative,
    ).toBe('two-sided');
    expect(
      oddsRatio(
        [
          [3, 1],
          [1, 3],
        ],
        null,
      ),
    ).toBe(9);
    expect(
      oddsRatio([
        [-0, 1],
        [1, 3],
      ]),
    ).toBe(0);
    expect(
      Object.is(
        oddsRatio([
          [-0, 1],
          [1, 3],
        ]),
        0,
      ),
    ).toBe(true);
    expect(
      oddsRatio([
        [3, -0],
        [1, 3],
      ]),
    ).toBeNull();
  });

  it('returns deeply frozen results', () => {
    const f = fisherExactTest([
      [3, 1],
      [1, 3],
    ]);
    expect(Object.isFrozen(f)).toBe(true);
    const j = jointActionAssociation(africanClusters, 'logistics');
    expect(Object.isFrozen(j)).toBe(true);
    expect(Object.isFrozen(j.table)).toBe(true);
    expect(Object.isFrozen(j.table[0])).toBe(true);
  });
});
