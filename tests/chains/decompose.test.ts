import { describe, expect, it } from 'vitest';
import { decomposeValueAdded } from '../../src/chains/decompose.js';
import { isGvcError } from '../../src/core/errors.js';
import { iphone3g } from '../../src/data/iphone3g.js';
import { deepFreeze, errorOf } from '../helpers.js';
import { asRecord, cocoaChain, iphoneChain, nestedChain } from './decompose-fixtures.js';

// Tolerance of every numeric comparison below: 1e-9 absolute on amounts of order 1–500 (toBeCloseTo(x, 9)).
const DIGITS = 9;

function expectRecord(actual: Record<string, number>, expected: Record<string, number>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, v] of Object.entries(expected)) expect(actual[k], k).toBeCloseTo(v, DIGITS);
}

describe('decomposeValueAdded: the iPhone 3G (Xing & Detert 2010, Table 1)', () => {
  it('first round at the assembler gives the published country totals of the 178.96 ex-factory cost', () => {
    const d = decomposeValueAdded(iphoneChain(false), { depth: 'first-round', at: 'assembly' });
    expect(d.finalValue).toBe(178.96);
    expect(d.depth).toBe('first-round');
    expect(d.at).toBe('assembly');
    // Published: Japan 60.60, Germany 30.15, Korea 22.96, USA 10.75, others 48.00, China 6.50.
    expectRecord(asRecord(d.byCountry), { JPN: 60.6, DEU: 30.15, KOR: 22.96, USA: 10.75, ROW: 48, CHN: 6.5 });
    // China's share: 6.50 / 178.96 = 0.036321 (3.6%).
    expect(d.byCountry.find((g) => g.key === 'CHN')?.share).toBeCloseTo(6.5 / 178.96, DIGITS);
    expect(d.byCountry.find((g) => g.key === 'CHN')?.share).toBeCloseTo(0.0363, 4);
    // Components bought by the assembler are lines keyed by the selling stage, counted in whole.
    const toshiba = d.byStage.find((l) => l.key === 'toshiba');
    expect(toshiba).toMatchObject({ origin: 'chain-input', stage: 'toshiba', country: 'JPN', units: 1 });
    expect(toshiba?.valueAdded).toBeCloseTo(59.25, DIGITS);
  });

  it('the full decomposition coincides here, since the components have no modelled sub-chains', () => {
    const d = decomposeValueAdded(iphoneChain(false));
    expect(d.depth).toBe('full');
    expect(d.at).toBeUndefined();
    expectRecord(asRecord(d.byCountry), { JPN: 60.6, DEU: 30.15, KOR: 22.96, USA: 10.75, ROW: 48, CHN: 6.5 });
  });

  it('with Apple at 500, China keeps 6.50 of 500 (1.3%) and the USA 10.75 + 321.04', () => {
    const d = decomposeValueAdded(iphoneChain(true));
    // Apple: 500 − 178.96 = 321.04; USA total 321.04 + 10.75 = 331.79.
    expectRecord(asRecord(d.byCountry), {
      JPN: 60.6,
      DEU: 30.15,
      KOR: 22.96,
      USA: 331.79,
      ROW: 48,
      CHN: 6.5,
    });
    expect(d.byCountry.find((g) => g.key === 'CHN')?.share).toBeCloseTo(6.5 / 500, DIGITS);
    expect(asRecord(d.byActor).apple).toBeCloseTo(321.04, DIGITS);
    expect(asRecord(d.byFunction)).toMatchObject({ branding: expect.closeTo(321.04, DIGITS) });
    // first round at the default stage (the final one): the assembled phone counts in whole for China.
    const f = decomposeValueAdded(iphoneChain(true), { depth: 'first-round' });
    expect(f.at).toBe('apple');
    expectRecord(asRecord(f.byCountry), { USA: 321.04, CHN: 178.96 });
  });
});

describe('decomposeValueAdded: the embedded iphone3g dataset', () => {
  it('reproduces the published first-round country totals and the 6.50 of Chinese value added', () => {
    // Xing & Detert (2010), Table 1: Japan 60.60, Germany 30.15, Korea 22.96, USA 10.75, others 48.00
    // (sum 172.46) plus China's 6.50 = 178.96; with Apple's stage the phone sells at 500, so the USA
    // holds 10.75 + (500 − 178.96) = 331.79.
    const d = decomposeValueAdded(iphone3g, { depth: 'first-round', at: 'assembly' });
    expectRecord(asRecord(d.byCountry), {
      JPN: 60.6,
      DEU: 30.15,
      KOR: 22.96,
      USA: 331.79,
      ROW: 48,
      CHN: 6.5,
    });
    expect(d.finalValue).toBe(500);
  });
});

