/**
 * One year of a panel: read the year's table, compute the indicator, tag the records with the year.
 * The same code runs on the calling thread and on a worker thread (see `worker.ts`).
 *
 * @packageDocumentation
 */
import { GvcError, isGvcError } from '../../core/errors.js';
import type { Icio } from '../types.js';
import { namedIndicator, panelReader } from './catalogue.js';

/** The phases of one year, in order, as `onProgress` reports them. */
export type PanelPhase = 'load' | 'compute' | 'done';

/**
 * A year described by data alone, so that it can be posted to a worker thread.
 *
 * @internal
 */
export interface YearTask {
  readonly year: number;
  readonly release: string;
  readonly file: string;
  readonly readerOptions?: object;
  readonly indicator: string;
  readonly indicatorOptions?: object;
}

/**
 * The records of one year, each a fresh object with `year` first and then the indicator's fields.
 *
 * @internal
 */
export function tagYear(records: readonly object[], year: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) out[i] = { year, ...records[i] };
  return out;
}

/**
 * Runs a described year: the release's reader on the file, then the named indicator. `phase` is
 * told when the computation starts.
 *
 * @internal
 */
export async function runYearTask(
  task: YearTask,
  phase: (p: PanelPhase) => void,
): Promise<Record<string, unknown>[]> {
  const read = panelReader(task.release);
  if (read === undefined) {
    throw new GvcError('INVALID_INPUT', 'invalid panel', [
      { path: 'panel.load.release', message: `expected a release a panel can read, found ${task.release}` },
    ]);
  }
  const compute = namedIndicator(task.indicator, task.indicatorOptions, 'panel.indicator');
  phase('load');
  const icio: Icio = await read(task.file, task.readerOptions, task.year);
  phase('compute');
  return tagYear(compute(icio), task.year);
}

/** The summary line of a GvcError, without the issues that its message lists after it. */
function summaryOf(e: GvcError): string {
  const m = e.message;
  if (e.issues.length === 0) return m;
  if (e.issues.length > 1) return m.split(':\n')[0] ?? m;
  const i = e.issues[0]!;
  const tail = `: ${i.path ? `${i.path}: ${i.message}` : i.message}`;
  return m.endsWith(tail) ? m.slice(0, m.length - tail.length) : m;
}

/**
 * A GvcError of one year, its summary prefixed with the year (`year 2019: invalid ICIO CSV`) and
 * its issues kept; anything else is returned as it is.
 *
 * @internal
 */
export function inYear(e: unknown, year: number): unknown {
  if (!isGvcError(e)) return e;
  return new GvcError(e.code, `year ${year}: ${summaryOf(e)}`, e.issues);
}

/** What crosses from a worker to the calling thread when a year fails. */
export interface SentError {
  readonly gvc: boolean;
  readonly code?: string;
  readonly message: string;
  readonly issues?: readonly { path: string; message: string }[];
}

/**
 * An error as data that can be posted between threads.
 *
 * @internal
 */
export function sendError(e: unknown): SentError {
  if (isGvcError(e)) {
    return { gvc: true, code: e.code, message: e.message, issues: e.issues.map((i) => ({ ...i })) };
  }
  return { gvc: false, message: e instanceof Error ? e.message : String(e) };
}

/**
 * The error a worker sent, made again: a GvcError with the same code, message and issues, or an
 * `Error` with the message.
 *
 * @internal
 */
export function receiveError(s: SentError): Error {
  if (!s.gvc) return new Error(s.message);
  const e = new GvcError((s.code ?? 'INVALID_INPUT') as GvcError['code'], '', [...(s.issues ?? [])]);
  e.message = s.message;
  return e;
}
