import { describe, expect, it } from 'vitest';
import { isGvcError } from '../../src/core/errors.js';
import { valueAddedShare } from '../../src/thinning/value-added-share.js';
import { cocoaChain, iphoneChain, nestedChain } from '../chains/decompose-fixtures.js';
import { deepFreeze } from '../helpers.js';

// Tolerance: 1e-9 absolute on shares (toBeCloseTo(x, 9)).

describe('valueAddedShare', () => {
  it("gives China's 6.50 of 178.96 (3.63%) of the iPhone ex-factory (Xing & Detert 2010)", () => {
    expect(valueAddedShare(iphoneChain(false), { country: 'CHN' })).toBeCloseTo(6.5 / 178.96, 9);
    expect(valueAddedShare(iphoneChain(false), { country: 'CHN' })).toBeCloseTo(0.0363, 4);
    expect(valueAddedShare(iphoneChain(false), { actor: 'foxconn' })).toBeCloseTo(6.5 / 178.96, 9);
  });

  it('counts purchases for a country but not for an actor or a set of stages (hand computed, cocoaChain)', () => {
    // NLD: grind 0.06 + its energy 0.01 + grow's fertiliser 0.011 = 0.081 of 2.5
    expect(valueAddedShare(cocoaChain(), { country: 'NLD' })).toBeCloseTo(0.081 / 2.5, 9);
    // grinder: 0.06 only
    expect(valueAddedShare(cocoaChain(), { actor: 'grinder' })).toBeCloseTo(0.06 / 2.5, 9);
    // grow + ferment own value added: 0.099 + 0.02
    expect(valueAddedShare(cocoaChain(), { stages: ['grow', 'ferment'] })).toBeCloseTo(0.119 / 2.5, 9);
    // a country with no value added holds 0
    expect(valueAddedShare(cocoaChain(), { country: 'USA' })).toBe(0);
  });

  it('follows the depth: KOR holds 15/200 in full, 40/200 in the first round at assembly', () => {
    expect(valueAddedShare(nestedChain(), { country: 'KOR' })).toBeCloseTo(0.075, 9);
    expect(
      valueAddedShare(nestedChain(), { country: 'KOR' }, { depth: 'first-round', at: 'assembly' }),
    ).toBeCloseTo(0.2, 9);
    expect(
      valueAddedShare(nestedChain(), { stages: ['chip'] }, { depth: 'first-round', at: 'assembly' }),
    ).toBeCloseTo(0.2, 9);
  });

  it('rejects an invalid subject, an unknown actor and unknown stages', () => {
    expect(() => valueAddedShare(cocoaChain(), { country: 'Ghana' })).toThrow(/subject/);
    expect(() => valueAddedShare(cocoaChain(), { stages: [] })).toThrow(
      /expected at least one stage id, found none/,
    );
    try {
      valueAddedShare(cocoaChain(), { actor: 'mars' });
      expect.unreachable();
    } catch (e) {
      expect(isGvcError(e, 'NOT_FOUND')).toBe(true);
    }
    try {
      valueAddedShare(cocoaChain(), { stages: ['grow', 'mill', 'press'] });
      expect.unreachable();
    } catch (e) {
      expect(isGvcError(e, 'NOT_FOUND')).toBe(true);
      if (isGvcError(e))
        expect(e.issues.map((i) => i.path)).toEqual(['subject.stages[1]', 'subject.stages[2]']);
    }
  });

  it('does not mutate its inputs', () => {
    const chain = deepFreeze(cocoaChain());
    const subject = deepFreeze({ stages: ['grow'] });
    expect(() => valueAddedShare(chain, subject)).not.toThrow();
  });
});
