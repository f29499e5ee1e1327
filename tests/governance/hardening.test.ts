import { describe, expect, it } from 'vitest';
import { classifyDriver, classifyGovernance, describeDriver } from '../../src/governance/index.js';
import { errorOf, isDeepFrozen } from '../helpers.js';

// Issue #14: paths rooted at the argument's name, built-in names as plain data, frozen results.

describe('governance: boundary and frozen results', () => {
  it('freezes every result', () => {
    expect(
      isDeepFrozen(
        classifyGovernance({ complexity: 'high', codifiability: 'low', supplierCapability: 'high' }),
      ),
    ).toBe(true);
    expect(
      isDeepFrozen(
        classifyGovernance({ complexity: 'low', codifiability: 'low', supplierCapability: 'high' }),
      ),
    ).toBe(true);
    expect(isDeepFrozen(describeDriver('producer'))).toBe(true);
    expect(isDeepFrozen(classifyDriver({ networkLinks: 'trade' }))).toBe(true);
  });

  it('rejects built-in names as evidence values and keys, rooted at evidence', () => {
    expect(errorOf(() => classifyDriver({ leadFirm: '__proto__' } as never)).issues).toEqual([
      {
        path: 'evidence.leadFirm',
        message: 'expected one of "manufacturer", "retailer", "brand-marketer", found "__proto__"',
      },
    ]);
    const own = JSON.parse('{"constructor": "x", "toString": 1}');
    expect(errorOf(() => classifyDriver(own)).issues).toEqual([
      { path: 'evidence', message: 'expected only known keys, found unknown keys "constructor", "toString"' },
    ]);
  });

  it('rejects a missing or null argument at its name', () => {
    expect(errorOf(() => classifyGovernance(null as never)).issues).toEqual([
      { path: 'determinants', message: 'expected an object, found null' },
    ]);
    expect(errorOf(() => describeDriver(undefined as never)).issues[0]?.path).toBe('driver');
  });
});
