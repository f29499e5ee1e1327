/**
 * Writes a JSON Schema (draft 2020-12, from zod 4's `toJSONSchema`) for every public model into
 * `schemas/<name>.json`, shipped in the package as `gvckit/schemas/<name>.json`. Run by `npm run build`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publicJsonSchema, publicSchemas } from '../src/schemas.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'schemas');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const entries = Object.entries(publicSchemas());
for (const [name, schema] of entries) {
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify(publicJsonSchema(name, schema), null, 2)}\n`);
}
console.log(`schemas: wrote ${entries.length} JSON Schemas to schemas/`);
