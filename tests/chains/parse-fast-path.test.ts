// zod's compiler, as an app opts into it (docs/guides/bundles-and-schemas.md): imported before any
// module that builds schemas, it compiles each schema on its first parse.
import 'zod/compile';
import { describe, expect, it } from 'vitest';
import { safeParseValueChain } from '../../src/chains/parse.js';
import { cocoa, iphone3g } from '../../src/data/index.js';

/**
 * gvckit no longer compiles its chain schema itself (that pulled zod's 29 KB compiler into every
 * bundle), and its chain parsers now check a chain without zod (src/chains/check.ts); an app may
 * still import `zod/compile` for its own schemas. With it imported first, valid input must give the
 * same data and invalid input the same issues, with gvckit's messages, before and after a large
 * chain: nothing of gvckit's results may depend on the app's zod settings.
 */
/** A line of `n` stages: stage i consumes stage i + 1. */
function generated(n: number) {
  return {
    id: 'gen',
    name: 'Generated',
    family: 'vertically-specialised',
    currency: 'USD',
    finalStage: 's0',
    stages: Array.from({ length: n }, (_, i) => ({
      id: `s${i}`,
      name: `Stage ${i}`,
      country: 'CHN',
      output: { unit: 'unit', unitPrice: n - i },
      inputs: i + 1 < n ? [{ stage: `s${i + 1}`, quantity: 1 }] : [],
    })),
  };
}

const rich = () => ({
  id: 'r',
  name: 'Rich',
  product: 'p',
  currency: 'EUR',
  year: 2020,
  driver: 'buyer',
  family: 'additive',
  governance: {
    type: 'captive',
    determinants: { complexity: 'high', codifiability: 'low', supplierCapability: 'low' },
  },
  actors: [
    { id: 'a', name: 'A', country: 'CHN', ownership: 'foreign', nationality: 'TWN', leadFirm: true },
    { id: 'b', name: 'B', country: 'EU27', ownership: 'domestic' },
  ] as Array<Record<string, unknown>>,
  stages: [
    {
      id: 'x',
      name: 'X',
      function: 'assembly',
      actor: 'a',
      country: 'CHN',
      output: { unit: 'u', unitPrice: 3, volume: 10 },
      inputs: [{ stage: 'y', quantity: 0.5 }],
      purchases: [{ description: 'd', value: 0.1, country: 'ROW' }],
      distribution: { wages: 1, profit: -0.2 },
    },
    { id: 'y', name: 'Y', country: 'GHA', output: { unit: 'u', unitPrice: 1 }, distribution: {} },
  ] as Array<Record<string, unknown>>,
  finalStage: 'x',
  finalMarket: 'USA',
  rents: [
    { family: 'resource', barriers: 'high' },
    { family: 'endogenous', kind: 'technology', barriers: 'low', protected: true, holder: 'a' },
  ],
  source: { citation: 'c', page: 3 },
  notes: 'n',
});

const cases: Array<[string, () => unknown]> = [
  ['iPhone 3G', () => structuredClone(iphone3g)],
  ['cocoa', () => structuredClone(cocoa)],
  ['every optional field', rich],
  ['vertically specialised', () => ({ ...rich(), family: 'vertically-specialised' })],
  [
    'negative price and unknown key',
    () => {
      const c = rich();
      c.stages[1] = { ...c.stages[1], output: { unit: 'u', unitPrice: -1 }, colour: 'black' };
      return c;
    },
  ],
  [
    'foreign actor without nationality',
    () => {
      const c = rich();
      c.actors[0] = { id: 'a', name: 'A', country: 'CHN', ownership: 'foreign' };
      return c;
    },
  ],
  ['unknown family', () => ({ ...rich(), family: 'modular' })],
  ['missing family', () => ({ ...rich(), family: undefined })],
  [
    'cycle and parallel inputs',
    () => {
      const c = rich();
      c.stages[1] = { ...c.stages[1], inputs: [{ stage: 'x', quantity: 1 }] };
      c.stages[0] = {
        ...c.stages[0],
        inputs: [
          { stage: 'y', quantity: 1 },
          { stage: 'z', quantity: 1 },
        ],
      };
      return c;
    },
  ],
  ['not a chain', () => [1, 2]],
];

describe('safeParseValueChain with zod/compile imported first', () => {
  it('gives the same data and issues as before the switch', () => {
    const before = cases.map(([, make]) => safeParseValueChain(make()));
    expect(before.filter((r) => r.success)).toHaveLength(4);
    expect(safeParseValueChain(generated(25_000)).success).toBe(true);
    const after = cases.map(([, make]) => safeParseValueChain(make()));
    cases.forEach(([name], i) => {
      const [b, a] = [before[i], after[i]];
      if (b?.success && a?.success) expect(a.data, name).toStrictEqual(b.data);
      else expect(a?.success ? [] : a?.error.issues, name).toStrictEqual(b?.success ? [] : b?.error.issues);
      expect(a?.success, name).toBe(b?.success);
    });
  });
});
