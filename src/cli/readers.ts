import {
  type Icio,
  readAdbMrio,
  readEora26,
  readExiobase,
  readFigaro,
  readIcioCsv,
  readLongRunWiod,
  readOecdIcio,
  readWiod,
} from '../io/index.js';
import { type CliContext, readInput, UsageError } from './types.js';

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

/**
 * Reads one table: `csv` through the context (as `gvckit io` always did), any other release with
 * its reader from the path; `year` is passed to the reader when given.
 */
export async function readOne(ctx: CliContext, release: Release, path: string, year?: number): Promise<Icio> {
  const y = year === undefined ? {} : { year };
  switch (release) {
    case 'csv':
      return readIcioCsv(await readInput(ctx, path));
    case 'oecd':
      return readOecdIcio(path, y);
    case 'wiod':
      return readWiod(path, y);
    case 'lrwiod':
      if (year === undefined) {
        throw new UsageError('--years: expected the year to read from a long-run WIOD file (--years 2000)');
      }
      return readLongRunWiod(path, { year });
    case 'figaro':
      return readFigaro(path, y);
    case 'adb':
      return readAdbMrio(path, y);
    case 'eora26':
      return readEora26(path, y);
    case 'exiobase':
      return readExiobase(path, y);
  }
}
