import * as z from 'zod/mini';
import { IssueList, quote, validateOptions } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { assertIcio } from './internal.js';
import { createIcio } from './model.js';
import type { Icio } from './types.js';

const Groups = z.record(
  z.string().check(z.minLength(1)),
  z.array(z.string().check(z.minLength(1))).check(z.minLength(1, { error: 'expected at least one member' })),
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
export const AggregateOptions = z.strictObject({
  countries: z.optional(Groups),
  sectors: z.optional(Groups),
});
/** Options of {@link aggregateIcio}. */
export type AggregateOptions = z.input<typeof AggregateOptions>;

function mapping(
  labels: readonly string[],
  groups: Record<string, string[]> | undefined,
  what: 'countries' | 'sectors',
  issues: IssueList,
  raw: unknown,
): { names: string[]; of: Int32Array } {
  if (!groups) return { names: [...labels], of: Int32Array.from(labels, (_, i) => i) };
  const root = `options.${what}`;
  // zod drops a `__proto__` key while parsing a record: report it rather than lose the group.
  if (raw !== null && typeof raw === 'object' && Object.hasOwn(raw, '__proto__'))
    issues.add(
      `${root}[${quote('__proto__')}]`,
      `expected a group label other than ${quote('__proto__')}, found it`,
    );
  const names = Object.keys(groups);
  const of = new Int32Array(labels.length).fill(-1);
  const index = new Map(labels.map((l, i) => [l, i]));
  names.forEach((g, gi) => {
    if (g.trim() !== g)
      issues.add(
        `${root}[${quote(g)}]`,
        `expected a group label without leading or trailing spaces, found ${quote(g)}`,
      );
    else if (what === 'countries' && g.includes('_'))
      issues.add(
        `${root}[${quote(g)}]`,
        `expected a region label without "_" (the separator of COUNTRY_SECTOR labels), found ${quote(g)}`,
      );
    (Object.hasOwn(groups, g) ? groups[g]! : []).forEach((label, k) => {
      const i = index.get(label);
      if (i === undefined) {
        issues.add(`${root}.${g}[${k}]`, `expected one of the table's ${what}, found ${quote(label)}`);
      } else if (of[i] !== -1) {
        issues.add(
          `${root}.${g}[${k}]`,
          `expected ${quote(label)} in one group, found it also in ${quote(names[of[i]!]!)}`,
        );
      } else of[i] = gi;
    });
  });
  labels.forEach((l, i) => {
    if (of[i] === -1) issues.add(root, `expected every label in a group, found ${quote(l)} in none`);
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
 * @returns the aggregated table, frozen as {@link createIcio} freezes it
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a valid table (paths `icio.…`), or a label
 *   is unknown, in two groups or in none, or a region label contains `_` or is `__proto__` (paths
 *   like `options.countries.EU[2]`); `UNSUPPORTED` when merged flows overflow the range of doubles
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
  const opts = validateOptions(AggregateOptions, options);
  const raw = (options ?? {}) as { countries?: unknown; sectors?: unknown };
  const issues = new IssueList();
  const c = mapping(icio.countries, opts.countries, 'countries', issues, raw.countries);
  const s = mapping(icio.sectors, opts.sectors, 'sectors', issues, raw.sectors);
  issues.throwIfAny('invalid aggregation');
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
  // Merged flows can overflow though each is finite (1e308 + 1e308).
  for (const [name, a] of [
    ['Z', Z],
    ['Y', Y],
    ['x', x],
    ['va', va],
  ] as const) {
    if (!a.every(Number.isFinite)) {
      throw new GvcError('UNSUPPORTED', 'invalid aggregation', [
        {
          path: 'options',
          message: `expected merged ${name} flows that are finite numbers, found a sum that overflows`,
        },
      ]);
    }
  }
  // The input was validated; sums of balanced rows and columns balance, so the checks are not repeated.
  return createIcio({ countries: c.names, sectors: s.names, Z, Y, x, va, tolerance: Number.MAX_VALUE });
}
