import * as z from 'zod/mini';
import { IssueList, preview, validateOptions } from '../../core/boundary.js';
import { ghoshInverseData, leontiefInverseData } from '../core.js';
import { assertIcio, checkFiniteRecords, finish } from '../internal.js';
import { oneOf } from '../options.js';
import type { Icio } from '../types.js';

/**
 * Options of {@link rasmussenLinkages}: `forward` chooses the matrix of the forward measures,
 * `'ghosh'` (default; row sums of the Ghosh inverse, the supply-side view recommended by Miller &
 * Blair 2009, section 12.1) or `'leontief'` (row sums of the Leontief inverse, Rasmussen's
 * original 1956 sensitivity of dispersion).
 *
 * @example
 * ```ts
 * RasmussenOptions.parse({ forward: 'leontief' }).forward;
 * //=> 'leontief'
 * ```
 */
export const RasmussenOptions = z.strictObject({ forward: z.optional(oneOf(['ghosh', 'leontief'])) });
/** Options of {@link rasmussenLinkages}. */
export type RasmussenOptions = z.input<typeof RasmussenOptions>;

/**
 * The linkage class of a country–sector from its power and sensitivity of dispersion:
 * `key` (both > 1), `backward` (only power > 1), `forward` (only sensitivity > 1), `weak` (neither).
 */
export type LinkageClass = 'key' | 'backward' | 'forward' | 'weak';

/** Rasmussen–Hirschman linkage indices of one country–sector. */
export interface RasmussenRecord {
  /** Country label. */
  country: string;
  /** Sector label. */
  sector: string;
  /** Total backward linkage: column sum of the Leontief inverse, Σ_i B_ij. */
  backwardLinkage: number;
  /** Total forward linkage: row sum of the Ghosh (or Leontief) inverse. */
  forwardLinkage: number;
  /** Power of dispersion, n·Σ_i B_ij / Σ_ij B_ij (above 1: stronger than average backward linkage). */
  powerOfDispersion: number;
  /** Sensitivity of dispersion, n·Σ_j M_ij / Σ_ij M_ij with M the Ghosh (or Leontief) inverse. */
  sensitivityOfDispersion: number;
  /** Coefficient of variation of column j of B (sample standard deviation over the mean): how unevenly the backward effect spreads. */
  cvBackward: number;
  /** Coefficient of variation of row i of M. */
  cvForward: number;
  /** Linkage class, see {@link LinkageClass}. */
  linkage: LinkageClass;
  /** `true` for a key sector: power and sensitivity of dispersion both above 1. */
  keySector: boolean;
}

/**
 * Classifies a sector by its power and sensitivity of dispersion (Rasmussen 1956; Hirschman 1958):
 * an index strictly above 1 is above average.
 *
 * @param powerOfDispersion - the backward index
 * @param sensitivityOfDispersion - the forward index
 * @returns the {@link LinkageClass}
 * @throws {GvcError} `INVALID_INPUT` when an index is not a number (or is NaN), at the parameter's
 *   name
 * @example
 * ```ts
 * [linkageClass(1.2, 1.1), linkageClass(1.2, 1), linkageClass(1, 1.1), linkageClass(1, 1)];
 * //=> ['key', 'backward', 'forward', 'weak']
 * ```
 */
export function linkageClass(powerOfDispersion: number, sensitivityOfDispersion: number): LinkageClass {
  const issues = new IssueList();
  for (const [path, v] of [
    ['powerOfDispersion', powerOfDispersion],
    ['sensitivityOfDispersion', sensitivityOfDispersion],
  ] as const) {
    if (typeof v !== 'number' || Number.isNaN(v)) issues.add(path, `expected a number, found ${preview(v)}`);
  }
  issues.throwIfAny('invalid dispersion indices');
  const b = powerOfDispersion > 1;
  const f = sensitivityOfDispersion > 1;
  return b && f ? 'key' : b ? 'backward' : f ? 'forward' : 'weak';
}

