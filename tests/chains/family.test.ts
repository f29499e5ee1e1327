import { describe, expect, it } from 'vitest';
import { inferChainFamily } from '../../src/chains/family.js';
import { safeParseValueChain } from '../../src/chains/parse.js';
import { cocoa, cocoaGhanaGrinding, dominicanJeans, iphone3g } from '../../src/data/index.js';
import { errorOf, isDeepFrozen } from '../helpers.js';

// Sources of the rules: Kaplinsky, R. (2015) UNU-MERIT WP 2015-027, section on the two families of
// value chains (vertically specialised vs additive; the five reasons resource chains are additive;
// apparel, furniture and footwear have both forms); Kaplinsky, R. & Morris, M. (2016) EJDR 28(4).
// Expected values are worked by hand from the chains' data (comments), never read off the code.

type Stage = {
  id: string;
  name?: string;
  function?: string;
  country: string;
  output: { unit: string; unitPrice: number };
  inputs?: Array<{ stage: string; quantity: number }>;
};

/** A chain from stages (names default to ids); `finalStage` is the last stage. */
function chain(stages: Stage[], family?: string): Record<string, unknown> {
  return {
    ...(family === undefined ? {} : { family }),
    id: 'c',
    name: 'C',
    currency: 'USD',
    finalStage: stages[stages.length - 1]?.id,
    stages: stages.map((s) => ({ name: s.id, ...s })),
  };
}

const ids = (r: ReturnType<typeof inferChainFamily>) => r.reasons.map((x) => x.id);

// Kaplinsky 2015: an automobile is made of 3,000+ parts produced in parallel and assembled.
// Illustrative three-component version (countries and prices illustrative).
const car = (family?: string) =>
  chain(
    [
      { id: 'engine', country: 'DEU', output: { unit: 'piece', unitPrice: 3000 } },
      { id: 'body', country: 'MEX', output: { unit: 'piece', unitPrice: 2000 } },
      { id: 'electronics', country: 'JPN', output: { unit: 'set', unitPrice: 1500 } },
      {
        id: 'assembly',
        function: 'assembly',
        country: 'USA',
        output: { unit: 'car', unitPrice: 9000 },
        inputs: [
          { stage: 'engine', quantity: 1 },
          { stage: 'body', quantity: 1 },
          { stage: 'electronics', quantity: 1 },
        ],
      },
      {
        id: 'dealer',
        country: 'USA',
        output: { unit: 'car', unitPrice: 11000 },
        inputs: [{ stage: 'assembly', quantity: 1 }],
      },
    ],
    family,
  );

// Kaplinsky 2015: apparel has both forms. Illustrative cotton-to-garment chain: lint turnout 0.35
// (so 1/0.35 kg seed cotton per kg lint), 1.1 kg lint per kg yarn, 1.5 m fabric per garment.
const apparel = () =>
  chain([
    {
      id: 'cotton',
      function: 'growing/extraction',
      country: 'IND',
      output: { unit: 'kg seed cotton', unitPrice: 0.5 },
    },
    {
      id: 'gin',
      country: 'IND',
      output: { unit: 'kg lint', unitPrice: 1.6 },
      inputs: [{ stage: 'cotton', quantity: 1 / 0.35 }],
    },
    {
      id: 'spin',
      country: 'IND',
      output: { unit: 'kg yarn', unitPrice: 2.5 },
      inputs: [{ stage: 'gin', quantity: 1.1 }],
    },
    {
      id: 'weave',
      country: 'CHN',
      output: { unit: 'm fabric', unitPrice: 1.2 },
      inputs: [{ stage: 'spin', quantity: 0.15 }],
    },
    { id: 'trims', country: 'TUR', output: { unit: 'set', unitPrice: 0.3 } },
    {
      id: 'cmt',
      function: 'assembly',
      country: 'BGD',
      output: { unit: 'piece', unitPrice: 4 },
      inputs: [
        { stage: 'weave', quantity: 1.5 },
        { stage: 'trims', quantity: 1 },
      ],
    },
    {
      id: 'retail',
      country: 'GBR',
      output: { unit: 'piece', unitPrice: 15 },
      inputs: [{ stage: 'cmt', quantity: 1 }],
    },
  ]);

