import { describe, expect, it } from 'vitest';
import { valueCapture } from '../../src/chains/capture.js';
import { deepFreeze } from '../helpers.js';
import { cocoaChain, iphoneChain } from './decompose-fixtures.js';

// Tolerance: 1e-9 absolute (toBeCloseTo(x, 9)).
const DIGITS = 9;

describe('valueCapture (Kraemer, Linden & Dedrick 2011: value added less direct labour)', () => {
  it('splits value added into direct labour, value captured and uncovered value (hand computed)', () => {
    // cocoaChain: grow's distribution (wages 1.20, profit 0.60) scaled by 0.055 per bar: labour 0.066,
    // captured 0.033; ferment (0.02) has no distribution: uncovered. farmers: 0.119 = 0.066 + 0.033 + 0.02.
    const c = valueCapture(cocoaChain());
    const farmers = c.byActor.find((g) => g.key === 'farmers');
    expect(farmers?.valueAdded).toBeCloseTo(0.119, DIGITS);
    expect(farmers?.directLabour).toBeCloseTo(0.066, DIGITS);
    expect(farmers?.valueCaptured).toBeCloseTo(0.033, DIGITS);
    expect(farmers?.uncovered).toBeCloseTo(0.02, DIGITS);
    expect(farmers?.capturedShare).toBeCloseTo(0.033 / 2.5, DIGITS);
    // GHA = farmers; NLD: grinder 0.06 + purchases 0.021, all uncovered.
    const nld = c.byCountry.find((g) => g.key === 'NLD');
    expect(nld).toMatchObject({ directLabour: 0, valueCaptured: 0 });
    expect(nld?.uncovered).toBeCloseTo(0.081, DIGITS);
  });

  it('shows the lead firm capturing most of the iPhone where its distribution is given', () => {
    // Apple: 500 − 178.96 = 321.04 of value added; with an illustrative split of wages 40 and profit
    // 281.04, it captures 281.04 (56.2% of 500); Foxconn's 6.50 with wages 3.50 captures 3.00.
    const chain = iphoneChain(true);
    const stages = chain.stages.map((s) =>
      s.id === 'apple'
        ? { ...s, distribution: { wages: 40, profit: 281.04 } }
        : s.id === 'assembly'
          ? { ...s, distribution: { wages: 3.5, profit: 3 } }
          : s,
    );
    const c = valueCapture({ ...chain, stages });
    expect(c.byActor[0]?.key).toBe('apple');
    expect(c.byActor[0]?.valueCaptured).toBeCloseTo(281.04, DIGITS);
    expect(c.byActor[0]?.capturedShare).toBeCloseTo(0.56208, DIGITS);
    const chn = c.byCountry.find((g) => g.key === 'CHN');
    expect(chn?.valueCaptured).toBeCloseTo(3, DIGITS);
    expect(chn?.directLabour).toBeCloseTo(3.5, DIGITS);
    // every group: valueAdded = directLabour + valueCaptured + uncovered
    for (const g of [...c.byActor, ...c.byCountry]) {
      expect(g.directLabour + g.valueCaptured + g.uncovered).toBeCloseTo(g.valueAdded, DIGITS);
    }
  });

  it('rejects a distribution that does not sum to value added, and does not mutate its input', () => {
    const chain = cocoaChain();
    const stages = chain.stages.map((s) => (s.id === 'grow' ? { ...s, distribution: { wages: 2 } } : s));
    expect(() => valueCapture({ ...chain, stages })).toThrow(/found 2 \(gap 0\.2\)$/);
    const frozen = deepFreeze(cocoaChain());
    expect(() => valueCapture(frozen, { depth: 'first-round', at: 'grind' })).not.toThrow();
  });
});
