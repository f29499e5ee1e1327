// tradeInValueAdded in one pass over the stages (issue #20): the same results as the former one pass
// per exporting country (kept verbatim in ./tiva-legacy.ts), on the published chains and on random
// chains with several buyers per stage, re-imports, zero quantities and below-cost stages; and its
// bound of work, checked before the pass.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParseValueChain } from '../../src/chains/parse.js';
import { tradeInValueAdded } from '../../src/chains/tiva.js';
import { chainArb } from '../fuzz/arbitraries.js';
import { cocoaChain, iphoneChain, nestedChain } from './decompose-fixtures.js';
import { legacyTradeInValueAdded } from './tiva-legacy.js';

/**
 * Every number of `a` equals `b`'s to 1e-12 relative to the largest amount of the result (the sums
 * are formed in the same order, so in practice they are bitwise equal; `exact` counts those).
 */
function expectSame(a: unknown, b: unknown): void {
  let scale = 0;
  const walk = (x: unknown, y: unknown, path: string, check: boolean): void => {
    if (typeof x === 'number' && typeof y === 'number') {
      if (!check) scale = Math.max(scale, Math.abs(x), Math.abs(y));
      else expect(Math.abs(x - y), `${path}: ${x} vs ${y}`).toBeLessThanOrEqual(1e-12 * scale);
      return;
    }
    if (typeof x !== 'object' || x === null) {
      if (check) expect(x, path).toEqual(y);
      return;
    }
    const ox = x as Record<string, unknown>;
    const oy = y as Record<string, unknown>;
    if (check) expect(Object.keys(ox), path).toEqual(Object.keys(oy));
    for (const k of Object.keys(ox)) walk(ox[k], oy[k], `${path}.${k}`, check);
  };
  walk(a, b, 'result', false);
  walk(a, b, 'result', true);
}

const countries = ['CHN', 'USA', 'JPN', 'DEU', 'KOR'] as const;

/**
 * A random chain of 2–12 stages where a stage may sell to up to three buyers (stage 0 is final; stage
 * j sells to stages with smaller indices), in up to five countries (so contents leave a country and
 * come back), with purchases from those countries or ROW, quantities in [0, 2] (0 included) and prices
 * that may fall below the cost of the inputs.
 */
const dagArb = fc.integer({ min: 2, max: 12 }).chain((n) =>
  fc
    .record({
      stages: fc.tuple(
        ...Array.from({ length: n }, (_, j) =>
          fc.record({
            country: fc.constantFrom(...countries),
            price: fc.double({ min: 0.5, max: 50, noNaN: true }),
            buyers: fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, j - 1) }), {
              minLength: 1,
              maxLength: 3,
            }),
            quantities: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.05, max: 2, noNaN: true })), {
              minLength: 3,
              maxLength: 3,
            }),
            purchases: fc.array(
              fc.record({
                country: fc.constantFrom(...countries, 'ROW'),
                value: fc.double({ min: 0, max: 5, noNaN: true }),
              }),
              { maxLength: 2 },
            ),
          }),
        ),
      ),
      market: fc.option(fc.constantFrom(...countries, 'BRA'), { nil: undefined }),
    })
    .map(({ stages, market }) => {
      const inputs: Array<Array<{ stage: string; quantity: number }>> = stages.map(() => []);
      stages.forEach((s, j) => {
        if (j === 0) return;
        s.buyers.forEach((b, i) => {
          inputs[b]?.push({ stage: `s${j}`, quantity: s.quantities[i] ?? 1 });
        });
      });
      return {
        id: 'dag',
        name: 'Random DAG',
        family: 'vertically-specialised',
        currency: 'USD',
        finalStage: 's0',
        ...(market ? { finalMarket: market } : {}),
        stages: stages.map((s, j) => ({
          id: `s${j}`,
          name: `Stage ${j}`,
          country: s.country,
          output: { unit: 'u', unitPrice: s.price },
          inputs: inputs[j] ?? [],
          purchases: s.purchases.map((p) => ({ description: 'p', ...p })),
        })),
      };
    }),
);

/** The benchmark's tree (fan-in 4, stage i in country i mod k, every 10th stage buys energy from ROW). */
function tree(n: number, k: number) {
  return {
    id: `tree-${n}`,
    name: 'Tree',
    family: 'vertically-specialised' as const,
    currency: 'USD',
    finalStage: 's0',
    stages: Array.from({ length: n }, (_, i) => {
      const inputs = [];
      for (let c = 4 * i + 1; c <= Math.min(4 * i + 4, n - 1); c++)
        inputs.push({ stage: `s${c}`, quantity: 1 });
      return {
        id: `s${i}`,
        name: `Stage ${i}`,
        country: `C${String(i % k).padStart(2, '0')}`,
        output: { unit: 'u', unitPrice: 10 + (n - i) * 0.001 + 5 * inputs.length * (1 + (n - i) * 0.001) },
        inputs,
        purchases: i % 10 === 0 ? [{ description: 'energy', value: 0.5, country: 'ROW' }] : [],
      };
    }),
  };
}

