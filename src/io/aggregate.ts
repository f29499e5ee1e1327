import { z } from 'zod';
import { GvcError, type GvcIssue } from '../core/errors.js';
import { assertIcio, parseOptions } from './internal.js';
import { createIcio } from './model.js';
import type { Icio } from './types.js';

const Groups = z.record(
  z.string().min(1),
  z.array(z.string().min(1)).min(1, { error: 'expected at least one member' }),
);

/**
 * Options of {@link aggregateIcio}: `countries` and `sectors` map each new group label to the
 * labels it merges; every label of the table must belong to exactly one group. An omitted
 * dimension is kept as it is.
 *
 * @example
 * ```ts
 * AggregateOptions.parse({ sectors: { goods: ['A01', 'C26'], services: ['K'] } }).sectors?.goods;
 * //=> ['A01', 'C26']
 * ```
 */
export const AggregateOptions = z
  .object({ countries: Groups.optional(), sectors: Groups.optional() })
  .strict();
/** Options of {@link aggregateIcio}. */
export type AggregateOptions = z.input<typeof AggregateOptions>;

function mapping(
  labels: readonly string[],
  groups: Record<string, string[]> | undefined,
  what: 'countries' | 'sectors',
  issues: GvcIssue[],
): { names: string[]; of: Int32Array } {
  if (!groups) return { names: [...labels], of: Int32Array.from(labels, (_, i) => i) };
  const names = Object.keys(groups);
  const of = new Int32Array(labels.length).fill(-1);
  const index = new Map(labels.map((l, i) => [l, i]));
  names.forEach((g, gi) => {
    groups[g]!.forEach((label, k) => {
      const i = index.get(label);
      if (i === undefined) {
        issues.push({
          path: `${what}.${g}[${k}]`,
          message: `expected one of the table's ${what}, found "${label}"`,
        });
      } else if (of[i] !== -1) {
        issues.push({
          path: `${what}.${g}[${k}]`,
          message: `expected "${label}" in one group, found it also in "${names[of[i]!]}"`,
        });
      } else of[i] = gi;
    });
  });
  labels.forEach((l, i) => {
    if (of[i] === -1)
      issues.push({ path: what, message: `expected every label in a group, found "${l}" in none` });
  });
  return { names, of };
}

/**
 * Aggregates a table: merges countries into regions and sectors into coarser sectors by summing
 * flows (Z' = S·Z·Sᵀ with S the 0–1 aggregation matrix; final demand aggregated by producing row
 * and by destination group; output and value added summed; Miller & Blair 2009, section 4.3).
 * Group order is the key order of the option records.
 *
 * @param icio - the table, from {@link createIcio}
 * @param options - the groupings, see {@link AggregateOptions}
 * @returns the aggregated table
 * @throws {GvcError} `INVALID_INPUT` when a label is unknown, in two groups or in none (paths like
 *   `countries.EU[2]`)
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[1, 2], [3, 4]], Y: [[5, 6], [7, 8]] });
 * const w = aggregateIcio(t, { countries: { W: ['A', 'B'] } });
 * [Array.from(w.Z), Array.from(w.Y), Array.from(w.x)];
 * //=> [[10], [26], [36]]
 * ```
 */
export function aggregateIcio(icio: Icio, options: AggregateOptions): Icio {
  assertIcio(icio);
  const opts = parseOptions(AggregateOptions, options, 'aggregation');
  const issues: GvcIssue[] = [];
  const c = mapping(icio.countries, opts.countries, 'countries', issues);
  const s = mapping(icio.sectors, opts.sectors, 'sectors', issues);
  if (issues.length > 0) throw new GvcError('INVALID_INPUT', 'invalid aggregation', issues);
  const { G, N } = icio;
  const n = G * N;
  const G2 = c.names.length;
  const N2 = s.names.length;
  const n2 = G2 * N2;
  const to = new Int32Array(n);
  for (let i = 0; i < n; i++) to[i] = c.of[Math.floor(i / N)]! * N2 + s.of[i % N]!;
  const Z = new Float64Array(n2 * n2);
  const Y = new Float64Array(n2 * G2);
  const x = new Float64Array(n2);
  const va = new Float64Array(n2);
  for (let i = 0; i < n; i++) {
    const r = to[i]!;
    for (let j = 0; j < n; j++) Z[r * n2 + to[j]!] = Z[r * n2 + to[j]!]! + icio.Z[i * n + j]!;
    for (let d = 0; d < G; d++) Y[r * G2 + c.of[d]!] = Y[r * G2 + c.of[d]!]! + icio.Y[i * G + d]!;
    x[r] = x[r]! + icio.x[i]!;
    va[r] = va[r]! + icio.va[i]!;
  }
  // The input was validated; sums of balanced rows and columns balance, so the checks are not repeated.
  return createIcio({ countries: c.names, sectors: s.names, Z, Y, x, va, tolerance: Number.MAX_VALUE });
}
