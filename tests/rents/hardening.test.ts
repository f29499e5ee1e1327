import { describe, expect, it } from 'vitest';
import { parseRent } from '../../src/chains/index.js';
import { rentFamily, rentOutlook } from '../../src/rents/index.js';
import { errorOf } from '../helpers.js';

// Issue #14: one boundary for rents: the same bad rent reads the same from parseRent, rentOutlook and
// rentFamily (paths rooted at `rent`). aggregateRents reads chains and moved to chains/: its boundary is
// tested in tests/chains/rents.test.ts.

describe('rents: one boundary', () => {
  const bad = { family: 'endogenous', kind: 'brand', barriers: 'high' };
  const expected =
    'expected one of "technology", "human-resource", "organisational", "marketing", "relational", found "brand"';

  it('phrases a bad rent as parseRent does, rooted at rent', () => {
    expect(errorOf(() => parseRent(bad)).issues).toEqual([{ path: 'kind', message: expected }]);
    expect(errorOf(() => rentOutlook(bad as never)).issues).toEqual([
      { path: 'rent.kind', message: expected },
    ]);
    expect(errorOf(() => rentFamily(bad as never)).issues).toEqual([
      { path: 'rent.kind', message: expected },
    ]);
  });

  it('treats a built-in name as a family like any other unknown one', () => {
    const e = errorOf(() => rentFamily({ family: 'toString', barriers: 'high' } as never));
    expect(e.issues[0]?.path).toBe('rent.family');
    expect(e.issues[0]?.message).toMatch(/found "toString"$/);
  });
});
