import type { GvcIssue } from '../core/errors.js';

/**
 * A dense matrix stored row-major in a `Float64Array`, with optional row and column labels.
 *
 * @example
 * ```ts
 * const m: LabelledMatrix = { rows: 2, cols: 2, data: Float64Array.of(1, 0, 0, 1) };
 * m.data[1 * m.cols + 1];
 * //=> 1
 * ```
 */
export interface LabelledMatrix {
  /** Number of rows. */
  rows: number;
  /** Number of columns. */
  cols: number;
  /** Entries, row-major: entry (i, j) is `data[i * cols + j]`. */
  data: Float64Array;
  /** Row labels (`CCC_SECTOR` for country–sector rows), when known. */
  rowLabels?: readonly string[];
  /** Column labels, when known. */
  colLabels?: readonly string[];
  /**
   * For an inverse (`leontiefInverse`, `ghoshInverse`, `domesticInverses`): the 1-norm condition
   * number κ₁ = ‖M‖₁·‖M⁻¹‖₁ of the inverted matrix M, computed from the inverse. Results may have
   * lost about log₁₀ κ₁ of their 16 significant digits.
   */
  condition?: number;
  /**
   * Present only when there is something to report: one warning when the condition number is above
   * `CONDITION_WARNING` (10⁸), naming the country–sectors most involved.
   */
  warnings?: readonly GvcIssue[];
}

/**
 * An inter-country input–output table with G countries and N sectors (n = G·N country–sector
 * pairs), ordered country-major (C1S1, C1S2, …, C2S1, …). All storage is row-major `Float64Array`.
 * Built and validated by `createIcio`; treat it as immutable.
 */
export interface Icio {
  /** Country labels, length G. */
  readonly countries: readonly string[];
  /** Sector labels, length N. */
  readonly sectors: readonly string[];
  /** Number of countries, G. */
  readonly G: number;
  /** Number of sectors, N. */
  readonly N: number;
  /** Intermediate use, n×n row-major: Z[i·n + j] is what country–sector i sells to country–sector j. */
  readonly Z: Float64Array;
  /** Final demand, n×G row-major: Y[i·G + d] is what i sells to final demand in country d. */
  readonly Y: Float64Array;
  /** Gross output, length n. */
  readonly x: Float64Array;
  /** Value added, length n. */
  readonly va: Float64Array;
  /**
   * Present only when there is something to report (set by `createIcio`): one warning per
   * country–sector with negative value added, whose input coefficients sum above 1 (path
   * `va[CCC_SECTOR]`). Real tables have a few (heavily subsidised sectors); the table is accepted.
   */
  readonly warnings?: readonly GvcIssue[];
}
