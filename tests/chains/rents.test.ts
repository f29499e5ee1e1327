import { describe, expect, it } from 'vitest';
import { aggregateRents, GvcError } from '../../src/index.js';
import { deepFreeze, errorOf, isDeepFrozen } from '../helpers.js';

const rents = [
  { family: 'resource', barriers: 'high', protected: true, holder: 'mine' }, // sustainable
  { family: 'endogenous', kind: 'marketing', barriers: 'high', protected: true, holder: 'brand' }, // sustainable
  { family: 'endogenous', kind: 'technology', barriers: 'medium', holder: 'brand' }, // eroding
  { family: 'exogenous', kind: 'infrastructure', barriers: 'low' }, // absent, no holder
  { family: 'monopoly', barriers: 'high', protected: true, holder: 'mine' }, // sustainable, set aside by default
] as const;

describe('aggregateRents', () => {
  it('counts by family, holder and outlook, leaving monopoly rents out by default', () => {
    // By hand from the five rents above (outlooks in the comments), monopoly excluded:
    // count 4; resource 1 (1 sustainable); endogenous 2 (1 sustainable, 1 eroding); exogenous 1 (absent);
    // holders: mine 1, brand 2, unstated 1 (listed last).
    const r = aggregateRents(rents);
    expect(r.count).toBe(4);
    expect(r.excludedMonopoly).toBe(1);
    expect(r.outlooks).toEqual({ sustainable: 2, eroding: 1, absent: 1 });
    expect(r.byFamily.resource).toMatchObject({
      count: 1,
      outlooks: { sustainable: 1, eroding: 0, absent: 0 },
    });
    expect(r.byFamily.endogenous).toMatchObject({
      count: 2,
      outlooks: { sustainable: 1, eroding: 1, absent: 0 },
    });
    expect(r.byFamily.exogenous).toMatchObject({
      count: 1,
      outlooks: { sustainable: 0, eroding: 0, absent: 1 },
    });
    expect(r.byFamily.monopoly.count).toBe(0);
    expect(r.byHolder.map((h) => [h.holder, h.count])).toEqual([
      ['mine', 1],
      ['brand', 2],
      [null, 1],
    ]);
    expect(r.byHolder[1]?.families).toEqual({ resource: 0, endogenous: 2, exogenous: 0, monopoly: 0 });
  });

  it('keeps monopoly rents when asked', () => {
    const r = aggregateRents(rents, { excludeMonopoly: false });
    expect(r.count).toBe(5);
    expect(r.excludedMonopoly).toBe(0);
    expect(r.byFamily.monopoly).toMatchObject({
      count: 1,
      outlooks: { sustainable: 1, eroding: 0, absent: 0 },
    });
    expect(r.byHolder[0]).toMatchObject({ holder: 'mine', count: 2 });
  });

  it('takes a value chain, naming the holders from its actors', () => {
    const chain: Parameters<typeof aggregateRents>[0] = {
      id: 'c',
      name: 'C',
      family: 'additive',
      currency: 'USD',
      finalStage: 's',
      actors: [{ id: 'mine', name: 'Deep Mine Ltd', country: 'GHA' }],
      stages: [
        { id: 's', name: 'Extraction', actor: 'mine', country: 'GHA', output: { unit: 't', unitPrice: 5 } },
      ],
      rents: [{ family: 'resource', barriers: 'high', protected: true, holder: 'mine' }],
    };
    const r = aggregateRents(chain);
    expect(r.byHolder).toEqual([
      {
        holder: 'mine',
        name: 'Deep Mine Ltd',
        count: 1,
        outlooks: { sustainable: 1, eroding: 0, absent: 0 },
        families: { resource: 1, endogenous: 0, exogenous: 0, monopoly: 0 },
        amount: 0,
        withAmount: 0,
        country: 'GHA',
      },
    ]);
    const { rents: _omitted, ...withoutRents } = chain as Extract<typeof chain, { rents?: unknown }>;
    expect(aggregateRents(withoutRents).count).toBe(0);
  });

  it('handles no rents', () => {
    expect(aggregateRents([])).toMatchObject({ count: 0, excludedMonopoly: 0, byHolder: [] });
  });

  it('lists every invalid rent with its path', () => {
    try {
      aggregateRents([
        rents[0],
        { family: 'resource', barriers: 'huge' },
        { family: 'exogenous', barriers: 'low' },
      ] as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      expect((e as GvcError).code).toBe('INVALID_INPUT');
      expect((e as GvcError).issues.map((i) => i.path)).toEqual(['source[1].barriers', 'source[2].kind']);
    }
    expect(() => aggregateRents(rents, { excludeMonopoly: 'yes' } as never)).toThrow(/excludeMonopoly/);
  });

  it('does not mutate its input', () => {
    const input = deepFreeze(structuredClone(rents));
    aggregateRents(input as never);
    expect(input).toEqual(rents);
  });
});

describe('aggregateRents on an invalid chain', () => {
  it('reports paths inside the chain', () => {
    const chain = {
      id: 'c',
      name: 'C',
      family: 'additive',
      currency: 'USD',
      finalStage: 's',
      stages: [{ id: 's', name: 'S', country: 'GHA', output: { unit: 't', unitPrice: 5 } }],
      rents: [{ family: 'resource', barriers: 'tall' }],
    };
    expect(() => aggregateRents(chain as never)).toThrow(/rents\[0\]\.barriers/);
  });
});

// Issue #14: one boundary (paths rooted at source and options) and frozen aggregates.
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
