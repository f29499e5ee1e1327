import { describe, expect, it } from 'vitest';
import { cocoa, cocoaGhanaGrinding, iphone3g } from '../../src/data/index.js';
import {
  agentAccounts,
  decomposeValueAdded,
  domesticValueAddedShares,
  parseValueChain,
  type Stage,
  type ValueChain,
  valueAddedShare,
} from '../../src/index.js';
import { isDeepFrozen } from '../helpers.js';

const TOL = 1e-9; // absolute tolerance, in dollars: the figures are exact to the cent

function stage(chain: ValueChain, id: string): Stage {
  const s = chain.stages.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no stage ${id}`);
  return s;
}

/** Value added per unit of a stage's output: its price less chain inputs and purchases. */
function valueAdded(chain: ValueChain, s: Stage): number {
  const inputs = s.inputs.reduce((sum, i) => sum + i.quantity * stage(chain, i.stage).output.unitPrice, 0);
  const purchases = s.purchases.reduce((sum, p) => sum + p.value, 0);
  return s.output.unitPrice - inputs - purchases;
}

describe.each([
  ['iphone3g', iphone3g],
  ['cocoa', cocoa],
  ['cocoaGhanaGrinding', cocoaGhanaGrinding],
])('%s', (_, chain) => {
  it('is a valid chain, already in parsed form, with its source', () => {
    expect(parseValueChain(chain)).toEqual(chain);
    expect(chain.source?.citation.length).toBeGreaterThan(20);
  });
});

describe('iphone3g (Xing & Detert 2010, Table 1)', () => {
  it('has the published country totals of the bill of materials exactly', () => {
    const byCountry = new Map<string, number>();
    for (const s of iphone3g.stages.filter((x) => x.function === 'component-manufacture')) {
      byCountry.set(s.country, (byCountry.get(s.country) ?? 0) + s.output.unitPrice);
    }
    // published: Japan 60.60, Germany 30.15, Korea 22.96, United States 10.75, other countries 48.00
    const expected: Array<[string, number]> = [
      ['JPN', 60.6],
      ['DEU', 30.15],
      ['KOR', 22.96],
      ['USA', 10.75],
      ['ROW', 48],
    ];
    expect([...byCountry.keys()].sort()).toEqual(expected.map(([c]) => c).sort());
    for (const [country, total] of expected) expect(byCountry.get(country)).toBeCloseTo(total, 9);
  });

  it('leaves China at 178.96 with 6.50 of Chinese value added, and retails at 500', () => {
    // hand calculation: 60.60 + 30.15 + 22.96 + 10.75 + 48.00 = 172.46 (bill of materials);
    // 178.96 − 172.46 = 6.50 (assembly); 500 − 178.96 = 321.04 (Apple and US distribution and retail)
    const assembly = stage(iphone3g, 'assembly');
    expect(assembly.country).toBe('CHN');
    expect(assembly.output.unitPrice).toBe(178.96);
    expect(Math.abs(valueAdded(iphone3g, assembly) - 6.5)).toBeLessThan(TOL);
    const retail = stage(iphone3g, iphone3g.finalStage);
    expect(retail.output.unitPrice).toBe(500);
    expect(Math.abs(valueAdded(iphone3g, retail) - 321.04)).toBeLessThan(TOL);
    expect(iphone3g.actors.find((a) => a.leadFirm)?.id).toBe('apple');
    expect([iphone3g.family, iphone3g.driver, iphone3g.finalMarket]).toEqual([
      'vertically-specialised',
      'buyer',
      'USA',
    ]);
  });

  it('assembles every component stage in parallel, one set per phone', () => {
    expect(stage(iphone3g, 'assembly').inputs).toHaveLength(9);
    expect(stage(iphone3g, 'assembly').inputs.every((i) => i.quantity === 1)).toBe(true);
  });
});

describe('cocoa (Cocoa Barometer 2015 shares; ICCO conversion factor)', () => {
  it('is a sequence: each stage has at most one chain input', () => {
    expect(cocoa.family).toBe('additive');
    expect(cocoa.stages.every((s) => s.inputs.length <= 1)).toBe(true);
    expect(cocoa.stages.map((s) => s.country)).toEqual(['GHA', 'GHA', 'GHA', 'NLD', 'GBR', 'GBR', 'GBR']);
  });

  it('uses the ICCO liquor conversion factor, 1.25 kg of beans per kg of liquor', () => {
    expect(stage(cocoa, 'grind').inputs).toEqual([{ stage: 'export', quantity: 1.25 }]);
  });

  it('reproduces the published shares of the retail price of a bar', () => {
    // Quantities per bar (hand calculation): liquor 0.025 kg; dry beans 0.025 × 1.25 = 0.03125 kg.
    // Farmers (value of dry beans at the farm gate): 2.112 × 0.03125 = 0.066 → 6.6%
    // Grinders (value added): (8.24 − 1.25 × 4.16) × 0.025 = (8.24 − 5.20) × 0.025 = 0.076 → 7.6%
    // Manufacturers (brand price less liquor): 0.558 − 8.24 × 0.025 = 0.558 − 0.206 = 0.352 → 35.2%
    // Retailers: 1.000 − 0.558 = 0.442 → 44.2%   (Fountain & Huetz-Adams 2015)
    const price = (id: string) => stage(cocoa, id).output.unitPrice;
    const retail = price('retail');
    expect(retail).toBe(1);
    const liquorPerBar = stage(cocoa, 'manufacture').inputs[0]!.quantity;
    const beansPerBar = liquorPerBar * stage(cocoa, 'grind').inputs[0]!.quantity;
    expect(Math.abs((price('ferment-dry') * beansPerBar) / retail - 0.066)).toBeLessThan(TOL);
    expect(Math.abs((valueAdded(cocoa, stage(cocoa, 'grind')) * liquorPerBar) / retail - 0.076)).toBeLessThan(
      TOL,
    );
    expect(Math.abs((price('brand') - price('grind') * liquorPerBar) / retail - 0.352)).toBeLessThan(TOL);
    expect(Math.abs((retail - price('brand')) / retail - 0.442)).toBeLessThan(TOL);
  });

  it('has distributions that add up to the value added of their stages', () => {
    // grow: 0.48 + 0.06 + 0.10 = 0.64 = 0.64 − 0 (no inputs)
    // export: 0.30 + 0.90 + 0.10 + 0.10 + 0.648 = 2.048 = 4.16 − 2.112
    // manufacture: 0.06 + 0.01 + 0.02 + 0.03 = 0.12 = 0.406 − 0.025 × 8.24 − (0.06 + 0.02)
    const withDistribution = cocoa.stages.filter((s) => s.distribution !== undefined);
    expect(withDistribution.map((s) => s.id)).toEqual(['grow', 'export', 'manufacture']);
    const expected: Record<string, number> = { grow: 0.64, export: 2.048, manufacture: 0.12 };
    for (const s of withDistribution) {
      const d = s.distribution!;
      const total = d.wages + d.taxes + d.depreciation + d.interest + d.landRent + d.profit;
      expect(Math.abs(total - expected[s.id]!)).toBeLessThan(TOL);
      expect(Math.abs(valueAdded(cocoa, s) - expected[s.id]!)).toBeLessThan(TOL);
    }
  });
});

// The scenario of issue 18, point 9: `cocoa` with the grinding stage moved to Ghana (Kaplinsky 2015:
// Ghana's policy drew grinders there; Cameroon ships raw beans). Design: .scratch/issue18/09-second-cocoa-chain.md.
describe('cocoaGhanaGrinding (scenario: cocoa ground in Ghana; Cocoa Barometer 2015 shares)', () => {
  it('is deeply frozen and has the stages of cocoa, in the same order', () => {
    expect(isDeepFrozen(cocoaGhanaGrinding)).toBe(true);
    expect(cocoaGhanaGrinding.stages.map((s) => s.id)).toEqual(cocoa.stages.map((s) => s.id));
    expect(cocoaGhanaGrinding.id).toBe('cocoa-chocolate-ghana-grinding');
    expect(cocoaGhanaGrinding.name).toMatch(/\(scenario\)$/);
    expect(cocoaGhanaGrinding.notes).toMatch(/^Scenario:/);
    expect(cocoaGhanaGrinding.source?.citation).toMatch(/Cocoa Barometer 2015.*Kaplinsky, R\. \(2015\)/);
  });

  it("changes nothing but where the grinding is: grind's actor, country and name, and the grinder", () => {
    // The dataset's claim: every price, ratio and distribution is cocoa's (no invented figure).
    const { actor, country, name, ...grindRest } = stage(cocoaGhanaGrinding, 'grind');
    const { actor: a0, country: c0, name: n0, ...cocoaGrindRest } = stage(cocoa, 'grind');
    expect(grindRest).toEqual(cocoaGrindRest);
    expect([actor, country, name]).toEqual(['grinder-gha', 'GHA', 'Grinding to cocoa liquor (in Ghana)']);
    expect([a0, c0]).toEqual(['grinder', 'NLD']);
    for (const s of cocoaGhanaGrinding.stages.filter((x) => x.id !== 'grind')) {
      expect(s).toEqual(stage(cocoa, s.id));
    }
    expect(cocoaGhanaGrinding.actors.filter((x) => x.id !== 'grinder-gha')).toEqual(
      cocoa.actors.filter((x) => x.id !== 'grinder'),
    );
    expect(cocoaGhanaGrinding.actors.find((x) => x.id === 'grinder-gha')).toEqual({
      id: 'grinder-gha',
      name: 'Cocoa grinder in Ghana',
      country: 'GHA',
      size: 'large',
    });
    const top = (c: ValueChain) => {
      const { id, name, actors, stages, source, notes, ...rest } = c;
      return rest;
    };
    expect(top(cocoaGhanaGrinding)).toEqual(top(cocoa));
  });

  it("raises Ghana's share of the bar's value from 0.130 to 0.206 (hand calculation)", () => {
    // Per bar (retail USD 1.00): grow 0.05 + ferment-dry 0.016 + export 0.064 = 0.130 in Ghana when the
    // beans are shipped raw; + grinding (8.24 − 1.25 × 4.16) × 0.025 = 0.076 when ground at home = 0.206.
    // (numbers.R → numbers.Rout of the design: GHA 0.130 / 0.206, NLD 0.076 / 0, GBR 0.794 / 0.794)
    expect(Math.abs(valueAddedShare(cocoa, { country: 'GHA' }) - 0.13)).toBeLessThan(1e-12);
    expect(Math.abs(valueAddedShare(cocoaGhanaGrinding, { country: 'GHA' }) - 0.206)).toBeLessThan(1e-12);
    expect(Math.abs(valueAddedShare(cocoaGhanaGrinding, { country: 'GBR' }) - 0.794)).toBeLessThan(1e-12);
    const shares = domesticValueAddedShares([cocoa, cocoaGhanaGrinding], 'GHA');
    expect(Math.abs((shares[1]?.change ?? 0) - 0.076)).toBeLessThan(1e-12);
  });

  it('leaves no value added in the Netherlands', () => {
    const keys = decomposeValueAdded(cocoaGhanaGrinding).byCountry.map((r) => r.key);
    expect(keys).not.toContain('NLD');
    expect([...keys].sort()).toEqual(['GBR', 'GHA']);
    expect(decomposeValueAdded(cocoa).byCountry.map((r) => r.key)).toContain('NLD');
  });

  it("gives Ghana 0.206 of domestic value added per bar in the agents' accounts", () => {
    // Same hand calculation as above: 0.05 + 0.016 + 0.064 + 0.076 = 0.206; cocoa: 0.130.
    const gha = agentAccounts(cocoaGhanaGrinding, { domesticCountry: 'GHA' }).consolidated;
    expect(Math.abs(gha.domesticValueAdded - 0.206)).toBeLessThan(1e-12);
    const raw = agentAccounts(cocoa, { domesticCountry: 'GHA' }).consolidated;
    expect(Math.abs(raw.domesticValueAdded - 0.13)).toBeLessThan(1e-12);
  });
});
