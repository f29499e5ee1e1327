import { describe, expect, it } from 'vitest';
import { GvcError, PolicyLever, policyAgenda } from '../../src/index.js';

// Expected levers: Kaplinsky (2015), policy for the two families (see DOMAIN §5): vertically
// specialised — trade facilitation, EPZs/SEZs, innovation systems, skills, R&D incentives; additive —
// local content rules, limits on imported inputs, export taxes or bans on unprocessed raw materials
// (Ethiopia leather; Indonesia), resource-specific infrastructure and skills.
describe('policyAgenda', () => {
  it('gives the vertically specialised levers, open or neutral', () => {
    const levers = policyAgenda('vertically-specialised');
    expect(levers.map((l) => [l.id, l.tradeRegime])).toEqual([
      ['trade-facilitation', 'open'],
      ['export-processing-zones', 'open'],
      ['innovation-systems', 'neutral'],
      ['skills', 'neutral'],
      ['rd-incentives', 'neutral'],
    ]);
  });

  it('gives the additive levers, restrictive or neutral, with the paper’s examples', () => {
    const levers = policyAgenda('additive');
    expect(levers.map((l) => [l.id, l.tradeRegime])).toEqual([
      ['local-content-rules', 'restrictive'],
      ['imported-input-limits', 'restrictive'],
      ['raw-material-export-restrictions', 'restrictive'],
      ['resource-infrastructure', 'neutral'],
      ['resource-skills', 'neutral'],
    ]);
    expect(levers.find((l) => l.id === 'raw-material-export-restrictions')?.examples).toEqual([
      'Ethiopia: leather',
      'Indonesia',
    ]);
  });

  it('returns valid levers with sources and ids unique across families', () => {
    const all = [...policyAgenda('additive'), ...policyAgenda('vertically-specialised')];
    for (const l of all) {
      expect(PolicyLever.parse(l)).toEqual(l);
      expect(l.source.citation).toMatch(/Kaplinsky, R\. \(2015\)/);
    }
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
  });

  it('returns deeply frozen levers and rejects an unknown family', () => {
    const a = policyAgenda('additive');
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a[0]?.source)).toBe(true);
    expect(() => {
      (a[0] as { description: string }).description = 'changed';
    }).toThrow(TypeError);
    expect(policyAgenda('additive')[0]?.description).not.toBe('changed');
    expect(() => policyAgenda('resource' as never)).toThrow(GvcError);
  });
});
