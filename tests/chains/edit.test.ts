import { applyPatches, enablePatches } from 'immer';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addPurchase,
  addPurchaseWithPatches,
  addStage,
  addStageWithPatches,
  parseValueChain,
  relocateStage,
  relocateStageWithPatches,
  removeStage,
  removeStageWithPatches,
  setPrice,
  setPriceWithPatches,
  updateChain,
  updateChainWithPatches,
  type ValueChain,
} from '../../src/index.js';
import { deepFreeze, errorOf } from '../helpers.js';
import { additiveInput, minimalInput } from './fixtures.js';

const phone = (): ValueChain => parseValueChain(minimalInput());
const cocoa = (): ValueChain => parseValueChain(additiveInput());
const battery = { id: 'battery', name: 'Battery', country: 'KOR', output: { unit: 'piece', unitPrice: 5 } };

/** Every edit, as a function of a chain, with and without patches. */
const edits: Array<[string, (c: ValueChain) => unknown]> = [
  ['setPrice', (c) => setPrice(c, 'retail', 160)],
  ['setPriceWithPatches', (c) => setPriceWithPatches(c, 'retail', 160)],
  ['addPurchase', (c) => addPurchase(c, 'assembly', { description: 'battery', value: 5, country: 'KOR' })],
  [
    'addPurchaseWithPatches',
    (c) => addPurchaseWithPatches(c, 'assembly', { description: 'b', value: 5, country: 'KOR' }),
  ],
  ['relocateStage', (c) => relocateStage(c, 'assembly', { country: 'VNM' })],
  ['relocateStageWithPatches', (c) => relocateStageWithPatches(c, 'chip', { actor: 'maker' })],
  ['addStage', (c) => addStage(c, battery, { feeds: 'assembly', quantity: 1 })],
  ['addStageWithPatches', (c) => addStageWithPatches(c, battery, { feeds: 'assembly', quantity: 1 })],
  ['removeStage', (c) => removeStage(c, 'chip', { asPurchase: true })],
  ['removeStageWithPatches', (c) => removeStageWithPatches(c, 'chip', { asPurchase: true })],
  [
    'updateChain',
    (c) =>
      updateChain(c, (d) => {
        d.year = 2009;
      }),
  ],
  [
    'updateChainWithPatches',
    (c) =>
      updateChainWithPatches(c, (d) => {
        d.year = 2009;
      }),
  ],
];

describe('editing never mutates its input', () => {
  it.each(edits)('%s leaves a deep-frozen input intact', (_, edit) => {
    const input = deepFreeze(phone());
    const before = structuredClone(input);
    expect(() => edit(input)).not.toThrow();
    expect(input).toEqual(before);
  });

  it.each(edits)('%s leaves a plain input equal to its deep clone, and not frozen', (_, edit) => {
    const input = structuredClone(phone()); // a mutable copy (parse results are deep-frozen)
    const before = structuredClone(input);
    edit(input);
    expect(input).toEqual(before);
    expect(Object.isFrozen(input)).toBe(false);
    expect(Object.isFrozen(input.stages[0])).toBe(false);
  });
});

describe('editing a partly frozen input', () => {
  it('copies it rather than freezing the caller’s unfrozen parts', () => {
    const input = Object.freeze(structuredClone(phone())); // frozen at the top only
    setPrice(input, 'retail', 160);
    expect(Object.isFrozen(input.stages)).toBe(false);
    expect(Object.isFrozen(input.stages[0])).toBe(false);
  });
});

describe('setPrice', () => {
  it('sets one price and returns a deep-frozen chain sharing unchanged stages', () => {
    const base = deepFreeze(phone());
    const next = setPrice(base, 'retail', 160);
    expect(next.stages[2]?.output.unitPrice).toBe(160);
    expect(base.stages[2]?.output.unitPrice).toBe(150);
    expect(Object.isFrozen(next.stages[2]?.output)).toBe(true);
    expect(next.stages[0]).toBe(base.stages[0]);
  });

  it('boundary: accepts 0, rejects a negative or non-finite price with the argument path', () => {
    expect(setPrice(phone(), 'chip', 0).stages[0]?.output.unitPrice).toBe(0);
    const e = errorOf(() => setPrice(phone(), 'chip', -1));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual([{ path: 'unitPrice', message: 'expected a finite number >= 0, found -1' }]);
    expect(errorOf(() => setPrice(phone(), 'chip', Number.NaN)).issues[0]?.message).toBe(
      'expected a finite number >= 0, found NaN',
    );
  });

  it('reports an unknown stage as NOT_FOUND', () => {
    const e = errorOf(() => setPrice(phone(), 'screen', 10));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.issues).toEqual([
      { path: 'stageId', message: 'expected the id of a stage of the chain, found "screen"' },
    ]);
  });
});

