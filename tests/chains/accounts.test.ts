import { describe, expect, it } from 'vitest';
import { agentAccounts } from '../../src/chains/accounts.js';
import { isGvcError } from '../../src/core/errors.js';
import { deepFreeze } from '../helpers.js';
import { type ChainInput, cocoaChain } from './decompose-fixtures.js';

// Tolerance: 1e-9 relative to amounts of order 1–50,000 (toBeCloseTo with 9 digits on per-unit
// amounts, 6 digits on period amounts).

/** cocoaChain with the volumes of a period: 1,100 kg beans → 1,000 kg dry → 800 kg liquor → 20,000 bars. */
function withVolumes(volumes: Record<string, number>): ChainInput {
  const c = cocoaChain();
  return {
    ...c,
    stages: c.stages.map((s) => ({ ...s, output: { ...s.output, volume: volumes[s.id] as number } })),
  };
}
const balanced = { grow: 1100, ferment: 1000, grind: 800, make: 20000, retail: 20000 };

describe('agentAccounts: per unit of the final product (hand computed from cocoaChain)', () => {
  // farmers (grow + ferment): production 0.055·2 + 0.05·2.6 = 0.24; from chain 0.05·1.1·2 = 0.11;
  // from outside 0.055·0.2 = 0.011; VA 0.119. grinder: 0.2; 0.13; 0.01; 0.06. make: 1.5; 0.2; 0.3; 1.
  // retail: 2.5; 1.5; 0; 1. Consolidated: final sales 4.44 − 1.94 = 2.5; outside 0.321; VA 2.179.
  const a = agentAccounts(cocoaChain(), { domesticCountry: 'GHA', indirectValueAdded: 0.005 });

  it('builds one account per actor with intermediate consumption split by origin', () => {
    expect(a.basis).toBe('per-unit');
    expect(a.accounts.map((x) => x.actor)).toEqual(['farmers', 'grinder', 'stage:make', 'stage:retail']);
    const farmers = a.accounts[0];
    expect(farmers?.stages).toEqual(['grow', 'ferment']);
    expect(farmers?.country).toBe('GHA');
    expect(farmers?.productionValue).toBeCloseTo(0.24, 9);
    expect(farmers?.intermediateConsumption.fromChain).toBeCloseTo(0.11, 9);
    expect(farmers?.intermediateConsumption.fromOutside).toBeCloseTo(0.011, 9);
    expect(farmers?.valueAdded).toBeCloseTo(0.119, 9);
    // ferment has no distribution, so the farmers' account has none
    expect(farmers?.distribution).toBeUndefined();
    expect(a.accounts[1]?.valueAdded).toBeCloseTo(0.06, 9);
  });

  it('consolidates, netting intra-chain sales, with driving effect and integration rate', () => {
    expect(a.consolidated.productionValue).toBeCloseTo(2.5, 9);
    expect(a.consolidated.intermediateConsumption).toBeCloseTo(0.321, 9);
    expect(a.consolidated.valueAdded).toBeCloseTo(2.179, 9);
    expect(a.consolidated.domesticValueAdded).toBeCloseTo(0.119, 9);
    // driving effect 0.005 / 0.119 = 0.0420168...; integration (0.119 + 0.005) / 2.5 = 0.0496
    expect(a.consolidated.drivingEffect).toBeCloseTo(0.005 / 0.119, 9);
    expect(a.consolidated.integrationRate).toBeCloseTo(0.0496, 9);
    expect(a.consolidated.distribution).toBeUndefined();
    expect(a.massBalance).toEqual([]);
  });

  it('leaves the driving effect out when no indirect value added is supplied; defaults to the final stage country', () => {
    const b = agentAccounts(cocoaChain());
    expect(b.consolidated.domesticCountry).toBe('GBR');
    expect(b.consolidated.domesticValueAdded).toBeCloseTo(1, 9);
    expect(b.consolidated).not.toHaveProperty('drivingEffect');
    expect(b.consolidated).not.toHaveProperty('integrationRate');
  });
});