describe('decomposeValueAdded: a hand-computed additive chain (arithmetic in decompose-fixtures.ts)', () => {
  const d = decomposeValueAdded(cocoaChain());

  it('scales value added through conversion ratios and counts purchases for their country', () => {
    expect(d.finalValue).toBe(2.5);
    expect(d.currency).toBe('USD');
    expectRecord(asRecord(d.byCountry), { GBR: 1, CHE: 1, FRA: 0.3, GHA: 0.119, NLD: 0.081 });
    expectRecord(asRecord(d.byStage), {
      grow: 0.099,
      'purchases:grow:NLD': 0.011,
      ferment: 0.02,
      grind: 0.06,
      'purchases:grind:NLD': 0.01,
      make: 1,
      'purchases:make:FRA': 0.3,
      retail: 1,
    });
    expect(d.byStage.map((l) => l.key)).toEqual([
      'grow',
      'purchases:grow:NLD',
      'ferment',
      'grind',
      'purchases:grind:NLD',
      'make',
      'purchases:make:FRA',
      'retail',
    ]);
    // units: grow 0.055, ferment 0.05, grind 0.04 per bar
    expect(d.byStage.find((l) => l.key === 'grow')?.units).toBeCloseTo(0.055, DIGITS);
    expect(d.byStage.find((l) => l.key === 'ferment')?.units).toBeCloseTo(0.05, DIGITS);
  });

  it('groups by actor, function and income, with documented keys for stages without actor and purchases', () => {
    // farmers: 0.099 + 0.02 = 0.119; grinder 0.06; make and retail have no actor.
    expectRecord(asRecord(d.byActor), {
      farmers: 0.119,
      grinder: 0.06,
      'stage:make': 1,
      'stage:retail': 1,
      'purchases:NLD': 0.021,
      'purchases:FRA': 0.3,
    });
    // processing = grind 0.06 + make 1.00
    expectRecord(asRecord(d.byFunction), {
      'growing/extraction': 0.099,
      'primary-processing': 0.02,
      processing: 1.06,
      retail: 1,
      purchases: 0.321,
    });
    // grow's distribution scaled by 0.055: wages 1.2·0.055 = 0.066, profit 0.6·0.055 = 0.033;
    // undistributed = 0.02 + 0.06 + 1 + 1 = 2.08; purchases 0.321.
    expectRecord(asRecord(d.byIncome ?? []), {
      wages: 0.066,
      profit: 0.033,
      taxes: 0,
      depreciation: 0,
      interest: 0,
      landRent: 0,
      undistributed: 2.08,
      purchases: 0.321,
    });
  });

  it('sorts groups by value added, descending, then by key', () => {
    expect(d.byCountry.map((g) => g.key)).toEqual(['CHE', 'GBR', 'FRA', 'GHA', 'NLD']);
  });

  it('omits byIncome when no stage states a distribution', () => {
    expect(decomposeValueAdded(nestedChain()).byIncome).toBeUndefined();
  });
});

