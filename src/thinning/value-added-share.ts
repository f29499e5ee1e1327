import * as z from 'zod/mini';
import {
  DecomposeOptions,
  decomposeValueAdded,
  safeParseValueChain,
  type ValueChainInput,
} from '../chains/index.js';
import { IssueList, quote, safeValidate } from '../core/boundary.js';
import { GvcError, type GvcIssue } from '../core/errors.js';
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
    z.strictObject({ actor: Id }),
    z.strictObject({ country: CountryCode }),
    z.strictObject({
      stages: z.array(Id).check(z.minLength(1, { error: 'expected at least one stage id, found none' })),
    }),
  ],
  { error: 'expected { actor: id }, { country: code } or { stages: [ids] }' },
);
/** Whose share of a product's value added is asked. */
export type ValueAddedSubject = z.output<typeof ValueAddedSubject>;

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
 * @param options - as for {@link decomposeValueAdded}: `depth`, `at`, `tolerance`; `null` means none
 * @returns the share of the final value, between 0 and 1 unless some stage sells below cost
 * @throws {@link GvcError} `INVALID_INPUT` for an invalid chain, subject or options (every problem
 *   together, paths under `chain`, `subject` and `options`); `NOT_FOUND` for an actor or stage the
 *   chain does not have (a country without value added has share 0); `UNSUPPORTED` when the final
 *   stage's `unitPrice` is 0 (a share of a product worth nothing is undefined) or the sums leave
 *   double precision; `ACCOUNTING_MISMATCH` as {@link decomposeValueAdded}
 * @example
 * ```ts
 * const chain = parseValueChain({
 *   id: 'phone', name: 'Phone', family: 'vertically-specialised', currency: 'USD', finalStage: 'assembly',
 *   stages: [
 *     { id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'chip', unitPrice: 60 } },
 *     { id: 'assembly', name: 'Assembly', country: 'CHN', output: { unit: 'phone', unitPrice: 80 },
 *       inputs: [{ stage: 'chip', quantity: 1 }] },
 *   ],
 * });
 * valueAddedShare(chain, { country: 'CHN' });
 * //=> 0.25
 * ```
 */
export function valueAddedShare(
  chain: ValueChainInput,
  subject: z.input<typeof ValueAddedSubject>,
  options?: DecomposeOptions | null,
): number {
  const summary = 'invalid value-added share arguments';
  const issues = new IssueList();
  const parsed = issues.take(safeParseValueChain(chain), 'chain');
  const who = safeValidate(ValueAddedSubject, subject, 'subject', summary);
  if (!who.success) issues.addAll(who.error.issues);
  const opts = safeValidate(DecomposeOptions, options ?? {}, 'options', summary);
  if (!opts.success) issues.addAll(opts.error.issues);
  issues.throwIfAny(summary);
  if (parsed === undefined || !who.success || !opts.success) throw new GvcError('INVALID_INPUT', summary); // unreachable

  const stages = parsed.stages;
  const target = who.data;
  const actorOf = new Map<string, string | undefined>(stages.map((s) => [s.id, s.actor]));
  if ('actor' in target) {
    const known =
      parsed.actors.some((a) => a.id === target.actor) || stages.some((s) => s.actor === target.actor);
    if (!known) {
      throw new GvcError('NOT_FOUND', 'actor not found', [
        {
          path: 'subject.actor',
          message: `expected an actor of chain ${quote(parsed.id)}, found ${quote(target.actor)}`,
        },
      ]);
    }
  } else if ('stages' in target) {
    const missing = new IssueList();
    target.stages.forEach((id, i) => {
      if (!actorOf.has(id)) {
        missing.add(
          `subject.stages[${i}]`,
          `expected a stage of chain ${quote(parsed.id)}, found ${quote(id)}`,
        );
      }
    });
    missing.throwIfAny('stage not found', 'NOT_FOUND');
  }

  let d: ReturnType<typeof decomposeValueAdded>;
  try {
    d = decomposeValueAdded(parsed, opts.data);
  } catch (e) {
    throw rerootChainError(e);
  }
  let held = 0;
  if ('country' in target) {
    for (const line of d.byStage) if (line.country === target.country) held += line.valueAdded;
  } else if ('actor' in target) {
    for (const line of d.byStage)
      if (line.origin !== 'purchases' && actorOf.get(line.stage) === target.actor) held += line.valueAdded;
  } else {
    const wanted = new Set(target.stages);
    for (const line of d.byStage)
      if (line.origin !== 'purchases' && wanted.has(line.stage)) held += line.valueAdded;
  }
  const share = held / d.finalValue;
  if (!Number.isFinite(share)) {
    throw new GvcError('UNSUPPORTED', 'cannot compute a value-added share', [
      {
        path: 'chain',
        message: `expected values whose sums stay within double precision (below 1.8e308), found a share of ${String(share)}`,
      },
    ]);
  }
  return share;
}

/**
 * Roots at `chain` the paths of an error of `decomposeValueAdded` that are relative to the chain
 * (`stages[2].distribution`), leaving those already rooted (`chain.…`) and the options' (`options.at`).
 */
function rerootChainError(e: unknown): unknown {
  if (!(e instanceof GvcError) || e.issues.length === 0) return e;
  const rooted: GvcIssue[] = e.issues.map((i) => ({
    path:
      i.path === '' || i.path === 'chain' || /^(chain|options)[.[]/.test(i.path)
        ? i.path
        : i.path.startsWith('[')
          ? `chain${i.path}`
          : `chain.${i.path}`,
    message: i.message,
  }));
  const lines = e.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const suffix = lines.length === 1 ? `: ${lines[0]}` : `:\n  ${lines.join('\n  ')}`;
  const summary = e.message.endsWith(suffix) ? e.message.slice(0, -suffix.length) : e.message;
  return new GvcError(e.code, summary, rooted);
}
