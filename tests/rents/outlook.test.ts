import { describe, expect, it } from 'vitest';
import { GvcError, rentFamily, rentOutlook } from '../../src/index.js';

// Expected outlooks: the rule table in the TSDoc of rentOutlook, read off Kaplinsky (2015): income is
// sustained while high barriers are protected, or by dynamic rent creation; falling, unprotected or
// medium/low barriers erode; low unprotected barriers leave no rent.
describe('rentOutlook', () => {
  const base = { family: 'endogenous', kind: 'technology' } as const;
  it.each([
    // rule 1: dynamic → sustainable, whatever else
    [{ barriers: 'low', protected: false, dynamic: true }, 'sustainable'],
    [{ barriers: 'medium', dynamic: true, eroding: true }, 'sustainable'],
    // rule 2: eroding (not dynamic) → eroding, even with high protected barriers
    [{ barriers: 'high', protected: true, eroding: true }, 'eroding'],
    [{ barriers: 'low', protected: false, eroding: true }, 'eroding'],
    // rule 3: high and protected → sustainable (eroding false or unknown)
    [{ barriers: 'high', protected: true }, 'sustainable'],
    [{ barriers: 'high', protected: true, eroding: false }, 'sustainable'],
    // rule 4: low and unprotected → absent
    [{ barriers: 'low' }, 'absent'],
    [{ barriers: 'low', protected: false, eroding: false }, 'absent'],
    // rule 5: high but unprotected → eroding
    [{ barriers: 'high', protected: false }, 'eroding'],
    // rule 6: medium → eroding, protected or not
    [{ barriers: 'medium', protected: true }, 'eroding'],
    [{ barriers: 'medium' }, 'eroding'],
    // rule 7: low but protected → eroding
    [{ barriers: 'low', protected: true }, 'eroding'],
  ] as const)('%o → %s', (fields, outlook) => {
    expect(rentOutlook({ ...base, ...fields })).toBe(outlook);
  });

  it('rejects an invalid rent with paths', () => {
    try {
      rentOutlook({ family: 'endogenous', kind: 'luck', barriers: 'huge' } as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      expect((e as GvcError).issues.map((i) => i.path).sort()).toEqual(['rent.barriers', 'rent.kind']);
    }
  });

  it('does not mutate its input', () => {
    const rent = Object.freeze({ family: 'resource', barriers: 'high', protected: true } as const);
    expect(rentOutlook(rent)).toBe('sustainable');
    expect(rent).toEqual({ family: 'resource', barriers: 'high', protected: true });
  });
});

describe('rentFamily', () => {
  it('returns the family of each kind of rent', () => {
    expect(rentFamily({ family: 'resource', barriers: 'high' })).toBe('resource');
    expect(rentFamily({ family: 'endogenous', kind: 'relational', barriers: 'low' })).toBe('endogenous');
    expect(rentFamily({ family: 'exogenous', kind: 'policy', barriers: 'medium' })).toBe('exogenous');
    expect(rentFamily({ family: 'monopoly', barriers: 'high' })).toBe('monopoly');
  });

  it('rejects an unknown family and an unknown key', () => {
    expect(() => rentFamily({ family: 'luck', barriers: 'high' } as never)).toThrow(GvcError);
    expect(() => rentFamily({ family: 'resource', barriers: 'high', size: 3 } as never)).toThrow(/size/);
  });
});
