import { GvcError } from '../../core/errors.js';
import { deepFreeze } from '../../core/freeze.js';
import { createIcio } from '../model.js';
import type { Icio, IcioMeta, IcioValueAddedRow } from '../types.js';

/** What a reader has read, in table order, ready to become an {@link Icio}. */
export interface ReadTable {
  countries: readonly string[];
  sectors: readonly string[];
  /** n×n row-major. */
  Z: Float64Array<ArrayBuffer>;
  /** n×(G·F) row-major, country-major categories; F = `categories.length` (≥ 1). */
  Y: Float64Array<ArrayBuffer>;
  /** The final-demand category codes, in the order of `Y`'s columns within a country. */
  categories: readonly string[];
  /** Gross output, when the file gives it (checked against the row sums). */
  x?: Float64Array<ArrayBuffer>;
  /** The value-added rows (summed into `va`), when the file gives them. */
  valueAdded?: readonly IcioValueAddedRow[];
  /** Relative tolerance of the balance checks. */
  tolerance?: number;
}

/**
 * Builds the {@link Icio} of a table read from a release and attaches its metadata. The checks of
 * `createIcio` apply; their problems keep createIcio's paths (`input.x[CHN_C26]`) under the file's
 * name: `FILE: input.x[CHN_C26]`.
 *
 * @param file - the file's name (for error paths)
 * @param what - the error message of the reader (`invalid OECD ICIO file`)
 */
export function finishTable(
  table: ReadTable,
  meta: Omit<IcioMeta, 'finalDemand' | 'valueAdded'> & Partial<IcioMeta>,
  file: string,
  what: string,
): Icio {
  const F = table.categories.length;
  let va: Float64Array<ArrayBuffer> | undefined;
  if (table.valueAdded && table.valueAdded.length > 0) {
    const n = table.countries.length * table.sectors.length;
    va = new Float64Array(n);
    for (const row of table.valueAdded) for (let j = 0; j < n; j++) va[j] = va[j]! + row.values[j]!;
  }
  let icio: Icio;
  try {
    icio = createIcio({
      countries: [...table.countries],
      sectors: [...table.sectors],
      Z: table.Z,
      Y: table.Y,
      ...(table.x ? { x: table.x } : {}),
      ...(va ? { va } : {}),
      ...(table.tolerance !== undefined ? { tolerance: table.tolerance } : {}),
    });
  } catch (e) {
    if (!(e instanceof GvcError)) throw e;
    throw new GvcError(
      e.code,
      what,
      e.issues.map((i) => ({ path: i.path === '' ? '' : `${file}: ${i.path}`, message: i.message })),
    );
  }
  const full: IcioMeta = {
    ...meta,
    finalDemand: meta.finalDemand ?? {
      categories: [...table.categories],
      Y: F > 1 ? table.Y : table.Y.slice(),
    },
    ...(table.valueAdded && table.valueAdded.length > 0 ? { valueAdded: table.valueAdded } : {}),
  };
  return deepFreeze({ ...icio, meta: full });
}
