/**
 * Stressor multipliers and the production- and consumption-based accounts of satellite stressors
 * (pymrio's `M`, `D_pba`, `D_cba`, `D_imp`, `D_exp`).
 *
 * @packageDocumentation
 */
import * as z from 'zod/mini';
import { IssueList, validateOptions } from '../../core/boundary.js';
import { leontiefFactors } from '../core.js';
import { valueAddedBySource } from '../decompositions/common.js';
import { checkFiniteRecords, finish } from '../internal.js';
import { luSolveOf } from '../kernels/lu-solve.js';
import { DetailLevel, oneOf } from '../options.js';
import type { Icio } from '../types.js';
import { intensities, type Satellite, satelliteOf } from './satellite.js';

/**
 * The most records one call of a footprint function returns (10 million): asking for more (every
 * stressor of EXIOBASE at sector level) is refused before anything is computed; pick stressors.
 *
 * @internal
 */
export const MAX_FOOTPRINT_RECORDS = 10_000_000;

/** Stressor names, to restrict a computation to some stressors of the table. */
const StressorNames = z
  .array(z.string().check(z.minLength(1)))
  .check(z.minLength(1, { error: 'expected at least one stressor name, found none' }));

/**
 * Options of {@link stressorMultipliers}: `stressors`, the names of the stressors to compute (all
 * of the table's when absent).
 *
 * @example
 * ```ts
 * StressorOptions.parse({ stressors: ['CO2'] });
 * //=> { stressors: ['CO2'] }
 * ```
 */
export const StressorOptions = z.strictObject({ stressors: z.optional(StressorNames) });
/** What a caller may pass as {@link StressorOptions}. */
export type StressorOptions = z.input<typeof StressorOptions>;

/**
 * Options of {@link footprintAccounts} and {@link embodiedInFinalDemand}: `level` (`'country'`, the
 * default, or `'sector'`) and `stressors` (names; all of the table's when absent).
 *
 * @example
 * ```ts
 * FootprintOptions.parse({}).level;
 * //=> 'country'
 * ```
 */
export const FootprintOptions = z.strictObject({
  level: z._default(DetailLevel, 'country'),
  stressors: z.optional(StressorNames),
});
/** What a caller may pass as {@link FootprintOptions}. */
export type FootprintOptions = z.input<typeof FootprintOptions>;

/**
 * Options of {@link embodiedInExports}: `level`, `'country'` (the default), `'sector'` (by
 * exporting sector), `'bilateral'` (by exporter and partner) or `'bilateral-sector'` (by exporter,
 * partner and exporting sector), and `stressors` (names; all of the table's when absent).
 *
 * @example
 * ```ts
 * EmbodiedExportsOptions.parse({ level: 'bilateral' });
 * //=> { level: 'bilateral' }
 * ```
 */
export const EmbodiedExportsOptions = z.strictObject({
  level: z._default(oneOf(['country', 'sector', 'bilateral', 'bilateral-sector']), 'country'),
  stressors: z.optional(StressorNames),
});
/** What a caller may pass as {@link EmbodiedExportsOptions}. */
export type EmbodiedExportsOptions = z.input<typeof EmbodiedExportsOptions>;

/** The keys every footprint record starts with: which stressor, in which unit. */
export interface StressorKeys {
  /** The stressor's name (`CO2`, `Employment`, …). */
  stressor: string;
  /** Its unit (`kg`, `1000 persons`, …), `''` when the table does not give one. */
  unit: string;
  /** Its compartment (`air`, …), `''` when the table does not give one. */
  compartment: string;
}

/** The stressor coefficient and multiplier of one country–sector. */
export interface StressorMultiplierRecord extends StressorKeys {
  /** Country label. */
  country: string;
  /** Sector label. */
  sector: string;
  /** Direct intensity S_j = F_j / x_j: stressor per unit of the sector's output (0 when x = 0). */
  intensity: number;
  /** Multiplier M_j = (S·L)_j: stressor, anywhere, per unit of final demand for the product j. */
  multiplier: number;
  /** The part of the multiplier in the sector's own country. */
  domestic: number;
  /** The part abroad, multiplier − domestic. */
  foreign: number;
}

