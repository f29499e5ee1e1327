import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { GvcError } from '../core/errors.js';
import { quote } from '../core/preview.js';
import { entryFits, type Release } from './readers.js';
import { UsageError } from './types.js';

/** The years the CLI accepts. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;
/** The most years one `--years` may name. */
const MAX_YEARS = 1000;

/**
 * The years of `--years`: single years and ranges separated by commas (`2015-2020`,
 * `2000,2005,2010-2012`), in increasing order; a {@link UsageError} for anything else.
 */
export function parseYears(text: string): number[] {
  const years = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?$/.exec(part);
    const from = m ? Number(m[1]) : Number.NaN;
    const to = m?.[2] === undefined ? from : Number(m[2]);
    if (!m || from < FIRST_YEAR || to > LAST_YEAR || to < from) {
      throw new UsageError(
        `--years: expected years from ${FIRST_YEAR} to ${LAST_YEAR} and ranges such as 2015-2020, separated by commas, found ${quote(part)}`,
      );
    }
    for (let y = from; y <= to && years.size <= MAX_YEARS; y++) years.add(y);
  }
  if (years.size > MAX_YEARS) throw new UsageError(`--years: expected at most ${MAX_YEARS} years`);
  return [...years].sort((a, b) => a - b);
}

const MONTH = /(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$/i;

/**
 * The year in a file name: the last four-digit year (1900–2099) not glued to letters before it
 * (`ICIO2021_2018.csv` → 2018, `2019_SML.csv` → 2019, `ADB-MRIO-2022_Mar2022.xlsx` → 2022), or, when
 * every year is glued to letters, the last one not glued to a month (`WIOT2014_Nov16_ROW.RData` →
 * 2014); `undefined` when the name has none.
 */
export function yearOfName(name: string): number | undefined {
  const found = [...name.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g)].map((m) => ({
    year: Number(m[0]),
    before: name.slice(0, m.index),
  }));
  const free = found.filter((f) => !/[A-Za-z]$/.test(f.before));
  if (free.length > 0) return free[free.length - 1]?.year;
  const notMonth = found.filter((f) => !MONTH.test(f.before));
  return notMonth[notMonth.length - 1]?.year;
}

/** Whether a path is a folder (`false` for a file, or a path that is not there: the reader says why). */
export async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Whether a folder is itself one table of the release rather than a folder of yearly tables: an
 * extracted EXIOBASE 3 archive (it holds `Z.txt` or `A.txt`) or an Eora26 year (it holds its
 * `…_T.txt` block).
 */
export async function isOneTableFolder(folder: string, release: Release): Promise<boolean> {
  if (release !== 'exiobase' && release !== 'eora26') return false;
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return false;
  }
  return release === 'exiobase'
    ? names.includes('Z.txt') || names.includes('A.txt')
    : names.some((n) => /_T\.txt$/.test(n));
}

/**
 * The files of a folder that hold one year of the release each, by year (filtered by `years` when
 * given): entries of the release's kind (extension or folder) with a year in their name. Two
 * entries of one year, no entry at all, or a year of `years` with no entry are one
 * `GvcError('INVALID_INPUT')` naming the folder and each problem.
 */
export async function yearFiles(
  folder: string,
  release: Release,
  years: readonly number[] | undefined,
): Promise<Record<string, string>> {
  const entries = await readdir(folder, { withFileTypes: true });
  const byYear = new Map<number, string>();
  const issues: { path: string; message: string }[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.') || !entryFits(release, e.name, e.isDirectory())) continue;
    const year = yearOfName(e.name);
    if (year === undefined || (years !== undefined && !years.includes(year))) continue;
    const other = byYear.get(year);
    if (other !== undefined) {
      issues.push({ path: e.name, message: `expected one table of ${year}, found ${quote(other)} too` });
      continue;
    }
    byYear.set(year, e.name);
  }
  for (const y of years ?? []) {
    if (!byYear.has(y))
      issues.push({ path: '', message: `expected a file of ${y} (a name with the year), found none` });
  }
  if (byYear.size === 0 && issues.length === 0) {
    issues.push({
      path: '',
      message: `expected files of the release ${release} with a year in their names, found none`,
    });
  }
  if (issues.length > 0)
    throw new GvcError('INVALID_INPUT', `cannot read the folder ${quote(folder)}`, issues);
  const files: Record<string, string> = {};
  for (const [year, name] of [...byYear].sort((a, b) => a[0] - b[0]))
    files[String(year)] = join(folder, name);
  return files;
}
