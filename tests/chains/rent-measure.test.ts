import { describe, expect, it } from 'vitest';
import { cocoa, iphone3g } from '../../src/data/index.js';
import { GvcError, measureRents, valueCapture } from '../../src/index.js';
import { deepFreeze, errorOf, isDeepFrozen } from '../helpers.js';

// Cocoa Barometer 2015 (Fountain & Huetz-Adams), via the `cocoa` dataset: distributions per unit of
// each stage's output — grow (per kg fresh beans): wages 0.48, landRent 0.06, profit 0.1, price 0.64;
// export (per kg dry beans): wages 0.3, taxes 0.9, depreciation 0.1, interest 0.1, profit 0.648;
// manufacture (per bar): wages 0.06, taxes 0.01, depreciation 0.02, profit 0.03, price 0.406.
// Units per bar: 0.078125 kg fresh beans, 0.03125 kg dry beans, 1 bar (the dataset's conversions).
describe('measureRents', () => {
  it('R3 Ricardo 1817 ch. 2; Cocoa Barometer 2015: the smallholders’ land rent is a resource rent', () => {
    const r = measureRents(cocoa, { normalReturn: { basis: 'none' } });
    const grow = r.byStage.find((l) => l.stage === 'grow');
    // By hand: 0.06 × 0.078125 = 0.0046875; profit 0.1 × 0.078125 = 0.0078125.
    expect(grow?.resourceRent).toBeCloseTo(0.0046875, 15);
    expect(grow?.surplus).toBeCloseTo(0.0078125, 15);
    expect(r.byFamily.resource.amount).toBeCloseTo(0.0046875, 15);
    const smallholders = r.byActor.find((a) => a.key === 'smallholders');
    expect(smallholders?.attributed).toEqual([
      { rent: 0, family: 'resource', amount: expect.closeTo(0.0046875, 15), basis: 'measured' },
    ]);
    // The smallholders hold no non-resource rent: their profit is unattributed.
    expect(smallholders?.unattributed).toBeCloseTo(0.0078125, 15);
    expect(isDeepFrozen(r)).toBe(true);
  });

  it('R4 Cocoa Barometer 2015: the exporter’s surplus, the state’s taxes, the manufacturer’s brand rent', () => {
    const r = measureRents(cocoa, { normalReturn: { basis: 'none' } });
    const exp = r.byStage.find((l) => l.stage === 'export');
    // By hand: (0.648 + 0.1) × 0.03125 = 0.023375; taxes 0.9 × 0.03125 = 0.028125.
    expect(exp?.surplus).toBeCloseTo(0.023375, 15);
    expect(exp?.appropriatedByState).toBeCloseTo(0.028125, 15);
    // Manufacture: (0.03 + 0) × 1 = 0.03, all to the manufacturer's only rent (marketing, index 1).
    const m = r.byActor.find((a) => a.key === 'manufacturer');
    expect(m?.attributed).toEqual([
      { rent: 1, family: 'endogenous', amount: expect.closeTo(0.03, 15), basis: 'measured' },
    ]);
    expect(r.byFamily.endogenous.amount).toBeCloseTo(0.03, 15);
    // Unattributed: exporter 0.023375 (no rent listed) + smallholders' profit 0.0078125 = 0.0311875.
    expect(r.byFamily.unattributed.amount).toBeCloseTo(0.0311875, 15);
    expect(r.uncovered.stages).toEqual(['ferment-dry', 'grind', 'brand', 'retail']);
    // Countries: GHA rent 0.0078125 + 0.023375 = 0.0311875, land 0.0046875, state 0.028125.
    expect(r.byCountry[0]).toEqual({
      key: 'GHA',
      rentAboveNormal: expect.closeTo(0.0311875, 15),
      resourceRent: expect.closeTo(0.0046875, 15),
      appropriatedByState: expect.closeTo(0.028125, 15),
      stated: 0,
    });
    expect(r.explanation.rules).toContain('unattributed');
  });

  it('R5 economic profit: a 10% markup on costs as the normal return', () => {
    const r = measureRents(cocoa, { normalReturn: { basis: 'cost-markup', markup: 0.1 } });
    const line = (id: string) => r.byStage.find((l) => l.stage === id);
    // Manufacture: cost 0.406 − 0.03 = 0.376; NR 0.0376; rent 0.03 − 0.0376 = −0.0076 (below normal).
    expect(line('manufacture')?.normalReturn).toBeCloseTo(0.0376, 15);
    expect(line('manufacture')?.rentAboveNormal).toBeCloseTo(-0.0076, 15);
    expect(r.byFamily.endogenous.amount).toBe(0);
    expect(
      r.explanation.notes.some((n) => n.includes('"manufacturer"') && n.includes('below a normal return')),
    ).toBe(true);
    // Grow: cost 0.64 − 0.1 − 0.06 = 0.48; NR 0.048; (0.1 − 0.048) × 0.078125 = 0.0040625.
    expect(line('grow')?.rentAboveNormal).toBeCloseTo(0.0040625, 15);
  });

  it('R6 Kraemer, Linden & Dedrick 2011: the rents add up to valueCapture’s value captured', () => {
    const r = measureRents(cocoa, { normalReturn: { basis: 'cost-markup', markup: 0.1 } });
    const vc = valueCapture(cocoa);
    for (const a of ['smallholders', 'exporter', 'manufacturer']) {
      const lines = r.byStage.filter((l) => l.actor === a);
      const sum = lines.reduce(
        (s, l) =>
          s + l.rentAboveNormal + l.normalReturn + l.resourceRent + l.appropriatedByState + l.depreciation,
        0,
      );
      expect(sum).toBeCloseTo(vc.byActor.find((g) => g.key === a)?.valueCaptured as number, 12);
    }
  });

  it('R7 Kraemer, Linden & Dedrick 2011 (Apple ≈ 58.5% of the iPhone’s price): a stated amount is added as stated', () => {
    // 0.585 × 500 = 292.5 USD a phone (test-local copy of iphone3g with the brand rent's amount).
    const chain = {
      ...iphone3g,
      rents: (iphone3g.rents ?? []).map((x, i) => (i === 0 ? { ...x, amount: 292.5 } : x)),
    };
    const r = measureRents(chain, { normalReturn: { basis: 'none' } });
    expect(r.uncovered.stages).toContain('retail');
    expect(r.byFamily.endogenous.amount).toBe(292.5);
    expect(r.byFamily.endogenous.share).toBeCloseTo(0.585, 12);
    const apple = r.byActor.find((a) => a.key === 'apple');
    expect(apple?.attributed).toEqual([{ rent: 0, family: 'endogenous', amount: 292.5, basis: 'stated' }]);
    expect(r.byCountry.find((c) => c.key === 'USA')?.stated).toBe(292.5);
    expect(r.explanation.rules).toContain('stated-amount');
    expect(r.explanation.notes.some((n) => n.includes('retail'))).toBe(true);
  });

  // Illustrative chain (numbers invented for the rule): one stage with profit 20 and interest 5 per
  // unit, price 100, capital 50 per unit; holder with a technology rent (share 0.6) and a marketing
  // rent (no share).
  const small = {
    id: 'x',
    name: 'X',
    family: 'additive' as const,
    currency: 'USD',
    finalStage: 's',
    actors: [{ id: 'firm', name: 'Firm', country: 'KOR' }],
    stages: [
      {
        id: 's',
        name: 'S',
        actor: 'firm',
        country: 'KOR',
        output: { unit: 'u', unitPrice: 100 },
        distribution: { wages: 75, interest: 5, profit: 20 },
      },
    ],
    rents: [
      {
        family: 'endogenous' as const,
        kind: 'technology' as const,
        barriers: 'high' as const,
        holder: 'firm',
        share: 0.6,
      },
      {
        family: 'endogenous' as const,
        kind: 'marketing' as const,
        barriers: 'high' as const,
        holder: 'firm',
      },
    ],
  };

  it('a normal return on capital; shares first, the single unshared rent takes the rest (illustrative)', () => {
    // By hand: surplus 25; NR 0.1 × 50 = 5; rent 20 → technology 0.6 × 20 = 12, marketing 8.
    const r = measureRents(small, {
      normalReturn: { basis: 'capital', rate: 0.1, capitalPerUnit: { s: 50 } },
    });
    expect(r.byStage[0]?.rentAboveNormal).toBeCloseTo(20, 12);
    expect(r.byActor[0]?.attributed.map((a) => [a.rent, a.amount])).toEqual([
      [0, expect.closeTo(12, 12)],
      [1, expect.closeTo(8, 12)],
    ]);
    // Two rents without a share: never split evenly.
    const two = { ...small, rents: small.rents.map(({ share: _s, ...x }) => x) };
    const u = measureRents(two, { normalReturn: { basis: 'capital', rate: 0.1, capitalPerUnit: { s: 50 } } });
    expect(u.byFamily.unattributed.amount).toBeCloseTo(20, 12);
    expect(u.byActor[0]?.attributed).toEqual([]);
  });

  it('rejects a missing normal return, a missing capital and shares above 1, and never mutates', () => {
    const e = errorOf(() => measureRents(cocoa, {} as never));
    expect(e).toBeInstanceOf(GvcError);
    expect(e.issues[0]?.path).toBe('options.normalReturn');
    expect(e.issues[0]?.message).toContain("expected a normal return: { basis: 'cost-markup', markup }");
    const c = errorOf(() =>
      measureRents(small, { normalReturn: { basis: 'capital', rate: 0.1, capitalPerUnit: { t: 1 } } }),
    );
    expect(c.issues.map((i) => i.path)).toEqual([
      'options.normalReturn.capitalPerUnit',
      'options.normalReturn.capitalPerUnit.t',
    ]);
    const over = { ...small, rents: small.rents.map((x) => ({ ...x, share: 0.6 })) };
    const s = errorOf(() => measureRents(over, { normalReturn: { basis: 'none' } }));
    expect(s.code).toBe('INVALID_INPUT');
    expect(s.issues[0]?.path).toBe('chain.rents[1].share');
    const frozen = deepFreeze(structuredClone(small));
    expect(() =>
      measureRents(frozen, deepFreeze({ normalReturn: { basis: 'none' as const } })),
    ).not.toThrow();
  });
});
