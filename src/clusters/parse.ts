import type { z } from 'zod';
import { GvcError } from '../core/errors.js';
import { formatPath, fromZodIssues } from '../core/issues.js';
import { Cluster } from './model.js';
import { duplicateIssues, parseParams } from './schema-helpers.js';

/** The result of {@link safeParseCluster}: the cluster, or the error {@link parseCluster} would throw. */
export type SafeParseClusterResult = { success: true; data: Cluster } | { success: false; error: GvcError };

/**
 * Validates a cluster (see {@link Cluster}) and returns a fresh, validated copy; unknown keys are
 * rejected, never passed through.
 *
 * @param input - the cluster to validate, e.g. parsed from JSON
 * @returns the validated cluster (a new object; the input is not modified)
 * @throws GvcError `INVALID_INPUT` listing every problem with its path (`endMarkets[1]: expected each
 * value at most once, found "local" again (first at [0])`)
 * @example
 * ```ts
 * parseCluster({
 *   id: 'gha-suame-metalwork', name: 'Suame Metalwork', country: 'GHA', sector: 'metalwork',
 *   endMarkets: ['local'], dynamism: { growth: false, upgrading: true },
 *   externalEconomies: ['labour-supply', 'suppliers', 'customer-attraction'],
 *   collectiveAction: [], institutionalSupport: ['government'],
 * }).name;
 * //=> 'Suame Metalwork'
 * ```
 */
export function parseCluster(input: unknown): Cluster {
  const result = safeParseCluster(input);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Validates a cluster like {@link parseCluster}, returning a result object instead of throwing.
 *
 * @param input - the cluster to validate
 * @returns `{ success: true, data }` or `{ success: false, error }` where `error` is the `GvcError`
 * (`INVALID_INPUT`) that {@link parseCluster} would throw
 * @throws never
 * @example
 * ```ts
 * const r = safeParseCluster({ id: 'x' });
 * r.success;
 * //=> false
 * ```
 */
export function safeParseCluster(input: unknown): SafeParseClusterResult {
  const parsed = Cluster.safeParse(input, parseParams);
  if (parsed.success) return { success: true, data: parsed.data };
  return {
    success: false,
    error: new GvcError('INVALID_INPUT', 'invalid cluster', fromZodIssues(parsed.error.issues)),
  };
}

/**
 * Validates a list of clusters: each must be a valid {@link Cluster} and no two may share an id.
 * Throws one `GvcError` (`INVALID_INPUT`, summary `invalid ${what}`) with every problem, paths starting
 * at the list (`[3].endMarkets`).
 *
 * @internal
 */
export function parseClusterList(input: unknown, what = 'clusters'): Cluster[] {
  const parsed = (Cluster.array() as z.ZodType<Cluster[]>).safeParse(input, parseParams);
  if (!parsed.success) {
    throw new GvcError('INVALID_INPUT', `invalid ${what}`, fromZodIssues(parsed.error.issues));
  }
  const duplicates = duplicateIssues(
    parsed.data,
    (c) => c.id,
    (id, at) => `expected unique cluster ids, found "${id}" again (first at [${at}])`,
    ['id'],
  );
  if (duplicates.length > 0) {
    throw new GvcError(
      'INVALID_INPUT',
      `invalid ${what}`,
      duplicates.map((d) => ({ path: formatPath(d.path), message: d.message })),
    );
  }
  return parsed.data;
}