/**
 * One country's accounts of one stressor (pymrio's `D_pba_reg`, `D_cba_reg`, `D_imp_reg`,
 * `D_exp_reg`): `production − consumption = exports − imports`.
 */
export interface FootprintCountryRecord extends StressorKeys {
  /** Country label. */
  country: string;
  /** Production-based (territorial) account: F of the country's industries, plus `direct`. */
  production: number;
  /** Consumption-based account (footprint): stressor, anywhere, for the country's final demand, plus `direct`. */
  consumption: number;
  /** Stressor abroad for the country's final demand. */
  imports: number;
  /** Stressor of the country's industries for final demand abroad. */
  exports: number;
  /** What the country's final demand emits directly (FY, 0 without it). */
  direct: number;
}

/**
 * One country–sector's accounts of one stressor (pymrio's `D_pba`, `D_cba`, `D_imp`, `D_exp`):
 * `production` and `exports` are by producing sector; `consumption` and `imports` by the sector of
 * the product final demand buys. Without FY, they sum to the country records.
 */
export interface FootprintSectorRecord extends StressorKeys {
  /** Country label. */
  country: string;
  /** Sector label. */
  sector: string;
  /** S_j·x_j: the sector's own stressor (F_j where x_j > 0). */
  production: number;
  /** Stressor, anywhere, for the country's final demand for this product. */
  consumption: number;
  /** The part of `consumption` emitted abroad. */
  imports: number;
  /** The part of `production` for final demand abroad. */
  exports: number;
}

/**
 * The stressor coefficients S = F·diag(x)⁻¹ and multipliers M = S·L of the satellite accounts of a
 * table, as pymrio's `calc_S` and `calc_M` define them (Stadler 2021; Miller & Blair 2009,
 * section 10.3 on generalised input–output models): M_j is the stressor emitted (or the jobs
 * needed) anywhere in the world per unit of final demand for the product of country–sector j,
 * split into the part in j's own country and abroad. Computed with G transposed solves per stressor
 * on the LU factors of I − A; L is never formed.
 *
 * @param icio - a table with `meta.satellite` (from a reader or {@link attachSatellite})
 * @param options - `{ stressors }`: names of the stressors to compute (all by default)
 * @returns one record per stressor and country–sector, stressor-major
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a valid table, has no valid satellite
 *   accounts, or `options` names an unknown stressor; `SINGULAR_MATRIX` when I − A is singular or
 *   too ill-conditioned; `UNSUPPORTED` when a result overflows or there would be more than
 *   10 million records
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const u = attachSatellite(t, { stressors: [{ name: 'jobs', unit: 'persons' }], F: [[100, 300]] });
 * stressorMultipliers(u).map((r) => [r.country, r.intensity, r.multiplier.toFixed(4)]);
 * //=> [['A', 1, '2.3529'], ['B', 2, '2.9412']]
 * ```
 */
export function stressorMultipliers(icio: Icio, options?: StressorOptions): StressorMultiplierRecord[] {
  const opts = validateOptions(StressorOptions, options);
  const sat = satelliteOf(icio, 'stressorMultipliers', opts.stressors);
  const { G, N, x } = icio;
  const n = G * N;
  const k = sat.stressors.length;
  limitRecords(k * n);
  const S = intensities(sat.F, x, k);
  const f = leontiefFactors(icio);
  const out: StressorMultiplierRecord[] = [];
  for (let s = 0; s < k; s++) {
    const q = S.subarray(s * n, s * n + n);
    const byOrigin = valueAddedBySource(f, G, N, q);
    for (let j = 0; j < n; j++) {
      let multiplier = 0;
      for (let t = 0; t < G; t++) multiplier += byOrigin[j * G + t]!;
      const domestic = byOrigin[j * G + Math.floor(j / N)]!;
      out.push({
        stressor: sat.stressors[s]!.name,
        unit: sat.stressors[s]!.unit,
        compartment: sat.stressors[s]!.compartment,
        country: icio.countries[Math.floor(j / N)]!,
        sector: icio.sectors[j % N]!,
        intensity: q[j]!,
        multiplier,
        domestic,
        foreign: multiplier - domestic,
      });
    }
  }
  checkFiniteRecords(out, 'stressor multipliers');
  return finish(out, f.warnings);
}

