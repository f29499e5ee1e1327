import { z } from 'zod';
import { decomposeAttribution, prepareDecomposition } from '../chains/attribution.js';
import { DecomposeOptions, type ValueChainInput } from '../chains/decompose.js';
import { parseOptionsAtBoundary } from '../chains/graph.js';
import type { ValueChain } from '../chains/model.js';
import { GvcError, type GvcIssue } from '../core/errors.js';
import { fromZodIssues } from '../core/issues.js';
import { CountryCode, Id } from '../core/primitives.js';

/**
 * Whose share of a product's value added is asked: an actor (`{ actor }`), a country (`{ country }`)
 * or a set of stages (`{ stages }`).
 *
 * @example
 * ```ts
 * ValueAddedSubject.parse({ stages: ['assembly'] });
 * //=> { stages: ['assembly'] }
 * ```
 */
export const ValueAddedSubject = z.union(
  [
    z.object({ actor: Id }).strict(),
    z.object({ country: CountryCode }).strict(),
    z
      .object({ stages: z.array(Id).min(1, { error: 'expected at least one stage id, found none' }) })
      .strict(),
  ],
  { error: 'expected { actor: id }, { country: code } or { stages: [ids] }' },
);
/** Whose share of a product's value added is asked. */
export type ValueAddedSubject = z.output<typeof ValueAddedSubject>;

type ChainStage = ValueChain['stages'][number];

/**
 * The share of a product's value added held by an actor, a country or a set of stages: the measure of
 * thinning and thickening (Kaplinsky 2015: "share of product value added is the measure"). Computed
 * from {@link decomposeValueAdded} (full by default; `depth: 'first-round'` and `at` as there):
 * an actor holds the value added of its stages; a country the value added of its stages and the
 * outside purchases from it; a set of stages their own value added (not their purchases). In a first
 * round, chain inputs counted in whole belong to the selling stage, its actor and its country.
 *
 * @param chain - the value chain (validated: `INVALID_INPUT` lists every problem)
 * @param subject - `{ actor }`, `{ country }` or `{ stages }`
 * @param options - as for {@link decomposeValueAdded}: `depth`, `at`, `tolerance`
 * @returns the share of the final value, between 0 and 1 unless some stage sells below cost
 * @throws {@link GvcError} `INVALID_INPUT` for an invalid chain, subject or options; `NOT_FOUND` for an
 *   actor or stage the chain does not have (a country without value added has share 0);
 *   `ACCOUNTING_MISMATCH` as {@link decomposeValueAdded}
 * @example
 * ```ts
 * const chain = {
 *   id: 'phone', name: 'Phone', family: 'vertically-specialised', currency: 'USD', finalStage: 'assembly',
 *   stages: [
 *     { id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'chip', unitPrice: 60 } },
 *     { id: 'assembly', name: 'Assembly', country: 'CHN', output: { unit: 'phone', unitPrice: 80 },
 *       inputs: [{ stage: 'chip', quantity: 1 }] },
 *   ],
 * };
 * valueAddedShare(chain, { country: 'CHN' });
 * //=> 0.25
 * ```
 */
export function valueAddedShare(
  chain: ValueChainInput,
  subject: z.input<typeof ValueAddedSubject>,
  options?: z.input<typeof DecomposeOptions>,
): number {
  const parsedSubject = ValueAddedSubject.safeParse(subject);
  if (!parsedSubject.success) {
    throw new GvcError(
      'INVALID_INPUT',
      'invalid subject',
      fromZodIssues(parsedSubject.error.issues.map((i) => ({ ...i, path: ['subject', ...i.path] }))),
    );
  }
  const opts = parseOptionsAtBoundary(DecomposeOptions, options);
  const { att, chain: parsed } = prepareDecomposition(chain, opts);
  decomposeAttribution(att, opts.tolerance); // checks the accounting identities
  const who = parsedSubject.data;
  const stages = parsed.stages;
  let held = 0;
  if ('country' in who) {
    for (const line of att.lines) if (line.country === who.country) held += line.valueAdded;
  } else if ('actor' in who) {
    const known = parsed.actors.some((a) => a.id === who.actor) || stages.some((s) => s.actor === who.actor);
    if (!known) {
      throw new GvcError('NOT_FOUND', 'actor not found', [
        { path: 'subject.actor', message: `expected an actor of chain "${parsed.id}", found "${who.actor}"` },
      ]);
    }
    att.lines.forEach((line, li) => {
      const stage = stages[att.lineStage[li] as number] as ChainStage;
      if (line.origin !== 'purchases' && stage.actor === who.actor) held += line.valueAdded;
    });
  } else {
    const ids = new Set(stages.map((s) => s.id));
    const missing: GvcIssue[] = [];
    who.stages.forEach((id, i) => {
      if (!ids.has(id)) {
        missing.push({
          path: `subject.stages[${i}]`,
          message: `expected a stage of chain "${parsed.id}", found "${id}"`,
        });
      }
    });
    if (missing.length > 0) throw new GvcError('NOT_FOUND', 'stage not found', missing);
    const wanted = new Set(who.stages);
    for (const line of att.lines)
      if (line.origin !== 'purchases' && wanted.has(line.stage)) held += line.valueAdded;
  }
  return held / att.finalValue;
}
