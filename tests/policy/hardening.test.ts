import { describe, expect, it } from 'vitest';
import { policyAgenda, policyConflicts } from '../../src/policy/index.js';
import { errorOf, isDeepFrozen } from '../helpers.js';

// Issue #14: lever ids as plain data, linear-time checks, paths rooted at the argument, frozen results.

describe('policyConflicts: boundary', () => {
  it('rejects built-in names as unknown lever ids, and repeated ids with where they first appear', () => {
    const e = errorOf(() =>
      policyConflicts(['constructor', 'skills', 'skills', '__proto__'], { size: 'small' }),
    );
    expect(e.issues.map((i) => i.path)).toEqual(['portfolio[0]', 'portfolio[2]', 'portfolio[3]']);
    expect(e.issues[1]?.message).toBe('expected each lever once, found "skills" again (as at portfolio[1])');
  });

  it('checks a portfolio of 100,000 ids in linear time, reporting at most 100 problems and a count', () => {
    const big = new Array(100_000).fill('skills');
    const started = Date.now();
    const e = errorOf(() => policyConflicts(big, { size: 'large' }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(e.issues).toHaveLength(101);
    expect(e.issues[100]).toEqual({ path: '', message: 'and 99899 more problems' });
  });

  it('freezes its result', () => {
    const r = policyConflicts(['export-processing-zones', 'local-content-rules'], {
      size: 'large',
      insulatedZones: true,
    });
    expect(r.resolution).toBe('insulated');
    expect(isDeepFrozen(r)).toBe(true);
  });
});

describe('policyAgenda: boundary', () => {
  it('rejects a built-in name at family', () => {
    expect(errorOf(() => policyAgenda('constructor' as never)).issues).toEqual([
      {
        path: 'family',
        message: 'expected one of "additive", "vertically-specialised", found "constructor"',
      },
    ]);
    expect(isDeepFrozen(policyAgenda('vertically-specialised'))).toBe(true);
  });
});
