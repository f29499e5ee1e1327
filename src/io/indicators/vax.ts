import * as z from 'zod/mini';
import { validateOptions } from '../../core/boundary.js';
import type { GvcIssue } from '../../core/errors.js';
import { leontiefFactors, valueAddedCoefficientsData } from '../core.js';
import { assertIcio, checkFiniteRecords, finish, grossExportsVector, ratio, sumAbroad } from '../internal.js';
import type { LuFactors } from '../kernels/lu.js';
import { luSolveOf } from '../kernels/lu-solve.js';
import { oneOf } from '../options.js';
import type { Icio } from '../types.js';

/**
 * Options of {@link valueAddedExports}: `level` is `'country'` (default), `'sector'` (value added
 * of each country–sector) or `'bilateral'` (each exporter–partner pair).
 *
 * @example
 * ```ts
 * VaxOptions.parse({ level: 'bilateral' }).level;
 * //=> 'bilateral'
 * ```
 */
export const VaxOptions = z.strictObject({ level: z.optional(oneOf(['country', 'sector', 'bilateral'])) });
/** Options of {@link valueAddedExports}. */
export type VaxOptions = z.input<typeof VaxOptions>;
/** The levels of {@link valueAddedExports}. */
type VaxLevel = NonNullable<z.output<typeof VaxOptions>['level']>;

/** Value-added exports of a country, a country–sector or an exporter–partner pair. */
export interface VaxRecord {
  /** Exporting country (the source of the value added). */
  country: string;
  /** Sector of origin of the value added (sector level only). */
  sector?: string;
  /** Importing country (bilateral level only). */
  partner?: string;
  /** Gross exports: intermediate and final sales to other countries (to `partner` when bilateral). */
  GEXP: number;
  /** Value-added exports: domestic value added absorbed in final demand abroad (in `partner`). */
  VAX: number;
  /** VAX ratio, VAX / GEXP (0 when GEXP = 0). */
  VAXratio: number;
}

/**
 * Value-added exports (VAX) and the VAX ratio (Johnson & Noguera 2012): the value added produced in
 * country s and absorbed in final demand in other countries, VAX_sd = Σ_{i ∈ s} (v̂·B·Y)_{i,d}, and
 * its ratio to gross exports. B·Y is obtained by one LU solve with G right-hand sides, not by
 * inverting I − A. Bilateral gross exports to d are Σ_{i ∈ s}(Σ_{j ∈ d} Z_ij + Y_id).
 *
 * @param icio - the table, from {@link createIcio}
 * @param options - `{ level }`, see {@link VaxOptions}
 * @returns records in table order: one per country, per country–sector, or per exporter and
 *   partner (partners in table order, the exporter itself omitted)
 * @throws {GvcError} `INVALID_INPUT` for an invalid table or options; `SINGULAR_MATRIX` when I − A is singular, or its condition number is above CONDITION_LIMIT (naming the country–sectors most involved); `UNSUPPORTED` when a result overflows the range of doubles
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[0, 2], [0, 0]], Y: [[8, 0], [0, 10]] });
 * valueAddedExports(t).map((r) => [r.country, r.GEXP, r.VAX]);
 * //=> [['A', 2, 2], ['B', 0, 0]]
 * ```
 */
export function valueAddedExports(icio: Icio, options?: VaxOptions): VaxRecord[] {
  assertIcio(icio);
  const { level = 'country' } = validateOptions(VaxOptions, options);
  const out = vaxRecords(icio, level);
  checkFiniteRecords(out.records, 'value-added exports');
  return finish(out.records, out.warnings);
}

function vaxRecords(icio: Icio, level: VaxLevel): { records: VaxRecord[]; warnings: GvcIssue[] } {
  const f = leontiefFactors(icio);
  return { records: vaxOf(icio, level, f), warnings: f.warnings };
}

function vaxOf(icio: Icio, level: VaxLevel, f: LuFactors): VaxRecord[] {
  const { G, N, Y, Z, countries, sectors } = icio;
  const n = G * N;
  const v = valueAddedCoefficientsData(icio);
  const by = luSolveOf(f, Y, G);
  // vay[i, d]: value added of i absorbed in final demand of d.
  const vay = new Float64Array(n * G);
  for (let i = 0; i < n; i++) for (let d = 0; d < G; d++) vay[i * G + d] = v[i]! * by[i * G + d]!;
  if (level === 'sector') {
    const e = grossExportsVector(icio);
    return countries.flatMap((country, s) =>
      sectors.map((sector, k) => {
        const i = s * N + k;
        const VAX = sumAbroad(vay, i * G, G, s);
        return { country, sector, GEXP: e[i]!, VAX, VAXratio: ratio(VAX, e[i]!) };
      }),
    );
  }
  // Bilateral gross exports and VAX, G×G.
  const gexp = new Float64Array(G * G);
  const vax = new Float64Array(G * G);
  for (let i = 0; i < n; i++) {
    const s = Math.floor(i / N);
    for (let j = 0; j < n; j++) {
      const d = Math.floor(j / N);
      gexp[s * G + d] = gexp[s * G + d]! + Z[i * n + j]!;
    }
    for (let d = 0; d < G; d++) {
      gexp[s * G + d] = gexp[s * G + d]! + Y[i * G + d]!;
      vax[s * G + d] = vax[s * G + d]! + vay[i * G + d]!;
    }
  }
  if (level === 'bilateral') {
    return countries.flatMap((country, s) =>
      countries.flatMap((partner, d) => {
        if (d === s) return [];
        const GEXP = gexp[s * G + d]!;
        const VAX = vax[s * G + d]!;
        return [{ country, partner, GEXP, VAX, VAXratio: ratio(VAX, GEXP) }];
      }),
    );
  }
  return countries.map((country, s) => {
    const GEXP = sumAbroad(gexp, s * G, G, s);
    const VAX = sumAbroad(vax, s * G, G, s);
    return { country, GEXP, VAX, VAXratio: ratio(VAX, GEXP) };
  });
}
