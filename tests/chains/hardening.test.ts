// Issue #14: every argument validated at one boundary with rooted paths, no raw throw, no NaN or
// ±Infinity, defined behaviour for zero prices, built-in names as plain data, deep-frozen results.
import { describe, expect, it } from 'vitest';
import {
  addPurchase,
  agentAccounts,
  decomposeValueAdded,
  parseActor,
  parseRent,
  parseStage,
  parseValueChain,
  relocateStage,
  removeStage,
  safeParseStage,
  safeParseValueChain,
  setPrice,
  setPriceWithPatches,
  smileCurve,
  tradeInValueAdded,
  updateChain,
  valueCapture,
} from '../../src/index.js';
import { errorOf, isDeepFrozen } from '../helpers.js';
import { minimalInput } from './fixtures.js';

/** Whether every object reachable from `root` is frozen (iterative). */
const phone = () => parseValueChain(minimalInput());

describe('edit functions validate every argument, with paths rooted at its name', () => {
  it('rejects a missing or non-object chain', () => {
    expect(errorOf(() => setPrice(undefined as never, 'a', 1)).issues).toEqual([
      { path: 'chain', message: 'expected an object, found nothing' },
    ]);
    const e = errorOf(() => updateChain(42 as never, () => {}));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe('invalid value chain: chain: expected an object, found 42');
  });

  it('rejects a recipe that is not a function', () => {
    const e = errorOf(() => updateChain(phone(), 'x' as never));
    expect(e.message).toBe('invalid recipe: recipe: expected a function, found "x"');
  });

  it('roots the paths of an invalid chain at `chain`', () => {
    const input = minimalInput();
    input.stages[0].output.unitPrice = -1;
    expect(
      errorOf(() => addPurchase(input, 'chip', { description: 'b', value: 1, country: 'KOR' })).issues,
    ).toEqual([
      { path: 'chain.stages[0].output.unitPrice', message: 'expected a finite number >= 0, found -1' },
    ]);
  });

  it('rejects a stage id that is not a string, and null or bad options', () => {
    expect(errorOf(() => setPrice(phone(), 42 as never, 1)).issues).toEqual([
      { path: 'stageId', message: 'expected a string, found 42' },
    ]);
    expect(errorOf(() => removeStage(phone(), 'chip', { asPurchase: 'yes' } as never)).issues).toEqual([
      { path: 'options.asPurchase', message: 'expected true or false, found "yes"' },
    ]);
    // null options mean no options: chip is used by assembly, so the removal is refused as without options
    expect(errorOf(() => removeStage(phone(), 'chip', null as never)).issues[0]?.path).toBe(
      'chain.stages[1].inputs[0].stage',
    );
  });

  it('never serialises a huge value in a message', () => {
    const e = errorOf(() => setPrice(phone(), 'x'.repeat(1 << 20), 1));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.issues[0]?.message).toBe(
      `expected the id of a stage of the chain, found "${'x'.repeat(40)}…" (1048576 characters)`,
    );
    expect(e.message.length).toBeLessThan(400);
  });

  it('passes on whatever the recipe itself throws, unchanged', () => {
    const mine = new RangeError('mine');
    expect(() =>
      updateChain(phone(), () => {
        throw mine;
      }),
    ).toThrow(mine);
  });

  it('fills the defaults of parts a recipe adds', () => {
    const next = updateChain(phone(), (d) => {
      (d.stages as unknown[]).push({
        id: 'x',
        name: 'X',
        country: 'USA',
        output: { unit: 'u', unitPrice: 1 },
      });
      d.stages[2]?.inputs.push({ stage: 'x', quantity: 1 });
    });
    expect(next.stages[3]).toEqual({
      id: 'x',
      name: 'X',
      country: 'USA',
      output: { unit: 'u', unitPrice: 1 },
      inputs: [],
      purchases: [],
    });
    expect(isDeepFrozen(next)).toBe(true);
  });
});

describe('hostile values give a GvcError, never a raw throw', () => {
  it('a bigint, a cycle and 10,000 levels of nesting', () => {
    expect(errorOf(() => parseValueChain({ ...minimalInput(), year: 10n })).issues).toEqual([
      { path: 'year', message: 'expected a finite number, found 10n' },
    ]);
    const cyclic = minimalInput();
    cyclic.source = cyclic;
    expect(errorOf(() => parseValueChain(cyclic)).code).toBe('INVALID_INPUT');
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(errorOf(() => decomposeValueAdded({ ...minimalInput(), notes: deep })).issues).toEqual([
      { path: 'chain.notes', message: 'expected a string, found an object' },
    ]);
  });

  it('amounts that overflow double precision', () => {
    // chip at 1e200, used 1e200 times per assembly: 1e400 overflows
    const input = minimalInput();
    input.stages[0].output.unitPrice = 1e200;
    input.stages[1].inputs[0].quantity = 1e200;
    const e = errorOf(() => decomposeValueAdded(input));
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.issues).toEqual([
      {
        path: 'chain.stages[1]',
        message:
          'expected amounts whose products and sums stay within ±1.8e308, found an overflow in its value added per unit',
      },
    ]);
  });
});

