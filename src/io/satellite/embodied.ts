/**
 * Stressors embodied in trade: by producing country and the country whose final demand they serve
 * (the footprint matrix), and in each country's gross exports by the Borin–Mancini split.
 *
 * @packageDocumentation
 */
import { validateOptions } from '../../core/boundary.js';
import { leontiefFactors } from '../core.js';
import { absorptionExports, fvaSystemTransposed } from '../decompositions/bm-shared.js';
import { checkIcio, domesticMultipliers, globalBasis } from '../decompositions/common.js';
import { checkFiniteRecords, finish } from '../internal.js';
import { luFactor } from '../kernels/lu.js';
import { luSolveOf, luSolveTransposedOf } from '../kernels/lu-solve.js';
import type { Icio } from '../types.js';
import { bilateralExportVectors } from './embodied-bilateral.js';
import {
  EmbodiedExportsOptions,
  FootprintOptions,
  keys,
  limitRecords,
  type StressorKeys,
} from './footprints.js';
import { intensities, satelliteOf } from './satellite.js';

/**
 * A stressor emitted in one country (or country–sector) for the final demand of another: "jobs in
 * China sustained by US final demand" is the record with `country: 'CHN'`, `partner: 'USA'`.
 */
export interface EmbodiedFlowRecord extends StressorKeys {
  /** The producing country, where the stressor is emitted (or the jobs are). */
  country: string;
  /** The producing sector, at `level: 'sector'`. */
  sector?: string;
  /** The country whose final demand the production serves. */
  partner: string;
  /** The stressor: S_i (L·Y_partner)_i summed over the country's sectors. */
  value: number;
}

/**
 * The stressor flows from producing country to final-demand country: entry (c, d) is
 * Σ_{i ∈ c} S_i (L·Y_d)_i, the stressor of country c's industries (at `level: 'sector'`, of one
 * country–sector) for the final demand of country d (Kanemoto et al. 2012, "Frameworks for
 * comparing emissions associated with production, consumption, and international trade",
 * Environmental Science & Technology 46(1); Peters 2008, "From production-based to
 * consumption-based national emission inventories", Ecological Economics 65(1)). The partners of a
 * country sum to its production account without `direct`; the countries of a partner to its
 * consumption account without `direct` (see {@link footprintAccounts}); off-diagonal entries are
 * pymrio's exports (by row) and imports (by column).
 *
 * @param icio - a table with `meta.satellite` (from a reader or {@link attachSatellite})
 * @param options - `{ level, stressors }`: `'country'` (default) or `'sector'`, and stressor names
 * @returns one record per stressor, producing country (or country–sector) and partner, stressor-major
 * @throws {GvcError} `INVALID_INPUT` when `icio` or `options` is invalid or there are no satellite
 *   accounts; `SINGULAR_MATRIX` when I − A is singular or too ill-conditioned; `UNSUPPORTED` when a
 *   result overflows or there would be more than 10 million records
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const u = attachSatellite(t, { stressors: [{ name: 'jobs', unit: 'persons' }], F: [[100, 300]] });
 * embodiedInFinalDemand(u).map((r) => `${r.country}→${r.partner} ${r.value.toFixed(2)}`);
 * //=> ['A→A 65.88', 'A→B 34.12', 'B→A 81.18', 'B→B 218.82']
 * ```
 */
