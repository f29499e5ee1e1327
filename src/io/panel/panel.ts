import * as z from 'zod/mini';
import { IssueList, preview, validate, validateOptions } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';
import { deepFreeze } from '../../core/freeze.js';
import { oneOf } from '../options.js';
import type { Icio } from '../types.js';
import {
  namedIndicator,
  PANEL_INDICATORS,
  PANEL_RELEASES,
  type PanelIndicatorName,
  panelReader,
} from './catalogue.js';
import { meanFileSize, runOnWorkers, workerSupport } from './pool.js';
import { inYear, type PanelPhase, tagYear, type YearTask } from './year.js';

/** A year of a panel: an integer from 1000 to 9999. */
const Year = z.int().check(z.gte(1000), z.lte(9999));

/**
 * The files of a panel, named so that years can be read on worker threads: the `release` whose
 * reader reads them (`csv`: {@link readIcioCsv}), one file path per year (`{ 2019: 'ICIO_2019.csv' }`),
 * and the reader's `options`.
 *
 * @example
 * ```ts
 * Object.keys(PanelFiles.parse({ release: 'csv', files: { 2019: 'a.csv', 2020: 'b.csv' } }).files);
 * //=> ['2019', '2020']
 * ```
 */
export const PanelFiles = z.strictObject({
  release: oneOf(PANEL_RELEASES),
  files: z
    .record(
      z.string().check(z.regex(/^\d{4}$/, { error: 'expected a year of four digits' })),
      z.string().check(
        z.minLength(1, { error: 'expected a file path' }),
        z.refine((p) => !p.includes('\0'), { error: 'expected a file path, found a NUL character' }),
      ),
    )
    .check(z.refine((f) => Object.keys(f).length > 0, { error: 'expected at least one year' })),
  options: z.optional(z.record(z.string(), z.unknown())),
});
/** The files of a panel: see {@link PanelFiles}. */
export type PanelFiles = z.input<typeof PanelFiles>;

/** A named indicator with its options: see {@link IcioPanelSpec}. */
const NamedIndicator = z.strictObject({
  name: oneOf(PANEL_INDICATORS),
  options: z.optional(z.record(z.string(), z.unknown())),
});

/** How a panel gets the table of a year: a function of the year (run on the calling thread) or files. */
export type PanelLoad = ((year: number) => Icio | Promise<Icio>) | PanelFiles;
/** What a panel computes for each year: a name, a name with options, or a function (run on the calling thread). */
export type PanelIndicator =
  | PanelIndicatorName
  | { readonly name: PanelIndicatorName; readonly options?: Readonly<Record<string, unknown>> | undefined }
  | ((icio: Icio, year: number) => readonly object[]);

const isFunction = (v: unknown) => typeof v === 'function';

/**
 * What {@link icioPanel} computes:
 * - `load`: the table of a year: {@link PanelFiles} (a release and one file per year), or a
 *   function `(year) => Icio | Promise<Icio>` (for instance `(y) => readIcioCsv(textOf(y))`);
 * - `indicator`: a name (`'vax'`, `'bm'`, `'kww'`, `'wwz'`, `'leontief'`, `'participation'`,
 *   `'upstreamness'`, `'downstreamness'`, `'rasmussen'`, `'bm-perspective'`, `'tiva'`, `'my'`, and for
 *   tables with satellite accounts `'footprints'`, `'embodied-final-demand'`, `'embodied-exports'`;
 *   {@link PANEL_INDICATORS} lists them), `{ name, options }` (`{ name: 'vax',
 *   options: { level: 'bilateral' } }`), or a function `(icio, year) => records`;
 * - `years`: the years to compute, in the order of the result; by default every year of
 *   `load.files` in increasing order (required when `load` is a function).
 *
 * Only files and a named indicator can run on worker threads; functions run on the calling thread.
 *
 * @example
 * ```ts
 * IcioPanelSpec.safeParse({ years: [2019], load: () => null, indicator: 'vax' }).success;
 * //=> true
 * ```
 */