/**
 * The production-based, consumption-based, imported and exported accounts of each stressor, as
 * pymrio's `calc_accounts` defines them (Stadler 2021; Stadler et al. 2018 for EXIOBASE 3;
 * Kanemoto et al. 2012, "Frameworks for comparing emissions associated with production,
 * consumption, and international trade", Environmental Science & Technology 46(1)). With S the
 * stressor coefficients, L the Leontief inverse, Y_d country d's final demand and x = L·Y·1:
 * production of country–sector i is S_i·x_i; consumption of country d is Σ_i S_i (L·Y_d)_i;
 * imports are the part of it produced abroad; exports of i are S_i·Σ_{d abroad} (L·Y_d)_i. At
 * country level, what final demand emits directly (FY) is added to production and consumption, as
 * pymrio's `D_pba_reg` and `D_cba_reg` do, so that Σ production = Σ consumption (the world total)
 * and production − consumption = exports − imports for every country.
 *
 * @param icio - a table with `meta.satellite` (from a reader or {@link attachSatellite})
 * @param options - `{ level, stressors }`: `'country'` (default) or `'sector'`, and stressor names
 * @returns one record per stressor and country (or country–sector), stressor-major
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a valid table, has no valid satellite
 *   accounts, or `options` is invalid; `SINGULAR_MATRIX` when I − A is singular or too
 *   ill-conditioned; `UNSUPPORTED` when a result overflows or there would be more than 10 million
 *   records
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const u = attachSatellite(t, { stressors: [{ name: 'jobs', unit: 'persons' }], F: [[100, 300]] });
 * footprintAccounts(u).map((r) => [r.country, r.production, r.consumption.toFixed(2)]);
 * //=> [['A', 100, '147.06'], ['B', 300, '252.94']]
 * ```
 */
export function footprintAccounts(
  icio: Icio,
  options: FootprintOptions & { level: 'sector' },
): FootprintSectorRecord[];
/**
 * The accounts of each stressor by country (see the sector-level signature for the definitions).
 *
 * @param icio - a table with `meta.satellite` (from a reader or {@link attachSatellite})
 * @param options - `{ level: 'country' }` (the default) and stressor names
 * @returns one record per stressor and country, stressor-major
 * @throws {GvcError} `INVALID_INPUT` when `icio` or `options` is invalid or there are no satellite
 *   accounts; `SINGULAR_MATRIX` when I − A is singular; `UNSUPPORTED` when a result overflows
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const u = attachSatellite(t, { stressors: [{ name: 'jobs' }], F: [[100, 300]] });
 * const [a] = footprintAccounts(u);
 * [(a!.production - a!.consumption).toFixed(2), (a!.exports - a!.imports).toFixed(2)];
 * //=> ['-47.06', '-47.06']
 * ```
 */
export function footprintAccounts(
  icio: Icio,
  options?: FootprintOptions & { level?: 'country' },
): FootprintCountryRecord[];
/**
 * The accounts of each stressor at a level chosen at run time (see the sector-level signature).
 *
 * @param icio - a table with `meta.satellite`
 * @param options - `{ level, stressors }`
 * @returns country or country–sector records
 * @throws {GvcError} `INVALID_INPUT` when `icio` or `options` is invalid or there are no satellite
 *   accounts; `SINGULAR_MATRIX` when I − A is singular; `UNSUPPORTED` when a result overflows
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const u = attachSatellite(t, { stressors: [{ name: 'jobs' }], F: [[100, 300]] });
 * footprintAccounts(u, { level: 'sector' }).length;
 * //=> 2
 * ```
 */
