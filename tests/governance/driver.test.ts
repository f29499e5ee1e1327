import { describe, expect, it } from 'vitest';
import { classifyDriver, describeDriver, GvcError } from '../../src/index.js';
import { errorOf } from '../helpers.js';

// Expected profiles: Gereffi (1999, Table 1) — producer-driven: industrial capital, R&D and production,
// economies of scale, investment-based links, vertical network; buyer-driven: commercial capital,
// design and marketing, economies of scope, trade-based links, horizontal network.
describe('describeDriver', () => {
  it('gives the producer- and buyer-driven profiles of Gereffi (1994, 1999)', () => {
    expect(describeDriver('producer')).toMatchObject({
      capital: 'industrial',
      barriersToEntry: 'economies of scale',
      networkLinks: 'investment-based',
      networkStructure: 'vertical',
    });
    expect(describeDriver('buyer')).toMatchObject({
      capital: 'commercial',
      barriersToEntry: 'economies of scope',
      networkLinks: 'trade-based',
      networkStructure: 'horizontal',
    });
    expect(describeDriver('buyer').exampleLeadFirms).toContain('Nike');
    expect(describeDriver('producer').exampleLeadFirms).toContain('Toyota');
  });

  it('returns a deeply frozen profile and rejects an unknown driver at `driver`', () => {
    const a = describeDriver('buyer');
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.typicalIndustries)).toBe(true);
    expect(() => (a.typicalIndustries as string[]).push('x')).toThrow(TypeError);
    expect(describeDriver('buyer').typicalIndustries).not.toContain('x');
    expect(() => describeDriver('consumer' as never)).toThrow(GvcError);
    expect(errorOf(() => describeDriver('constructor' as never)).issues).toEqual([
      { path: 'driver', message: 'expected one of "buyer", "producer", found "constructor"' },
    ]);
  });
});

describe('classifyDriver', () => {
  it('follows the majority of the evidence', () => {
    expect(
      classifyDriver({ leadFirm: 'manufacturer', barriersToEntry: 'scale', networkLinks: 'trade' }),
    ).toEqual({
      driver: 'producer',
      votes: { buyer: 1, producer: 2 },
      reason: '2 of 3 items of evidence point to a producer-driven chain',
    });
    expect(classifyDriver({ leadFirm: 'brand-marketer' }).driver).toBe('buyer');
    expect(classifyDriver({ coreCompetence: 'design-and-marketing', networkLinks: 'trade' }).driver).toBe(
      'buyer',
    );
  });

  it('does not guess on a tie or without evidence (boundary of the majority rule)', () => {
    const tie = classifyDriver({ leadFirm: 'retailer', coreCompetence: 'production-technology' });
    expect(tie.driver).toBeNull();
    expect(tie.reason).toMatch(/evenly split/);
    expect(classifyDriver({}).driver).toBeNull();
  });

  it('rejects unknown values and keys with paths, and does not mutate its input', () => {
    try {
      classifyDriver({ leadFirm: 'wholesaler', size: 1 } as never);
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).issues.map((i) => i.path).sort()).toEqual(['evidence', 'evidence.leadFirm']);
    }
    const input = Object.freeze({ leadFirm: 'retailer' as const });
    classifyDriver(input);
    expect(input).toEqual({ leadFirm: 'retailer' });
  });
});
