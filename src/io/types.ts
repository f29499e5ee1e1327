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
}
