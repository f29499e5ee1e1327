import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainStructureIssues } from '../../src/chains/structure.js';

/**
 * A random valid vertically specialised chain: stages s0 … s(n-1), final stage s(n-1); every other
 * stage i is consumed by some later stage (so it feeds the final stage), plus extra edges from lower
 * to higher indices (so there is no cycle). Stages are listed in a shuffled order.
 */
const validChain = fc
  .integer({ min: 1, max: 40 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      consumer: fc.array(fc.nat(), { minLength: n, maxLength: n }),
      extra: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 * n }),
      order: fc.shuffledSubarray(
        Array.from({ length: n }, (_, i) => i),
        { minLength: n, maxLength: n },
      ),
    }),
  )
  .map(({ n, consumer, extra, order }) => {
    const inputs: Array<Set<number>> = Array.from({ length: n }, () => new Set<number>());
    for (let i = 0; i < n - 1; i++) inputs[i + 1 + (consumer[i]! % (n - 1 - i))]!.add(i);
    for (const [a, b] of extra) {
      const lo = Math.min(a % n, b % n);
      const hi = Math.max(a % n, b % n);
      if (lo < hi) inputs[hi]!.add(lo);
    }
    const stages = order.map((i) => ({
      id: `s${i}`,
      inputs: [...inputs[i]!].map((j) => ({ stage: `s${j}`, quantity: 1 })),
    }));
    return { n, chain: { family: 'vertically-specialised', finalStage: `s${n - 1}`, stages, actors: [] } };
  });

describe('chainStructureIssues (properties)', () => {
  it('accepts every acyclic chain whose stages all feed the final stage', () => {
    fc.assert(fc.property(validChain, ({ chain }) => chainStructureIssues(chain).length === 0));
  });

  it('finds the cycle when the final stage is made to feed its first upstream stage', () => {
    fc.assert(
      fc.property(
        validChain.filter(({ n }) => n >= 2),
        ({ chain, n }) => {
          // s0 feeds the final stage directly or through others; making s0 use the final stage closes a cycle
          const stages = chain.stages.map((s) =>
            s.id === 's0' ? { ...s, inputs: [...s.inputs, { stage: `s${n - 1}`, quantity: 1 }] } : s,
          );
          const issues = chainStructureIssues({ ...chain, stages });
          expect(
            issues.some((i) => i.message.startsWith('expected an acyclic chain, found the cycle ')),
          ).toBe(true);
          expect(issues.some((i) => i.path.join('.') === 'finalStage')).toBe(true);
        },
      ),
    );
  });

  it('reads raw input defensively: non-objects and wrong shapes give no structural issues', () => {
    for (const input of [null, 'chain', 42, [], { stages: 'x' }, { stages: [null, 3, { inputs: 'x' }] }]) {
      expect(chainStructureIssues(input)).toEqual([]);
    }
  });
});