describe('agentAccounts: volumes of a period (hand computed)', () => {
  // grow 1,100 kg: production 2,200; outside 220; VA 1,980 = wages 1,320 + profit 660.
  // ferment 1,000 kg: production 2,600; from chain 1,000·1.1·2 = 2,200; VA 400.
  // grind 800 kg: 4,000; 800·1.25·2.6 = 2,600; outside 200; VA 1,200.
  // make 20,000 bars: 30,000; 20,000·0.04·5 = 4,000; outside 6,000; VA 20,000. retail: 50,000; 30,000; VA 20,000.
  // Consolidated: 88,800 − 38,800 = 50,000 of final sales; outside 6,420; VA 43,580.
  it('scales by volumes and balances created against distributed value added', () => {
    const chain = withVolumes(balanced);
    const stages = chain.stages.map((s) =>
      s.id === 'ferment' ? { ...s, distribution: { wages: 0.3, depreciation: 0.05, profit: 0.05 } } : s,
    );
    const a = agentAccounts({ ...chain, stages }, { basis: 'volume' });
    const farmers = a.accounts[0];
    expect(farmers?.productionValue).toBeCloseTo(4800, 6);
    expect(farmers?.valueAdded).toBeCloseTo(2380, 6);
    // distribution: wages 1,320 + 300; depreciation 50; profit 660 + 50
    expect(farmers?.distribution?.wages).toBeCloseTo(1620, 6);
    expect(farmers?.distribution?.profit).toBeCloseTo(710, 6);
    // net operating profit = 2,380 − 1,620 − 50 = 710
    expect(farmers?.netOperatingProfit).toBeCloseTo(710, 6);
    expect(a.consolidated.productionValue).toBeCloseTo(50000, 6);
    expect(a.consolidated.intermediateConsumption).toBeCloseTo(6420, 6);
    expect(a.consolidated.valueAdded).toBeCloseTo(43580, 6);
    expect(a.massBalance).toEqual([]);
  });

  it('says by how much value added distributed differs from value added created', () => {
    // grow distributes 1.2 + 0.5 = 1.7 per kg against 1.8 created: on 1,100 kg, 1,870 vs 1,980, gap −110.
    const chain = withVolumes(balanced);
    const stages = chain.stages.map((s) =>
      s.id === 'grow' ? { ...s, distribution: { wages: 1.2, profit: 0.5 } } : s,
    );
    try {
      agentAccounts({ ...chain, stages }, { basis: 'volume' });
      expect.unreachable();
    } catch (e) {
      expect(isGvcError(e, 'ACCOUNTING_MISMATCH')).toBe(true);
      expect((e as Error).message).toBe(
        'value added created differs from value added distributed: chain.stages[0].distribution: expected value added distributed to equal value added created for stage "grow" (actor "farmers"), found created 1980, distributed 1870 (gap -110)',
      );
    }
  });

  it('flags a stage whose consumers use more than it produced (mass balance)', () => {
    // grind 900 kg of liquor needs 900·1.25 = 1,125 kg of dry beans; fermenting produced 1,000: excess 125.
    // make needs 20,000·0.04 = 800 of grind's 900: fine. At 1,000 exactly (boundary) nothing is flagged.
    const a = agentAccounts(withVolumes({ ...balanced, grind: 900 }), { basis: 'volume' });
    expect(a.massBalance).toEqual([
      { stage: 'ferment', available: 1000, required: 1125, excess: 125, consumers: ['grind'] },
    ]);
    expect(agentAccounts(withVolumes({ ...balanced, grind: 800 })).massBalance).toEqual([]);
  });

  it('needs every volume on the volume basis', () => {
    try {
      agentAccounts(cocoaChain(), { basis: 'volume' });
      expect.unreachable();
    } catch (e) {
      expect(isGvcError(e, 'INSUFFICIENT_DATA')).toBe(true);
      if (isGvcError(e)) expect(e.issues.map((i) => i.path)).toHaveLength(5);
    }
  });

  it('does not mutate its input', () => {
    const frozen = deepFreeze(withVolumes(balanced));
    expect(() => agentAccounts(frozen, { basis: 'volume' })).not.toThrow();
    const plain = withVolumes(balanced);
    const clone = structuredClone(plain);
    agentAccounts(plain, { basis: 'volume', indirectValueAdded: 10 });
    expect(plain).toEqual(clone);
  });
});