export const IcioPanelSpec = z.strictObject({
  years: z.optional(z.array(Year).check(z.minLength(1), z.maxLength(1000))),
  load: z.custom<PanelLoad>((v) => isFunction(v) || (typeof v === 'object' && v !== null), {
    error: (iss) =>
      `expected files ({ release, files }) or a function of the year, found ${preview(iss.input)}`,
  }),
  indicator: z.custom<PanelIndicator>(
    (v) => isFunction(v) || typeof v === 'string' || (typeof v === 'object' && v !== null),
    {
      error: (iss) =>
        `expected an indicator name, { name, options } or a function of the table, found ${preview(iss.input)}`,
    },
  ),
});
/** What {@link icioPanel} computes: see {@link IcioPanelSpec}. */
export type IcioPanelSpec = z.input<typeof IcioPanelSpec>;

/**
 * What `onProgress` is told: the year, its phase, how many of the `total` years are done, and the
 * worker thread's id (`threadId` of `node:worker_threads`) when the year runs on one.
 */
export interface PanelProgress {
  readonly year: number;
  readonly phase: PanelPhase;
  readonly done: number;
  readonly total: number;
  readonly thread?: number;
}

/**
 * Options of {@link icioPanel}:
 * - `onProgress({ year, phase, done, total })`: called when a year starts loading (`load`), starts
 *   computing (`compute`) and is done (`done`); `done` counts the years finished. An error it throws
 *   ends the panel with that error;
 * - `signal`: an `AbortSignal`; when it aborts, workers are terminated and the panel rejects with
 *   `signal.reason` (an `AbortError` `DOMException` unless the signal was given another reason),
 *   as `fetch` and Node's own APIs do;
 * - `workers`: worker threads for the years: `'auto'` (default) uses them where that is faster
 *   (see {@link icioPanel}), `0` runs every year on the calling thread, `k` uses up to k.
 *
 * @example
 * ```ts
 * IcioPanelOptions.parse({ workers: 0 }).workers;
 * //=> 0
 * ```
 */
export const IcioPanelOptions = z.strictObject({
  /** Called as each year starts loading, starts computing and is done (see {@link PanelProgress}). */
  onProgress: z.optional(
    z.custom<(progress: PanelProgress) => void>(isFunction, { error: 'expected a function' }),
  ),
  /** Cancels the panel: years not yet done are dropped and the promise rejects with the signal's reason. */
  signal: z.optional(
    z.custom<AbortSignal>((v) => typeof AbortSignal !== 'undefined' && v instanceof AbortSignal, {
      error: 'expected an AbortSignal',
    }),
  ),
  /** Worker threads: `'auto'` (the default, threads only where they pay), or a count (0: none). */
  workers: z.optional(z.union([z.literal('auto'), z.int().check(z.gte(0), z.lte(64))])),
});
/** Options of {@link icioPanel}. */
export type IcioPanelOptions = z.input<typeof IcioPanelOptions>;

/** One record of a panel: the indicator's record with the `year` first. */
export type PanelRecord = Readonly<Record<string, unknown>> & { readonly year: number };

interface Plan {
  readonly years: number[];
  readonly load: Exclude<PanelLoad, PanelFiles> | z.output<typeof PanelFiles>;
  readonly indicator: PanelIndicator;
}

function plan(spec: unknown): Plan {
  const s = validate(IcioPanelSpec, spec, 'panel', 'invalid panel');
  const issues = new IssueList();
  let load: Plan['load'];
  let fileYears: number[] | undefined;
  if (typeof s.load === 'function') load = s.load;
  else {
    load = validate(PanelFiles, s.load, 'panel.load', 'invalid panel');
    fileYears = Object.keys(load.files)
      .map(Number)
      .sort((a, b) => a - b);
  }
  const indicator =
    typeof s.indicator === 'object'
      ? validate(NamedIndicator, s.indicator, 'panel.indicator', 'invalid panel')
      : s.indicator;
  if (typeof indicator === 'string') namedIndicator(indicator, undefined, 'panel.indicator');
  const years = s.years ?? fileYears;
  if (years === undefined) {
    issues.add('panel.years', 'expected the years to compute when load is a function, found none');
  } else {
    const seen = new Set<number>();
    years.forEach((y, i) => {
      if (seen.has(y)) issues.add(`panel.years[${i}]`, `expected each year once, found ${y} again`);
      seen.add(y);
      if (fileYears !== undefined && !fileYears.includes(y)) {
        issues.add(`panel.years[${i}]`, `expected a year of load.files, found ${y}`);
      }
    });
  }
  issues.throwIfAny('invalid panel');
  return { years: years ?? [], load, indicator };
}