export function embodiedInFinalDemand(icio: Icio, options?: FootprintOptions): EmbodiedFlowRecord[] {
  const { level, stressors } = validateOptions(FootprintOptions, options);
  const sat = satelliteOf(icio, 'embodiedInFinalDemand', stressors);
  const { G, N, x, Y } = icio;
  const n = G * N;
  const k = sat.stressors.length;
  limitRecords(k * G * (level === 'country' ? G : n));
  const S = intensities(sat.F, x, k);
  const f = leontiefFactors(icio);
  const BY = luSolveOf(f, Y, G);
  const out: EmbodiedFlowRecord[] = [];
  for (let s = 0; s < k; s++) {
    const q = S.subarray(s * n, s * n + n);
    const { stressor, unit, compartment } = keys(sat, s);
    if (level === 'sector') {
      for (let i = 0; i < n; i++) {
        const country = icio.countries[Math.floor(i / N)]!;
        const sector = icio.sectors[i % N]!;
        icio.countries.forEach((partner, d) => {
          out.push({ stressor, unit, compartment, country, sector, partner, value: q[i]! * BY[i * G + d]! });
        });
      }
      continue;
    }
    const flows = new Float64Array(G * G);
    for (let i = 0; i < n; i++) {
      const c = Math.floor(i / N);
      for (let d = 0; d < G; d++) flows[c * G + d] = flows[c * G + d]! + q[i]! * BY[i * G + d]!;
    }
    icio.countries.forEach((country, c) => {
      icio.countries.forEach((partner, d) => {
        out.push({
          stressor: sat.stressors[s]!.name,
          unit: sat.stressors[s]!.unit,
          compartment: sat.stressors[s]!.compartment,
          country,
          partner,
          value: flows[c * G + d]!,
        });
      });
    });
  }
  checkFiniteRecords(out, 'stressors embodied in final demand');
  return finish(out, f.warnings);
}

/**
 * A stressor embodied in one country's (or country–sector's) gross exports, or in its exports to one
 * partner, split as Borin & Mancini split value added (exporter perspective, source approach) with
 * value added replaced by the stressor: `DVA + DDC + FVA + FDC = total`, `DC = DVA + DDC`,
 * `FC = FVA + FDC`, `VAX + REF = DVA`.
 */
export interface EmbodiedExportsRecord extends StressorKeys {
  /** The exporting country. */
  country: string;
  /** The exporting sector, at `level: 'sector'` and `'bilateral-sector'`. */
  sector?: string;
  /** The importing country, at `level: 'bilateral'` and `'bilateral-sector'`. */
  partner?: string;
  /** Gross exports in the table's money unit, E_s* (E_sr to the partner). */
  GEXP: number;
  /** Stressor embodied in the exports, S·B·E (counting what crosses borders several times). */
  total: number;
  /** Domestic stressor, S_s B_ss E. */
  DC: number;
  /** Domestic stressor counted once, S_s L_ss E. */
  DVA: number;
  /** The part of DVA whose products are finally absorbed abroad. */
  VAX: number;
  /** The part of DVA absorbed directly by the importer (final goods, or intermediates it uses for its own final demand). */
  DAVAX: number;
  /** The part of DVA that comes back and is absorbed at home, DVA − VAX. */
  REF: number;
  /** Domestic stressor counted again, DC − DVA. */
  DDC: number;
  /** Foreign stressor, Σ_{t≠s} S_t B_ts E. */
  FC: number;
  /** Foreign stressor counted once (the source approach's B^s). */
  FVA: number;
  /** Foreign stressor counted again, FC − FVA. */
  FDC: number;
}

const TERMS = ['total', 'DC', 'DVA', 'VAX', 'DAVAX', 'REF', 'DDC', 'FC', 'FVA', 'FDC'] as const;
type Term = (typeof TERMS)[number];

