import { describe, expect, expectTypeOf, it } from 'vitest';
import { classifyGovernance, GvcError } from '../../src/index.js';

// Expected values: Table 1 of Gereffi, Humphrey & Sturgeon (2005), "Key determinants of global value
// chain governance", transcribed by hand:
//   market      low  high high  coordination/power asymmetry low
//   modular     high high high      |
//   relational  high low  high      |
//   captive     high high low       v
//   hierarchy   high low  low   high
// The remaining three combinations have no row in the table.
describe('classifyGovernance', () => {
  const rows = [
    ['low', 'high', 'high', 'market', 1],
    ['high', 'high', 'high', 'modular', 2],
    ['high', 'low', 'high', 'relational', 3],
    ['high', 'high', 'low', 'captive', 4],
    ['high', 'low', 'low', 'hierarchy', 5],
  ] as const;

  it.each(rows)(
    'complexity %s, codifiability %s, capability %s → %s (rank %i)',
    (cx, cod, cap, type, rank) => {
      const r = classifyGovernance({ complexity: cx, codifiability: cod, supplierCapability: cap });
      expect(r.type).toBe(type);
      expect(r.explicitCoordination).toBe(rank);
      expect(r.powerAsymmetry).toBe(rank);
      expect(r.reason.length).toBeGreaterThan(0);
    },
  );

  it.each([
    ['low', 'low', 'high', /unlikely to occur/],
    ['low', 'low', 'low', /unlikely to occur/],
    ['low', 'high', 'low', /exclusion of the suppliers/],
  ] as const)(
    'complexity %s, codifiability %s, capability %s → no type, with the reason',
    (cx, cod, cap, why) => {
      const r = classifyGovernance({ complexity: cx, codifiability: cod, supplierCapability: cap });
      expect(r).toMatchObject({ type: null, explicitCoordination: null, powerAsymmetry: null });
      expect(r.reason).toMatch(why);
      expect(r.reason).toMatch(/defines? no governance type/);
    },
  );

  it('covers all eight combinations exactly once', () => {
    const levels = ['high', 'low'] as const;
    const types: Array<string | null> = [];
    for (const complexity of levels)
      for (const codifiability of levels)
        for (const supplierCapability of levels)
          types.push(classifyGovernance({ complexity, codifiability, supplierCapability }).type);
    expect(types.filter((t) => t === null)).toHaveLength(3);
    expect(new Set(types.filter((t) => t !== null)).size).toBe(5);
  });

  it('rejects a bad determinant and an unknown key, listing every issue with its path', () => {
    const bad = { complexity: 'medium', codifiability: 'high', supplierCapability: 'high', power: 'x' };
    try {
      classifyGovernance(bad as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      const err = e as GvcError;
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.issues.map((i) => i.path).sort()).toEqual(['determinants', 'determinants.complexity']);
    }
    expect(() => classifyGovernance({ complexity: 'high' } as never)).toThrow(/codifiability/);
  });

  it('does not mutate its input', () => {
    const input = Object.freeze({
      complexity: 'high',
      codifiability: 'low',
      supplierCapability: 'low',
    } as const);
    expect(classifyGovernance(input).type).toBe('hierarchy');
    expect(input).toEqual({ complexity: 'high', codifiability: 'low', supplierCapability: 'low' });
  });
});

describe('contract type', () => {
  it('classifyGovernance returns { type: GovernanceType | null, reason: string, ... }', () => {
    type R = ReturnType<typeof classifyGovernance>;
    expectTypeOf<R['type']>().toEqualTypeOf<
      'market' | 'modular' | 'relational' | 'captive' | 'hierarchy' | null
    >();
    expectTypeOf<R['reason']>().toEqualTypeOf<string>();
  });
});