describe('addPurchase', () => {
  it('appends a purchase', () => {
    const next = addPurchase(phone(), 'assembly', { description: 'battery', value: 5, country: 'KOR' });
    expect(next.stages[1]?.purchases).toEqual([{ description: 'battery', value: 5, country: 'KOR' }]);
  });

  it('rejects an invalid purchase with paths under "purchase"', () => {
    const bad = { description: 'battery', value: -5, country: 'Korea', vat: 1 } as never;
    expect(errorOf(() => addPurchase(phone(), 'assembly', bad)).issues).toEqual([
      { path: 'purchase.value', message: 'expected a finite number >= 0, found -5' },
      {
        path: 'purchase.country',
        message: 'expected an ISO 3166-1 alpha-3 or region code such as "CHN" or "ROW", found "Korea"',
      },
      { path: 'purchase', message: 'expected only known keys, found unknown key "vat"' },
    ]);
  });
});

describe('relocateStage', () => {
  it('moves a stage to a country, or to an actor and its country', () => {
    expect(relocateStage(phone(), 'assembly', { country: 'VNM' }).stages[1]).toMatchObject({
      actor: 'maker',
      country: 'VNM',
    });
    expect(relocateStage(phone(), 'chip', { actor: 'maker' }).stages[0]).toMatchObject({
      actor: 'maker',
      country: 'CHN',
    });
    expect(relocateStage(phone(), 'chip', { actor: 'maker', country: 'VNM' }).stages[0]?.country).toBe('VNM');
  });

  it('rejects an unknown actor (NOT_FOUND) and an empty relocation (INVALID_INPUT)', () => {
    const e = errorOf(() => relocateStage(phone(), 'chip', { actor: 'foxconn' }));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.issues[0]?.path).toBe('to.actor');
    expect(errorOf(() => relocateStage(phone(), 'chip', {})).issues).toEqual([
      { path: 'to', message: 'expected an actor, a country or both, found neither' },
    ]);
  });
});

describe('addStage', () => {
  it('adds a stage feeding another one', () => {
    const next = addStage(phone(), battery, { feeds: 'assembly', quantity: 1 });
    expect(next.stages.map((s) => s.id)).toEqual(['chip', 'assembly', 'retail', 'battery']);
    expect(next.stages[1]?.inputs).toEqual([
      { stage: 'chip', quantity: 1 },
      { stage: 'battery', quantity: 1 },
    ]);
    expect(next.stages[3]?.inputs).toEqual([]);
  });

  it('inserts a stage into an additive sequence with `replacing`', () => {
    const ferment = {
      id: 'ferment',
      name: 'Fermenting and drying',
      country: 'GHA',
      output: { unit: 'kg dry beans', unitPrice: 2.5 },
      inputs: [{ stage: 'grow', quantity: 1.05 }],
    };
    const next = addStage(cocoa(), ferment, { feeds: 'grind', quantity: 1.25, replacing: 'grow' });
    expect(next.stages.find((s) => s.id === 'grind')?.inputs).toEqual([{ stage: 'ferment', quantity: 1.25 }]);
  });

  it('makes a new final stage', () => {
    const shop = {
      id: 'online',
      name: 'Online resale',
      country: 'USA',
      output: { unit: 'phone', unitPrice: 170 },
      inputs: [{ stage: 'retail', quantity: 1 }],
    };
    expect(addStage(phone(), shop, { final: true }).finalStage).toBe('online');
  });

  it('refuses results that break the chain rules, with paths in the chain', () => {
    // a second input to an additive stage
    const e = errorOf(() =>
      addStage(cocoa(), { ...battery, id: 'sugar' }, { feeds: 'retail', quantity: 0.5 }),
    );
    expect(e.message.split('\n')[0]).toBe(
      'invalid value chain after the edit: stages[2].inputs: expected at most one chain input in an additive chain (value is added in sequence), found 2: "grind", "sugar"',
    );
    // a duplicate id
    expect(
      errorOf(() => addStage(phone(), { ...battery, id: 'chip' }, { feeds: 'retail', quantity: 1 })).issues,
    ).toContainEqual({
      path: 'stages[3].id',
      message: 'expected unique stage ids, found "chip" again (first at stages[0])',
    });
  });

  it('validates the stage and the placement, and names a missing `replacing` input', () => {
    expect(
      errorOf(() =>
        addStage(phone(), { ...battery, output: { unit: 'piece', unitPrice: -5 } }, { final: true }),
      ).issues,
    ).toEqual([{ path: 'stage.output.unitPrice', message: 'expected a finite number >= 0, found -5' }]);
    expect(errorOf(() => addStage(phone(), battery, { feeds: 'nowhere', quantity: 1 })).code).toBe(
      'NOT_FOUND',
    );
    expect(
      errorOf(() => addStage(phone(), battery, { feeds: 'assembly', quantity: 1, replacing: 'case' })).issues,
    ).toEqual([
      {
        path: 'placement.replacing',
        message: 'expected an input of stage "assembly", found "case" (its inputs: "chip")',
      },
    ]);
  });
});