/**
 * Stressors embodied in gross exports ("CO2 embodied in Germany's exports"), split as Borin &
 * Mancini (2019, World Bank Policy Research WP 8804; 2023, "Measuring what matters in value-added
 * trade", Economic Systems Research 35(4)) split gross exports from the exporting country's
 * perspective with the source approach, the value-added coefficients v replaced by the stressor
 * intensities S = F·diag(x)⁻¹ (the emissions embodied in trade of Peters 2008 and Kanemoto et al.
 * 2012, split into domestic and foreign content counted once or again). With B the global and L_ss
 * the local Leontief inverses and E_s* gross exports: total = S·B·E, DC = S_s B_ss E,
 * DVA = S_s L_ss E, FC = total − DC, FVA = Σ_{t≠s} S_t B^s_ts E (B^s the inverse without the
 * exporter's intermediate exports, via B^s_ts = B_ts B_ss⁻¹ L_ss), DAVAX = S_s L_ss Σ_{r≠s}
 * (Y_sr + A_sr L_rr Y_rr), VAX = S_s L_ss Σ_{r≠s} (Y_sr + A_sr (x_r − (B·Y)_{r,s})). With S = v the
 * terms are those of {@link bmDecomposition} and total = GEXP. At `level: 'sector'` each term is
 * broken down by exporting sector.
 *
 * At `level: 'bilateral'` (and `'bilateral-sector'`, also by exporting sector) the same terms are
 * allocated to each partner r by the bilateral exports E_sr = Y_sr + Z_sr·1 ("CO2 embodied in
 * Germany's exports to China", the emissions embodied in bilateral trade of Peters 2008, "From
 * production-based to consumption-based national emission inventories", Ecological Economics
 * 65(1)): total = S B E_sr, DC = S_s B_ss E_sr, DVA = S_s L_ss E_sr, FVA with the exporter's
 * coefficients times E_sr, DAVAX = S_s L_ss (Y_sr + A_sr L_rr Y_rr), VAX = S_s L_ss (Y_sr + A_sr
 * (x_r − (B·Y)_{r,s})). Every term is linear in the partner's flows, so the partner records of an
 * exporter sum to its country record. This is the exporter perspective broken down by partner, not
 * Borin & Mancini's bilateral perimeter (the `'bilateral'` perspective of
 * {@link bmPerspectiveDecomposition}, which counts as domestic double counting what crosses the
 * pair's border again).
 *
 * @param icio - a table with `meta.satellite` and at least two countries
 * @param options - `{ level, stressors }`: `'country'` (default), `'sector'`, `'bilateral'` or
 *   `'bilateral-sector'`, and stressor names
 * @returns one record per stressor and exporting country (or country–sector), and partner at the
 *   bilateral levels; stressor-major, then exporter, partner, sector
 * @throws {GvcError} `INVALID_INPUT` when `icio` or `options` is invalid, the table has one country
 *   or no satellite accounts; `SINGULAR_MATRIX` when I − A, a block I − A_ss or B_ss is singular;
 *   `UNSUPPORTED` when a result overflows or there would be more than 10 million records
 * @example
 * ```ts
 * const t = createIcio({ countries: ['A', 'B'], sectors: ['s'], Z: [[20, 10], [30, 40]], Y: [[50, 20], [10, 70]] });
 * const u = attachSatellite(t, { stressors: [{ name: 'jobs', unit: 'persons' }], F: [[100, 300]] });
 * const a = embodiedInExports(u)[0]!;
 * [a.country, a.GEXP, a.DVA.toFixed(4), Math.abs(a.DVA + a.DDC + a.FVA + a.FDC - a.total) < 1e-9];
 * //=> ['A', 30, '37.5000', true]
 * embodiedInExports(u, { level: 'bilateral' }).map((r) => `${r.country}→${r.partner} ${r.DVA.toFixed(2)}`);
 * //=> ['A→B 37.50', 'B→A 109.09']
 * ```
 */
