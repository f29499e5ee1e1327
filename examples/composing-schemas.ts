// Composing gvckit's schemas with your own (docs/guides/bundles-and-schemas.md): gvckit's schemas are
// zod 4 schemas built with `zod/mini`, so they go wherever a zod 4 schema goes, with classic `zod`
// (`import { z } from 'zod'`) and with `zod/mini` (`import * as z from 'zod/mini'`).
// Run: npm run example -- examples/composing-schemas.ts
import { classifyGovernance, GovernanceDeterminants, isGvcError, Stage, ValueChain } from 'gvckit';
import { iphone3g } from 'gvckit/data';
import { z } from 'zod';
import * as zm from 'zod/mini';

// 1. Classic zod: a gvckit schema as a field of your own schema.
const Study = z.object({ title: z.string(), chain: ValueChain });
type Study = z.infer<typeof Study>;
const study: Study = Study.parse({ title: 'The iPhone 3G in 2009', chain: iphone3g });
console.log(`${study.title}: ${study.chain.stages.length} stages`);

// 2. Classic zod: a gvckit object schema with a field of yours. Spread its `shape` (a mini schema
//    has no `.extend()` method); `z.strictObject` keeps unknown keys out, as gvckit's own schemas do.
const NotedStage = z.strictObject({ ...Stage.shape, note: z.string() });
const first = iphone3g.stages[0];
const noted = NotedStage.parse({ ...first, note: 'Xing & Detert (2010), Table 1' });
console.log(`${noted.id}: ${noted.note}`);

// 3. Any zod: parse with gvckit's schema itself (`parse`, `safeParse` are on every zod 4 schema).
const partial = Stage.safeParse({ id: 'assembly' });
console.log(`a stage with an id only is valid: ${partial.success}`);

// 4. zod/mini: the functional forms, `zm.extend` and `zm.optional`.
const NotedStageMini = zm.extend(Stage, { note: zm.string() });
console.log(`zod/mini extend: ${NotedStageMini.safeParse({ ...first, note: 'ok' }).success}`);
const Draft = zm.object({ chain: zm.optional(ValueChain) });
console.log(`an empty draft is valid: ${Draft.safeParse({}).success}`);

// 5. gvckit's functions validate through their own schemas and throw one GvcError listing every
//    problem, in gvckit's words whichever zod the app loads.
const determinants = GovernanceDeterminants.parse({
  complexity: 'high',
  codifiability: 'high',
  supplierCapability: 'high',
});
console.log(`governance: ${classifyGovernance(determinants).type}`);
try {
  classifyGovernance({ complexity: 'very high', codifiability: 'high' } as never);
} catch (e) {
  if (!isGvcError(e)) throw e;
  for (const issue of e.issues) console.log(`  ${issue.path}: ${issue.message}`);
}
