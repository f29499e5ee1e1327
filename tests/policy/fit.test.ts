import { describe, expect, it } from 'vitest';
import { cocoa, iphone3g } from '../../src/data/index.js';
import { policyFit, type ValueChainInput } from '../../src/index.js';
import { errorOf, isDeepFrozen } from '../helpers.js';

// policyFit reads the Actor fields (ownership, size, formality, leadFirm) against each lever's `fits`.
// Expected values are worked by hand from the datasets' actor records (quoted in the comments) and the
// catalogue table of the design (issue #18 point 6), not from running policyFit.

/**
 * Dolan & Humphrey (2000): Kenyan fresh vegetables sold to UK supermarkets, smallholders squeezed out
 * by the supermarkets' standards. The prices are illustrative (no source), only the actors matter.
 */
function kenyanVegetables(growers: Record<string, unknown>): ValueChainInput {
  return {
    family: 'additive',
    id: 'kenya-vegetables',
    name: 'Kenyan fresh vegetables to UK supermarkets (illustrative prices)',
    currency: 'USD',
    actors: [
      { id: 'growers', name: 'Smallholder growers', country: 'KEN', ...growers },
      { id: 'supermarket', name: 'UK supermarket', country: 'GBR', size: 'large', leadFirm: true },
    ],
    stages: [
      { id: 'grow', name: 'Growing', country: 'KEN', actor: 'growers', output: { unit: 'kg', unitPrice: 1 } },
      {
        id: 'retail',
        name: 'Retail',
        country: 'GBR',
        actor: 'supermarket',
        output: { unit: 'kg', unitPrice: 5 },
        inputs: [{ stage: 'grow', quantity: 1 }],
      },
    ],
    finalStage: 'retail',
  } as ValueChainInput;
}

