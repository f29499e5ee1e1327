import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentAccounts } from '../../src/chains/accounts.js';
import { decomposeValueAdded } from '../../src/chains/decompose.js';
import { tradeInValueAdded } from '../../src/chains/tiva.js';
import { asRecord, type ChainInput } from './decompose-fixtures.js';

// Property tests on random chains. Tolerance: 1e-9 relative to the final value (the functions' own
// identity tolerance) for sums; 1e-9 relative for comparisons across stage orders.

const countries = ['CHN', 'USA', 'JPN', 'GHA', 'NLD'] as const;
const actors = ['a1', 'a2', 'a3'] as const;

/**
 * A random vertically specialised chain of 2–8 stages. Stage 0 is final; every other stage i feeds a
 * consumer with a smaller index (so every stage is connected to the final stage and the graph is
 * acyclic), and may feed a second one.
 */
const chainArb = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc
    .record({
      stages: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            price: fc.double({ min: 0.5, max: 100, noNaN: true }),
            country: fc.constantFrom(...countries),
            actor: fc.option(fc.constantFrom(...actors), { nil: undefined }),
            fn: fc.option(fc.constantFrom('assembly', 'design', 'retail'), { nil: undefined }),
            consumer: fc.integer({ min: 0, max: Math.max(0, i - 1) }),
            second: fc.option(fc.integer({ min: 0, max: Math.max(0, i - 1) }), { nil: undefined }),
            quantity: fc.double({ min: 0.1, max: 1.5, noNaN: true }),
            purchases: fc.array(
              fc.record({
                value: fc.double({ min: 0, max: 5, noNaN: true }),
                country: fc.constantFrom(...countries),
              }),
              { maxLength: 2 },
            ),
          }),
        ),
      ),
      market: fc.option(fc.constantFrom(...countries), { nil: undefined }),
    })
    .map(({ stages, market }): ChainInput => {
      const inputs: Array<Array<{ stage: string; quantity: number }>> = stages.map(() => []);
      stages.forEach((s, i) => {
        if (i === 0) return;
        inputs[s.consumer]?.push({ stage: `s${i}`, quantity: s.quantity });
        if (s.second !== undefined && s.second !== s.consumer) {
          inputs[s.second]?.push({ stage: `s${i}`, quantity: s.quantity / 2 });
        }
      });
      return {
        id: 'random',
        name: 'Random chain',
        family: 'vertically-specialised',
        currency: 'USD',
        finalStage: 's0',
        ...(market ? { finalMarket: market } : {}),
        actors: actors.map((id) => ({ id, name: id, country: 'CHN' })),
        stages: stages.map((s, i) => ({
          id: `s${i}`,
          name: `Stage ${i}`,
          country: s.country,
          ...(s.actor ? { actor: s.actor } : {}),
          ...(s.fn ? { function: s.fn } : {}),
          output: { unit: 'u', unitPrice: s.price },
          inputs: inputs[i] ?? [],
          purchases: s.purchases.map((p, k) => ({
            description: `p${k}`,
            value: p.value,
            country: p.country,
          })),
        })),
      };
    }),
);

const sum = (xs: ReadonlyArray<{ valueAdded: number }>) => xs.reduce((t, x) => t + x.valueAdded, 0);
const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(scale));

function expectSameRecords(a: Record<string, number>, b: Record<string, number>, scale: number): void {
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  for (const k of Object.keys(a)) expect(close(a[k] as number, b[k] as number, scale), k).toBe(true);
}

describe('properties of decomposeValueAdded on random chains', () => {
  it('parts sum to the final value and shares sum to 1, at both depths and any first-round stage', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), (chain, pick) => {
        const at = `s${pick % chain.stages.length}`;
        for (const d of [
          decomposeValueAdded(chain),
          decomposeValueAdded(chain, { depth: 'first-round' }),
          decomposeValueAdded(chain, { depth: 'first-round', at }),
        ]) {
          for (const groups of [d.byStage, d.byActor, d.byCountry, d.byFunction]) {
            expect(close(sum(groups), d.finalValue, d.finalValue)).toBe(true);
            expect(
              close(
                groups.reduce((t, g) => t + g.share, 0),
                1,
                1,
              ),
            ).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order in which stages and inputs are listed', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), (chain, seed) => {
        // a deterministic permutation from the seed: reverse, then rotate
        const reversed = [...chain.stages]
          .reverse()
          .map((s) => ({ ...s, inputs: [...(s.inputs ?? [])].reverse() }));
        const k = seed % reversed.length;
        const shuffled = { ...chain, stages: [...reversed.slice(k), ...reversed.slice(0, k)] };
        const a = decomposeValueAdded(chain);
        const b = decomposeValueAdded(shuffled);
        expectSameRecords(asRecord(a.byStage), asRecord(b.byStage), a.finalValue);
        expectSameRecords(asRecord(a.byCountry), asRecord(b.byCountry), a.finalValue);
        expectSameRecords(asRecord(a.byActor), asRecord(b.byActor), a.finalValue);
        const ta = tradeInValueAdded(chain);
        const tb = tradeInValueAdded(shuffled);
        expect(close(ta.doubleCounting, tb.doubleCounting, ta.finalValue)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('properties of tradeInValueAdded and agentAccounts on random chains', () => {
  it('gross exports = domestic value added + foreign content; VAX plus the market’s value added = final value', () => {
    fc.assert(
      fc.property(chainArb, (chain) => {
        const t = tradeInValueAdded(chain);
        let vax = 0;
        for (const c of t.countries) {
          expect(close(c.grossExports, c.domesticValueAddedInExports + c.foreignContent, t.finalValue)).toBe(
            true,
          );
          // (domestic value added may be negative: a stage selling below cost is legitimate)
          vax += c.valueAddedExports;
        }
        const home = t.countries.find((c) => c.country === t.finalMarket)?.valueAdded ?? 0;
        expect(close(vax + home, t.finalValue, t.finalValue)).toBe(true);
        const gross = t.countries.reduce((s, c) => s + c.grossExports, 0);
        expect(close(gross - t.valueAddedCarried, t.doubleCounting, t.finalValue)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('the consolidated account nets intra-chain sales to the final value', () => {
    fc.assert(
      fc.property(chainArb, (chain) => {
        const a = agentAccounts(chain);
        const d = decomposeValueAdded(chain);
        expect(close(a.consolidated.productionValue, d.finalValue, d.finalValue)).toBe(true);
        const outside = d.byStage
          .filter((l) => l.origin === 'purchases')
          .reduce((s, l) => s + l.valueAdded, 0);
        expect(close(a.consolidated.intermediateConsumption, outside, d.finalValue)).toBe(true);
        expect(close(a.consolidated.valueAdded, d.finalValue - outside, d.finalValue)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
