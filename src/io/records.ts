import * as z from 'zod/mini';
import { IssueList, quote, validate } from '../core/boundary.js';
import { checkOrder } from './kernels/limits.js';
import { labelsSchema } from './labels.js';
import { createIcio } from './model.js';
import type { Icio } from './types.js';

const Cells = z.record(z.string(), z.number({ error: 'expected a finite number' }));

/**
 * The input of {@link createIcioFromRecords}: an inter-country input–output table as labelled
 * records, the shape of a table read from JSON or a data frame. Row and column labels of `Z` and row
 * labels of `Y` are `COUNTRY_SECTOR` (`CHN_C26`); columns of `Y` are destination countries (`CHN`) or
 * final-demand categories of a country (`CHN_HFCE`), which are summed per country. Cells left out
 * are zero, so sparse tables stay short. `x` and `va`, when given, are keyed by `COUNTRY_SECTOR`.
 *
 * @example
 * ```ts
 * IcioRecords.parse({ countries: ['A'], sectors: ['s'], Z: { A_s: { A_s: 1 } }, Y: { A_s: { A: 2 } } }).Z;
 * //=> { A_s: { A_s: 1 } }
 * ```
 */
export const IcioRecords = z.strictObject({
  countries: labelsSchema('country'),
  sectors: labelsSchema('sector'),
  Z: z.record(z.string(), Cells),
  Y: z.record(z.string(), Cells),
  x: z.optional(Cells),
  va: z.optional(Cells),
  tolerance: z.optional(z.number().check(z.nonnegative())),
});
/** The input of {@link createIcioFromRecords}. */
export type IcioRecords = z.input<typeof IcioRecords>;

/**
 * Builds a validated {@link Icio} from labelled records (`{ CHN_C26: { USA_C26: 12.5, … } }`) rather
 * than dense arrays: the labels place every cell, cells left out are zero, and a label that is not a
 * `COUNTRY_SECTOR` of the table (or, in `Y`'s columns, a country or `COUNTRY_CATEGORY`) is an error
 * naming the record and the label. The table is then checked as {@link createIcio} checks it.
 *
 * @param input - countries, sectors and the labelled records `Z`, `Y` (and optionally `x`, `va`)
 * @returns the table, stored row-major in `Float64Array`s, ordered country-major
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem, paths rooted at `input`: labels as
 *   {@link createIcio} wants them (a country label with `_` would make `A` + `B_x` and `A_B` + `x`
 *   the same key, so it is refused, as are duplicates: `input.countries[1]`), more than
 *   MAX_ICIO_ORDER country–sector pairs (checked before allocating), every unknown label including
 *   `__proto__` (path `input.Z["CHN_C26"]["XYZ_C1"]`), non-finite value, shape or balance problem
 * @example
 * ```ts
 * const t = createIcioFromRecords({
 *   countries: ['A', 'B'],
 *   sectors: ['s'],
 *   Z: { A_s: { B_s: 2 }, B_s: { A_s: 3 } },
 *   Y: { A_s: { A: 5, B: 6 }, B_s: { B_HFCE: 7, B_GFCF: 1 } },
 * });
 * Array.from(t.x);
 * //=> [13, 11]
 * ```
 */
