/**
 * Runs every TSDoc `@example` of `src/` and compares each result shown with `//=>` with the value
 * the expression gives (rules in `expected.ts`, names and imports in `scope.ts`). One test per
 * example, named by file, documented name and rank, so that a failure says which example is wrong.
 */
import { describe, expect, it } from 'vitest';
import { allExamples, type Example, exampleTagCount } from './extract.js';
import { compileExample, runExample } from './run.js';
import { modulesFor, runtimeScope } from './scope.js';

const examples = allExamples();

describe('the examples of src/', () => {
  it('finds every @example tag, each with a ```ts fence', () => {
    expect(examples.length).toBe(exampleTagCount());
    expect(examples.length).toBeGreaterThan(200);
    expect(
      examples.filter((e) => e.code === undefined).map((e) => `${e.file}:${e.line} ${e.symbol}`),
    ).toEqual([]);
  });
});

const byFile = new Map<string, Example[]>();
for (const e of examples) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);

for (const [file, list] of byFile) {
  describe(file, () => {
    for (const example of list) {
      it(`${example.symbol} example ${example.index}`, async () => {
        const where = `${example.file} (${example.symbol}, example ${example.index})`;
        if (example.code === undefined) throw new Error(`${where}: the example has no \`\`\`ts fence`);
        let compiled: ReturnType<typeof compileExample>;
        try {
          compiled = compileExample(example.code, example.codeLine);
        } catch (e) {
          throw new Error(`${where}: ${(e as Error).message}`);
        }
        const outcome = await runExample(
          compiled,
          await runtimeScope(example),
          await modulesFor(compiled.specifiers),
        );
        if (outcome.failures.length > 0) {
          throw new Error(`${where}:\n  ${outcome.failures.join('\n  ')}`);
        }
      });
    }
  });
}
