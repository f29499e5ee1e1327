import { quote } from '../core/preview.js';
import {
  type Icio,
  IcioCsvOptions,
  readAdbMrio,
  readEora26,
  readExiobase,
  readFigaro,
  readIcioCsv,
  readLongRunWiod,
  readOecdIcio,
  readWiod,
} from '../io/index.js';
import {
  type CliContext,
  checkOptions,
  numberOption,
  type OptionValues,
  readInput,
  STDIN,
  UsageError,
} from './types.js';

/** The values of `--release`, `csv` (the OECD ICIO CSV read by `readIcioCsv`, as before) first. */
export const RELEASES = ['csv', 'oecd', 'wiod', 'lrwiod', 'figaro', 'adb', 'eora26', 'exiobase'] as const;
export type Release = (typeof RELEASES)[number];

/** One help line per release: the value of `--release`, what it reads, and the files of a folder. */
export const RELEASE_HELP: Readonly<Record<Release, string>> = {
  csv: 'the OECD ICIO CSV layout, read by readIcioCsv (default)          *.csv',
  oecd: 'OECD ICIO, editions 2016–2023 (readOecdIcio)                     *.csv',
  wiod: 'WIOD 2016 release, R data files (readWiod)                       *.RData',
  lrwiod: 'long-run WIOD, one flat file of every year (readLongRunWiod)     *.csv',
  figaro: 'FIGARO, flat or matrix CSV (readFigaro)                          *.csv',
  adb: 'ADB MRIO workbooks (readAdbMrio)                                 *.xlsx',
  eora26: 'Eora26, one folder of text files per year (readEora26)           folders',
  exiobase: 'EXIOBASE 3 archives or folders (readExiobase)                    *.zip, folders',
};

/** Whether a folder entry can be one year's table of the release: by its extension, or a folder. */
export function entryFits(release: Release, name: string, isDirectory: boolean): boolean {
  const lower = name.toLowerCase();
  switch (release) {
    case 'eora26':
      return isDirectory || lower.endsWith('.zip');
    case 'exiobase':
      return isDirectory || lower.endsWith('.zip');
    case 'wiod':
      return !isDirectory && lower.endsWith('.rdata');
    case 'adb':
      return !isDirectory && lower.endsWith('.xlsx');
    default:
      return !isDirectory && lower.endsWith('.csv');
  }
}

/** Releases whose one file (or folder) holds every year, chosen with the reader's `year` option. */
export const ALL_YEARS_IN_ONE: ReadonlySet<Release> = new Set(['lrwiod', 'eora26']);

/** The releases whose tables are delimited text: they take `--delimiter`, and `-` (standard input). */
export const TEXT_RELEASES: ReadonlySet<Release> = new Set(['csv', 'oecd', 'lrwiod', 'figaro', 'exiobase']);
/** The releases read from standard input (`-`): one delimited text file (not EXIOBASE's archive or folder). */
const STDIN_RELEASES: ReadonlySet<Release> = new Set(['csv', 'oecd', 'lrwiod', 'figaro']);

/** The options `--delimiter` and `--tolerance` give every reader. */
export interface ReaderFlags {
  delimiter?: string;
  tolerance?: number;
}

/**
 * The reader options of `--delimiter` (one character; `tab` or `\t` for a tab) and `--tolerance`
 * (the relative tolerance of the accounting checks, at least 0), checked by the readers' own schema
 * and against the release (`--delimiter` only for delimited text): {@link UsageError}s, before any
 * file is read.
 */
export function readerFlags(values: OptionValues, release: Release): ReaderFlags {
  const d = values.delimiter;
  if (d !== undefined && typeof d !== 'string')
    throw new UsageError('--delimiter: expected a character, found no value');
  const delimiter = d === 'tab' || d === '\\t' ? '\t' : d;
  if (delimiter !== undefined && !TEXT_RELEASES.has(release)) {
    throw new UsageError(
      `--delimiter: expected no --delimiter with --release ${release} (only ${[...TEXT_RELEASES].join(', ')} are delimited text), found ${quote(delimiter)}`,
    );
  }
  const tolerance = numberOption(values, 'tolerance');
  const flags: ReaderFlags = {
    ...(delimiter === undefined ? {} : { delimiter }),
    ...(tolerance === undefined ? {} : { tolerance }),
  };
  checkOptions(IcioCsvOptions, flags);
  return flags;
}

/**
 * Reads one table: `csv` through the context (as `gvckit io` always did), any other release with
 * its reader from the path; `year` is passed to the reader when given, and the flags' options to
 * every reader. The path {@link STDIN} reads standard input, for the releases of one delimited text
 * file (a {@link UsageError} for the others).
 */
export async function readOne(
  ctx: CliContext,
  release: Release,
  path: string,
  year?: number,
  flags: ReaderFlags = {},
): Promise<Icio> {
  const y = year === undefined ? {} : { year };
  if (path === STDIN && !STDIN_RELEASES.has(release)) {
    throw new UsageError(
      `-: expected a file or folder with --release ${release} (standard input is read for ${[...STDIN_RELEASES].join(', ')})`,
    );
  }
  if (release === 'lrwiod' && year === undefined) {
    throw new UsageError('--years: expected the year to read from a long-run WIOD file (--years 2000)');
  }
  const text = path === STDIN ? await readInput(ctx, path) : undefined;
  const source = text === undefined ? path : { text };
  const named = text === undefined ? {} : { fileName: 'stdin' };
  switch (release) {
    case 'csv':
      return readIcioCsv(text ?? (await readInput(ctx, path)), flags);
    case 'oecd':
      return readOecdIcio(source, { ...named, ...flags, ...y });
    case 'wiod':
      return readWiod(path, { ...flags, ...y });
    case 'lrwiod':
      return readLongRunWiod(source, { ...named, ...flags, year: year as number });
    case 'figaro':
      return readFigaro(source, { ...named, ...flags, ...y });
    case 'adb':
      return readAdbMrio(path, { ...flags, ...y });
    case 'eora26':
      return readEora26(path, { ...flags, ...y });
    case 'exiobase':
      return readExiobase(path, { ...flags, ...y });
  }
}
