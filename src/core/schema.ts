import { z } from 'zod';

/**
 * Schema of one validation problem, as carried by `GvcError.issues`.
 *
 * @internal
 */
export const GvcIssueSchema = z.object({ path: z.string(), message: z.string() }).strict();
