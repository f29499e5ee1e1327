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
  /**
   * Present on a table read from a published release (`readOecdIcio`, `readWiod`, …): where it
   * comes from and the detail that `Y` and `va` sum away. Functions that build a new table from
   * this one (`aggregateIcio`) do not carry it over.
   */
  readonly meta?: IcioMeta;
}

/**
 * One row of value added as a release publishes it, kept apart from the others: `kind` says
 * whether it is taxes less subsidies on products (OECD `TLS`/`TAXSUB`, WIOD `TXSP`), value added
 * at basic prices (OECD `VA`/`VALU`, WIOD `VA`), or another component (compensation of employees,
 * operating surplus, international transport margins, …). The rows of a table sum to its `va`,
 * except where the reader says otherwise (the long-run WIOD takes `va` as output less intermediate
 * inputs, as exvatools does, and keeps the published rows as they are).
 */
export interface IcioValueAddedRow {
  /** The row's code in the release (`TLS`, `VALU`, `TXSP`, `D1`, …). */
  readonly code: string;
  /** The row's name in the release, when it gives one. */
  readonly name?: string;
  /** What the row holds. */
  readonly kind: 'taxes' | 'value-added' | 'other';
  /** One value per country–sector column, length n, in table order. */
  readonly values: Float64Array;
}

/**
 * Satellite (environmental or social) accounts read with a table, such as EXIOBASE's `F` and
 * `F_Y`: k stressors (employment, CO2, energy use, …) with their units, by country–sector column
 * and by final-demand column.
 */
export interface IcioSatellite {
  /** The stressors, in row order: a name, a unit, and a compartment where the release gives one. */
  readonly stressors: readonly {
    readonly name: string;
    readonly unit?: string;
    readonly compartment?: string;
  }[];
  /** Stressors by country–sector, k×n row-major: F[s·n + j] is stressor s of country–sector j. */
  readonly F: Float64Array;
  /** Stressors by final-demand column, k×(G·F) row-major in the column order of `meta.finalDemand`. */
  readonly FY?: Float64Array;
}

/**
 * Where a table read from a published release comes from, and the detail the release gives that
 * the {@link Icio}'s summed `Y` and `va` do not keep.
 */
export interface IcioMeta {
  /** The release: `OECD ICIO`, `WIOD`, `Long-run WIOD`, `FIGARO`, `ADB MRIO`, `Eora26` or `EXIOBASE 3`. */
  readonly release: string;
  /** The edition (`2023`, `2016 release`, `3.8.2`, …), when known. */
  readonly edition?: string;
  /** The year the table describes, when known. */
  readonly year?: number;
  /** The unit of the flows, e.g. `USD million`. */
  readonly unit?: string;
  /** Names of the countries by code, when the release gives them. */
  readonly countryNames?: Readonly<Record<string, string>>;
  /** Names of the sectors by code, when the release gives them. */
  readonly sectorNames?: Readonly<Record<string, string>>;
  /**
   * Final demand by category before it was summed per destination country: `categories` are the
   * F category codes (`HFCE`, `NPISH`, …) and `Y` is n×(G·F), ordered country-major (C1F1, C1F2, …,
   * C2F1, …) whatever order the file used.
   */
  readonly finalDemand?: { readonly categories: readonly string[]; readonly Y: Float64Array };
  /** The value-added rows of the release, kept apart (see {@link IcioValueAddedRow} for how they sum). */
  readonly valueAdded?: readonly IcioValueAddedRow[];
  /**
   * Countries that the release splits into several blocks and the reader merged (OECD: `CHN` from
   * `CN1` and `CN2`, `MEX` from `MX1` and `MX2`): the merged code and the codes of its blocks.
   */
  readonly merged?: Readonly<Record<string, readonly string[]>>;
  /**
   * A statistical discrepancy column the release adds to final demand (OECD ICIO 2016 `DISC`),
   * length n; it is included in `Y` (see the reader's documentation for where).
   */
  readonly discrepancy?: Float64Array;
  /** Satellite accounts read with the table (EXIOBASE `F`, `F_Y`). */
  readonly satellite?: IcioSatellite;
}
