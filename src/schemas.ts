import type { z } from 'zod';
import { GvcIssueSchema } from './core/schema.js';

/**
 * The public models whose JSON Schemas are generated at build into `schemas/<name>.json`
 * (exported as `gvckit/schemas/<name>.json`). Keys are the file names.
 *
 * @internal
 */
export function publicSchemas(): Record<string, z.ZodType> {
  return {
    'gvc-issue': GvcIssueSchema,
  };
}
