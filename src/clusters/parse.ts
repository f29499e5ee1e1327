import * as z from 'zod/mini';
import { IssueList, quote, safeValidate, validate } from '../core/boundary.js';
import { deepFreeze } from '../core/freeze.js';
import type { SafeParseResult } from '../core/result.js';
import { Cluster } from './model.js';

/**
 * The result of {@link safeParseCluster}: the cluster, or the error {@link parseCluster} would throw.
 *
 * @deprecated Use SafeParseResult<Cluster>; removed in 0.3.0
 */
export type SafeParseClusterResult = SafeParseResult<Cluster>;

/**
 * Validates a cluster (see {@link Cluster}) and returns a fresh, validated, deeply frozen copy;
 * unknown keys are rejected, never passed through. Paths are relative to the cluster document
 * (`endMarkets[1]`), as a schema validator reports them.
 *
 * @param input - the cluster to validate, e.g. parsed from JSON
 * @returns the validated cluster (a new, deeply frozen object; the input is not modified)
 * @throws GvcError `INVALID_INPUT` listing every problem with its path (`endMarkets[1]: expected each
 * value at most once, found "local" again (first at [0])`); a value that cannot be read as plain data
 * (nested too deeply, a throwing getter) is reported at the root
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
  return deepFreeze(validate(Cluster, input, '', 'invalid cluster'));
}

/**
 * Validates a cluster like {@link parseCluster}, returning a result object instead of throwing,
 * whatever the input (a bigint, a cycle, 10,000 levels of nesting give `{ success: false }`).
 *
 * @param input - the cluster to validate
 * @returns a deeply frozen `{ success: true, data }` or `{ success: false, error }` where `error` is
 * the `GvcError` (`INVALID_INPUT`) that {@link parseCluster} would throw
 * @throws never
 * @example
 * ```ts
 * const r = safeParseCluster({ id: 'x' });
 * r.success;
 * //=> false
 * ```
 */
export function safeParseCluster(input: unknown): SafeParseResult<Cluster> {
  const result: SafeParseResult<Cluster> = safeValidate(Cluster, input, '', 'invalid cluster');
  return deepFreeze(result);
}

const ClusterList = z.array(Cluster);

/**
 * Validates a list of clusters given as the argument `name`: each must be a valid {@link Cluster}
 * and no two may share an id. Throws one `GvcError` (`INVALID_INPUT`, summary `invalid ${name}`) with
 * every problem, paths rooted at the argument (`clusters[3].endMarkets`). Returns a deeply frozen copy.
 *
 * @internal
 */
export function parseClusterList(input: unknown, name = 'clusters'): readonly Cluster[] {
  const list = validate(ClusterList, input, name, `invalid ${name}`);
  const issues = new IssueList();
  const first = new Map<string, number>();
  list.forEach((c, i) => {
    const at = first.get(c.id);
    if (at === undefined) first.set(c.id, i);
    else {
      issues.add(
        `${name}[${i}].id`,
        `expected unique cluster ids, found ${quote(c.id)} again (first at ${name}[${at}])`,
      );
    }
  });
  issues.throwIfAny(`invalid ${name}`);
  return deepFreeze(list);
}