describe('decomposeValueAdded: a nested chain where first round and full differ (hand computed in fixtures)', () => {
  it('full attributes every stage, however deep', () => {
    const d = decomposeValueAdded(nestedChain());
    expectRecord(asRecord(d.byCountry), { TWN: 20, KOR: 15, JPN: 29, CHN: 16, USA: 120 });
  });

  it('first round at assembly counts the chip and the display in whole for their sellers', () => {
    const d = decomposeValueAdded(nestedChain(), { depth: 'first-round', at: 'assembly' });
    expectRecord(asRecord(d.byCountry), { KOR: 40, JPN: 30, CHN: 10, USA: 120 });
    expectRecord(asRecord(d.byStage), {
      assembly: 6,
      'purchases:assembly:CHN': 4,
      chip: 40,
      display: 30,
      brand: 120,
    });
  });

  it('first round at the final stage counts the assembled device in whole', () => {
    const d = decomposeValueAdded(nestedChain(), { depth: 'first-round' });
    expectRecord(asRecord(d.byCountry), { USA: 120, CHN: 80 });
  });

  it('keeps the value of a supplier used outside the first-round sub-chain, under a distinct key', () => {
    // wafer also feeds the brand stage directly (1 wafer per device, brand price raised by 10 to 210):
    // full TWN = 2·10 + 10 = 30; first round at chip: chip 15 + JPN chemicals 5 + wafers in whole 20.
    const c = nestedChain();
    const stages = c.stages.map((s) =>
      s.id === 'brand'
        ? {
            ...s,
            output: { unit: 'device', unitPrice: 210 },
            inputs: [
              { stage: 'assembly', quantity: 1 },
              { stage: 'wafer', quantity: 1 },
            ],
          }
        : s,
    );
    const d = decomposeValueAdded({ ...c, stages }, { depth: 'first-round', at: 'chip' });
    // wafer's own line (through brand): 1·10; its sale to chip in whole: 2·10, key "wafer→chip"
    expectRecord(asRecord(d.byStage), {
      wafer: 10,
      'wafer→chip': 20,
      chip: 15,
      'purchases:chip:JPN': 5,
      display: 24,
      'purchases:display:CHN': 6,
      assembly: 6,
      'purchases:assembly:CHN': 4,
      brand: 120,
    });
    expect(d.byStage.find((l) => l.key === 'wafer→chip')).toMatchObject({
      origin: 'chain-input',
      stage: 'wafer',
    });
  });
});

describe('decomposeValueAdded: negative value added and accounting identities', () => {
  it('reports a stage selling below cost instead of rejecting it', () => {
    const c = nestedChain();
    // assembly at 65: va = 65 − 40 − 30 − 4 = −9; brand va = 200 − 65 = 135; CHN = −9 + 4 + 6 = 1
    const stages = c.stages.map((s) =>
      s.id === 'assembly' ? { ...s, output: { unit: 'device', unitPrice: 65 } } : s,
    );
    const d = decomposeValueAdded({ ...c, stages });
    expect(d.belowCost).toEqual([{ stage: 'assembly', valueAddedPerUnit: -9 }]);
    expectRecord(asRecord(d.byCountry), { TWN: 20, KOR: 15, JPN: 29, CHN: 1, USA: 135 });
  });

  it('does not list a stage that sells exactly at cost (boundary: value added 0)', () => {
    // assembly at 74: va = 74 − 40 − 30 − 4 = 0
    const c = nestedChain();
    const stages = c.stages.map((s) =>
      s.id === 'assembly' ? { ...s, output: { unit: 'device', unitPrice: 74 } } : s,
    );
    expect(decomposeValueAdded({ ...c, stages }).belowCost).toEqual([]);
  });

  it('raises ACCOUNTING_MISMATCH with the gap when floating-point cancellation breaks the identity', () => {
    // input price 1e17, final price 1: va(final) = 1 − 1e17 rounds to −1e17 (the spacing of doubles
    // near 1e17 is 16), so the parts sum to 1e17 + (−1e17) = 0 instead of 1: gap 0 − 1 = −1, far
    // beyond the tolerance 1e-9 · 1 = 1e-9.
    expect(1 - 1e17).toBe(-1e17); // the cancellation itself, independently of the library
    const chain = {
      id: 'c',
      name: 'C',
      family: 'additive' as const,
      currency: 'USD',
      finalStage: 'b',
      stages: [
        { id: 'a', name: 'A', country: 'USA', output: { unit: 'u', unitPrice: 1e17 } },
        {
          id: 'b',
          name: 'B',
          country: 'USA',
          output: { unit: 'u', unitPrice: 1 },
          inputs: [{ stage: 'a', quantity: 1 }],
        },
      ],
    };
    const e = errorOf(() => decomposeValueAdded(chain));
    expect(e.code).toBe('ACCOUNTING_MISMATCH');
    // parts 0, total 1, gap −1 and tolerance 1e-9, as computed by hand above
    expect(e.message).toBe(
      'value-added decomposition: expected the parts to sum to 1 USD, found 0 (gap -1, tolerance 1e-9)',
    );
    // With a tolerance wide enough for the gap (0.1 · 1 = 0.1 < 1) it is still refused.
    expect(errorOf(() => decomposeValueAdded(chain, { tolerance: 0.1 })).message).toMatch(
      /\(gap -1, tolerance 0\.1\)$/,
    );
  });

  it('raises ACCOUNTING_MISMATCH naming a stage whose distribution differs from its value added', () => {
    const c = cocoaChain();
    const stages = c.stages.map((s) =>
      s.id === 'grow' ? { ...s, distribution: { wages: 1.2, profit: 0.5 } } : s,
    );
    expect(() => decomposeValueAdded({ ...c, stages })).toThrow(
      /stages\[0\]\.distribution: expected the distribution of stage "grow" to sum to its value added per unit 1\.8, found 1\.7 \(gap -0\.1\)$/,
    );
  });
});

