import { describe, expect, it } from 'vitest';
import { GvcError } from '../../../src/io/index.js';
import { solveLinearSystem } from '../../../src/io/kernels/index.js';
import { deepFreeze } from '../../helpers.js';
import { expectClose } from '../fixture.js';

/** The issues of the GvcError `f` throws, as `path: message` lines. */
function lines(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    expect((e as GvcError).code).toBe('INVALID_INPUT');
    return (e as GvcError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected a GvcError');
}

describe('solveLinearSystem', () => {
  it('solves small systems (hand calculations)', () => {
    // 2x + y = 3, x + 3y = 5: det 5, x = (3·3 − 1·5)/5 = 0.8, y = (2·5 − 1·3)/5 = 1.4
    expectClose(
      solveLinearSystem(
        [
          [2, 1],
          [1, 3],
        ],
        [3, 5],
      )!,
      [0.8, 1.4],
      1e-15,
    );
    // [[4, −2, 1], [−2, 4, −2], [1, −2, 4]]·(1, −2, 3) = (4 + 4 + 3, −2 − 8 − 6, 1 + 4 + 12) = (11, −16, 17)
    expectClose(
      solveLinearSystem(
        [
          [4, -2, 1],
          [-2, 4, -2],
          [1, -2, 4],
        ],
        [11, -16, 17],
      )!,
      [1, -2, 3],
      1e-14,
    );
    // A zero first pivot needs a row exchange: y = 2, x = 3.
    expect(
      solveLinearSystem(
        [
          [0, 1],
          [1, 0],
        ],
        [2, 3],
      ),
    ).toEqual([3, 2]);
    expect(solveLinearSystem([[5]], [10])).toEqual([2]);
    expect(solveLinearSystem([], [])).toEqual([]);
  });

  it('does not call a system singular because one equation is scaled up (row equilibration)', () => {
    // 1e20·x + 1e20·y = 2e20 and x + 2y = 3: x = y = 1. Unscaled, the second pivot 2 − 1 = 1 is
    // below the factorisation's 2·ε·max|A| = 2·2.2e-16·1e20 ≈ 4.4e4; scaled by rows it is 1.
    expectClose(
      solveLinearSystem(
        [
          [1e20, 1e20],
          [1, 2],
        ],
        [2e20, 3],
      )!,
      [1, 1],
      1e-15,
    );
    // A tiny but regular equation: 1e-200·x = 3e-200, x + y = 5.
    expectClose(
      solveLinearSystem(
        [
          [1e-200, 0],
          [1, 1],
        ],
        [3e-200, 5],
      )!,
      [3, 2],
      1e-15,
    );
  });

  it('returns null for a singular system, a non-finite entry or an overflowing solution', () => {
    expect(
      solveLinearSystem(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toBeNull(); // rank 1
    expect(
      solveLinearSystem(
        [
          [1, 2],
          [0, 0],
        ],
        [1, 0],
      ),
    ).toBeNull(); // a zero row
    expect(solveLinearSystem([[0]], [0])).toBeNull();
    // Singular to working precision: the second pivot, ε = 2.2e-16, is at most n·ε = 2ε (the rows
    // are already equilibrated); a pivot of 1e-10 is not.
    expect(
      solveLinearSystem(
        [
          [1, 1],
          [1, 1 + Number.EPSILON],
        ],
        [2, 3],
      ),
    ).toBeNull();
    expectClose(
      solveLinearSystem(
        [
          [1, 1],
          [1, 1 + 1e-10],
        ],
        [2, 2 + 1e-10],
      )!,
      [1, 1],
      1e-5,
    );
    expect(
      solveLinearSystem(
        [
          [Number.NaN, 1],
          [1, 1],
        ],
        [1, 2],
      ),
    ).toBeNull();
    expect(
      solveLinearSystem(
        [
          [1, Number.POSITIVE_INFINITY],
          [1, 1],
        ],
        [1, 2],
      ),
    ).toBeNull();
    expect(
      solveLinearSystem(
        [
          [1, 0],
          [0, 1],
        ],
        [Number.NEGATIVE_INFINITY, 2],
      ),
    ).toBeNull();
    // x = 1e300 / 1e-300 = 1e600 overflows the range of doubles.
    expect(solveLinearSystem([[1e-300]], [1e300])).toBeNull();
  });

  it('rejects arguments of the wrong shape with every problem and its path', () => {
    expect(lines(() => solveLinearSystem([[1, 2]], [1, 2]))).toEqual([
      'a: expected an array of 2 rows (one per entry of b), found an array of 1',
    ]);
    expect(lines(() => solveLinearSystem([[1, 2], [3]], [1, 2]))).toEqual([
      'a[1]: expected a row of 2 numbers, found an array of 1',
    ]);
    expect(lines(() => solveLinearSystem([[1, '2'] as never, [3, 4]], [1, null as never]))).toEqual([
      'b[1]: expected a number, found null',
      'a[0][1]: expected a number, found "2"',
    ]);
    expect(lines(() => solveLinearSystem([] as never, 'b' as never))).toEqual([
      'b: expected an array of numbers, found "b"',
    ]);
  });

  it('does not modify its arguments', () => {
    const a = deepFreeze([
      [2, 1],
      [1, 3],
    ]);
    const b = deepFreeze([3, 5]);
    solveLinearSystem(a, b);
    expect(a).toEqual([
      [2, 1],
      [1, 3],
    ]);
    expect(b).toEqual([3, 5]);
  });
});
