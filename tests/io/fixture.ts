import { expect } from 'vitest';
import { createIcio } from '../../src/io/index.js';

/**
 * A made-up 3-country × 2-sector table used to cross-check every indicator against NumPy. The
 * reference values in the tests were printed by tests/io/reference/icio3x2.py (`python3
 * tests/io/reference/icio3x2.py`, NumPy 2.4, explicit inverses and the textbook formulas); its core:
 *
 * ```python
 * import numpy as np
 * G, N = 3, 2; n = G * N
 * Z = np.array([[20,30,10,5,8,2],[15,25,6,12,3,9],[7,4,40,22,5,6],[9,11,18,35,7,4],[3,6,2,8,30,14],[5,2,4,3,12,26]], float)
 * Y = np.array([[60,10,5],[50,8,12],[9,70,11],[6,80,7],[4,5,65],[7,3,75]], float)
 * x = Z.sum(1) + Y.sum(1); va = x - Z.sum(0); A = Z / x; B = np.linalg.inv(np.eye(n) - A); v = va / x
 * cty = np.repeat(np.arange(G), N)
 * E = np.array([Z[i, cty != cty[i]].sum() + Y[i, np.arange(G) != cty[i]].sum() for i in range(n)])
 * Gh = np.linalg.inv(np.eye(n) - Z / x[:, None])
 * VAY = np.diag(v) @ B @ Y                                   # VAX
 * VBE = np.diag(v) @ B @ np.diag(E)                          # Leontief decomposition
 * L = block-diagonal inverses of (I - A_ss); AF = A with diagonal blocks zeroed   # WWYZ terms
 * U = np.linalg.inv(np.eye(n) - Z / x[:, None]) @ np.ones(n); D = np.ones(n) @ B
 * H = B @ (B - np.eye(n)); APL = H / (B - np.eye(n))
 * PD = n * B.sum(0) / B.sum(); SD = n * Gh.sum(1) / Gh.sum(); cvB = B.std(0, ddof=1) / B.mean(0)
 * ```
 */
export const table3x2 = {
  countries: ['A', 'B', 'C'],
  sectors: ['s1', 's2'],
  Z: [
    [20, 30, 10, 5, 8, 2],
    [15, 25, 6, 12, 3, 9],
    [7, 4, 40, 22, 5, 6],
    [9, 11, 18, 35, 7, 4],
    [3, 6, 2, 8, 30, 14],
    [5, 2, 4, 3, 12, 26],
  ],
  Y: [
    [60, 10, 5],
    [50, 8, 12],
    [9, 70, 11],
    [6, 80, 7],
    [4, 5, 65],
    [7, 3, 75],
  ],
};

/** The fixture as an Icio. */
export const icio3x2 = () => createIcio(table3x2);

/** The Miller & Blair (2009, section 2.3) two-sector example: A = [[.15, .25], [.2, .05]], x = (1000, 2000). */
export const MILLER_BLAIR_TABLE = {
  countries: ['R'],
  sectors: ['s1', 's2'],
  Z: [
    [150, 500],
    [200, 100],
  ],
  Y: [[350], [1700]],
};

/** The Miller & Blair example as an Icio. */
export const millerBlair = () => createIcio(MILLER_BLAIR_TABLE);

/** Asserts |actual − expected| ≤ rel · max(1, |expected|) entry by entry. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel = 1e-8): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const a = actual[i]!;
    if (!(Math.abs(a - e) <= rel * Math.max(1, Math.abs(e)))) {
      throw new Error(`entry ${i}: expected ${e} within relative ${rel}, found ${a}`);
    }
  }
}

/** Snapshot of a table's numeric arrays, to check that a function left them unchanged. */
export function snapshot(t: { Z: Float64Array; Y: Float64Array; x: Float64Array; va: Float64Array }) {
  return { Z: Array.from(t.Z), Y: Array.from(t.Y), x: Array.from(t.x), va: Array.from(t.va) };
}