/**
 * Rasmussen linkages (Rasmussen 1956; Hazari 1970; Miller & Blair 2009, section 12.1): backward
 * linkages from the columns of the Leontief inverse B, forward linkages from the rows of the Ghosh
 * inverse G (or of B), normalised by the average over all country–sectors (power and sensitivity
 * of dispersion), with Rasmussen's coefficients of variation, V_j = √(Σ_i (B_ij − b̄_j)² / (n − 1)) / b̄_j
 * with b̄_j = Σ_i B_ij / n, and key-sector flags. The economy-wide measure of backward and forward
 * linkages, i.e. of thickening (Hirschman 1958).
 *
 * @param icio - the table, from {@link createIcio}
 * @param options - `{ forward }`, see {@link RasmussenOptions}
 * @returns one record per country–sector, in table order
 * @throws {GvcError} `INVALID_INPUT` for an invalid table or options; `SINGULAR_MATRIX` when I − A (or I − Bᵍ) is singular, or its condition number is above CONDITION_LIMIT (naming the country–sectors most involved); `UNSUPPORTED` when a result overflows the range of doubles
 * @example
 * ```ts
 * // Miller & Blair (2009) 2-sector example: column sums of L are 1.5182 and 1.4521
 * const t = createIcio({ countries: ['A'], sectors: ['s1', 's2'], Z: [[150, 500], [200, 100]], Y: [[350], [1700]] });
 * rasmussenLinkages(t).map((r) => [r.powerOfDispersion.toFixed(4), r.linkage]);
 * //=> [['1.0222', 'key'], ['0.9778', 'weak']]
 * ```
 */
export function rasmussenLinkages(icio: Icio, options?: RasmussenOptions): RasmussenRecord[] {
  assertIcio(icio);
  const { forward = 'ghosh' } = validateOptions(RasmussenOptions, options);
  const { N, x } = icio;
  const n = x.length;
  const leontief = leontiefInverseData(icio);
  const b = leontief.data;
  const warnings = [...leontief.warnings];
  let m = b;
  if (forward === 'ghosh') {
    if (x.every((xi) => xi > 0)) {
      // G = x̂⁻¹ B x̂ (Miller & Blair 2009, eq. 12.10), without a second inversion.
      m = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = (b[i * n + j]! * x[j]!) / x[i]!;
    } else {
      const ghosh = ghoshInverseData(icio);
      m = ghosh.data;
      warnings.push(...ghosh.warnings);
    }
  }
  const colSum = new Float64Array(n);
  const rowSum = new Float64Array(n);
  let totalB = 0;
  let totalM = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      colSum[j] = colSum[j]! + b[i * n + j]!;
      rowSum[i] = rowSum[i]! + m[i * n + j]!;
    }
  }
  for (let k = 0; k < n; k++) {
    totalB += colSum[k]!;
    totalM += rowSum[k]!;
  }
  const colSq = new Float64Array(n);
  const rowSq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rowMean = rowSum[i]! / n;
    for (let j = 0; j < n; j++) {
      const db = b[i * n + j]! - colSum[j]! / n;
      colSq[j] = colSq[j]! + db * db;
      const dm = m[i * n + j]! - rowMean;
      rowSq[i] = rowSq[i]! + dm * dm;
    }
  }
  const cv = (sq: number, sum: number) => (n < 2 || sum === 0 ? 0 : Math.sqrt(sq / (n - 1)) / (sum / n));
  const out = icio.countries.flatMap((country, s) =>
    icio.sectors.map((sector, k) => {
      const j = s * N + k;
      const powerOfDispersion = (n * colSum[j]!) / totalB;
      const sensitivityOfDispersion = (n * rowSum[j]!) / totalM;
      const linkage = linkageClass(powerOfDispersion, sensitivityOfDispersion);
      return {
        country,
        sector,
        backwardLinkage: colSum[j]!,
        forwardLinkage: rowSum[j]!,
        powerOfDispersion,
        sensitivityOfDispersion,
        cvBackward: cv(colSq[j]!, colSum[j]!),
        cvForward: cv(rowSq[j]!, rowSum[j]!),
        linkage,
        keySector: linkage === 'key',
      };
    }),
  );
  checkFiniteRecords(out, 'Rasmussen linkages');
  return finish(out, warnings);
}
