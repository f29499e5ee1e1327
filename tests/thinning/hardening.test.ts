import { describe, expect, it } from 'vitest';
import { functionKnowledgeIntensity, thinningProfile, valueAddedShare } from '../../src/thinning/index.js';
import { cocoaChain } from '../chains/decompose-fixtures.js';
import { deepFreeze, errorOf, isDeepFrozen } from '../helpers.js';

// Issue #14: paths rooted at the argument's name, built-in names as plain data, no NaN/Infinity,
// deeply frozen results.

const phone = (assemblyPrice: number) => ({
  id: 'phone',
  name: 'Phone',
  family: 'vertically-specialised' as const,
  currency: 'USD',
  finalStage: 'assembly',
  actors: [{ id: 'maker', name: 'Maker', country: 'JPN' }],
  stages: [
    { id: 'chip', name: 'Chip', country: 'JPN', actor: 'maker', output: { unit: 'chip', unitPrice: 60 } },
    {
      id: 'assembly',
      name: 'Assembly',
      country: 'CHN',
      output: { unit: 'phone', unitPrice: assemblyPrice },
      inputs: [{ stage: 'chip', quantity: 1 }],
    },
  ],
});

describe('valueAddedShare: degenerate and bad input', () => {
  it('refuses a final unit price of 0 with UNSUPPORTED at its path, never ±Infinity or NaN', () => {
    const e = errorOf(() => valueAddedShare(phone(0), { country: 'CHN' }));
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.issues).toEqual([
      {
        path: 'chain.stages[1].output.unitPrice',
        // decomposeValueAdded's own refusal, rooted at the argument.
        message:
          'expected a positive unit price of the final stage "assembly" to compute shares of the final value, found 0',
      },
    ]);
  });

  it('lists the problems of chain, subject and options at once, each rooted at its argument', () => {
    const e = errorOf(() =>
      valueAddedShare({ ...phone(80), currency: 'usd' }, { country: 'x' }, { depth: 'deep' } as never),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual(['chain.currency', 'subject.country', 'options.depth']);
  });

  it('treats built-in names as ids like any other', () => {
    const e = errorOf(() => valueAddedShare(phone(80), { actor: 'constructor' }));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.issues).toEqual([
      { path: 'subject.actor', message: 'expected an actor of chain "phone", found "constructor"' },
    ]);
    expect(errorOf(() => valueAddedShare(phone(80), { stages: ['__proto__'] })).issues[0]?.path).toBe(
      'subject.stages[0]',
    );
  });

  it('takes null options (hand computed: CHN 20 of 80 = 0.25; maker 60 of 80 = 0.75)', () => {
    expect(valueAddedShare(phone(80), { country: 'CHN' }, null)).toBe(0.25);
    expect(valueAddedShare(phone(80), { actor: 'maker' })).toBe(0.75);
  });

  it('reports an unknown first-round stage at options.at', () => {
    const e = errorOf(() =>
      valueAddedShare(cocoaChain(), { country: 'GHA' }, { depth: 'first-round', at: 'mill' }),
    );
    expect(e.code).toBe('NOT_FOUND');
    expect(e.issues[0]?.path).toBe('options.at');
  });
});

describe('functionKnowledgeIntensity: boundary', () => {
  it('rejects built-in names that have no rank, instead of reading Object.prototype', () => {
    const e = errorOf(() => functionKnowledgeIntensity(['constructor', 'toString', '__proto__']));
    expect(e.issues.map((i) => i.path)).toEqual(['functions[0]', 'functions[1]', 'functions[2]']);
    expect(e.issues[0]?.message).toBe(
      'expected a standard stage function or one ranked in extra, found "constructor"',
    );
  });

  it('accepts a built-in name ranked in extra', () => {
    expect(functionKnowledgeIntensity(['constructor', 'assembly'], { constructor: 3 })).toBe(2); // (3 + 1) / 2
  });

  it('validates its arguments: not an array, a rank that is not finite', () => {
    expect(errorOf(() => functionKnowledgeIntensity('design' as never)).issues).toEqual([
      { path: 'functions', message: 'expected an array, found "design"' },
    ]);
    expect(errorOf(() => functionKnowledgeIntensity(['design'], { x: Number.NaN })).issues[0]?.path).toBe(
      'extra.x',
    );
  });

  it('averages huge ranks without overflow (1e308 and 1e308 → 1e308)', () => {
    expect(functionKnowledgeIntensity(['design', 'assembly'], { design: 1e308, assembly: 1e308 })).toBe(
      1e308,
    );
  });
});

describe('thinningProfile: boundary', () => {
  const o = (period: number | string, valueAddedShare: number, extra: object = {}) => ({
    period,
    valueAddedShare,
    functions: ['assembly'],
    ...extra,
  });

  it('orders periods far apart without overflow (1e308 after -1e308)', () => {
    const p = thinningProfile([o(1e308, 0.5), o(-1e308, 0.2)], null);
    expect(p.transitions.map((t) => [t.from, t.to])).toEqual([[-1e308, 1e308]]);
    expect(isDeepFrozen(p)).toBe(true);
  });

  it('refuses a change of value added per unit past double precision with UNSUPPORTED', () => {
    const e = errorOf(() =>
      thinningProfile([o(1, 0.5, { valueAddedPerUnit: -1e308 }), o(2, 0.2, { valueAddedPerUnit: 1e308 })]),
    );
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.issues[0]?.path).toBe('observations[1].valueAddedPerUnit');
  });

  it('previews a 1 MiB period in a message instead of serialising it', () => {
    const long = 'p'.repeat(1 << 20);
    const e = errorOf(() => thinningProfile([o(1, 0.5), o(long, 0.2)]));
    expect(e.issues[0]?.path).toBe('observations[1].period');
    expect(e.message.length).toBeLessThan(300);
  });

  it('does not mutate its input', () => {
    const input = deepFreeze([o(1, 0.5), o(2, 0.2)]);
    expect(() => thinningProfile(input)).not.toThrow();
  });
});
