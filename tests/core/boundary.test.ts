import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  IssueList,
  preview,
  quote,
  rootedPath,
  safeValidate,
  validate,
  validateFunction,
  validateOptions,
} from '../../src/core/boundary.js';
import { GvcError, isGvcError, MAX_REPORTED_ISSUES } from '../../src/core/errors.js';
import { deepFreeze } from '../../src/core/freeze.js';
import { errorOf } from '../helpers.js';

const Chain = z.object({ stages: z.array(z.object({ id: z.string() }).strict()) }).strict();
const Options = z.object({ depth: z.enum(['full', 'first-round']).default('full') }).strict();

/** A value nested `depth` levels deep: `{ a: { a: … } }`. */
function nested(depth: number): unknown {
  const root: Record<string, unknown> = {};
  let o = root;
  for (let i = 0; i < depth; i++) {
    const next: Record<string, unknown> = {};
    o.a = next;
    o = next;
  }
  return root;
}

describe('preview and quote: a found value in a few safe words', () => {
  it('writes numbers as they are, bigints with n, and names other kinds', () => {
    expect(
      [undefined, null, -0, Number.NaN, Number.NEGATIVE_INFINITY, 5e-324, 12n, true, [1, 2], {}].map(preview),
    ).toEqual([
      'nothing',
      'null',
      '-0',
      'NaN',
      '-Infinity',
      '5e-324',
      '12n',
      'true',
      'an array of 2',
      'an object',
    ]);
    expect(preview(Symbol('s'))).toBe('a symbol');
    expect(preview(() => 1)).toBe('a function');
    expect(preview(new Float64Array(3))).toBe('a typed array');
  });

  it('cuts a long string to 40 characters and says how long it was', () => {
    const s = 'x'.repeat(1 << 20);
    // 40 x's, then the ellipsis, then the length: 2^20 = 1048576.
    expect(quote(s)).toBe(`"${'x'.repeat(40)}…" (1048576 characters)`);
    expect(preview(s).length).toBeLessThan(80);
  });

  it('escapes quotes and control characters', () => {
    expect(quote('a"b\u0000c\n')).toBe('"a\\"b\\u0000c\\n"');
  });

  it('never walks into the value: cycles and deep nesting are "an object"', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(preview(cycle)).toBe('an object');
    expect(preview(nested(10_000))).toBe('an object');
  });
});

describe('rootedPath', () => {
  it('joins an argument name and a zod path in accessor notation', () => {
    expect(rootedPath('chain', ['stages', 3, 'inputs', 0, 'stage'])).toBe('chain.stages[3].inputs[0].stage');
    expect(rootedPath('table', [1, 0])).toBe('table[1][0]');
    expect(rootedPath('chain', [])).toBe('chain');
    expect(rootedPath('', ['finalStage'])).toBe('finalStage');
  });
});

describe('validate: one argument, every problem, paths rooted at its name', () => {
  it('returns the parsed value', () => {
    expect(validate(Chain, { stages: [{ id: 'a' }] }, 'chain')).toEqual({ stages: [{ id: 'a' }] });
  });

  it('lists every problem with its rooted path in gvckit style', () => {
    const e = errorOf(() => validate(Chain, { stages: [{ id: 1n }, {}], extra: 1 }, 'chain'));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual([
      { path: 'chain.stages[0].id', message: 'expected a string, found 1n' },
      { path: 'chain.stages[1].id', message: 'expected a string, found nothing' },
      { path: 'chain', message: 'expected only known keys, found unknown key "extra"' },
    ]);
    expect(e.message.startsWith('invalid chain:\n')).toBe(true);
  });

  it('reports a wrong kind of argument at the argument itself', () => {
    expect(errorOf(() => validate(Chain, 42, 'chain')).issues).toEqual([
      { path: 'chain', message: 'expected an object, found 42' },
    ]);
  });

  it('survives bigint, cycles, 10,000-deep nesting and 1 MiB strings without a raw throw', () => {
    const cycle: Record<string, unknown> = { stages: [] };
    cycle.stages = [cycle];
    for (const bad of [{ stages: 1n }, cycle, nested(10_000), { stages: ['y'.repeat(1 << 20)] }]) {
      const e = errorOf(() => validate(Chain, bad, 'chain'));
      expect(e.message.length).toBeLessThan(2_000);
    }
  });

  it('turns a throw inside a schema check into an issue of the argument', () => {
    const Hostile = z.unknown().refine(() => {
      throw new TypeError('boom');
    });
    expect(errorOf(() => validate(Hostile, 1, 'value')).issues).toEqual([
      { path: 'value', message: 'expected plain data, found a value that could not be read' },
    ]);
    const r = safeValidate(Hostile, 1, 'value');
    expect(r.success).toBe(false);
  });

  it('caps the issues at MAX_REPORTED_ISSUES and says how many more there were', () => {
    const e = errorOf(() =>
      validate(Chain, { stages: Array.from({ length: 250 }, () => ({ id: 0 })) }, 'chain'),
    );
    // 250 bad ids: the first 100 listed, then one line for the other 150.
    expect(MAX_REPORTED_ISSUES).toBe(100);
    expect(e.issues).toHaveLength(101);
    expect(e.issues[100]).toEqual({ path: '', message: 'and 150 more problems' });
  });
});