/** A line of `n` stages, each in a country of its own (the worst case: every content holds every country upstream). */
function ownCountryLine(n: number) {
  return {
    id: 'line',
    name: 'Line',
    family: 'additive' as const,
    currency: 'USD',
    finalStage: `s${n - 1}`,
    stages: Array.from({ length: n }, (_, i) => ({
      id: `s${i}`,
      name: 'S',
      country: `C${i.toString(36).toUpperCase().padStart(4, '0')}`, // sorts as i
      output: { unit: 'u', unitPrice: i + 1 },
      inputs: i === 0 ? [] : [{ stage: `s${i - 1}`, quantity: 1 }],
    })),
  };
}

describe('tradeInValueAdded in one pass equals the former pass per country', () => {
  it('on the published chains (iPhone, nested with re-imports, cocoa, cocoa exported)', () => {
    for (const chain of [
      iphoneChain(true),
      iphoneChain(false),
      nestedChain(),
      cocoaChain(),
      { ...cocoaChain(), finalMarket: 'USA' },
    ]) {
      expectSame(tradeInValueAdded(chain), legacyTradeInValueAdded(chain));
    }
  });

  it('on random chains with several buyers per stage, re-imports and zero quantities', () => {
    let compared = 0;
    fc.assert(
      fc.property(dagArb, (chain) => {
        fc.pre(safeParseValueChain(chain).success);
        let legacy: unknown;
        try {
          legacy = legacyTradeInValueAdded(chain as never);
        } catch (e) {
          // the same refusal (an accounting identity that fails, an overflow) from both
          expect(() => tradeInValueAdded(chain as never)).toThrow((e as Error).message);
          return;
        }
        expectSame(tradeInValueAdded(chain as never), legacy);
        compared++;
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(150);
  });

  it('on the fuzz harness chains (trees and lines with actors and distributions)', () => {
    fc.assert(
      fc.property(chainArb, (chain) => {
        expectSame(tradeInValueAdded(chain as never), legacyTradeInValueAdded(chain as never));
      }),
      { numRuns: 150 },
    );
  });

  it('on the benchmark tree of 20,000 stages in 60 countries', () => {
    const chain = tree(20_000, 60);
    const t = tradeInValueAdded(chain);
    expectSame(t, legacyTradeInValueAdded(chain));
    expect(t.countries).toHaveLength(61); // 60 stage countries and ROW
  });

  it('on a line of 1,000 stages each in a country of its own', () => {
    const chain = ownCountryLine(1_000);
    expectSame(tradeInValueAdded(chain), legacyTradeInValueAdded(chain));
  });
});

describe('tradeInValueAdded bounds the work of its one pass', () => {
  it('takes a line of 10,000 stages each in a country of its own (5.0e7 entries, once refused)', () => {
    // The former bound, exporting countries × (stages + inputs + purchases) = 9,999 × 19,999 = 2.0e8,
    // refused it. Now the bound of entries merged: stage 0 holds 1; stage i (1..9,998) its own 1 and
    // the i of its seller; the final stage (its country, the market's, exports nothing) the 9,999 of
    // its seller: 1 + (9,998 + 9,998·9,999/2) + 9,999 = 50,004,999 ≤ 1e8.
    const t = tradeInValueAdded(ownCountryLine(10_000));
    // Each stage adds 1 of value added; every stage but the last sells across a border what it holds.
    expect(t.countries).toHaveLength(10_000);
    expect(t.countries[0]).toEqual({
      country: 'C0000',
      grossExports: 1,
      valueAddedExports: 1,
      domesticValueAddedInExports: 1,
      foreignContent: 0,
      valueAdded: 1,
    });
    // stage 9,998 sells the 9,999 it holds to C09999; its own value added in it is 1.
    expect(t.countries[9998]).toMatchObject({ grossExports: 9999, domesticValueAddedInExports: 1 });
    expect(t.valueAddedCarried).toBe(9999);
  });

  it('refuses, before the pass, a line of 20,000 stages each in a country of its own', () => {
    // Bound, as above: 1 + (19,998 + 19,998·19,999/2) + 19,999 = 200,009,999 > 1e8.
    let error: unknown;
    try {
      tradeInValueAdded(ownCountryLine(20_000));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'UNSUPPORTED',
      issues: [
        {
          path: 'chain',
          message:
            'expected at most 1e8 country entries merged (exporting countries upstream of each stage, over stages, chain inputs and purchases), found up to 2.00e+8',
        },
      ],
    });
  });
});