// Kaplinsky 2015: mining is tied to a fixed point of nature and loses weight in processing.
// Illustrative copper ratios: 40 t ore per t concentrate, 3.5 t concentrate per t blister, 1.02 t
// blister per t cathode, 1 t cathode per t wire rod.
const copper = () =>
  chain([
    { id: 'mine', function: 'growing/extraction', country: 'ZMB', output: { unit: 't ore', unitPrice: 40 } },
    {
      id: 'concentrate',
      country: 'ZMB',
      output: { unit: 't concentrate', unitPrice: 2000 },
      inputs: [{ stage: 'mine', quantity: 40 }],
    },
    {
      id: 'smelt',
      country: 'ZMB',
      output: { unit: 't blister copper', unitPrice: 7500 },
      inputs: [{ stage: 'concentrate', quantity: 3.5 }],
    },
    {
      id: 'refine',
      country: 'CHN',
      output: { unit: 't cathode', unitPrice: 8000 },
      inputs: [{ stage: 'smelt', quantity: 1.02 }],
    },
    {
      id: 'wire',
      country: 'CHN',
      output: { unit: 't wire rod', unitPrice: 8500 },
      inputs: [{ stage: 'refine', quantity: 1 }],
    },
  ]);

describe('inferChainFamily: cases from the literature', () => {
  it('F1 the iPhone 3G is vertically specialised (Kaplinsky 2015; Xing & Detert 2010, Table 1)', () => {
    // By hand: "assembly" takes 9 component sets; their countries are JPN, JPN, KOR, DEU, DEU, USA,
    // USA, USA, ROW → 5 distinct; every unit is "set per phone" or "phone": no mass, no weight loss.
    // Longest single-input run: assembly → retail (2 < 3).
    const r = inferChainFamily(iphone3g);
    expect(r.family).toBe('vertically-specialised');
    expect(ids(r)).toEqual([
      'V1-parallel-inputs',
      'V2-dispersed-parallel-suppliers',
      'V3-no-processing-loss',
    ]);
    expect(r.structure.maxChainInputs).toEqual({ stage: 'assembly', inputs: 9 });
    expect(r.reasons[0]?.text).toBe('stage "assembly" takes 9 chain inputs made in parallel');
    expect(r.reasons[1]?.text).toContain('5 countries (JPN, KOR, DEU, USA, ROW)');
    expect(r.structure.longestSequence).toEqual(['assembly', 'retail']);
    expect(r.structure.weightLoss).toEqual([]);
    expect([r.declared, r.consistentWithDeclared]).toEqual(['vertically-specialised', true]);
  });

  it('F2 cocoa → chocolate is additive (Kaplinsky 2015; Cocoa Barometer 2015; ICCO conversion 1.25)', () => {
    // By hand: 7 stages each taking the previous one's output; "grow" is growing/extraction;
    // grow→ferment-dry 2.5 kg fresh per kg dry: loss 1 − 1/2.5 = 0.6; export→grind 1.25 kg beans per
    // kg liquor: loss 1 − 1/1.25 = 0.2; ferment-dry→export 1:1 (no loss); "bar (100 g)" is not a mass unit.
    const r = inferChainFamily(cocoa);
    expect(r.family).toBe('additive');
    expect(ids(r)).toEqual(['A1-sequential-stages', 'A2-fixed-point-of-nature', 'A3-processing-loss']);
    expect(r.structure.longestSequence).toHaveLength(7);
    expect(r.reasons[1]?.stages).toEqual(['grow']);
    expect(r.structure.weightLoss.map((l) => [l.from, l.to])).toEqual([
      ['grow', 'ferment-dry'],
      ['export', 'grind'],
    ]);
    expect(r.structure.weightLoss[0]?.share).toBeCloseTo(0.6, 12);
    expect(r.structure.weightLoss[1]?.share).toBeCloseTo(0.2, 12);
    expect(r.consistentWithDeclared).toBe(true);
  });

  it('cocoa ground in Ghana stays additive: relocating a stage does not change the family (Kaplinsky 2015)', () => {
    // cocoaGhanaGrinding differs from cocoa only in where "grind" is (GHA): same structure, same reasons.
    const r = inferChainFamily(cocoaGhanaGrinding);
    expect(r.family).toBe('additive');
    expect(r.reasons).toEqual(inferChainFamily(cocoa).reasons);
  });

  it('F3 an apparel chain from cotton field to garment is a hybrid (Kaplinsky 2015: apparel has both forms)', () => {
    // By hand: "cmt" takes fabric (CHN) and trims (TUR): V1, V2; cotton→gin loses 1 − 0.35 = 0.65 ≥ 0.1
    // upstream of "cmt", so V3 does not fire; cotton → gin → spin → weave is a run of 4 ≥ 3 (A1);
    // "cotton" is growing/extraction (A2); gin→spin loses 1 − 1/1.1 = 0.0909 < 0.1 (listed, not A3).
    const r = inferChainFamily(apparel(), { sector: 'Apparel' });
    expect(r.family).toBe('hybrid');
    expect(ids(r)).toEqual([
      'V1-parallel-inputs',
      'V2-dispersed-parallel-suppliers',
      'A1-sequential-stages',
      'A2-fixed-point-of-nature',
      'A3-processing-loss',
      'H1-both-forms',
      'H2-hybrid-sector',
    ]);
    expect(r.structure.longestSequence).toEqual(['cotton', 'gin', 'spin', 'weave']);
    expect(r.structure.weightLoss[0]?.share).toBeCloseTo(0.65, 12);
    expect(r.structure.weightLoss[1]?.share).toBeCloseTo(1 - 1 / 1.1, 12);
    expect(r.reasons.find((x) => x.id === 'A3-processing-loss')?.stages).toEqual(['cotton→gin']);
    expect(r.declared).toBeNull();
    expect(r.consistentWithDeclared).toBeNull();
  });

  it('F4 copper mining is additive: a fixed point of nature with heavy weight loss (Kaplinsky 2015)', () => {
    // By hand: losses 1 − 1/40 = 0.975, 1 − 1/3.5 = 0.7142857…, 1 − 1/1.02 = 0.0196078…; wire 1:1 none.
    const r = inferChainFamily(copper());
    expect(r.family).toBe('additive');
    expect(ids(r)).toEqual(['A1-sequential-stages', 'A2-fixed-point-of-nature', 'A3-processing-loss']);
    expect(r.structure.weightLoss.map((l) => l.share)).toEqual([
      expect.closeTo(0.975, 12),
      expect.closeTo(0.714285714285714, 12),
      expect.closeTo(0.019607843137255, 12),
    ]);
    expect(r.reasons[2]?.stages).toEqual(['mine→concentrate', 'concentrate→smelt']);
    // minWeightLoss 0.8 keeps only the ore → concentrate link (0.975).
    expect(inferChainFamily(copper(), null, { minWeightLoss: 0.8 }).reasons[2]?.stages).toEqual([
      'mine→concentrate',
    ]);
  });

  it('F5 an automobile, parts made in parallel in three countries, is vertically specialised (Kaplinsky 2015)', () => {
    const r = inferChainFamily(car('vertically-specialised'));
    expect(r.family).toBe('vertically-specialised');
    expect(ids(r)).toEqual([
      'V1-parallel-inputs',
      'V2-dispersed-parallel-suppliers',
      'V3-no-processing-loss',
    ]);
    expect(r.structure.maxChainInputs).toEqual({ stage: 'assembly', inputs: 3 });
    expect(r.consistentWithDeclared).toBe(true);
  });

  it('F6 a one-stage chain is undetermined (U1)', () => {
    const r = inferChainFamily(
      chain([{ id: 's', country: 'GHA', output: { unit: 'kg', unitPrice: 2 } }], 'additive'),
    );
    expect(r.family).toBe('undetermined');
    expect(ids(r)).toEqual(['U1-too-short']);
    expect(r.consistentWithDeclared).toBeNull();
  });

  it('F7 an iPhone declared additive is analysed and reported inconsistent (Kaplinsky 2015: families are structural)', () => {
    const declaredAdditive = { ...iphone3g, family: 'additive' };
    expect(safeParseValueChain(declaredAdditive).success).toBe(false); // the parser rejects it
    const r = inferChainFamily(declaredAdditive);
    expect([r.family, r.declared, r.consistentWithDeclared]).toEqual([
      'vertically-specialised',
      'additive',
      false,
    ]);
    expect(r.explanation.text).toContain('declares itself additive');
  });

  it('F8 a perishable harvest packed at once is additive (Kaplinsky 2015: crops perish unless processed quickly)', () => {
    const fresh = chain([
      { id: 'harvest', country: 'KEN', output: { unit: 'crate', unitPrice: 3 } },
      {
        id: 'pack',
        country: 'KEN',
        output: { unit: 'crate', unitPrice: 5 },
        inputs: [{ stage: 'harvest', quantity: 1 }],
      },
    ]);
    const r = inferChainFamily(
      fresh,
      { stages: { harvest: { perishable: true } } },
      { minSequentialStages: 2 },
    );
    expect(r.family).toBe('additive');
    expect(ids(r)).toEqual(['A1-sequential-stages', 'A4-perishable']);
    expect(r.explanation.evidence).toContain('evidence.stages.harvest.perishable');
    // With the default run of 3 stages, two stages are too short to read.
    expect(inferChainFamily(fresh, { stages: { harvest: { perishable: true } } }).family).toBe(
      'undetermined',
    );
  });

  it('F9 a furniture chain showing only the parallel form stays vertically specialised, with the hybrid-sector note (Kaplinsky 2015)', () => {
    const r = inferChainFamily(car(), { sector: 'furniture' });
    expect(r.family).toBe('vertically-specialised');
    expect(ids(r)).toContain('H2-hybrid-sector');
    expect(
      r.explanation.notes.some((n) => n.includes('this chain shows the vertically-specialised side')),
    ).toBe(true);
  });

  it('the Dominican jeans assembler (Kaplinsky 2015, after Kaplinsky 1993) shows the dispersed side of apparel', () => {
    // The dataset gives the firm's country and its first price (2.18 USD a pair); the upstream
    // structure (fabric and trims from two other countries) is illustrative.
    const first = dominicanJeans.series[0]?.unitPrice as number;
    const jeans = chain([
      { id: 'fabric', country: 'USA', output: { unit: 'm denim', unitPrice: 1.5 } },
      { id: 'trims', country: 'ROW', output: { unit: 'set', unitPrice: 0.1 } },
      {
        id: 'assembly',
        country: dominicanJeans.country,
        output: { unit: 'pair', unitPrice: first },
        inputs: [
          { stage: 'fabric', quantity: 1.2 },
          { stage: 'trims', quantity: 1 },
        ],
      },
    ]);
    const r = inferChainFamily(jeans, { sector: 'apparel (jeans)' });
    expect(r.family).toBe('vertically-specialised');
    expect(ids(r)).toEqual([
      'V1-parallel-inputs',
      'V2-dispersed-parallel-suppliers',
      'V3-no-processing-loss',
      'H2-hybrid-sector',
    ]);
  });

  it('A5 and fixedLocation evidence add additive reasons that turn a parallel chain hybrid (Kaplinsky 2015)', () => {
    const r = inferChainFamily(car(), {
      stages: { engine: { fixedLocation: true } },
      leadFirmsLeaveProcessing: true,
    });
    expect(r.family).toBe('hybrid');
    expect(ids(r)).toEqual([
      'V1-parallel-inputs',
      'V2-dispersed-parallel-suppliers',
      'V3-no-processing-loss',
      'A2-fixed-point-of-nature',
      'A5-lead-firms-leave-processing',
      'H1-both-forms',
    ]);
    expect(r.explanation.evidence).toContain('evidence.leadFirmsLeaveProcessing');
  });
});

