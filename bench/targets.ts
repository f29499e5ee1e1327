/**
 * The targets of issue #20 and their summary. Each bench file that measures a target row records
 * it with {@link recordTarget} (or says why it could not with {@link recordUnmeasured}): one JSON
 * line appended to the file named by the environment variable GVCKIT_BENCH_TARGETS, which
 * `bench/run.ts` sets for its children and reads back at the end to print one table of every row
 * ({@link printTargets}). Run on its own (without the variable), a bench file records nothing.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/** The environment variable naming the file the target rows are appended to. */
export const TARGETS_ENV = 'GVCKIT_BENCH_TARGETS';

/** One target row: the bench file that measures it, what, and the upper limit. */
export interface TargetRow {
  /** Key used when recording. */
  id: string;
  /** The bench file (in bench/) that measures it. */
  file: string;
  /** What is measured. */
  name: string;
  /** The upper limit (the target is met when the measured value is at most this). */
  limit: number;
  /** Unit of the value and the limit: '×' (a ratio), 's' or 'MB' (10^6 bytes). */
  unit: '×' | 's' | 'MB';
}

/** Every target row of issue #20, in the order the summary prints them. */
export const TARGET_ROWS: readonly TargetRow[] = [
  {
    id: 'inverse-2464',
    file: 'io.bench.ts',
    name: 'leontiefInverse 2,464 rows ÷ numpy inv',
    limit: 1.6,
    unit: '×',
  },
  {
    id: 'inverse-relaxed-2464',
    file: 'io.bench.ts',
    name: 'leontiefInverse 2,464, relaxed SIMD ÷ numpy',
    limit: 1.4,
    unit: '×',
  },
  {
    id: 'inverse-9800',
    file: 'io.bench.ts',
    name: 'leontiefInverse 9,800 rows ÷ numpy inv',
    limit: 2,
    unit: '×',
  },
  { id: 'solve-2464', file: 'io.bench.ts', name: 'one solve 2,464 rows ÷ numpy solve', limit: 2, unit: '×' },
  { id: 'solve-9800', file: 'io.bench.ts', name: 'one solve 9,800 rows ÷ numpy solve', limit: 2, unit: '×' },
  {
    id: 'bm-time-2464',
    file: 'io.bench.ts',
    name: 'BM all countries 2,464 ÷ inverse',
    limit: 1.25,
    unit: '×',
  },
  {
    id: 'bm-rss-2464',
    file: 'io.bench.ts',
    name: 'BM 2,464 rows, whole-process peak RSS',
    limit: 280,
    unit: 'MB',
  },
  {
    id: 'bm-time-9800',
    file: 'io.bench.ts',
    name: 'BM all countries 9,800 rows, time',
    limit: 60,
    unit: 's',
  },
  {
    id: 'bm-rss-9800',
    file: 'io.bench.ts',
    name: 'BM 9,800 rows, whole-process peak RSS',
    limit: 2500,
    unit: 'MB',
  },
  {
    id: 'exiobase-time',
    file: 'exiobase-read.bench.ts',
    name: 'readExiobase 9,800 rows ÷ pandas read_csv',
    limit: 2,
    unit: '×',
  },
  {
    id: 'exiobase-memory',
    file: 'exiobase-read.bench.ts',
    name: 'readExiobase memory added ÷ dense arrays',
    limit: 1.5,
    unit: '×',
  },
  {
    id: 'tiva-1e6',
    file: 'chains.bench.ts',
    name: 'tradeInValueAdded 10^6 stages, 60 countries',
    limit: 3,
    unit: 's',
  },
];

/** One recorded line: a measured value, or the reason there is none. */
export interface TargetRecord {
  id: string;
  value?: number;
  reason?: string;
  note?: string;
}

function append(record: TargetRecord): void {
  if (!TARGET_ROWS.some((r) => r.id === record.id)) throw new Error(`unknown target row "${record.id}"`);
  const path = process.env[TARGETS_ENV];
  if (path) appendFileSync(path, `${JSON.stringify(record)}\n`);
}

/** Records the measured value of the target row `id` (in the row's unit), with an optional note. */
export function recordTarget(id: string, value: number, note?: string): void {
  append({ id, value, ...(note ? { note } : {}) });
}

/** Records that the target row `id` could not be measured in this run, and why. */
export function recordUnmeasured(id: string, reason: string): void {
  append({ id, reason });
}

/** Whether `value` meets the row's limit. */
export function met(row: TargetRow, value: number): boolean {
  return value <= row.limit;
}

/** A value in the row's unit, for a table cell. */
export function formatValue(row: TargetRow, value: number): string {
  if (row.unit === '×') return `${value.toFixed(2)}×`;
  if (row.unit === 's') return `${value.toFixed(2)} s`;
  return `${Math.round(value).toLocaleString('en-US')} MB`;
}

/** The records of a targets file (the last one of each row wins). */
export function readTargets(path: string): Map<string, TargetRecord> {
  const out = new Map<string, TargetRecord>();
  if (!existsSync(path)) return out;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as TargetRecord;
    out.set(r.id, r);
  }
  return out;
}

/**
 * Prints the summary table of the target rows of the files that ran (`ran`: file name → its exit
 * status, 0 when it succeeded): the measured value, the target, ✓ or ✗, and the note; for a row
 * that has no value, the reason. Rows of files that did not run are counted on one line.
 */
export function printTargets(records: Map<string, TargetRecord>, ran: Map<string, number | string>): void {
  const rows = TARGET_ROWS.filter((r) => ran.has(r.file));
  console.log('\nTargets of issue #20 (✓ met, ✗ missed, — not measured)');
  console.log(`${'row'.padEnd(46)}${'measured'.padStart(11)}${'target'.padStart(12)}    note`);
  for (const row of rows) {
    const rec = records.get(row.id);
    const target = `≤ ${row.limit.toLocaleString('en-US')}${row.unit === '×' ? '×' : ` ${row.unit}`}`;
    if (rec?.value !== undefined && Number.isFinite(rec.value)) {
      const ok = met(row, rec.value) ? '✓' : '✗';
      console.log(
        `${row.name.padEnd(46)}${formatValue(row, rec.value).padStart(11)}${target.padStart(12)}  ${ok} ${rec.note ?? ''}`,
      );
    } else {
      const status = ran.get(row.file);
      const reason =
        rec?.reason ??
        (status === 0 ? 'the file recorded nothing for this row' : `${row.file} exited with ${status}`);
      console.log(`${row.name.padEnd(46)}${'—'.padStart(11)}${target.padStart(12)}  — ${reason}`);
    }
  }
  const skipped = TARGET_ROWS.filter((r) => !ran.has(r.file));
  if (skipped.length > 0)
    console.log(
      `(${skipped.length} more target row(s) in file(s) not run: ${[...new Set(skipped.map((r) => r.file))].join(', ')})`,
    );
}