describe('zero prices', () => {
  const zeroFinal = () => {
    const input = minimalInput();
    input.stages[2].output.unitPrice = 0; // retail sells at 0
    return input;
  };
  const sharesError = {
    path: 'chain.stages[2].output.unitPrice',
    message:
      'expected a positive unit price of the final stage "retail" to compute shares of the final value, found 0',
  };

  it('a final value of 0 has no shares: UNSUPPORTED at the final unitPrice', () => {
    for (const f of [decomposeValueAdded, valueCapture, smileCurve]) {
      const e = errorOf(() => f(zeroFinal()));
      expect(e.code).toBe('UNSUPPORTED');
      expect(e.issues).toEqual([sharesError]);
    }
  });

  it('trade in value added and agent accounts (amounts, no shares) accept a final value of 0', () => {
    // va: chip 40 − 10 = 30 (JPN), assembly 100 − 40 = 60 (CHN), retail 0 − 100 = −100 (USA), wafer 10 (USA)
    const t = tradeInValueAdded(zeroFinal());
    expect(t.countries.map((c) => [c.country, c.valueAdded, c.grossExports])).toEqual([
      ['CHN', 60, 100], // assembly sold to retail (USA)
      ['JPN', 30, 40], // chip sold to assembly (CHN)
      ['USA', -90, 10], // −100 + 10; the wafer sold to chip (JPN)
    ]);
    // consolidated: final sales 0 = value added 30 + 60 − 100 + outside purchases 10
    const a = agentAccounts(zeroFinal());
    expect(a.consolidated.productionValue).toBe(0);
    expect(a.consolidated.valueAdded).toBe(-10);
    expect(a.consolidated.intermediateConsumption).toBe(10);
  });

  it('agent accounts refuse ratios of a zero denominator, naming each', () => {
    const e = errorOf(() => agentAccounts(zeroFinal(), { indirectValueAdded: 5, domesticCountry: 'FRA' }));
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.issues).toEqual([
      {
        path: 'options.indirectValueAdded',
        message:
          'expected direct value added other than 0 in the domestic country "FRA" to compute the driving effect (indirect / direct domestic value added), found 0',
      },
      {
        path: 'chain.stages[2].output.unitPrice',
        message:
          'expected final sales other than 0 to compute the integration rate ((direct domestic + indirect value added) / final sales), found 0 (the final stage "retail" sells at 0)',
      },
    ]);
  });

  it('an intermediate stage priced at 0 is decomposed as it is (it sells below cost)', () => {
    // chip at 0 with a 10 wafer: va −10 (JPN); assembly 100 − 0 = 100 (CHN); retail 150 − 100 = 50 (USA);
    // wafer 10 (USA). Sum 150. USA 60 / 150 = 0.4; CHN 100 / 150; JPN −10 / 150.
    const input = minimalInput();
    input.stages[0].output.unitPrice = 0;
    const d = decomposeValueAdded(input);
    const byCountry = new Map(d.byCountry.map((g) => [g.key, g]));
    expect(byCountry.get('CHN')?.valueAdded).toBe(100);
    expect(byCountry.get('CHN')?.share).toBeCloseTo(100 / 150, 15);
    expect(byCountry.get('USA')?.share).toBeCloseTo(0.4, 15);
    expect(byCountry.get('JPN')?.valueAdded).toBe(-10);
    expect(d.belowCost).toEqual([{ stage: 'chip', valueAddedPerUnit: -10 }]);
  });
});

