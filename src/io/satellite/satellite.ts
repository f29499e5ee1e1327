/**
 * Satellite (environmental and social) accounts attached to an input–output table: named stressors
 * with their units, by country–sector (`F`) and by final-demand column (`FY`), as pymrio's
 * extensions and EXIOBASE's `satellite/` folder hold them.
 *
 * @packageDocumentation
 */
import * as z from 'zod/mini';
import { IssueList, preview, quote, validate } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';
import { deepFreeze } from '../../core/freeze.js';
import { assertIcio, icioLabels } from '../internal.js';
import type { Icio, IcioSatellite } from '../types.js';

/** A non-empty label without surrounding spaces. */
const Label = (what: string) =>
  z.string({ error: `expected a ${what} (a non-empty string)` }).check(
    z.minLength(1, { error: `expected a non-empty ${what}, found ""` }),
    z.refine((s) => s.trim() === s, { error: `expected a ${what} without leading or trailing spaces` }),
  );

/** One stressor: a name, and its unit and compartment when known. */
const Stressor = z.strictObject({
  name: Label('stressor name'),
  unit: z.optional(Label('unit')),
  compartment: z.optional(Label('compartment')),
});

/** A Float64Array of any buffer (a table's own arrays are `Float64Array<ArrayBufferLike>`). */
const Float64 = z.custom<Float64Array>((v) => v instanceof Float64Array);

/** A k×m matrix given as rows of numbers or as one row-major `Float64Array`. */
const Rows = z.union([Float64, z.array(z.union([z.array(z.unknown()), Float64]))], {
  error: 'expected a matrix: an array of rows (number[][]) or a row-major Float64Array',
});

/**
 * What {@link attachSatellite} takes: `stressors` (k of them, each `{ name, unit?, compartment? }`;
 * a name and compartment pair appears once), `F` (k×n, one row per stressor, one column per
 * country–sector in table order) and optionally `FY` (k×(G·F): one column per final-demand column of
 * `meta.finalDemand`, country-major, or one per country, k×G, when the table has no final-demand
 * categories). Rows may be `number[][]` or one row-major `Float64Array`; entries are finite and may
 * be negative (carbon removals).
 *
 * @example
 * ```ts
 * SatelliteInput.parse({ stressors: [{ name: 'CO2', unit: 'kt' }], F: [[1, 2]] }).stressors[0]!.unit;
 * //=> 'kt'
 * ```
 */
export const SatelliteInput = z.strictObject({
  stressors: z.array(Stressor).check(z.minLength(1, { error: 'expected at least one stressor, found none' })),
  F: Rows,
  FY: z.optional(Rows),
});
/** What a caller may pass as {@link SatelliteInput}. */
export type SatelliteInput = z.input<typeof SatelliteInput>;

/**
 * Attaches satellite accounts to a table: returns a new frozen {@link Icio} whose
 * `meta.satellite` holds the stressors, `F` and `FY` (fresh `Float64Array` copies), keeping the
 * table's other metadata (a table without metadata gets `release: 'custom'`) and replacing any
 * satellite it had. The table and the input are not changed. The layout is pymrio's extension
 * (Stadler 2021, "Pymrio – a Python based multi-regional input-output analysis toolbox", Journal
 * of Open Research Software 9(1)) and EXIOBASE 3's `F`/`F_Y` (Stadler et al. 2018, Journal of
 * Industrial Ecology 22(3)): F is what the industries emit or use, FY what final demand emits
 * directly (households' fuel burning).
 *
 * @param icio - the table, from {@link createIcio} or a reader
 * @param satellite - the stressors and their accounts (see {@link SatelliteInput})
 * @returns a new frozen table with `meta.satellite`
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a valid table, or `satellite` has empty or
 *   repeated stressor names, rows of the wrong length, or entries that are not finite numbers (paths
 *   `satellite.F[CO2][A_s]`)
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const u = attachSatellite(t, { stressors: [{ name: 'jobs', unit: 'persons' }], F: [[100, 300]] });
 * [u.meta?.satellite?.stressors[0]?.unit, t.meta];
 * //=> ['persons', undefined]
 * ```
 */
