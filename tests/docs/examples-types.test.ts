/**
 * Type-checks every TSDoc `@example` of `src/` as a user's TypeScript would (see `typecheck.ts`):
 * an example that runs but does not compile (a chain written as a plain object literal, whose
 * `family` widens to `string`; `stages[0].id` under `noUncheckedIndexedAccess`) fails here, with its
 * file and line. One program checks them all, so this is one test.
 */
import { expect, it } from 'vitest';
import { allExamples } from './extract.js';
import { typeScope } from './scope.js';
import { typecheckExamples } from './typecheck.js';

it('every example type-checks with the project compiler options', { timeout: 120_000 }, async () => {
  const examples = allExamples();
  const scoped = await Promise.all(
    examples.map(async (example) => ({ example, scope: await typeScope(example) })),
  );
  const problems = typecheckExamples(scoped).map(
    (p) => `${p.example.file}:${p.line} (${p.example.symbol}, example ${p.example.index}): ${p.message}`,
  );
  expect(problems).toEqual([]);
});
