/**
 * Multipliers of an input–output table: the value-added coefficients v = va / x and the simple
 * output multipliers (column sums of the Leontief inverse, split into home and abroad).
 *
 * @packageDocumentation
 */
import { leontiefFactors, valueAddedCoefficientsData } from './core.js';
import { assertIcio, checkFiniteRecords, finish } from './internal.js';
import { luSolveTransposedOf } from './kernels/lu-solve.js';
import type { Icio } from './types.js';

/** A value-added coefficient of one country–sector. */
export interface ValueAddedCoefficient {
  /** Country label. */
  country: string;
  /** Sector label. */
  sector: string;
  /** Value added per unit of gross output, v = va / x (0 when x = 0). */
  v: number;
}

/**
 * Value-added coefficients v_j = va_j / x_j, the direct value-added share of gross output (Miller &
 * Blair 2009, section 2.3; Johnson & Noguera 2012). With va = x − Zᵀ1 they satisfy v·B = 1ᵀ.
 *
 * @param icio - the table, from {@link createIcio}
 * @returns one record per country–sector, in table order
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a valid table (paths `icio.…`: shape, labels, sizes up to MAX_ICIO_ORDER, finite entries)
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A'], sectors: ['s1', 's2'], Z: [[150, 500], [200, 100]], Y: [[350], [1700]] });
 * valueAddedCoefficients(t).map((r) => r.v);
 * //=> [0.65, 0.7]
 * ```
 */
export function valueAddedCoefficients(icio: Icio): ValueAddedCoefficient[] {
  assertIcio(icio);
  const v = valueAddedCoefficientsData(icio);
  const out = icio.countries.flatMap((country, s) =>
    icio.sectors.map((sector, k) => ({ country, sector, v: v[s * icio.N + k]! })),
  );
  checkFiniteRecords(out, 'value-added coefficients');
  return finish(out);
}

/** The output multipliers of one country–sector. */
export interface OutputMultiplier {
  /** Country label. */
  country: string;
  /** Sector label. */
  sector: string;
  /** Simple output multiplier: column sum of B, Σ_i B_ij. */
  output: number;
  /** Part of it produced in the sector's own country: Σ_{i ∈ s} B_ij. */
  domestic: number;
  /** Part of it produced abroad (spillover): Σ_{i ∉ s} B_ij. */
  foreign: number;
}

/**
 * Simple output multipliers: the column sums of the Leontief inverse, the total output of all
 * country–sectors needed per unit of final demand for the product of country–sector j, split into
 * the part produced at home and the spillover abroad (Miller & Blair 2009, sections 6.2 and 6.4).
 * Computed by one transposed solve (I − A)ᵀm = 1, without forming B.
 *
 * @param icio - the table, from {@link createIcio}
 * @returns one record per country–sector, in table order
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a valid table (paths `icio.…`: shape, labels, sizes up to MAX_ICIO_ORDER, finite entries);
 *   `SINGULAR_MATRIX` when I − A is singular or its condition number is above CONDITION_LIMIT (naming the country–sectors most involved); `UNSUPPORTED` when a result overflows the range of doubles or memory runs out
 * @example
 * ```ts
 * // Miller & Blair (2009), section 6.2.1: column sums of L = [[1.2541, .3300], [.2640, 1.1221]]
 * const t = createIcio({ countries: ['A'], sectors: ['s1', 's2'], Z: [[150, 500], [200, 100]], Y: [[350], [1700]] });
 * outputMultipliers(t).map((r) => r.output.toFixed(4));
 * //=> ['1.5182', '1.4521']
 * ```
 */
export function outputMultipliers(icio: Icio): OutputMultiplier[] {
  assertIcio(icio);
  const { G, N } = icio;
  const n = G * N;
  const f = leontiefFactors(icio);
  // Column sums by source country: solve (I − A)ᵀ W = C, C[i, c] = 1 when i is in country c.
  const c = new Float64Array(n * G);
  for (let i = 0; i < n; i++) c[i * G + Math.floor(i / N)] = 1;
  const w = luSolveTransposedOf(f, c, G);
  const out = icio.countries.flatMap((country, s) =>
    icio.sectors.map((sector, k) => {
      const j = s * N + k;
      let output = 0;
      for (let d = 0; d < G; d++) output += w[j * G + d]!;
      const domestic = w[j * G + s]!;
      return { country, sector, output, domestic, foreign: output - domestic };
    }),
  );
  checkFiniteRecords(out, 'output multipliers');
  return finish(out, f.warnings);
}
