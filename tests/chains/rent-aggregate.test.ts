import { describe, expect, it } from 'vitest';
import { cocoa } from '../../src/data/index.js';
import { aggregateRents, GvcError } from '../../src/index.js';
import { errorOf } from '../helpers.js';

describe('aggregateRents: amounts and countries (issue 18)', () => {
  it('R12 Kaplinsky 2015 (Emilia-Romagna: the Modena loan consortium cut its members’ loan costs by 1.5–2 points)', () => {
    // Per 1,000,000 of loans a year: 0.015 × 1e6 = 15,000 and 0.02 × 1e6 = 20,000 (the two ends of the range).
    const r = aggregateRents([
      { family: 'exogenous', kind: 'finance', barriers: 'medium', amount: 15000, description: 'low end' },
      { family: 'exogenous', kind: 'finance', barriers: 'medium', amount: 20000, description: 'high end' },
      { family: 'exogenous', kind: 'infrastructure', barriers: 'low' },
    ]);
    expect(r.byFamily.exogenous.amount).toBe(35000);
    expect(r.byFamily.exogenous.withAmount).toBe(2);
    expect(r.byFamily.exogenous.count).toBe(3);
    expect(r.byCountry).toEqual([
      {
        country: null,
        count: 3,
        outlooks: { sustainable: 0, eroding: 2, absent: 1 },
        amount: 35000,
        withAmount: 2,
      },
    ]);
    expect(r.explanation.text).toContain('2 with a stated amount');
  });

  it('R13 Cocoa Barometer 2015 via `cocoa`: by holder country, counts unchanged', () => {
    // The smallholders (GHA) hold the resource rent; the manufacturer (GBR) the marketing rent.
    const r = aggregateRents(cocoa);
    expect(r.count).toBe(2);
    expect(r.byCountry.map((g) => [g.country, g.count, g.amount])).toEqual([
      ['GHA', 1, 0],
      ['GBR', 1, 0],
    ]);
    expect(r.byHolder.map((h) => h.country)).toEqual(['GHA', 'GBR']);
  });

  it('reports a sum of stated amounts that overflows', () => {
    const huge = { family: 'resource' as const, barriers: 'high' as const, amount: 1e308 };
    expect(errorOf(() => aggregateRents([huge, huge])).code).toBe('UNSUPPORTED');
    expect(errorOf(() => aggregateRents([{ ...huge, share: 2 }]))).toBeInstanceOf(GvcError);
  });
});
