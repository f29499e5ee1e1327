import * as z from 'zod/mini';
import { validateOptions } from '../../core/boundary.js';
import { denseBasis, localTimesInverse } from '../decompositions/bm-shared.js';
import { checkIcio, globalBasis } from '../decompositions/common.js';
import { checkFiniteRecords, finish } from '../internal.js';
import { luFactor } from '../kernels/lu.js';
import { luSolveTransposedOf } from '../kernels/lu-solve.js';
import { addRowCombination } from '../kernels/matrix.js';
import { DetailLevel, oneOf } from '../options.js';
import type { Icio } from '../types.js';

/**
 * One exporter's gross exports (within a perimeter) decomposed as in Miroudot & Ye (2021):
 * `DC = DVA + DDC`, `FC = FVA + FDC`, `DC + FC = GEXP`. `partner` is set for the bilateral
 * perimeter and `sector` at level `'sector'` (the exporting sector).
 *
 * @example
 * ```ts
 * Object.keys(MyRecord.shape);
 * //=> ['country', 'partner', 'sector', 'GEXP', 'DC', 'DVA', 'DDC', 'FC', 'FVA', 'FDC']
 * ```
 */
export const MyRecord = z.strictObject({
  /** Exporting country. */
  country: z.string(),
  /** Importing country (bilateral perimeter only). */
  partner: z.optional(z.string()),
  /** Exporting sector (level `'sector'` only). */
  sector: z.optional(z.string()),
  /** Gross exports within the perimeter. */
  GEXP: z.number(),
  /** Domestic content, V_s B_ss e = DVA + DDC. */
  DC: z.number(),
  /** Domestic value added counted the first time it leaves the perimeter. */
  DVA: z.number(),
  /** Domestic double counting, DC − DVA. */
  DDC: z.number(),
  /** Foreign content, Σ_{t≠s} V_t B_ts e = FVA + FDC. */
  FC: z.number(),
  /** Foreign value added counted the first time it enters the perimeter's exports. */
  FVA: z.number(),
  /** Foreign double counting, FC − FVA. */
  FDC: z.number(),
});
/** One Miroudot–Ye record; see {@link MyRecord}. */
export type MyRecord = z.output<typeof MyRecord>;

/**
 * Options of {@link myDecomposition}: `perimeter` — `'country'` (the default: the exporting country's
 * total exports), `'bilateral'` (its exports to one partner), `'sector'` (one exporting sector's
 * exports) or `'world'` (all countries' exports together) — and `level`, a {@link DetailLevel}
 * (`'sector'` breaks each record down by exporting sector; at perimeter `'sector'` a country record
 * sums its sectors' own perimeters).
 *
 * @example
 * ```ts
 * const o: MyOptions = {};
 * MyOptions.parse(o);
 * //=> { perimeter: 'country', level: 'country' }
 * ```
 */
export const MyOptions = z.strictObject({
  perimeter: z._default(oneOf(['country', 'bilateral', 'sector', 'world']), 'country'),
  level: z._default(DetailLevel, 'country'),
});
/** What a caller may pass as {@link MyOptions}. */
export type MyOptions = z.input<typeof MyOptions>;

/**
 * Decomposes gross exports as Miroudot & Ye (2021, "Decomposing value added in gross exports",
 * Economic Systems Research 33(1), 67–87) do: value added is counted once, the first time it crosses
 * the border of a chosen perimeter, and what crosses it again is double counting. With the extraction
 * matrix A° — A with the perimeter's intermediate exports set to zero — and B° = (I − A°)⁻¹:
 * DVA = V_s B°_ss e, DDC = V_s (B − B°)_ss e, FVA = Σ_{t≠s} V_t B°_ts e, FDC = Σ_{t≠s} V_t (B − B°)_ts e,
 * where e is the exports within the perimeter. Perimeters (as exvatools `make_exvadec(method = "my")`,
 * Feás 2023, defines them): `'country'` zeroes A_sr for all r ≠ s (then B°_ss = L_ss, and the terms
 * equal Borin & Mancini's source-based exporter terms); `'bilateral'` zeroes A_sp only and takes the
 * exports to p; `'sector'` zeroes the rows of sector k of s towards other countries and takes sector
 * k's exports; `'world'` zeroes every inter-country block (B° = diag(L_ss), so FVA = 0: from the
 * world's point of view all foreign content was already counted when it was first exported).
 * B° is never formed: only its columns of the exporter's block are needed, and B°_{·s} =
 * B_{·s} (I + A_{s,C} B_{C,s})⁻¹ for the extracted rows and columns C (a Woodbury identity), an N×N
 * solve per exporter (per pair for `'bilateral'`). The country, sector and world perimeters need
 * only the diagonal blocks B_ss (from the LU factors of I − A); the bilateral one needs every block
 * B_ps, so it forms B once by inversion, as {@link bmPerspectiveDecomposition} does for the bilateral
 * perspective (measured in bench/tiva.bench.ts: within the time and memory of {@link bmDecomposition}
 * at 2,464 rows).
 *
 * @param icio - the table, from {@link createIcio}; at least two countries
 * @param options - `{ perimeter, level }`, see {@link MyOptions}
 * @returns one record per exporting country (and partner, and sector), in table order
 * @throws {GvcError} `INVALID_INPUT` when `icio` is not a table built by `createIcio`, has fewer
 *   than two countries, or `options` is invalid; `SINGULAR_MATRIX` when I − A or a perimeter's
 *   I − A° is singular, or I − A's condition number is above CONDITION_LIMIT; `UNSUPPORTED` when a
 *   result overflows
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const [a] = myDecomposition(t);
 * [a!.GEXP, a!.DVA.toFixed(4), a!.FVA.toFixed(4), myDecomposition(t, { perimeter: 'world' })[0]!.FVA];
 * //=> [30, '18.7500', '10.2273', 0]
 * ```
 */
