import * as z from 'zod/mini';
import { Actor, Stage, ValueChain } from './chains/model.js';
import { Cluster } from './clusters/model.js';
import { GvcIssue } from './core/schema.js';
import { Governance } from './governance/model.js';
import { Rent } from './rents/model.js';
import { UpgradingEvent } from './upgrading/model.js';

/**
 * The public models whose JSON Schemas are generated at build into `schemas/<name>.json`
 * (exported as `gvckit/schemas/<name>.json`). Keys are the file names. The schemas are generated for
 * input (`io: 'input'`): fields with defaults, such as a stage's `inputs`, are optional in them.
 * Structural rules beyond shapes (references between ids, cycles) are not expressible in JSON Schema;
 * `parseValueChain` checks them.
 *
 * @internal
 */
export function publicSchemas(): Record<string, z.core.$ZodType> {
  return {
    'value-chain': ValueChain,
    actor: Actor,
    stage: Stage,
    rent: Rent,
    governance: Governance,
    cluster: Cluster,
    'upgrading-event': UpgradingEvent,
    'gvc-issue': GvcIssue,
  };
}

/**
 * The JSON Schema (draft 2020-12) of one public model, as written to `schemas/<name>.json`: generated
 * for input (so fields with defaults are optional), with the models it is made of (`Actor`, `Stage`,
 * `Rent`, `Governance`) in `$defs`, and an `$id` naming the published file.
 *
 * @internal
 */
export function publicJsonSchema(name: string, schema: z.core.$ZodType): Record<string, unknown> {
  const named = z.registry<{ id: string }>();
  const parts: Array<[string, z.core.$ZodType]> = [
    ['Actor', Actor],
    ['Stage', Stage],
    ['Rent', Rent],
    ['Governance', Governance],
  ];
  for (const [id, part] of parts) if (part !== schema) named.add(part, { id });
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', metadata: named });
  return { $id: `https://unpkg.com/gvckit/schemas/${name}.json`, ...json };
}