describe('removeStage', () => {
  it('refuses to remove the final stage, naming it', () => {
    const e = errorOf(() => removeStage(phone(), 'retail'));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe(
      `cannot remove stage "retail": stageId: expected a stage other than the final stage, found "retail", the chain's finalStage (make another stage final first)`,
    );
  });

  it('refuses to remove a stage that others use, naming every user', () => {
    const e = errorOf(() => removeStage(phone(), 'chip'));
    expect(e.issues).toEqual([
      {
        path: 'chain.stages[1].inputs[0].stage',
        message:
          'expected no stage to use "chip", found stage "assembly" using it: remove that input first, or pass { asPurchase: true } to buy it from outside the chain',
      },
    ]);
  });

  it('with asPurchase, turns each use into a purchase of quantity × unit price', () => {
    // assembly used 1 chip at 40 (JPN): it now buys "Chip" for 1 × 40 = 40 from JPN
    const next = removeStage(phone(), 'chip', { asPurchase: true });
    expect(next.stages.map((s) => s.id)).toEqual(['assembly', 'retail']);
    expect(next.stages[0]?.inputs).toEqual([]);
    expect(next.stages[0]?.purchases).toEqual([{ description: 'Chip', value: 40, country: 'JPN' }]);
    // in the additive chain grind used 1.25 kg of grow at 2 (GHA): 1.25 × 2 = 2.5
    expect(removeStage(cocoa(), 'grow', { asPurchase: true }).stages[0]?.purchases).toEqual([
      { description: 'Growing', value: 2.5, country: 'GHA' },
    ]);
  });

  it('refuses a removal that would leave upstream stages unconnected', () => {
    const e = errorOf(() => removeStage(cocoa(), 'grind', { asPurchase: true }));
    expect(e.issues).toEqual([
      {
        path: 'stages[0]',
        message:
          'expected every stage to feed the final stage "retail" directly or through other stages, found stage "grow" unconnected (it would be left out of decompositions)',
      },
    ]);
  });

  it('reports an unknown stage as NOT_FOUND', () => {
    expect(errorOf(() => removeStage(phone(), 'screen')).code).toBe('NOT_FOUND');
  });
});

describe('updateChain', () => {
  it('applies a recipe and re-validates, listing every problem of the result', () => {
    expect(
      updateChain(phone(), (d) => {
        d.name = 'A better phone';
      }).name,
    ).toBe('A better phone');
    const e = errorOf(() =>
      updateChain(phone(), (d) => {
        d.stages[0]!.output.unitPrice = -3;
        d.stages[1]!.inputs.push({ stage: 'ghost', quantity: 1 });
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual([
      { path: 'stages[0].output.unitPrice', message: 'expected a finite number >= 0, found -3' },
      {
        path: 'stages[1].inputs[1].stage',
        message: 'expected the id of a stage of the chain, found "ghost"',
      },
    ]);
  });

  it('rejects an invalid input chain before editing', () => {
    const bad = { ...phone(), finalStage: 'shop' };
    expect(errorOf(() => updateChain(bad, () => {})).message).toBe(
      'invalid value chain: chain.finalStage: expected the id of a stage of the chain, found "shop"',
    );
  });
});

describe('patches', () => {
  beforeAll(() => enablePatches());

  it('describe the edit exactly', () => {
    expect(setPriceWithPatches(phone(), 'retail', 160).slice(1)).toEqual([
      [{ op: 'replace', path: ['stages', 2, 'output', 'unitPrice'], value: 160 }],
      [{ op: 'replace', path: ['stages', 2, 'output', 'unitPrice'], value: 150 }],
    ]);
  });

  it.each(edits.filter(([name]) => name.endsWith('WithPatches')))(
    '%s: patches replay, inverse patches undo',
    (_, edit) => {
      const base = phone();
      const [next, patches, inverse] = edit(base) as [ValueChain, never[], never[]];
      expect(applyPatches(base, patches)).toEqual(next);
      expect(applyPatches(next, inverse)).toEqual(base);
    },
  );
});
