import type { GvcError } from './errors.js';

/**
 * The result of every `safeParse…` function (`safeParseValueChain`, `safeParseCluster`, …): the
 * parsed value, or the {@link GvcError} that the matching `parse…` function would have thrown. It has
 * the shape of zod's `safeParse` result, with a `GvcError` in place of a `ZodError`.
 *
 * @typeParam T - the type of the parsed value
 * @example
 * ```ts
 * const r: SafeParseResult<Rent> = safeParseRent({ family: 'resource', barriers: 'medium' });
 * r.success ? r.data.protected : r.error.code;
 * //=> false
 * ```
 */
export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: GvcError };
