import { describe, expect, it } from 'vitest';
import {
  GvcError,
  parseActor,
  parseRent,
  parseStage,
  parseValueChain,
  safeParseActor,
  safeParseRent,
  safeParseStage,
  safeParseValueChain,
} from '../../src/index.js';
import { deepFreeze, errorOf } from '../helpers.js';
import { minimalChainJson, minimalInput } from './fixtures.js';

describe('parseValueChain', () => {
  it('parses the minimal chain of the issue verbatim', () => {
    const chain = parseValueChain(JSON.parse(minimalChainJson));
    expect(chain.id).toBe('phone');
    expect(chain.stages.map((s) => s.id)).toEqual(['chip', 'assembly', 'retail']);
    expect(chain.stages[0]?.inputs).toEqual([]);
    expect(chain.actors).toEqual([{ id: 'maker', name: 'Assembler Ltd', country: 'CHN' }]);
  });

  it('does not modify its input (deep-frozen, and compared with a deep clone)', () => {
    const frozen = deepFreeze(minimalInput());
    expect(() => parseValueChain(frozen)).not.toThrow();
    const input = minimalInput();
    const clone = structuredClone(input);
    const chain = parseValueChain(input);
    expect(input).toEqual(clone);
    expect(chain).not.toBe(input);
    expect(chain.stages[0]).not.toBe(input.stages[0]);
  });

  it('reports every schema and structural problem at once, each with its path', () => {
    const input = minimalInput();
    input.stages[0].output.unitPrice = -40; // negative price
    input.stages[1].inputs[0].quantity = Number.POSITIVE_INFINITY; // non-finite quantity
    input.stages[1].colour = 'black'; // unknown key
    input.stages[2].inputs[0].stage = 'grind'; // unknown stage
    input.currency = 'usd';
    const e = errorOf(() => parseValueChain(input));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual([
      { path: 'currency', message: 'expected an ISO 4217 currency code such as "USD", found "usd"' },
      { path: 'stages[0].output.unitPrice', message: 'expected a finite number >= 0, found -40' },
      { path: 'stages[1].inputs[0].quantity', message: 'expected a finite number >= 0, found Infinity' },
      { path: 'stages[1]', message: 'expected only known keys, found unknown key "colour"' },
      {
        path: 'stages[2].inputs[0].stage',
        message: 'expected the id of a stage of the chain, found "grind"',
      },
      {
        path: 'stages[0]',
        message:
          'expected every stage to feed the final stage "retail" directly or through other stages, found stage "chip" unconnected (it would be left out of decompositions)',
      },
      {
        path: 'stages[1]',
        message:
          'expected every stage to feed the final stage "retail" directly or through other stages, found stage "assembly" unconnected (it would be left out of decompositions)',
      },
    ]);
    expect(e.message.split('\n')[0]).toBe('invalid value chain:');
    expect(e.message).toContain(
      '\n  stages[2].inputs[0].stage: expected the id of a stage of the chain, found "grind"',
    );
  });

  it('boundary: a price of 0 is accepted; -0.01, NaN and a string are not', () => {
    const at = (value: unknown) => {
      const input = minimalInput();
      input.stages[0].output.unitPrice = value;
      return safeParseValueChain(input);
    };
    expect(at(0).success).toBe(true);
    const messages = [-0.01, Number.NaN, '40'].map((v) => {
      const r = at(v);
      return r.success ? '' : r.error.issues[0]?.message;
    });
    expect(messages).toEqual([
      'expected a finite number >= 0, found -0.01',
      'expected a finite number >= 0, found NaN',
      'expected a finite number >= 0, found "40"',
    ]);
  });

  it('still checks every other field, and the structure, when the family is missing or unknown', () => {
    const input = minimalInput();
    input.family = 'modular';
    input.stages[0].country = 'Japan';
    input.stages[2].inputs[0].stage = 'assembly-line';
    const r = safeParseValueChain(input);
    expect(r.success).toBe(false);
    if (r.success) return;
    const byPath = new Map(r.error.issues.map((i) => [i.path, i.message]));
    expect(byPath.get('family')).toBe(
      'expected family to be one of "additive", "vertically-specialised", found "modular"',
    );
    expect(byPath.get('stages[0].country')).toBe(
      'expected an ISO 3166-1 alpha-3 or region code such as "CHN" or "ROW", found "Japan"',
    );
    expect(byPath.get('stages[2].inputs[0].stage')).toBe(
      'expected the id of a stage of the chain, found "assembly-line"',
    );
  });

  it('names required fields that are missing and rejects non-objects', () => {
    expect(safeParseValueChain({ family: 'additive' })).toMatchObject({
      success: false,
      error: {
        issues: [
          { path: 'id', message: 'expected a string, found nothing' },
          { path: 'name', message: 'expected a string, found nothing' },
          { path: 'currency', message: 'expected a string, found nothing' },
          { path: 'stages', message: 'expected an array, found nothing' },
          { path: 'finalStage', message: 'expected a string, found nothing' },
        ],
      },
    });
    expect(() => parseValueChain('phone')).toThrow('invalid value chain: expected an object, found "phone"');
  });

  it('reports structural problems even where other parts of the input have the wrong shape', () => {
    const input = minimalInput();
    input.stages[0].output = 'forty dollars';
    input.stages[2].inputs[0].stage = 'assemblyy';
    const r = safeParseValueChain(input);
    expect(r.success ? [] : r.error.issues.map((i) => i.path)).toEqual([
      'stages[0].output',
      'stages[2].inputs[0].stage',
      'stages[0]',
      'stages[1]',
    ]);
  });

  it('validates a chain of 50,000 stages without recursion', () => {
    // a sequence s0 → s1 → … → s49999: a recursive depth-first search would overflow the call stack
    const n = 50_000;
    const stages = Array.from({ length: n }, (_, i) => ({
      id: `s${i}`,
      name: 'S',
      country: 'GHA',
      output: { unit: 'kg', unitPrice: 1 },
      inputs: i === 0 ? [] : [{ stage: `s${i - 1}`, quantity: 1 }],
      purchases: [],
    }));
    const chain = {
      id: 'c',
      name: 'C',
      family: 'additive',
      currency: 'USD',
      finalStage: `s${n - 1}`,
      stages,
    };
    expect(safeParseValueChain(chain).success).toBe(true);
    stages[0]!.inputs = [{ stage: `s${n - 1}`, quantity: 1 }];
    const r = safeParseValueChain(chain);
    expect(r.success ? [] : r.error.issues.map((i) => i.path)).toEqual([
      'finalStage',
      'stages[1].inputs[0].stage',
    ]);
  }, 60_000);
});

