import { describe, expect, it } from 'vitest';
import { Linkage, LinkageParty, LinkageType, ProductionDirection } from '../../src/linkages/model.js';

describe('Linkage model (Hirschman 1981; Morris, Kaplinsky & Kaplan 2012)', () => {
  it('has the three linkage types and three production directions', () => {
    expect(LinkageType.options).toEqual(['fiscal', 'consumption', 'production']);
    expect(ProductionDirection.options).toEqual(['backward', 'forward', 'horizontal']);
  });

  it('accepts a production linkage with its direction, and fiscal and consumption linkages', () => {
    const production = {
      type: 'production',
      direction: 'horizontal',
      from: { sector: 'mining equipment', country: 'ZAF' },
      to: { sector: 'agriculture' },
      value: 12.5,
      country: 'ZAF',
      domestic: true,
      period: 2010,
      currency: 'ZAR',
    } as const;
    expect(Linkage.parse(production)).toEqual(production);
    expect(
      Linkage.parse({
        type: 'fiscal',
        instrument: 'royalty',
        from: { sector: 'copper' },
        to: { sector: 'government' },
        value: 3,
        country: 'ZMB',
        domestic: true,
      }).type,
    ).toBe('fiscal');
    expect(
      Linkage.parse({
        type: 'consumption',
        from: { actor: 'mine-workers' },
        to: { sector: 'food' },
        value: 1,
        country: 'GHA',
        domestic: false,
      }).domestic,
    ).toBe(false);
  });

  it('requires a direction on production linkages only', () => {
    const r = Linkage.safeParse({
      type: 'production',
      from: { sector: 'a' },
      to: { sector: 'b' },
      value: 1,
      country: 'GHA',
      domestic: true,
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['direction']);
    const fiscal = Linkage.safeParse({
      type: 'fiscal',
      direction: 'backward',
      from: { sector: 'a' },
      to: { sector: 'b' },
      value: 1,
      country: 'GHA',
      domestic: true,
    });
    expect(fiscal.success).toBe(false);
  });

  it('requires a sector or an actor at each end', () => {
    const r = LinkageParty.safeParse({ country: 'GHA' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('expected a sector or an actor, found neither');
  });

  it('rejects negative values, unknown keys and unknown types', () => {
    const base = {
      type: 'consumption',
      from: { sector: 'a' },
      to: { sector: 'b' },
      country: 'GHA',
      domestic: true,
    };
    expect(Linkage.safeParse({ ...base, value: -1 }).success).toBe(false);
    expect(Linkage.safeParse({ ...base, value: 1, extra: true }).success).toBe(false);
    expect(Linkage.safeParse({ ...base, type: 'spatial', value: 1 }).success).toBe(false);
  });
});