describe('decomposeValueAdded: boundary validation and purity', () => {
  it('rejects an invalid chain with every issue and its path', () => {
    const c = cocoaChain();
    const stages = c.stages.map((s) =>
      s.id === 'grind'
        ? { ...s, output: { unit: 'kg', unitPrice: -5 }, inputs: [{ stage: 'ferment', quantity: -1 }] }
        : s,
    );
    try {
      decomposeValueAdded({ ...c, stages });
      expect.unreachable();
    } catch (e) {
      expect(isGvcError(e, 'INVALID_INPUT')).toBe(true);
      if (!isGvcError(e)) return;
      expect(e.issues.map((i) => i.path)).toEqual([
        'chain.stages[2].output.unitPrice',
        'chain.stages[2].inputs[0].quantity',
      ]);
    }
  });

  it('rejects invalid options and an unknown first-round stage', () => {
    expect(() => decomposeValueAdded(cocoaChain(), { depth: 'deep' as 'full' })).toThrow(/options\.depth/);
    expect(() => decomposeValueAdded(cocoaChain(), { at: 'grind' })).toThrow(
      'invalid options: options.at: expected no "at" with depth "full", found "grind"',
    );
    try {
      decomposeValueAdded(cocoaChain(), { depth: 'first-round', at: 'mill' });
      expect.unreachable();
    } catch (e) {
      expect(isGvcError(e, 'NOT_FOUND')).toBe(true);
      expect(String(e)).toMatch(
        /options\.at: expected the id of a stage of chain "cocoa-hand", found "mill"/,
      );
    }
  });

  it('does not mutate its input (deep-frozen, and compared with a deep clone)', () => {
    const frozen = deepFreeze(nestedChain());
    const options = deepFreeze({ depth: 'first-round' as const, at: 'assembly' });
    expect(() => decomposeValueAdded(frozen, options)).not.toThrow();
    const plain = cocoaChain();
    const clone = structuredClone(plain);
    decomposeValueAdded(plain);
    expect(plain).toEqual(clone);
  });

  it('gives the hand-computed totals for a deep-frozen chain, the first time and again once its validation is remembered', () => {
    // By hand (see decompose-fixtures.ts), per bar of 2.5 USD: GBR retail 2.5 − 1.5 = 1; CHE make
    // 1.5 − 0.04·5 − 0.3 = 1; FRA purchases 0.3; GHA grow 0.055·(2 − 0.2) + ferment 0.05·(2.6 − 1.1·2)
    // = 0.099 + 0.02 = 0.119; NLD purchases 0.055·0.2 + 0.04·0.25 and grind 0.04·(5 − 1.25·2.6 − 0.25)
    // = 0.011 + 0.01 + 0.06 = 0.081. Shares are these over 2.5.
    const expected = [
      { key: 'CHE', valueAdded: 1, share: 0.4 },
      { key: 'GBR', valueAdded: 1, share: 0.4 },
      { key: 'FRA', valueAdded: 0.3, share: 0.12 },
      { key: 'GHA', valueAdded: 0.119, share: 0.0476 },
      { key: 'NLD', valueAdded: 0.081, share: 0.0324 },
    ];
    const frozen = deepFreeze(cocoaChain());
    for (const run of ['first', 'second']) {
      const byCountry = decomposeValueAdded(frozen).byCountry;
      expect(
        byCountry.map((g) => g.key),
        run,
      ).toEqual(expected.map((g) => g.key));
      byCountry.forEach((g, i) => {
        expect(g.valueAdded, `${run} ${g.key}`).toBeCloseTo(expected[i]?.valueAdded ?? Number.NaN, DIGITS);
        expect(g.share, `${run} ${g.key}`).toBeCloseTo(expected[i]?.share ?? Number.NaN, DIGITS);
      });
    }
  });
});