/** The abort reason of a signal, to reject with (an `AbortError` DOMException unless given another). */
function aborted(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/**
 * What `workers: 'auto'` asks of a panel before it uses worker threads: at least 2 processors, and
 * files of at least this many bytes on average. Measured on 2 processors (bench/panel.bench.ts,
 * 4 years, each call in a fresh process, the machine shared with other work: load average 14–19):
 * 2 threads took 3.5–4.1× the time of the calling thread alone at n = 40, 1.5–1.8× at n = 500
 * (≈1.2 MB of CSV a year), 0.66–1.02× at n = 1,200 (≈7.7 MB) and 0.79× at n = 2,000 (≈22 MB): a
 * worker loads the library anew (0.1–0.5 s) and the calling thread's kernel already shares large
 * inversions with a helper thread, so threads pay only once a year takes seconds.
 */
const AUTO_MIN_PROCESSORS = 2;
const AUTO_MIN_BYTES = 6e6;

/**
 * How many worker threads run the years: none when a function is involved, when threads are not
 * available, or for a single year; `'auto'`: see {@link AUTO_MIN_PROCESSORS}.
 */
function threadCount(p: Plan, workers: number | 'auto'): { url: URL; count: number } | undefined {
  if (workers === 0 || p.years.length < 2) return undefined;
  if (typeof p.load === 'function' || typeof p.indicator === 'function') return undefined;
  const support = workerSupport();
  if (support === undefined) return undefined;
  if (workers !== 'auto') return { url: support.url, count: Math.min(workers, p.years.length) };
  if (support.cpus < AUTO_MIN_PROCESSORS) return undefined;
  const files = p.load.files;
  if (meanFileSize(p.years.map((y) => files[String(y)] as string)) < AUTO_MIN_BYTES) return undefined;
  return { url: support.url, count: Math.min(support.cpus, p.years.length) };
}

/**
 * Computes an indicator for each year of a panel of input–output tables and returns the records of
 * every year in one list, each with a `year` field first (years in the order of `panel.years`, each
 * year's records in the indicator's order), ready for `recordsToCsv` or a data frame.
 *
 * Where the years are files of a release and the indicator is named ({@link PanelFiles}, a name of
 * {@link PANEL_INDICATORS}), years run in parallel on worker threads (`node:worker_threads`, the
 * module `dist/io/panel-worker.js` of the build, loaded the same way from the ESM and CommonJS
 * builds), each year's kernel without its helper thread. With `workers: 'auto'` (default) threads
 * are used only where they were measured to pay: for files of 6 MB or more on average (tables of
 * about 1,200 rows and up: 0.66–1.02× the time on 2 processors at n = 1,200, 0.79× at n = 2,000,
 * while at n = 500 a worker's start, which loads the library anew, made the panel 1.5–1.8× slower;
 * bench/panel.bench.ts), one thread per processor and at most one per year. `workers: k` asks for
 * k threads whatever the size;
 * none run for a single year, outside Node, or when the sources run without a build. Functions (a
 * loader or an indicator function) always run on the calling thread, one year after another.
 *
 * Published definitions: each indicator's own (see {@link valueAddedExports}, {@link bmDecomposition},
 * …); the panel only runs them year by year.
 *
 * @param panel - the years, how to load each year's table and the indicator: see {@link IcioPanelSpec}
 * @param options - progress, cancellation and threads: see {@link IcioPanelOptions}
 * @returns a promise of the deeply frozen records of every year
 * @throws {GvcError} (as a rejection) `INVALID_INPUT` for an invalid panel (paths `panel.…`) or
 *   options (`options.…`), before any year is read; a year's failure as its reader or indicator
 *   reports it, the summary prefixed with the year (`year 2019: invalid ICIO CSV`), and the other
 *   years stopped. On abort it rejects with `options.signal.reason`.
 * @example
 * ```ts
 * // The same two-country table, with every flow doubled in 2020.
 * const csv = (k: number) =>
 *   [',A_s,B_s,A_HFCE,B_HFCE', `A_s,${k},${2 * k},${5 * k},${6 * k}`,
 *    `B_s,${3 * k},${4 * k},${7 * k},${8 * k}`, `VA,${10 * k},${16 * k},,`].join('\n');
 * const records = await icioPanel({
 *   years: [2019, 2020],
 *   load: (year) => readIcioCsv(csv(year - 2018)),
 *   indicator: (icio) => upstreamness(icio),
 * });
 * records.map((r) => [r.year, r.country, r.sector]);
 * //=> [[2019, 'A', 's'], [2019, 'B', 's'], [2020, 'A', 's'], [2020, 'B', 's']]
 * ```
 */
export async function icioPanel(
  panel: IcioPanelSpec,
  options?: IcioPanelOptions,
): Promise<readonly PanelRecord[]> {
  const p = plan(panel);
  const opts = validateOptions(IcioPanelOptions, options);
  const { signal, onProgress } = opts;
  if (signal?.aborted) throw aborted(signal);
  const total = p.years.length;
  let done = 0;
  const byYear = new Map<number, Record<string, unknown>[]>();
  const tell = (year: number, phase: PanelPhase, thread?: number) =>
    onProgress?.(thread === undefined ? { year, phase, done, total } : { year, phase, done, total, thread });
  const finish = (year: number, records: Record<string, unknown>[], thread?: number) => {
    byYear.set(year, records);
    done++;
    tell(year, 'done', thread);
  };
  const threads = threadCount(p, opts.workers ?? 'auto');
  if (threads !== undefined && typeof p.load !== 'function' && typeof p.indicator !== 'function') {
    const files = p.load;
    const named = typeof p.indicator === 'string' ? { name: p.indicator } : p.indicator;
    const tasks: YearTask[] = p.years.map((year) => ({
      year,
      release: files.release,
      file: files.files[String(year)] as string,
      ...(files.options === undefined ? {} : { readerOptions: files.options }),
      indicator: named.name,
      ...(named.options === undefined ? {} : { indicatorOptions: named.options }),
    }));
    await runOnWorkers(tasks, threads.count, threads.url, { phase: tell, done: finish }, signal, inYear);
  } else {
    for (const year of p.years) {
      if (signal?.aborted) throw aborted(signal);
      let records: Record<string, unknown>[];
      try {
        records = await inProcessYear(p, year, tell, signal);
      } catch (e) {
        throw inYear(e, year);
      }
      finish(year, records);
    }
  }
  if (signal?.aborted) throw aborted(signal);
  const out: PanelRecord[] = [];
  for (const year of p.years) for (const r of byYear.get(year) ?? []) out.push(r as PanelRecord);
  return deepFreeze(out);
}

/** One year on the calling thread. */
async function inProcessYear(
  p: Plan,
  year: number,
  tell: (year: number, phase: PanelPhase) => void,
  signal: AbortSignal | undefined,
): Promise<Record<string, unknown>[]> {
  tell(year, 'load');
  let icio: Icio;
  if (typeof p.load === 'function') icio = await p.load(year);
  else {
    const read = panelReader(p.load.release);
    if (read === undefined) throw new GvcError('UNSUPPORTED', `no reader for ${p.load.release}`);
    icio = await read(p.load.files[String(year)] as string, p.load.options, year);
  }
  if (signal?.aborted) throw aborted(signal);
  tell(year, 'compute');
  const ind = p.indicator;
  if (typeof ind === 'function') {
    const records = ind(icio, year);
    if (!Array.isArray(records) || records.some((r) => typeof r !== 'object' || r === null)) {
      throw new GvcError('INVALID_INPUT', 'invalid panel', [
        {
          path: 'panel.indicator',
          message: `expected the function to return an array of records, found ${preview(records)}`,
        },
      ]);
    }
    return tagYear(records, year);
  }
  const named = typeof ind === 'string' ? { name: ind } : ind;
  return tagYear(namedIndicator(named.name, named.options, 'panel.indicator')(icio), year);
}
