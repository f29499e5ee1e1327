import { describe, expect, it } from 'vitest';
import { GvcError, resourceRent } from '../../src/index.js';
import { deepFreeze, errorOf, isDeepFrozen } from '../helpers.js';

// Ricardo, D. (1817) On the Principles of Political Economy and Taxation, ch. 2 "On Rent": three
// qualities of land yield 100, 90 and 80 quarters of corn with equal capital and labour. With the
// cost of that capital and labour normalised to 80 (so the third land's unit cost is 80/80 = 1), the
// unit costs are 80/100 = 0.8, 80/90 and 1; the price is set by the third (marginal) land.
const lands = [
  { id: 'land-1', unitCost: 0.8, quantity: 100 },
  { id: 'land-2', unitCost: 80 / 90, quantity: 90 },
  { id: 'land-3', unitCost: 1, quantity: 80 },
];

describe('resourceRent', () => {
  it('R1 Ricardo 1817 ch. 2; Kaplinsky 2015: priced at the marginal producer, rents 20, 10, 0 quarters', () => {
    // By hand: price = max unit cost = 1; rents 100 × (1 − 0.8) = 20, 90 × (1 − 80/90) = 10, 80 × 0 = 0.
    const r = resourceRent(lands);
    expect(r.price).toBe(1);
    expect(r.marginalProducer).toBe('land-3');
    expect(r.byProducer[0]?.rent).toBeCloseTo(20, 12);
    expect(r.byProducer[1]?.rent).toBeCloseTo(10, 12);
    expect(r.byProducer[2]?.rent).toBe(0);
    expect(r.total).toBeCloseTo(30, 12);
    expect(r.explanation.rules).toEqual(['marginal-cost-price', 'differential-rent']);
    expect(isDeepFrozen(r)).toBe(true);
  });

  it('R2 World Bank 2011 (Changing Wealth of Nations): (price − unit cost) × production at a given price', () => {
    // By hand at price 1.1: 100 × 0.3 = 30; 90 × (1.1 − 0.8889) = 99 − 80 = 19; 80 × 0.1 = 8.
    const r = resourceRent(lands, { price: 1.1 });
    expect(r.byProducer.map((p) => p.rent)).toEqual([
      expect.closeTo(30, 12),
      expect.closeTo(19, 12),
      expect.closeTo(8, 12),
    ]);
    expect(r.marginalProducer).toBeNull();
    expect(r.explanation.rules[0]).toBe('given-price');
  });

  it('reports a loss for a producer above the given price, and sums by country (illustrative numbers)', () => {
    const r = resourceRent(
      [
        { id: 'a', unitCost: 0.5, quantity: 10, country: 'GHA' },
        { id: 'b', unitCost: 1, quantity: 80, country: 'CIV' },
        { id: 'c', unitCost: 0.9, quantity: 5, country: 'GHA' },
      ],
      { price: 0.9 },
    );
    // a: 10 × 0.4 = 4; b: 80 × (−0.1) = −8; c: 0 → GHA 4, CIV −8; marginal producer c (cost = price)
    expect(r.byProducer[1]?.rent).toBeCloseTo(-8, 12);
    expect(r.byCountry).toEqual([
      { key: 'GHA', rent: expect.closeTo(4, 12) },
      { key: 'CIV', rent: expect.closeTo(-8, 12) },
    ]);
    expect(r.marginalProducer).toBe('c');
  });

  it('ignores producers with no output when setting the price', () => {
    const r = resourceRent([
      { id: 'a', unitCost: 0.5, quantity: 10 },
      { id: 'idle', unitCost: 3, quantity: 0 },
    ]);
    expect(r.price).toBe(0.5);
    expect(r.marginalProducer).toBe('a');
  });

  it('rejects every problem at once, and never mutates its arguments', () => {
    const e = errorOf(() =>
      resourceRent(
        [
          { id: 'a', unitCost: -1, quantity: 1 },
          { id: 'a', unitCost: 1, quantity: 1 },
        ],
        { price: -2 },
      ),
    );
    expect(e).toBeInstanceOf(GvcError);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual(['producers[0].unitCost', 'options.price']);
    expect(errorOf(() => resourceRent([])).issues[0]?.path).toBe('producers');
    const dup = errorOf(() => resourceRent([lands[0], lands[0]] as never));
    expect(dup.issues[0]?.path).toBe('producers[1].id');
    const frozen = deepFreeze(structuredClone(lands));
    expect(() => resourceRent(frozen)).not.toThrow();
  });
});
