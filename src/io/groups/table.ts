/**
 * The records given to `sumByGroup`, checked and read once into columns: labels per record and the
 * additive fields in one `Float64Array`, so that summing never reads the objects again.
 *
 * @internal
 * @packageDocumentation
 */
import { type IssueList, preview, quote } from '../../core/boundary.js';
import { kindOf, LABEL_FIELDS, type RecordKind, recordKinds } from './kinds.js';

/** The records as columns. */
export interface RecordTable {
  readonly kind: RecordKind;
  /** The fields of the first record, in its order (the order of the summed records' fields). */
  readonly keys: readonly string[];
  readonly n: number;
  readonly country: readonly string[];
  /** Per record, when the records have the field; else undefined. */
  readonly year?: readonly number[];
  readonly sector?: readonly string[];
  readonly partner?: readonly string[];
  /** Additive fields, n × A row-major, in the order of `kind.additive`. */
  readonly values: Float64Array;
}

/** A short list of quoted labels: the first six, then how many more. */
export function listOf(values: readonly string[]): string {
  const shown = values.slice(0, 6).map((v) => quote(v));
  return values.length > 6 ? `${shown.join(', ')} and ${values.length - 6} more` : shown.join(', ');
}

type Row = Record<string, unknown>;
const isRow = (r: unknown): r is Row => r !== null && typeof r === 'object' && !Array.isArray(r);

/**
 * Checks the records (one problem per faulty field; stops recording after 100) and reads them into
 * a {@link RecordTable}: every record must have the fields of the first, which must be those of a
 * known indicator, with finite numbers in the additive fields and labels in the label fields.
 */
export function readRecords(records: unknown, issues: IssueList): RecordTable | undefined {
  const indicators = recordKinds()
    .map((k) => k.indicator)
    .join(', ');
  if (!Array.isArray(records) || records.length === 0) {
    const found = Array.isArray(records) ? 'an empty list' : preview(records);
    issues.add('records', `expected the records of ${indicators}, found ${found}`);
    return undefined;
  }
  const first = records[0] as unknown;
  if (!isRow(first)) {
    issues.add('records[0]', `expected a record, found ${preview(first)}`);
    return undefined;
  }
  const keys = Object.keys(first);
  const kind = kindOf(keys);
  if (kind === undefined || !keys.includes('country')) {
    issues.add('records[0]', `expected a record of ${indicators}, found the fields ${listOf(keys)}`);
    return undefined;
  }
  const labels = LABEL_FIELDS.filter((f) => keys.includes(f));
  const A = kind.additive.length;
  // slot: k ≥ 0 an additive field; −1 a derived field (recomputed, not read); −2 a label.
  const slot = new Map<string, number>();
  for (const [k, f] of kind.additive.entries()) slot.set(f, k);
  for (const f of kind.derived) slot.set(f, -1);
  for (const f of labels) slot.set(f, -2);
  const n = records.length;
  const values = new Float64Array(n * A);
  const cols = Object.fromEntries(labels.map((f) => [f, new Array<unknown>(n)])) as Record<string, unknown[]>;
  const expected = A + labels.length;
  for (let i = 0; i < n && issues.size < 100; i++) {
    const r = records[i] as unknown;
    if (!isRow(r)) {
      issues.add(`records[${i}]`, `expected a record, found ${preview(r)}`);
      continue;
    }
    let seen = 0;
    for (const f in r) {
      if (!Object.hasOwn(r, f)) continue;
      const k = slot.get(f);
      const v = r[f];
      if (k === undefined) {
        issues.add(
          `records[${i}].${f}`,
          `expected only the fields of records[0] (${kind.indicator}), found ${quote(f)}`,
        );
      } else if (k >= 0) {
        seen++;
        if (typeof v === 'number' && Number.isFinite(v)) values[i * A + k] = v;
        else issues.add(`records[${i}].${f}`, `expected a finite number, found ${preview(v)}`);
      } else if (k === -2) {
        seen++;
        if (f === 'year' ? Number.isInteger(v) : typeof v === 'string') cols[f]![i] = v;
        else
          issues.add(
            `records[${i}].${f}`,
            `expected ${f === 'year' ? 'a whole year' : 'a label'} as in records[0], found ${preview(v)}`,
          );
      }
    }
    if (seen < expected)
      for (const f of [...labels, ...kind.additive])
        if (!Object.hasOwn(r, f))
          issues.add(`records[${i}].${f}`, `expected the field as in records[0], found nothing`);
  }
  if (issues.size > 0) return undefined;
  return {
    kind,
    keys,
    n,
    country: cols.country as string[],
    ...(cols.year === undefined ? {} : { year: cols.year as number[] }),
    ...(cols.sector === undefined ? {} : { sector: cols.sector as string[] }),
    ...(cols.partner === undefined ? {} : { partner: cols.partner as string[] }),
    values,
  };
}
