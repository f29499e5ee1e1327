import { validateOptions } from '../../core/boundary.js';
import { leontiefFactors, valueAddedCoefficientsData } from '../core.js';
import { assertIcio, checkFiniteRecords, finish, grossExportsVector, sumAbroad } from '../internal.js';
import type { LuFactors } from '../kernels/lu.js';
import { luSolveOf, luSolveTransposedOf } from '../kernels/lu-solve.js';
import { type DetailLevel, DetailOptions } from '../options.js';
import type { Icio } from '../types.js';

/** The Leontief (source-based) decomposition of one country's (or country–sector's) gross exports. */
export interface LeontiefDecompositionRecord {
  /** Exporting country. */
  country: string;
  /** Exporting sector (sector level only). */
  sector?: string;
  /** Gross exports. */
  GEXP: number;
  /** Domestic value added in gross exports: Σ_{i ∈ s} v_i B_ij E_j over exported products j of s. */
  DVA: number;
  /** Import content of exports (foreign value added, vertical specialisation VS): Σ_{i ∉ s} v_i B_ij E_j. */
  i2e: number;
  /**
   * Value added of the country (or, at sector level, of the country–sector as a source) embodied in
   * other countries' exports (VS1): Σ_{i ∈ s} Σ_{j ∉ s} v_i B_ij E_j.
   */
  e2r: number;
}

/**
 * Leontief decomposition of gross exports by source of value added, V·B·diag(E) (Hummels, Ishii &
 * Yi 2001; Koopman, Wang & Wei 2014, section II; as `leontief` in the R package decompr): each
 * export is split into domestic value added (DVA) and foreign value added (`i2e`, vertical
 * specialisation), DVA + i2e = GEXP; `e2r` is the country's value added in partners' exports.
 * Country level uses one LU solve with G right-hand sides (B·Ê); sector level one more transposed
 * solve (V·B by source country). At sector level DVA and i2e belong to the exporting sector, e2r to
 * the source sector.
 *
 * @param icio - the table, from {@link createIcio}
 * @param options - `{ level }`, see {@link DetailOptions}
 * @returns one record per country (or country–sector), in table order
 * @throws {GvcError} `INVALID_INPUT` for an invalid table or options; `SINGULAR_MATRIX` when I − A is singular, or its condition number is above CONDITION_LIMIT (naming the country–sectors most involved); `UNSUPPORTED` when a result overflows the range of doubles
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[0, 2], [0, 0]], Y: [[8, 0], [0, 10]] });
 * leontiefDecomposition(t).map((r) => [r.country, r.GEXP, r.DVA, r.i2e, r.e2r]);
 * //=> [['A', 2, 2, 0, 0], ['B', 0, 0, 0, 0]]
 * ```
 */
export function leontiefDecomposition(icio: Icio, options?: DetailOptions): LeontiefDecompositionRecord[] {
  assertIcio(icio);
  const { level = 'country' } = validateOptions(DetailOptions, options);
  const f = leontiefFactors(icio);
  const out = leontiefDecompositionWith(icio, level, f);
  checkFiniteRecords(out, 'Leontief decomposition');
  return finish(out, f.warnings);
}

/**
 * {@link leontiefDecomposition} with the LU factors of I − A supplied, so that callers that need
 * other solves factorise once.
 *
 * @internal
 */
export function leontiefDecompositionWith(
  icio: Icio,
  level: DetailLevel,
  f: LuFactors,
): LeontiefDecompositionRecord[] {
  const { G, N, countries, sectors } = icio;
  const n = G * N;
  const v = valueAddedCoefficientsData(icio);
  const e = grossExportsVector(icio);
  // R = B·Ê with Ê[j, s] = E_j for j in country s.
  const eHat = new Float64Array(n * G);
  for (let j = 0; j < n; j++) eHat[j * G + Math.floor(j / N)] = e[j]!;
  const r = luSolveOf(f, eHat, G);
  if (level === 'country') {
    // M[c, s] = Σ_{i ∈ c} v_i R[i, s]: value added of c in the exports of s.
    const m = new Float64Array(G * G);
    for (let i = 0; i < n; i++) {
      const c = Math.floor(i / N);
      for (let s = 0; s < G; s++) m[c * G + s] = m[c * G + s]! + v[i]! * r[i * G + s]!;
    }
    return countries.map((country, s) => {
      let GEXP = 0;
      for (let k = 0; k < N; k++) GEXP += e[s * N + k]!;
      // i2e: column s of M without its diagonal (others' value added in s's exports); e2r: row s.
      const i2e = sumAbroad(m, s, G, s, G);
      const e2r = sumAbroad(m, s * G, G, s);
      return { country, GEXP, DVA: m[s * G + s]!, i2e, e2r };
    });
  }
  // W[j, c] = Σ_{i ∈ c} v_i B_ij, by a transposed solve (I − A)ᵀ W = V_cᵀ.
  const vc = new Float64Array(n * G);
  for (let i = 0; i < n; i++) vc[i * G + Math.floor(i / N)] = v[i]!;
  const w = luSolveTransposedOf(f, vc, G);
  return countries.flatMap((country, s) =>
    sectors.map((sector, k) => {
      const j = s * N + k;
      const foreignShare = sumAbroad(w, j * G, G, s);
      const e2r = v[j]! * sumAbroad(r, j * G, G, s);
      return { country, sector, GEXP: e[j]!, DVA: w[j * G + s]! * e[j]!, i2e: foreignShare * e[j]!, e2r };
    }),
  );
}
