import { describe, expect, it } from 'vitest';
import { isGvcError } from '../../src/core/errors.js';
import { domesticValueAddedShares } from '../../src/linkages/domestic-value-added.js';
import { cocoaChain } from '../chains/decompose-fixtures.js';
import { deepFreeze } from '../helpers.js';

// Tolerance: 1e-9 absolute on shares (toBeCloseTo(x, 9)).

/** cocoaChain in a year, with grinding in Ghana or in the Netherlands (Ghana's thickening by forward linkage). */
function cocoaIn(year: number, grindCountry: string) {
  const c = cocoaChain();
  return {
    ...c,
    id: `cocoa-${year}`,
    year,
    stages: c.stages.map((s) => (s.id === 'grind' ? { ...s, country: grindCountry } : s)),
  };
}

describe('domesticValueAddedShares', () => {
  it("tracks Ghana's share as grinding moves there (hand computed)", () => {
    // GHA: 0.119 of 2.5 = 0.0476; with grinding in Ghana + 0.06 = 0.179 → 0.0716 (its energy stays NLD).
    const r = domesticValueAddedShares([cocoaIn(2000, 'NLD'), cocoaIn(2010, 'GHA')], 'GHA');
    expect(r.map((e) => [e.chain, e.year])).toEqual([
      ['cocoa-2000', 2000],
      ['cocoa-2010', 2010],
    ]);
    expect(r[0]?.domesticValueAdded).toBeCloseTo(0.119, 9);
    expect(r[0]?.share).toBeCloseTo(0.0476, 9);
    expect(r[0]?.change).toBeNull();
    expect(r[1]?.share).toBeCloseTo(0.0716, 9);
    expect(r[1]?.change).toBeCloseTo(0.024, 9);
    expect(r[1]?.finalValue).toBe(2.5);
  });

  it('lists every problem of every chain and of the country at once', () => {
    const bad = cocoaIn(2010, 'GHA');
    const stages = bad.stages.map((s) =>
      s.id === 'grow' ? { ...s, output: { unit: 'kg', unitPrice: -2 } } : s,
    );
    try {
      domesticValueAddedShares([cocoaIn(2000, 'NLD'), { ...bad, stages }], 'Ghana');
      expect.unreachable();
    } catch (e) {
      expect(isGvcError(e, 'INVALID_INPUT')).toBe(true);
      if (isGvcError(e))
        expect(e.issues.map((i) => i.path)).toEqual(['country', 'chains[1].stages[0].output.unitPrice']);
    }
    expect(() => domesticValueAddedShares([], 'GHA')).toThrow(/expected a non-empty array of value chains/);
  });

  it('does not mutate its inputs', () => {
    const chains = deepFreeze([cocoaIn(2000, 'NLD'), cocoaIn(2010, 'GHA')]);
    expect(() => domesticValueAddedShares(chains, 'GHA')).not.toThrow();
  });
});