describe('parseActor / safeParseActor', () => {
  it('parses an actor and does not modify the input', () => {
    const input = deepFreeze({
      id: 'foxconn',
      name: 'Foxconn',
      country: 'CHN',
      ownership: 'foreign',
      nationality: 'TWN',
    });
    expect(parseActor(input)).toEqual(input);
  });

  it('reports every problem with its path, including unknown keys by name', () => {
    const r = safeParseActor({
      id: ' maker',
      name: '',
      country: 'China',
      ownership: 'foreign',
      sector: 'phones',
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.message.startsWith('invalid actor:')).toBe(true);
    expect(r.error.issues).toEqual([
      { path: 'id', message: 'expected an id without leading or trailing spaces, found " maker"' },
      { path: 'name', message: 'expected a non-empty string, found ""' },
      {
        path: 'country',
        message: 'expected an ISO 3166-1 alpha-3 or region code such as "CHN" or "ROW", found "China"',
      },
      { path: '', message: 'expected only known keys, found unknown key "sector"' },
      {
        path: 'nationality',
        message: "expected the owners' nationality for a foreign-owned actor, found none",
      },
    ]);
    expect(() => parseActor({ id: 'a', name: 'A', country: 'CHN', size: 'huge' })).toThrow(
      'invalid actor: size: expected one of "micro", "small", "medium", "large", found "huge"',
    );
  });
});

describe('parseStage / safeParseStage', () => {
  it('parses a stage with defaults and does not modify the input', () => {
    const input = deepFreeze({
      id: 'chip',
      name: 'Chip',
      country: 'JPN',
      output: { unit: 'piece', unitPrice: 40 },
    });
    expect(parseStage(input)).toEqual({ ...input, inputs: [], purchases: [] });
  });

  it('reports a negative quantity and a bad purchase country with their paths', () => {
    const r = safeParseStage({
      id: 'assembly',
      name: 'Assembly',
      country: 'CHN',
      output: { unit: 'phone', unitPrice: 100 },
      inputs: [{ stage: 'chip', quantity: -1 }],
      purchases: [{ description: 'screws', value: 0.5, country: 'cn' }],
    });
    expect(r.success ? [] : r.error.issues).toEqual([
      { path: 'inputs[0].quantity', message: 'expected a finite number >= 0, found -1' },
      {
        path: 'purchases[0].country',
        message: 'expected an ISO 3166-1 alpha-3 or region code such as "CHN" or "ROW", found "cn"',
      },
    ]);
    expect(() => parseStage({})).toThrow(GvcError);
  });
});

describe('parseRent / safeParseRent', () => {
  it('parses a rent with defaults and does not modify the input', () => {
    const input = deepFreeze({ family: 'resource', barriers: 'medium' });
    expect(parseRent(input)).toEqual({
      family: 'resource',
      barriers: 'medium',
      protected: false,
      dynamic: false,
    });
  });

  it('rejects an unknown family and an unknown kind with their paths', () => {
    expect(safeParseRent({ family: 'natural', barriers: 'high' })).toMatchObject({
      success: false,
      error: {
        issues: [
          {
            path: 'family',
            message:
              'expected family to be one of "resource", "endogenous", "exogenous", "monopoly", found "natural"',
          },
        ],
      },
    });
    expect(() => parseRent({ family: 'exogenous', kind: 'technology', barriers: 'low' })).toThrow(
      'invalid rent: kind: expected one of "policy", "infrastructure", "finance", found "technology"',
    );
  });
});
