import { describe, expect, expectTypeOf, it } from 'vitest';
import { cocoa, iphone3g } from '../../src/data/index.js';
import {
  classifyLinkGovernance,
  GvcError,
  type LinkChainInput,
  type ValueChain,
  type ValueChainInput,
} from '../../src/index.js';
import { errorOf, isDeepFrozen } from '../helpers.js';

// Expected types: Table 1 of Gereffi, Humphrey & Sturgeon (2005), transcribed by hand
// (market low/high/high, modular high/high/high, relational high/low/high, captive high/high/low,
// hierarchy high/low/low; low/high/low: exclusion of the suppliers, no type). The determinant codings
// of each case are ours, read from the cited descriptions; the type then follows from the table.
const hhh = { complexity: 'high', codifiability: 'high', supplierCapability: 'high' } as const;
const lhh = { complexity: 'low', codifiability: 'high', supplierCapability: 'high' } as const;

/** A two-stage chain: a Kenyan exporter supplying a UK supermarket (Dolan & Humphrey 2000). */
const vegetables = {
  id: 'kenya-vegetables',
  name: 'Kenyan fresh vegetables to UK supermarkets',
  currency: 'USD',
  actors: [
    { id: 'exporter', name: 'Kenyan exporter', country: 'KEN' },
    { id: 'supermarket', name: 'UK supermarket', country: 'GBR' },
  ],
  stages: [
    {
      id: 'kenya-export',
      name: 'Pack and export',
      country: 'KEN',
      actor: 'exporter',
      output: { unit: 'kg', unitPrice: 2 },
    },
    {
      id: 'uk-supermarket',
      name: 'Retail',
      country: 'GBR',
      actor: 'supermarket',
      output: { unit: 'kg', unitPrice: 6 },
      inputs: [{ stage: 'kenya-export', quantity: 1 }],
    },
  ],
  finalStage: 'uk-supermarket',
  governance: { type: 'relational' },
} as const;

describe('classifyLinkGovernance: cases from the literature', () => {
  // G1 — Sturgeon (2002): turnkey contract manufacturers take codified specifications from brand
  // owners (modular); Xing & Detert (2010): Foxconn assembles the iPhone for Apple.
  it('G1 the iPhone assembly link (Foxconn → Apple) is modular; the component links are unclassified', () => {
    const r = classifyLinkGovernance(iphone3g, [{ from: 'assembly', to: 'retail', determinants: hhh }]);
    expect(r.links).toHaveLength(1);
    expect(r.links[0]).toMatchObject({
      from: 'assembly',
      to: 'retail',
      supplier: 'foxconn',
      buyer: 'apple',
      type: 'modular',
      explicitCoordination: 2,
      powerAsymmetry: 2,
      rule: 'GHS-table-1',
    });
    // the nine component stages all feed assembly (counted by hand in src/data/iphone3g.ts)
    expect(r.unclassified).toHaveLength(9);
    expect(r.unclassified.every((l) => l.to === 'assembly')).toBe(true);
    expect(r.withinActor).toEqual([]);
    expect(r.mostCommon).toBe('modular');
    expect(r.explanation.rules).toEqual(['GHS-table-1']);
    expect(r.explanation.evidence).toEqual(['links[0].determinants']);
  });

  // G2 — GHS (2005): market links are simple, codified transactions with capable suppliers;
  // in `cocoa`, smallholders sell graded, fermented and dried beans to licensed buyers (exporter).
  it('G2 the cocoa bean sale (smallholders → exporter) is a market link; same-actor links apart', () => {
    const r = classifyLinkGovernance(cocoa, [{ from: 'ferment-dry', to: 'export', determinants: lhh }]);
    expect(r.links.map((l) => [l.supplier, l.buyer, l.type])).toEqual([
      ['smallholders', 'exporter', 'market'],
    ]);
    expect(r.withinActor).toEqual([
      { from: 'grow', to: 'ferment-dry', actor: 'smallholders' },
      { from: 'manufacture', to: 'brand', actor: 'manufacturer' },
    ]);
    expect(r.unclassified).toEqual([
      { from: 'export', to: 'grind' },
      { from: 'grind', to: 'manufacture' },
      { from: 'brand', to: 'retail' },
    ]);
    expect(r.types).toEqual({ market: 1, modular: 0, relational: 0, captive: 0, hierarchy: 0 });
  });

  // G2b — GHS (2005): hierarchy is vertical integration, control within one firm.
  it("G2b with withinActor: 'hierarchy' the same-actor links of cocoa are hierarchy", () => {
    const r = classifyLinkGovernance(cocoa, [{ from: 'ferment-dry', to: 'export', determinants: lhh }], {
      withinActor: 'hierarchy',
    });
    expect(r.links.map((l) => [l.from, l.to, l.type, l.rule])).toEqual([
      ['ferment-dry', 'export', 'market', 'GHS-table-1'],
      ['grow', 'ferment-dry', 'hierarchy', 'within-actor-hierarchy'],
      ['manufacture', 'brand', 'hierarchy', 'within-actor-hierarchy'],
    ]);
    expect(r.types.hierarchy).toBe(2);
    expect(r.mostCommon).toBe('hierarchy');
    expect(r.explanation.rules).toEqual(['GHS-table-1', 'within-actor-hierarchy']);
    expect(r.explanation.evidence).toContain('chain.stages[5].actor');
  });

  // G3 — Dolan & Humphrey (2000); GHS (2005), fresh vegetables: supermarkets' demands made the
  // transactions complex and hard to codify; Kenyan exporters were capable → relational.
  it('G3 the Kenyan exporter → UK supermarket link is relational, consistent with the declared type', () => {
    const r = classifyLinkGovernance(vegetables, [
      {
        from: 'kenya-export',
        to: 'uk-supermarket',
        determinants: { complexity: 'high', codifiability: 'low', supplierCapability: 'high' },
      },
    ]);
    expect(r.links[0]?.type).toBe('relational');
    expect(r.consistentWithDeclared).toBe(true);
    expect(r.unclassified).toEqual([]);
  });

  // G4 — GHS (2005), note to Table 1: low complexity, high codifiability and low supplier
  // capability lead to the exclusion of the suppliers, not to a type.
  it('G4 low / high / low gives no type, and the explanation names exclusion', () => {
    const r = classifyLinkGovernance(vegetables, [
      {
        from: 'kenya-export',
        to: 'uk-supermarket',
        determinants: { complexity: 'low', codifiability: 'high', supplierCapability: 'low' },
      },
    ]);
    expect(r.links[0]).toMatchObject({ type: null, explicitCoordination: null, powerAsymmetry: null });
    expect(r.links[0]?.explanation).toMatch(/exclusion/);
    expect(r.mostCommon).toBeNull();
    expect(r.consistentWithDeclared).toBeNull();
  });

  // G5 — GHS (2005): one chain combines types at different links. Codings illustrative.
  it('G5 a chain with links of different types: the declared type may be at none of them', () => {
    const r = classifyLinkGovernance(cocoa, [
      { from: 'ferment-dry', to: 'export', determinants: lhh },
      { from: 'brand', to: 'retail', determinants: hhh },
    ]);
    expect(r.links.map((l) => l.type)).toEqual(['market', 'modular']);
    expect(r.mostCommon).toBeNull(); // 1 market, 1 modular: a tie
    const declared = { ...vegetables, governance: { type: 'captive' } } as const;
    const d = classifyLinkGovernance(declared, [
      { from: 'kenya-export', to: 'uk-supermarket', determinants: hhh },
    ]);
    expect(d.consistentWithDeclared).toBe(false);
    expect(d.explanation.text).toMatch(/declared type captive is at no link/);
  });
});

