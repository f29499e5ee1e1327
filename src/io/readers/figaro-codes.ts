import { quote } from '../../core/boundary.js';
import type { IcioValueAddedRow } from '../types.js';
import { parseNumber } from './lines.js';
import type { ReadProblems } from './problems.js';

/**
 * The codes of the FIGARO tables (Eurostat, FIGARO inter-country input–output tables, 2023 and
 * 2024 editions): the five final-demand categories of the columns and the value-added rows below
 * the intermediate block, with the kind each row has in an {@link IcioValueAddedRow}.
 *
 * @internal
 * @packageDocumentation
 */

/**
 * Final-demand categories, in the order the matrix files give them within a country: government
 * final consumption (P3_S13), households (P3_S14), non-profit institutions serving households
 * (P3_S15), gross fixed capital formation (P51G), changes in inventories and valuables (P5M).
 */
export const FIGARO_FINAL_DEMAND = ['P3_S13', 'P3_S14', 'P3_S15', 'P51G', 'P5M'] as const;

/**
 * The value-added rows. Only D21X31 (taxes less subsidies on products) is `taxes`; the others are
 * components of value added at basic prices (or, for OP_RES/OP_NRES, the adjustment rows for
 * purchases abroad) and FIGARO gives no total row, so they are `other`, never `value-added`.
 */
export const FIGARO_VALUE_ADDED: ReadonlyMap<string, { name: string; kind: IcioValueAddedRow['kind'] }> =
  new Map([
    ['D21X31', { name: 'Taxes less subsidies on products', kind: 'taxes' }],
    ['OP_RES', { name: 'Direct purchases abroad by residents', kind: 'other' }],
    ['OP_NRES', { name: 'Purchases on the domestic territory by non-residents', kind: 'other' }],
    ['D1', { name: 'Compensation of employees', kind: 'other' }],
    ['D29X39', { name: 'Other taxes less other subsidies on production', kind: 'other' }],
    ['B2A3G', { name: 'Operating surplus and mixed income, gross', kind: 'other' }],
  ]);

/** The position of each final-demand code in {@link FIGARO_FINAL_DEMAND}. */
export const FD_INDEX: ReadonlyMap<string, number> = new Map(FIGARO_FINAL_DEMAND.map((c, i) => [c, i]));

/** A label of the matrix layout, `AR_A01` or `W2_D1`, split at its first underscore. */
export function splitLabel(label: string): { area: string; code: string } | undefined {
  const us = label.indexOf('_');
  if (us <= 0 || us === label.length - 1) return undefined;
  return { area: label.slice(0, us), code: label.slice(us + 1) };
}

/**
 * Reads one numeric cell: empty is 0 (a missing cell), anything else must be a finite number, or
 * the problem is recorded at `FILE:LINE:COLUMN` and `undefined` returned.
 */
export function cellValue(
  problems: ReadProblems,
  cell: string,
  decimal: '.' | ',',
  lineNo: number,
  column: number,
  where: string,
): number | undefined {
  if (cell === '') return 0;
  const v = parseNumber(cell, decimal);
  if (Number.isFinite(v)) return v;
  problems.add(lineNo, column, `expected a finite number ${where}, found ${quote(cell)}`);
  return undefined;
}

/** Edition and year from a FIGARO file name: `…_23ed_2021.csv` is edition 2023, year 2021. */
export function figaroNameFacts(name: string): { edition?: string; year?: number } {
  const ed = /_(\d{2})ed[_.]/i.exec(name);
  const yr = /_((?:19|20)\d{2})\.(?:csv|txt)$/i.exec(name);
  return {
    ...(ed ? { edition: `20${ed[1]}` } : {}),
    ...(yr ? { year: Number(yr[1]) } : {}),
  };
}

/**
 * Final demand summed per destination country (n×G), with the detail by category kept for
 * `meta.finalDemand`: what a reader hands `finishTable` so that the table's `Y` never depends on
 * how the categories are summed there. `Yfd` is n×(G·F), country-major categories.
 */
export function summedFinalDemand(
  Yfd: Float64Array<ArrayBuffer>,
  categories: readonly string[],
  n: number,
  G: number,
): { Y: Float64Array<ArrayBuffer>; finalDemand: { categories: string[]; Y: Float64Array<ArrayBuffer> } } {
  const F = categories.length;
  const Y = new Float64Array(n * G);
  for (let i = 0; i < n; i++) {
    for (let g = 0; g < G; g++) {
      let s = 0;
      for (let f = 0; f < F; f++) s += Yfd[i * G * F + g * F + f]!;
      Y[i * G + g] = s;
    }
  }
  return { Y, finalDemand: { categories: [...categories], Y: Yfd } };
}
