import { expect } from 'vitest';
import type { Icio } from '../../../src/io/types.js';

/** Relative tolerance of the comparisons with the numpy reference: 1e-8 of max(1, |expected|). */
export const REL = 1e-8;

/** Asserts |actual − expected| ≤ REL·max(1, |expected|), naming what is compared on failure. */
export function expectClose(actual: number, expected: number, what: string, rel = REL): void {
  const tol = rel * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tol)) {
    expect.fail(`${what}: expected ${expected} ± ${tol}, found ${actual}`);
  }
}

/** A deep copy of a table (labels and every Float64Array), to check later that it was not mutated. */
export function cloneIcio(t: Icio): Icio {
  return {
    countries: [...t.countries],
    sectors: [...t.sectors],
    G: t.G,
    N: t.N,
    Z: Float64Array.from(t.Z),
    Y: Float64Array.from(t.Y),
    x: Float64Array.from(t.x),
    va: Float64Array.from(t.va),
  };
}

/** Freezes the object and its label arrays (typed arrays with elements cannot be frozen). */
export function freezeIcio(t: Icio): Icio {
  Object.freeze(t.countries);
  Object.freeze(t.sectors);
  return Object.freeze(t);
}

/** A table with two countries and one sector, worked by hand in the tests (see the comments there). */
export const HAND_TABLE = {
  countries: ['A', 'B'],
  sectors: ['s'],
  Z: [
    [20, 10],
    [30, 40],
  ],
  Y: [
    [50, 20],
    [10, 70],
  ],
};