describe('policyFit', () => {
  // Case P5 — Kaplinsky 2015 (cocoa in Ghana; COCOBOD); actors from the Cocoa Barometer 2015 dataset:
  // in GHA, smallholders {domestic, micro} and exporter {domestic, size not recorded}; the manufacturer
  // (GBR) is the lead firm. Marketing institutions fit micro/small → smallholders only; supplier
  // development needs small/medium suppliers → smallholders (micro) no, exporter (no size) no.
  it('cocoa: marketing institutions fit the smallholders, supplier development fits nobody in Ghana', () => {
    const r = policyFit(cocoa);
    expect(r.family).toBe('additive');
    expect(r.country).toBe('GHA');
    const byId = new Map(r.levers.map((l) => [l.lever, l]));
    expect(byId.get('marketing-institutions')).toMatchObject({
      fits: true,
      actors: ['smallholders'],
      rule: 'fits',
    });
    expect(byId.get('local-content-rules')).toMatchObject({
      fits: true,
      actors: ['smallholders', 'exporter'],
    });
    expect(byId.get('supplier-development')).toMatchObject({
      fits: false,
      actors: [],
      rule: 'no-matching-actor',
    });
    expect(byId.get('supplier-development')?.reasons).toEqual([
      'size: smallholders is micro, the lever fits small or medium',
      'size not recorded for exporter',
      'needs a lead firm: manufacturer',
    ]);
    // standards fit, with the exclusion condition because the smallholders are micro (Dolan & Humphrey 2000)
    expect(byId.get('standards-and-certification')?.conditions[0]).toMatch(/^group certification/);
    expect(r.levers.map((l) => l.lever)).toHaveLength(10);
    expect(r.explanation.evidence.slice(0, 2)).toEqual(['chain.family', 'chain.stages[0].country']);
  });

  // Case P6 — Kaplinsky 2015 (zones: little local ownership); Xing & Detert 2010: in China the
  // iPhone 3G's only actor is Foxconn {foreign, TWN, large}; Apple is the lead firm.
  it('iPhone 3G in China: export processing zones and offsets fit foreign-owned Foxconn', () => {
    const r = policyFit(iphone3g, { country: 'CHN' });
    expect(r.family).toBe('vertically-specialised');
    const fitting = r.levers.filter((l) => l.fits).map((l) => l.lever);
    expect(fitting).toEqual([
      'trade-facilitation',
      'export-processing-zones',
      'innovation-systems',
      'skills',
      'rd-incentives',
      'standards-and-certification',
      'offsets',
      'trade-preferences',
    ]);
    expect(r.levers.find((l) => l.lever === 'export-processing-zones')?.reasons).toEqual([
      'ownership: fits foreign foxconn',
    ]);
    // Foxconn is large: programmes for micro, small and medium firms do not fit it
    expect(r.levers.find((l) => l.lever === 'skills-programmes')?.rule).toBe('no-matching-actor');
    // by default the country of the first stage (Toshiba, JPN); the JPN actors, Toshiba and Murata,
    // record no ownership
    const jpn = policyFit(iphone3g);
    expect(jpn.country).toBe('JPN');
    expect(jpn.levers.find((l) => l.lever === 'export-processing-zones')?.reasons).toEqual([
      'ownership not recorded for toshiba',
      'ownership not recorded for murata',
    ]);
  });

  // Case P7 — Dolan & Humphrey 2000: micro, informal Kenyan growers: standards fit, with group
  // certification and extension support as the condition.
  it('Kenyan smallholders: standards and certification fit on condition of group certification', () => {
    const r = policyFit(kenyanVegetables({ size: 'micro', formality: 'informal' }));
    const s = r.levers.find((l) => l.lever === 'standards-and-certification');
    expect(s).toMatchObject({ fits: true, actors: ['growers'] });
    expect(s?.conditions).toHaveLength(1);
    expect(s?.conditions[0]).toMatch(/group certification and extension support.*Dolan & Humphrey 2000/);
    // a large formal grower meets no exclusion condition
    const large = policyFit(kenyanVegetables({ size: 'large', formality: 'formal' }));
    expect(large.levers.find((l) => l.lever === 'standards-and-certification')?.conditions).toEqual([]);
  });

  // Case P8 — the model: an attribute not recorded matches no lever stating it.
  it('does not fit a lever stating size to actors whose size is not recorded, and says so', () => {
    const r = policyFit(kenyanVegetables({}));
    for (const id of ['marketing-institutions', 'skills-programmes', 'supplier-development']) {
      const l = r.levers.find((x) => x.lever === id);
      expect(l?.fits).toBe(false);
      expect(l?.reasons).toContain('size not recorded for growers');
    }
    expect(r.explanation.notes.join(' ')).toMatch(/not recorded: ownership, size, formality of growers/);
  });

  // Morris, Kaplinsky & Kaplan 2012: supplier development and linkage zones need a lead firm.
  it('needs a lead firm for linkage development zones, and an actor in the country', () => {
    const chain = kenyanVegetables({ ownership: 'domestic', size: 'small' }) as {
      actors: { leadFirm?: boolean }[];
    };
    delete chain.actors[1]?.leadFirm;
    const r = policyFit(chain as ValueChainInput);
    const l = r.levers.find((x) => x.lever === 'linkage-development-zones');
    expect(l).toMatchObject({ fits: false, actors: ['growers'], rule: 'no-lead-firm' });
    expect(l?.reasons).toContain('needs a lead firm: the chain records none');
    const far = policyFit(cocoa, { country: 'CIV' });
    expect(far.levers.every((x) => x.rule === 'no-actor-in-country')).toBe(true);
    expect(far.explanation.text).toMatch(/^None of the 10 additive levers/);
  });

  it('reads the core catalogue or another family on request', () => {
    expect(policyFit(cocoa, { catalogue: 'core' }).levers).toHaveLength(5);
    expect(policyFit(cocoa, { family: 'vertically-specialised' }).family).toBe('vertically-specialised');
  });

  it('reports chain and options problems together, freezes its result, and leaves its input alone', () => {
    const e = errorOf(() =>
      policyFit({ ...cocoa, stages: 'x' } as never, { catalogue: 'all', country: 'gh' } as never),
    );
    expect(e.code).toBe('INVALID_INPUT');
    const paths = e.issues.map((i) => i.path);
    expect(paths).toContain('chain.stages');
    expect(paths).toContain('options.catalogue');
    expect(paths).toContain('options.country');
    const input = kenyanVegetables({ size: 'micro' });
    const copy = structuredClone(input);
    const r = policyFit(input);
    expect(input).toEqual(copy);
    expect(isDeepFrozen(r)).toBe(true);
  });
});