describe('validateOptions', () => {
  it('takes undefined and null as no options, with the defaults', () => {
    expect(validateOptions(Options, undefined)).toEqual({ depth: 'full' });
    expect(validateOptions(Options, null)).toEqual({ depth: 'full' });
  });

  it('roots paths at options', () => {
    expect(errorOf(() => validateOptions(Options, { depth: 'x' })).issues).toEqual([
      { path: 'options.depth', message: 'expected one of "full", "first-round", found "x"' },
    ]);
    expect(errorOf(() => validateOptions(Options, 'deep')).issues).toEqual([
      { path: 'options', message: 'expected an object, found "deep"' },
    ]);
  });
});

describe('validateFunction', () => {
  it('accepts a function and refuses anything else at its name', () => {
    const f = () => 1;
    expect(validateFunction(f, 'recipe')).toBe(f);
    expect(errorOf(() => validateFunction('x', 'recipe')).issues).toEqual([
      { path: 'recipe', message: 'expected a function, found "x"' },
    ]);
  });
});

describe('IssueList', () => {
  it('throws nothing when empty, and every problem together otherwise', () => {
    const none = new IssueList();
    expect(() => none.throwIfAny('invalid x')).not.toThrow();
    const list = new IssueList();
    list.add('chain.finalStage', 'unknown stage "shop"');
    list.addAll([{ path: '[0].id', message: 'duplicate id "a"' }], 'chain.stages');
    const e = errorOf(() => list.throwIfAny('invalid value chain', 'NOT_FOUND'));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.issues).toEqual([
      { path: 'chain.finalStage', message: 'unknown stage "shop"' },
      { path: 'chain.stages[0].id', message: 'duplicate id "a"' },
    ]);
  });

  it("attempt returns a check's result, or records the GvcError it throws; other throws pass on", () => {
    const list = new IssueList();
    expect(list.attempt(() => validate(Chain, { stages: [] }, 'chain'))).toEqual({ stages: [] });
    expect(list.attempt(() => validateFunction('x', 'recipe'))).toBeUndefined();
    expect(list.issues()).toEqual([{ path: 'recipe', message: 'expected a function, found "x"' }]);
    expect(() =>
      list.attempt(() => {
        throw new TypeError("a caller's own error");
      }),
    ).toThrow(TypeError);
  });

  it('stops recording past the cap, so a check over a huge input stays small', () => {
    const list = new IssueList();
    for (let i = 0; i < 100_000; i++) list.add(`x[${i}]`, 'bad');
    expect(list.size).toBe(100_000);
    const issues = list.issues();
    expect(issues).toHaveLength(101);
    expect(issues[100]?.message).toBe('and 99900 more problems');
  });
});

describe('GvcError', () => {
  it('caps a long issue list given to its constructor', () => {
    const issues = Array.from({ length: 102 }, (_, i) => ({ path: `x[${i}]`, message: 'bad' }));
    const e = new GvcError('INVALID_INPUT', 'invalid x', issues);
    expect(e.issues).toHaveLength(101);
    expect(e.issues[100]?.message).toBe('and 2 more problems');
    // 101 issues are kept whole: capping them would replace one issue by a line saying "and 1 more".
    expect(new GvcError('INVALID_INPUT', 'x', issues.slice(0, 101)).issues).toHaveLength(101);
  });

  it('is recognised by its brand, not by one copy of the class', () => {
    // An error made by another copy of the library (the CJS build beside the ESM one) carries the
    // same registered symbol; see tests/consumer/exports.test.ts for the real two-copy case.
    const foreign = Object.assign(new Error('x'), { code: 'NOT_FOUND', issues: [] });
    Object.defineProperty(foreign, Symbol.for('gvckit.GvcError'), { value: true });
    expect(isGvcError(foreign, 'NOT_FOUND')).toBe(true);
    expect(foreign instanceof GvcError).toBe(true);
    expect(isGvcError(new Error('x'))).toBe(false);
    expect(isGvcError(null)).toBe(false);
    expect(new Error('x') instanceof GvcError).toBe(false);
  });
});

describe('deepFreeze', () => {
  it('freezes every object and array reachable, skips typed arrays, and survives cycles', () => {
    const cycle: Record<string, unknown> = { list: [{ a: 1 }], data: new Float64Array(2) };
    cycle.self = cycle;
    const out = deepFreeze(cycle);
    expect(out).toBe(cycle);
    expect(Object.isFrozen(cycle)).toBe(true);
    expect(Object.isFrozen(cycle.list)).toBe(true);
    expect(Object.isFrozen((cycle.list as object[])[0])).toBe(true);
    (cycle.data as Float64Array)[0] = 3;
    expect((cycle.data as Float64Array)[0]).toBe(3);
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    const deep = nested(100_000);
    expect(Object.isFrozen(deepFreeze(deep))).toBe(true);
  });
});