describe('built-in property names are plain data', () => {
  const builtIns = () => ({
    id: 'c',
    name: 'C',
    family: 'vertically-specialised' as const,
    currency: 'USD',
    finalStage: 'toString',
    actors: [{ id: 'hasOwnProperty', name: 'H', country: 'CHN' }],
    stages: [
      { id: '__proto__', name: 'P', country: 'JPN', output: { unit: 'u', unitPrice: 40 } },
      {
        id: 'constructor',
        name: 'C',
        actor: 'hasOwnProperty',
        function: 'toString',
        country: 'CHN',
        output: { unit: 'u', unitPrice: 100 },
        inputs: [{ stage: '__proto__', quantity: 1 }],
      },
      {
        id: 'toString',
        name: 'T',
        country: 'USA',
        output: { unit: 'u', unitPrice: 150 },
        inputs: [{ stage: 'constructor', quantity: 1 }],
      },
    ],
  });

  it('as stage, actor and function names in a decomposition', () => {
    // va: __proto__ 40, constructor 100 − 40 = 60, toString 150 − 100 = 50; shares of 150
    const d = decomposeValueAdded(builtIns());
    expect(d.byActor).toEqual([
      { key: 'hasOwnProperty', valueAdded: 60, share: 0.4 },
      { key: 'stage:toString', valueAdded: 50, share: 50 / 150 },
      { key: 'stage:__proto__', valueAdded: 40, share: 40 / 150 },
    ]);
    expect(d.byFunction.map((g) => [g.key, g.valueAdded])).toEqual([
      ['unspecified', 90],
      ['toString', 60],
    ]);
    expect(agentAccounts(builtIns()).accounts.map((a) => a.actor)).toEqual([
      'stage:__proto__',
      'hasOwnProperty',
      'stage:toString',
    ]);
  });

  it('in edits', () => {
    const chain = parseValueChain(builtIns());
    expect(setPrice(chain, 'constructor', 120).stages[1]?.output.unitPrice).toBe(120);
    expect(relocateStage(chain, '__proto__', { actor: 'hasOwnProperty' }).stages[0]?.country).toBe('CHN');
    expect(errorOf(() => setPrice(chain, 'hasOwnProperty', 1)).code).toBe('NOT_FOUND');
  });

  it('as a country: rejected clearly', () => {
    const input = builtIns();
    (input.stages[0] as { country: string }).country = '__proto__';
    expect(errorOf(() => parseValueChain(input)).issues).toEqual([
      {
        path: 'stages[0].country',
        message: 'expected an ISO 3166-1 alpha-3 or region code such as "CHN" or "ROW", found "__proto__"',
      },
    ]);
  });
});

describe('one immutability rule: everything returned is deep-frozen', () => {
  it('parse results, without freezing the input', () => {
    const input = minimalInput();
    const chain = parseValueChain(input);
    expect(isDeepFrozen(chain)).toBe(true);
    expect(Object.isFrozen(input)).toBe(false);
    expect(Object.isFrozen(input.stages[0])).toBe(false);
    expect(isDeepFrozen(safeParseValueChain(input))).toBe(true);
    expect(isDeepFrozen(safeParseValueChain({}))).toBe(true);
    expect(isDeepFrozen(safeParseStage(input.stages[0]))).toBe(true);
    expect(isDeepFrozen(parseStage(input.stages[0]))).toBe(true);
    expect(isDeepFrozen(parseActor(input.actors[0]))).toBe(true);
    expect(isDeepFrozen(parseRent({ family: 'resource', barriers: 'medium' }))).toBe(true);
  });

  it('analytic results', () => {
    const input = minimalInput();
    expect(isDeepFrozen(decomposeValueAdded(input))).toBe(true);
    expect(isDeepFrozen(valueCapture(input))).toBe(true);
    expect(isDeepFrozen(smileCurve(input))).toBe(true);
    expect(isDeepFrozen(tradeInValueAdded(input))).toBe(true);
    expect(isDeepFrozen(agentAccounts(input, { indirectValueAdded: 1 }))).toBe(true);
  });

  it('edits and their patches; a parsed chain is edited without a copy', () => {
    const chain = phone();
    const edit = setPriceWithPatches(chain, 'retail', 160);
    expect(isDeepFrozen(edit)).toBe(true);
    const next = setPrice(chain, 'retail', 160);
    expect(next.stages[0]).toBe(chain.stages[0]);
    expect(setPrice(next, 'chip', 41).stages[1]).toBe(next.stages[1]);
  });
});

describe('tradeInValueAdded bounds its work', () => {
  it('refuses, before the work, a chain whose every stage is in a country of its own', () => {
    // 2·10^4 stages in sequence, each in its own country. tradeInValueAdded makes one pass over the
    // stages, carrying at each stage the exporting countries upstream of it: stage i carries the i
    // countries before it, so the pass merges Σ_i i ≈ n²/2 = 2.0e8 country entries > 1e8. (10^4
    // stages, 5e7 entries, are now computed: tests/chains/tiva-scale.test.ts.)
    const n = 20_000;
    const stages = Array.from({ length: n }, (_, i) => ({
      id: `s${i}`,
      name: 'S',
      country: `C${i.toString(36).toUpperCase().padStart(4, '0')}`,
      output: { unit: 'u', unitPrice: i + 1 },
      inputs: i === 0 ? [] : [{ stage: `s${i - 1}`, quantity: 1 }],
    }));
    const chain = {
      id: 'c',
      name: 'C',
      family: 'additive' as const,
      currency: 'USD',
      finalStage: `s${n - 1}`,
      stages,
    };
    const e = errorOf(() => tradeInValueAdded(chain));
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.issues).toEqual([
      {
        path: 'chain',
        message:
          'expected at most 1e8 country entries merged (exporting countries upstream of each stage, over stages, chain inputs and purchases), found up to 2.00e+8',
      },
    ]);
  });
});