export function createIcioFromRecords(input: IcioRecords): Icio {
  const parsed = validate(IcioRecords, input, 'input', 'invalid ICIO table');
  const { countries, sectors } = parsed;
  const G = countries.length;
  const N = sectors.length;
  const n = G * N;
  const issues = new IssueList();
  // Labels first: a country with "_" or a duplicate label would make COUNTRY_SECTOR keys ambiguous
  // (A + B_x and A_B + x are both "A_B_x"), so nothing is placed until they are unique.
  checkOrder(issues, 'input', n, `${G} countries × ${N} sectors`);
  issues.throwIfAny('invalid ICIO table');
  protoKeys(input, issues);
  const rowIndex = new Map<string, number>();
  countries.forEach((c, g) => {
    sectors.forEach((s, k) => {
      rowIndex.set(`${c}_${s}`, g * N + k);
    });
  });
  const countryIndex = new Map(countries.map((c, g) => [c, g]));
  const cellPath = (name: string, row: string, col?: string) =>
    `input.${name}[${quote(row)}]${col === undefined ? '' : `[${quote(col)}]`}`;
  const expectedRow = `expected a COUNTRY_SECTOR label of the table such as ${quote(`${countries[0]}_${sectors[0]}`)}`;
  const bad = (path: string, expected: string, found: string) =>
    issues.add(path, `${expected}, found ${quote(found)}`);

  // Places each cell of a block of records by its COUNTRY_SECTOR row, reporting unknown rows.
  const eachCell = (
    name: 'Z' | 'Y',
    block: Record<string, Record<string, number>>,
    place: (i: number, row: string, col: string, value: number) => void,
  ) => {
    for (const [row, cells] of Object.entries(block)) {
      const i = rowIndex.get(row);
      if (i === undefined) bad(cellPath(name, row), expectedRow, row);
      else for (const [col, value] of Object.entries(cells)) place(i, row, col, value);
    }
  };

  const Z = new Float64Array(n * n);
  eachCell('Z', parsed.Z, (i, row, col, value) => {
    const j = rowIndex.get(col);
    if (j === undefined) bad(cellPath('Z', row, col), expectedRow, col);
    else Z[i * n + j] = value;
  });

  const Y = new Float64Array(n * G);
  eachCell('Y', parsed.Y, (i, row, col, value) => {
    const cut = col.indexOf('_');
    const d = countryIndex.get(cut < 0 ? col : col.slice(0, cut));
    if (d === undefined) {
      bad(
        cellPath('Y', row, col),
        `expected a destination country of the table or COUNTRY_CATEGORY such as ${quote(`${countries[0]}_HFCE`)}`,
        col,
      );
    } else Y[i * G + d] = Y[i * G + d]! + value;
  });

  const vector = (name: 'x' | 'va'): Float64Array<ArrayBuffer> | undefined => {
    const rec = parsed[name];
    if (rec === undefined) return undefined;
    const v = new Float64Array(n);
    for (const [label, value] of Object.entries(rec)) {
      const i = rowIndex.get(label);
      if (i === undefined) bad(cellPath(name, label), expectedRow, label);
      else v[i] = value;
    }
    return v;
  };
  const x = vector('x');
  const va = vector('va');
  issues.throwIfAny('invalid ICIO table');
  return createIcio({
    countries,
    sectors,
    Z,
    Y,
    ...(x === undefined ? {} : { x }),
    ...(va === undefined ? {} : { va }),
    ...(parsed.tolerance === undefined ? {} : { tolerance: parsed.tolerance }),
  });
}

/**
 * Records every `__proto__` key of the input's records as an unknown label: zod drops such keys
 * while parsing a record, and no valid label is `__proto__` (a COUNTRY_SECTOR label starts with a
 * country, which cannot contain "_").
 */
function protoKeys(input: unknown, issues: IssueList): void {
  const own = (o: unknown): o is object => o !== null && typeof o === 'object' && !Array.isArray(o);
  const proto = '__proto__';
  const where = input as Record<string, unknown>;
  for (const name of ['Z', 'Y', 'x', 'va'] as const) {
    const rec = where[name];
    if (!own(rec)) continue;
    if (Object.hasOwn(rec, proto))
      issues.add(`input.${name}[${quote(proto)}]`, `expected a label of the table, found ${quote(proto)}`);
    if (name === 'x' || name === 'va') continue;
    for (const row of Object.keys(rec)) {
      const cells = (rec as Record<string, unknown>)[row];
      if (own(cells) && Object.hasOwn(cells, proto))
        issues.add(
          `input.${name}[${quote(row)}][${quote(proto)}]`,
          `expected a label of the table, found ${quote(proto)}`,
        );
    }
  }
}