describe('classifyLinkGovernance: validation and contract', () => {
  it('rejects a pair of stages that is not a link of the chain (INVALID_INPUT at links[i])', () => {
    const e = errorOf(() =>
      classifyLinkGovernance(cocoa, [{ from: 'grow', to: 'grind', determinants: lhh }]),
    );
    expect(e).toBeInstanceOf(GvcError);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual([
      { path: 'links[0]', message: 'expected a chain link: stage "grind" does not take "grow" as an input' },
    ]);
  });

  it('reports unknown stages as NOT_FOUND, each end at its path', () => {
    const e = errorOf(() =>
      classifyLinkGovernance(cocoa, [{ from: 'nowhere', to: 'nothing', determinants: lhh }]),
    );
    expect(e.code).toBe('NOT_FOUND');
    expect(e.issues.map((i) => i.path)).toEqual(['links[0].from', 'links[0].to']);
  });

  it('rejects the same link twice at the second one', () => {
    const link = { from: 'ferment-dry', to: 'export', determinants: lhh };
    const e = errorOf(() => classifyLinkGovernance(cocoa, [link, link]));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual(['links[1]']);
  });

  it('reports every argument problem at once, rooted at its name', () => {
    const e = errorOf(() =>
      classifyLinkGovernance(
        { stages: [] } as never,
        [{ from: 'a', to: 'b', determinants: { complexity: 'mid' } }] as never,
        { withinActor: 'merge' } as never,
      ),
    );
    expect(e.code).toBe('INVALID_INPUT');
    const paths = e.issues.map((i) => i.path);
    expect(paths).toContain('chain.stages');
    expect(paths).toContain('links[0].determinants.complexity');
    expect(paths).toContain('options.withinActor');
  });

  it('rejects duplicate stage ids and inputs naming no stage', () => {
    const bad = {
      stages: [
        { id: 'a', inputs: [{ stage: 'zz' }] },
        { id: 'a', inputs: [] },
      ],
    };
    const e = errorOf(() => classifyLinkGovernance(bad, []));
    expect(e.issues.map((i) => i.path)).toEqual(['chain.stages[1].id', 'chain.stages[0].inputs[0].stage']);
  });

  it('freezes the result and leaves the arguments untouched', () => {
    const links = [{ from: 'ferment-dry', to: 'export', determinants: { ...lhh } }];
    const before = JSON.stringify(links);
    const r = classifyLinkGovernance(cocoa, links, null);
    expect(JSON.stringify(links)).toBe(before);
    expect(isDeepFrozen(r)).toBe(true);
  });

  it('reads built-in names as plain stage ids', () => {
    const chain = {
      stages: [
        { id: '__proto__', actor: 'constructor' },
        { id: 'constructor', actor: 'toString', inputs: [{ stage: '__proto__' }] },
      ],
    };
    const r = classifyLinkGovernance(chain, [{ from: '__proto__', to: 'constructor', determinants: lhh }]);
    expect(r.links.map((l) => [l.supplier, l.buyer, l.type])).toEqual([
      ['constructor', 'toString', 'market'],
    ]);
    expect(isDeepFrozen(r)).toBe(true);
  });

  it('takes any value chain, parsed or not', () => {
    expectTypeOf<ValueChainInput>().toExtend<LinkChainInput>();
    expectTypeOf<ValueChain>().toExtend<LinkChainInput>();
  });

  it('with no links described, classifies nothing and lists every cross-actor link', () => {
    const r = classifyLinkGovernance(cocoa, []);
    expect(r.links).toEqual([]);
    expect(r.unclassified).toHaveLength(4);
    expect(r.mostCommon).toBeNull();
    expect(r.explanation.text).toMatch(/No link was classified/);
  });
});