describe('inferChainFamily: boundary', () => {
  it('reports a bad family, bad evidence and bad options together, rooted at the argument names', () => {
    const bad = { ...car(), family: 'resource' };
    const e = errorOf(() => inferChainFamily(bad, { sector: '' }, { minWeightLoss: 2 }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual(['chain.family', 'evidence.sector', 'options.minWeightLoss']);
    expect(e.issues[0]?.message).toBe('expected "additive" or "vertically-specialised", found "resource"');
  });

  it('reports chain problems at chain.… and evidence about an unknown stage as NOT_FOUND', () => {
    const broken = chain([{ id: 's', country: 'GHA', output: { unit: 'kg', unitPrice: -1 } }]);
    expect(errorOf(() => inferChainFamily(broken)).issues[0]?.path).toBe('chain.stages[0].output.unitPrice');
    expect(errorOf(() => inferChainFamily(42)).issues[0]?.path).toBe('chain');
    const e = errorOf(() => inferChainFamily(car(), { stages: { wheel: { perishable: true } } }));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.issues).toEqual([
      { path: 'evidence.stages.wheel', message: 'expected the id of a stage of the chain, found "wheel"' },
    ]);
  });

  it('does not modify its arguments and returns a deep-frozen result', () => {
    const input = apparel();
    const evidence = { stages: { cotton: { perishable: false } }, sector: 'apparel' };
    const before = structuredClone([input, evidence]);
    const r = inferChainFamily(input, evidence, { minSequentialStages: 3 });
    expect([input, evidence]).toEqual(before);
    expect(isDeepFrozen(r)).toBe(true);
    expect(r.explanation.rules).toEqual(ids(r));
  });
});