export function attachSatellite(icio: Icio, satellite: SatelliteInput): Icio {
  assertIcio(icio);
  const input = validate(SatelliteInput, satellite, 'satellite', 'invalid satellite accounts');
  const issues = new IssueList();
  const seen = new Map<string, number>();
  input.stressors.forEach((s, i) => {
    const key = `${s.name}\u0000${s.compartment ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined)
      issues.add(
        `satellite.stressors[${i}].name`,
        `expected each stressor once, found ${quote(s.name)}${s.compartment ? ` (${quote(s.compartment)})` : ''} again (first at [${first}])`,
      );
    else seen.set(key, i);
  });
  const names = input.stressors.map((s) => s.name);
  const { n, columns, colLabel } = layout(icio);
  const F = readRows(issues, 'satellite.F', input.F, names, n, icioLabels(icio));
  const FY =
    input.FY === undefined
      ? undefined
      : readRows(
          issues,
          'satellite.FY',
          input.FY,
          names,
          columns,
          Array.from({ length: columns }, (_, c) => colLabel(c)),
        );
  issues.throwIfAny('invalid satellite accounts');
  const stressors = input.stressors.map((s) => ({
    name: s.name,
    ...(s.unit !== undefined ? { unit: s.unit } : {}),
    ...(s.compartment !== undefined ? { compartment: s.compartment } : {}),
  }));
  const sat: IcioSatellite = { stressors, F: F!, ...(FY ? { FY } : {}) };
  // Copies of the plain parts (labels, metadata objects), so that freezing the result never freezes
  // the caller's; typed arrays are shared (they cannot be frozen, and tables are not changed).
  const meta = copyPlain(icio.meta ?? { release: 'custom' }) as NonNullable<Icio['meta']>;
  return deepFreeze({ ...(copyPlain(icio) as Icio), meta: { ...meta, satellite: sat } });
}

/** A copy of the arrays and plain objects of a value, typed arrays and frozen parts shared. */
function copyPlain(v: unknown, depth = 0): unknown {
  if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v) || Object.isFrozen(v) || depth > 8)
    return v;
  if (Array.isArray(v)) return v.map((x) => copyPlain(x, depth + 1));
  if (Object.getPrototypeOf(v) !== Object.prototype) return v;
  const out: Record<string, unknown> = {};
  for (const [key, x] of Object.entries(v))
    Object.defineProperty(out, key, {
      value: copyPlain(x, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

/** The order n and the final-demand columns of a table, with their labels (`A_HFCE`, or `A`). */
function layout(icio: Icio): {
  n: number;
  columns: number;
  categories: number;
  colLabel: (c: number) => string;
} {
  const cats = icio.meta?.finalDemand?.categories;
  const F = cats && cats.length > 0 ? cats.length : 1;
  const colLabel = (c: number) =>
    F === 1 && !cats ? icio.countries[c]! : `${icio.countries[Math.floor(c / F)]}_${cats![c % F]}`;
  return { n: icio.G * icio.N, columns: icio.G * F, categories: F, colLabel };
}

/** Copies k rows of `cols` finite numbers into a row-major array, recording what is wrong. */
function readRows(
  issues: IssueList,
  path: string,
  value: Float64Array | readonly ArrayLike<unknown>[],
  names: readonly string[],
  cols: number,
  labels: readonly string[],
): Float64Array | undefined {
  const k = names.length;
  if (value instanceof Float64Array) {
    if (value.length !== k * cols) {
      issues.add(path, `expected ${k}×${cols} entries in a row-major Float64Array, found ${value.length}`);
      return undefined;
    }
  } else {
    if (value.length !== k) {
      issues.add(path, `expected ${k} rows (one per stressor), found ${value.length}`);
      return undefined;
    }
    let ok = true;
    value.forEach((row, s) => {
      if (row.length !== cols) {
        issues.add(`${path}[${names[s]}]`, `expected ${cols} columns, found ${row.length}`);
        ok = false;
      }
    });
    if (!ok) return undefined;
  }
  const out = new Float64Array(k * cols);
  for (let s = 0; s < k; s++) {
    const row: ArrayLike<unknown> =
      value instanceof Float64Array ? value.subarray(s * cols, s * cols + cols) : value[s]!;
    for (let j = 0; j < cols; j++) {
      const x = row[j];
      if (typeof x === 'number' && Number.isFinite(x)) out[s * cols + j] = x;
      else issues.add(`${path}[${names[s]}][${labels[j]}]`, `expected a finite number, found ${preview(x)}`);
    }
  }
  return out;
}

/**
 * The satellite accounts of a table, checked, restricted to the chosen stressors: what the
 * footprint functions compute with.
 *
 * @internal
 */
export interface Satellite {
  /** The chosen stressors, each with `unit` and `compartment` ('' when unknown). */
  readonly stressors: readonly {
    readonly name: string;
    readonly unit: string;
    readonly compartment: string;
  }[];
  /** k×n, the chosen rows of F. */
  readonly F: Float64Array;
  /** k×G, the chosen rows of FY summed by the country of the final-demand column (zeros without FY). */
  readonly FYc: Float64Array;
}

/**
 * Checks `icio` and its `meta.satellite` (sizes, finite entries) and picks the stressors named in
 * `names` (all when absent; a name picks every stressor of that name). Throws `INVALID_INPUT` with
 * paths `icio.meta.satellite…` or `options.stressors[i]`.
 *
 * @internal
 */
export function satelliteOf(icio: Icio, fn: string, names?: readonly string[]): Satellite {
  assertIcio(icio);
  const sat = icio.meta?.satellite;
  if (!sat || !Array.isArray(sat.stressors) || !(sat.F instanceof Float64Array)) {
    throw new GvcError('INVALID_INPUT', `${fn} needs satellite accounts`, [
      {
        path: 'icio.meta.satellite',
        message: `expected satellite accounts (read with the table or attached with attachSatellite), found ${preview(sat)}`,
      },
    ]);
  }
  const issues = new IssueList();
  const all = sat.stressors;
  const { n, columns, categories } = layout(icio);
  const k = all.length;
  if (k === 0) issues.add('icio.meta.satellite.stressors', 'expected at least one stressor, found none');
  all.forEach((s, i) => {
    if (typeof s?.name !== 'string' || s.name === '')
      issues.add(
        `icio.meta.satellite.stressors[${i}].name`,
        `expected a non-empty string, found ${preview(s?.name)}`,
      );
  });
  if (sat.F.length !== k * n)
    issues.add(
      'icio.meta.satellite.F',
      `expected ${k}×${n} entries (stressors × country–sectors), found ${sat.F.length}`,
    );
  const FY = sat.FY;
  if (FY !== undefined && (!(FY instanceof Float64Array) || FY.length !== k * columns))
    issues.add(
      'icio.meta.satellite.FY',
      `expected a Float64Array of ${k}×${columns} entries (stressors × final-demand columns), found ${preview(FY)}`,
    );
  issues.throwIfAny(`${fn} needs valid satellite accounts`);
  const chosen: number[] = [];
  if (names === undefined) for (let s = 0; s < k; s++) chosen.push(s);
  else
    names.forEach((name, i) => {
      let hit = false;
      all.forEach((s, j) => {
        if (s.name === name) {
          hit = true;
          if (!chosen.includes(j)) chosen.push(j);
        }
      });
      if (!hit)
        issues.add(
          `options.stressors[${i}]`,
          `expected the name of a stressor of the table, found ${quote(name)}`,
        );
    });
  const labels = icioLabels(icio);
  for (const s of chosen) {
    for (let j = 0; j < n; j++)
      if (!Number.isFinite(sat.F[s * n + j]!))
        issues.add(
          `icio.meta.satellite.F[${all[s]!.name}][${labels[j]}]`,
          `expected a finite number, found ${preview(sat.F[s * n + j])}`,
        );
    if (FY)
      for (let c = 0; c < columns; c++)
        if (!Number.isFinite(FY[s * columns + c]!))
          issues.add(
            `icio.meta.satellite.FY[${all[s]!.name}][${c}]`,
            `expected a finite number, found ${preview(FY[s * columns + c])}`,
          );
  }
  issues.throwIfAny(`${fn} needs valid satellite accounts`);
  const G = icio.G;
  const F = new Float64Array(chosen.length * n);
  const FYc = new Float64Array(chosen.length * G);
  chosen.forEach((s, r) => {
    F.set(sat.F.subarray(s * n, s * n + n), r * n);
    if (FY)
      for (let c = 0; c < columns; c++) FYc[r * G + Math.floor(c / categories)]! += FY[s * columns + c]!;
  });
  const stressors = chosen.map((s) => ({
    name: all[s]!.name,
    unit: typeof all[s]!.unit === 'string' ? all[s]!.unit! : '',
    compartment: typeof all[s]!.compartment === 'string' ? all[s]!.compartment! : '',
  }));
  return { stressors, F, FYc };
}

/**
 * Stressor coefficients S = F·diag(x)⁻¹ for k stressors (0 where x = 0), k×n.
 *
 * @internal
 */
export function intensities(F: Float64Array, x: Float64Array, k: number): Float64Array {
  const n = x.length;
  const S = new Float64Array(k * n);
  for (let s = 0; s < k; s++)
    for (let j = 0; j < n; j++) S[s * n + j] = x[j] === 0 ? 0 : F[s * n + j]! / x[j]!;
  return S;
}