export function footprintAccounts(
  icio: Icio,
  options?: FootprintOptions,
): FootprintCountryRecord[] | FootprintSectorRecord[];
export function footprintAccounts(
  icio: Icio,
  options?: FootprintOptions,
): FootprintCountryRecord[] | FootprintSectorRecord[] {
  const { level, stressors } = validateOptions(FootprintOptions, options);
  const sat = satelliteOf(icio, 'footprintAccounts', stressors);
  const { G, N, x, Y } = icio;
  const n = G * N;
  const k = sat.stressors.length;
  limitRecords(k * (level === 'country' ? G : n));
  const S = intensities(sat.F, x, k);
  const f = leontiefFactors(icio);
  // BY[i, d] = (L·Y_d)_i: output of i for country d's final demand (G solves).
  const BY = luSolveOf(f, Y, G);
  if (level === 'country') {
    const out: FootprintCountryRecord[] = [];
    for (let s = 0; s < k; s++) {
      const q = S.subarray(s * n, s * n + n);
      const production = new Float64Array(G);
      const consumption = new Float64Array(G);
      const imports = new Float64Array(G);
      const exports = new Float64Array(G);
      for (let i = 0; i < n; i++) {
        const r = Math.floor(i / N);
        for (let d = 0; d < G; d++) {
          const e = q[i]! * BY[i * G + d]!;
          production[r] = production[r]! + e;
          consumption[d] = consumption[d]! + e;
          if (d !== r) {
            exports[r] = exports[r]! + e;
            imports[d] = imports[d]! + e;
          }
        }
      }
      icio.countries.forEach((country, c) => {
        const direct = sat.FYc[s * G + c]!;
        out.push({
          stressor: sat.stressors[s]!.name,
          unit: sat.stressors[s]!.unit,
          compartment: sat.stressors[s]!.compartment,
          country,
          production: production[c]! + direct,
          consumption: consumption[c]! + direct,
          imports: imports[c]!,
          exports: exports[c]!,
          direct,
        });
      });
    }
    checkFiniteRecords(out, 'footprint accounts');
    return finish(out, f.warnings);
  }
  const out: FootprintSectorRecord[] = [];
  for (let s = 0; s < k; s++) {
    const q = S.subarray(s * n, s * n + n);
    // byOrigin[j, t] = Σ_{i ∈ t} S_i L_ij: stressor of country t per unit of final product j.
    const byOrigin = valueAddedBySource(f, G, N, q);
    const consumption = new Float64Array(n); // (d, k): d's final demand for products of sector k
    const imports = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let m = 0;
      for (let t = 0; t < G; t++) m += byOrigin[j * G + t]!;
      const sector = j % N;
      for (let d = 0; d < G; d++) {
        const y = Y[j * G + d]!;
        if (y === 0) continue;
        consumption[d * N + sector] = consumption[d * N + sector]! + m * y;
        imports[d * N + sector] = imports[d * N + sector]! + (m - byOrigin[j * G + d]!) * y;
      }
    }
    for (let i = 0; i < n; i++) {
      const r = Math.floor(i / N);
      let total = 0;
      for (let d = 0; d < G; d++) total += BY[i * G + d]!;
      out.push({
        stressor: sat.stressors[s]!.name,
        unit: sat.stressors[s]!.unit,
        compartment: sat.stressors[s]!.compartment,
        country: icio.countries[r]!,
        sector: icio.sectors[i % N]!,
        production: q[i]! * total,
        consumption: consumption[i]!,
        imports: imports[i]!,
        exports: q[i]! * (total - BY[i * G + r]!),
      });
    }
  }
  checkFiniteRecords(out, 'footprint accounts');
  return finish(out, f.warnings);
}

/**
 * The keys of stressor s of a satellite, for a record.
 *
 * @internal
 */
export function keys(sat: Satellite, s: number): StressorKeys {
  const { name, unit, compartment } = sat.stressors[s]!;
  return { stressor: name, unit, compartment };
}

/**
 * Refuses a computation that would return more than {@link MAX_FOOTPRINT_RECORDS} records.
 *
 * @internal
 */
export function limitRecords(count: number): void {
  if (count <= MAX_FOOTPRINT_RECORDS) return;
  const issues = new IssueList();
  issues.add(
    'options.stressors',
    `expected at most ${MAX_FOOTPRINT_RECORDS} records (choose fewer stressors or the country level), found ${count}`,
  );
  issues.throwIfAny('too many footprint records', 'UNSUPPORTED');
}