export function embodiedInExports(icio: Icio, options?: EmbodiedExportsOptions): EmbodiedExportsRecord[] {
  const { level, stressors } = validateOptions(EmbodiedExportsOptions, options);
  checkIcio(icio, 'embodiedInExports');
  const sat = satelliteOf(icio, 'embodiedInExports', stressors);
  const { G, N, x, Y } = icio;
  const n = G * N;
  const k = sat.stressors.length;
  const bilateral = level === 'bilateral' || level === 'bilateral-sector';
  const bySector = level === 'sector' || level === 'bilateral-sector';
  limitRecords(k * (bySector ? n : G) * (bilateral ? G - 1 : 1));
  const S = intensities(sat.F, x, k);
  const { A, Lss, Bss, f, E, Efin, h, warnings } = globalBasis(icio);
  const BY = luSolveOf(f, Y, G);
  // Export vectors that do not depend on the stressor, as in bmDecomposition: per country–sector
  // (W = 1) or per country–sector and partner (W = G, n×G).
  const W = bilateral ? G : 1;
  const vec = bilateral
    ? bilateralExportVectors(icio, A, h, BY)
    : { E, ...absorptionExports(icio, A, Efin, h, BY) };
  // SB = S·B for all stressors at once: (I − A)ᵀ SBᵀ = Sᵀ, n×k right-hand sides.
  const St = new Float64Array(n * k);
  for (let s = 0; s < k; s++) for (let j = 0; j < n; j++) St[j * k + s] = S[s * n + j]!;
  const SBt = luSolveTransposedOf(f, St, k);
  // Per stressor: S_s B_ss (sb) and S_s L_ss (sl) per block.
  const sb: Float64Array[] = [];
  const sl: Float64Array[] = [];
  for (let s = 0; s < k; s++) {
    const q = S.subarray(s * n, s * n + n);
    sb.push(domesticMultipliers(q, Bss, N));
    sl.push(domesticMultipliers(q, Lss, N));
  }
  // FVA coefficients of exporter c: (Σ_{t≠c} S_t B_tc) ((I − A_cc) B_cc)⁻¹, one factorisation per
  // exporter, solved for all stressors: ((I − A_cc) B_cc)ᵀ fᵀ = (SB − sb)ᵀ.
  const fva = new Float64Array(k * n);
  for (let c = 0; c < G; c++) {
    const o = c * N;
    const Ct = fvaSystemTransposed(A, n, Bss[c]!, c, N);
    const rhs = new Float64Array(N * k);
    for (let m = 0; m < N; m++)
      for (let s = 0; s < k; s++) rhs[m * k + s] = SBt[(o + m) * k + s]! - sb[s]![o + m]!;
    const sol = luSolveOf(luFactor(Ct, N), rhs, k);
    for (let m = 0; m < N; m++) for (let s = 0; s < k; s++) fva[s * n + o + m] = sol[m * k + s]!;
  }
  const out: EmbodiedExportsRecord[] = [];
  const acc = {} as Record<Term, number>;
  for (let s = 0; s < k; s++) {
    const flush = (c: number, i: number | undefined, p: number, gexp: number) => {
      out.push({
        stressor: sat.stressors[s]!.name,
        unit: sat.stressors[s]!.unit,
        compartment: sat.stressors[s]!.compartment,
        country: icio.countries[c]!,
        ...(i === undefined ? {} : { sector: icio.sectors[i]! }),
        ...(bilateral ? { partner: icio.countries[p]! } : {}),
        GEXP: gexp,
        total: acc.total,
        DC: acc.DC,
        DVA: acc.DVA,
        VAX: acc.VAX,
        DAVAX: acc.DAVAX,
        REF: acc.REF,
        DDC: acc.DDC,
        FC: acc.FC,
        FVA: acc.FVA,
        FDC: acc.FDC,
      });
    };
    for (let c = 0; c < G; c++) {
      for (let p = 0; p < W; p++) {
        if (bilateral && p === c) continue;
        let gexp = 0;
        for (const t of TERMS) acc[t] = 0;
        for (let m = 0; m < N; m++) {
          const i = c * N + m;
          const e = vec.E[i * W + p]!;
          const total = SBt[i * k + s]! * e;
          const DC = sb[s]![i]! * e;
          const DVA = sl[s]![i]! * e;
          const VAX = sl[s]![i]! * vec.vaxe[i * W + p]!;
          const FVA = fva[s * n + i]! * e;
          if (bySector) for (const t of TERMS) acc[t] = 0;
          gexp = bySector ? e : gexp + e;
          acc.total += total;
          acc.DC += DC;
          acc.DVA += DVA;
          acc.VAX += VAX;
          acc.DAVAX += sl[s]![i]! * vec.dae[i * W + p]!;
          acc.REF += DVA - VAX;
          acc.DDC += DC - DVA;
          acc.FC += total - DC;
          acc.FVA += FVA;
          acc.FDC += total - DC - FVA;
          if (bySector) flush(c, m, p, gexp);
        }
        if (!bySector) flush(c, undefined, p, gexp);
      }
    }
  }
  checkFiniteRecords(out, 'stressors embodied in exports');
  return finish(out, warnings);
}