export function myDecomposition(icio: Icio, options?: MyOptions): MyRecord[] {
  const { perimeter, level } = validateOptions(MyOptions, options);
  checkIcio(icio, 'myDecomposition');
  // The bilateral perimeter needs every off-diagonal block B_ps: it forms B once.
  const bilateral = perimeter === 'bilateral';
  const { G, N, n, A, E, Bss, vb, vB, vl, warnings, B } = bilateral
    ? denseBasis(icio)
    : { ...globalBasis(icio), B: undefined };
  const { countries, sectors, Z, Y } = icio;
  const out: MyRecord[] = [];
  // Pushes the records of exporter s (partner p, or −1) from the coefficients per exporting sector.
  const emit = (s: number, p: number, e: Float64Array, dva: Float64Array, fva: Float64Array) => {
    const rows: MyRecord[] = [];
    for (let k = 0; k < N; k++) {
      const i = s * N + k;
      // `+ 0` turns the −0 of a zero coefficient times negative exports into 0.
      const DC = vb[i]! * e[k]! + 0;
      const FC = (vB[i]! - vb[i]!) * e[k]! + 0;
      const DVA = dva[k]! * e[k]! + 0;
      const FVA = fva[k]! * e[k]! + 0;
      rows.push({
        country: countries[s]!,
        ...(p >= 0 ? { partner: countries[p]! } : {}),
        sector: sectors[k]!,
        GEXP: e[k]!,
        DC,
        DVA,
        DDC: DC - DVA,
        FC,
        FVA,
        FDC: FC - FVA,
      });
    }
    if (level === 'sector') out.push(...rows);
    else {
      const { sector: _, ...first } = rows[0]!;
      const sum = { ...first };
      for (const key of TERMS) sum[key] = rows.reduce((acc, r) => acc + r[key], 0);
      out.push(sum);
    }
  };
  for (let s = 0; s < G; s++) {
    const o = s * N;
    const slice = (a: Float64Array) => a.slice(o, o + N);
    const e = slice(E);
    if (perimeter === 'world') {
      emit(s, -1, e, slice(vl), new Float64Array(N));
    } else if (perimeter === 'country') {
      const u = luSolveTransposedOf(luFactor(localTimesInverse(A, n, o, N, Bss[s]!), N), slice(vB));
      emit(
        s,
        -1,
        e,
        slice(vl),
        u.map((val, k) => val - vl[o + k]!),
      );
    } else if (perimeter === 'sector') {
      // Rank one per sector k: column k of B° is column k of B over C_kk.
      const C = localTimesInverse(A, n, o, N, Bss[s]!);
      const dva = new Float64Array(N);
      const fva = new Float64Array(N);
      for (let k = 0; k < N; k++) {
        const c = C[k * N + k]!;
        dva[k] = vb[o + k]! / c;
        fva[k] = (vB[o + k]! - vb[o + k]!) / c;
      }
      emit(s, -1, e, dva, fva);
    } else {
      const Bd = B!;
      const K = new Float64Array(N * N);
      for (let p = 0; p < G; p++) {
        if (p === s) continue;
        const q = p * N;
        // K = I + A_sp B_ps, row by row, B_ps read in place in B; coefficients x K⁻¹ for x = v_s B_ss
        // and x = v B_{·s}.
        K.fill(0);
        for (let l = 0; l < N; l++) {
          K[l * N + l] = 1;
          addRowCombination(K, l * N - o, A, (o + l) * n, 1, Bd, n, q, q + N, o, o + N);
        }
        const fK = luFactor(K, N);
        const dva = luSolveTransposedOf(fK, slice(vb));
        const tot = luSolveTransposedOf(fK, slice(vB));
        const ep = new Float64Array(N);
        for (let k = 0; k < N; k++) {
          let acc = Y[(o + k) * G + p]!;
          for (let m = 0; m < N; m++) acc += Z[(o + k) * n + q + m]!;
          ep[k] = acc;
        }
        emit(
          s,
          p,
          ep,
          dva,
          tot.map((val, k) => val - dva[k]!),
        );
      }
    }
  }
  checkFiniteRecords(out, 'Miroudot–Ye decomposition');
  return finish(out, warnings);
}

const TERMS = ['GEXP', 'DC', 'DVA', 'DDC', 'FC', 'FVA', 'FDC'] as const;
