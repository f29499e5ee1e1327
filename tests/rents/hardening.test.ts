import { describe, expect, it } from 'vitest';
import { parseRent } from '../../src/chains/index.js';
import { aggregateRents, rentFamily, rentOutlook } from '../../src/rents/index.js';
import { errorOf, isDeepFrozen } from '../helpers.js';

// Issue #14: one boundary for rents: the same bad rent reads the same from parseRent, rentOutlook and
// rentFamily (paths rooted at `rent`); frozen aggregates.

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

describe('aggregateRents: boundary and results', () => {
  it('takes null options and returns a deeply frozen aggregate', () => {
    const r = aggregateRents(
      [{ family: 'resource', barriers: 'high', protected: true, holder: 'constructor' }],
      null,
    );
    expect(r.byHolder.map((h) => [h.holder, h.count])).toEqual([['constructor', 1]]);
    expect(isDeepFrozen(r)).toBe(true);
  });

  it('roots paths at source and options', () => {
    expect(errorOf(() => aggregateRents([{ family: 'resource' } as never])).issues[0]?.path).toBe(
      'source[0].barriers',
    );
    expect(errorOf(() => aggregateRents([], { excludeMonopoly: 'yes' } as never)).issues[0]?.path).toBe(
      'options.excludeMonopoly',
    );
    expect(errorOf(() => aggregateRents({ id: 'c' } as never)).issues[0]?.path).toMatch(/^source\./);
  });
});
