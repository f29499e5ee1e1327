import { writeFile } from 'node:fs/promises';
import { quote } from '../core/preview.js';
import { BmPerspective, type Icio, icioPanel, recordsToArrow, tidyRecords } from '../io/index.js';
import { type Cell, formatJsonl, type OutputFormat, render, type TextTable } from './format.js';
import { INDICATORS, type Indicator, type Prepared, prepareIndicator } from './io-indicators.js';
import { isFolder, isOneTableFolder, parseYears, yearFiles } from './panel.js';
import { progressBar, terminalOf } from './progress.js';
import {
  ALL_YEARS_IN_ONE,
  RELEASE_HELP,
  RELEASES,
  type ReaderFlags,
  type Release,
  readerFlags,
  readOne,
  TEXT_RELEASES,
} from './readers.js';
import {
  type CliContext,
  type Command,
  choice,
  type OptionValues,
  oneFile,
  STDIN,
  UsageError,
} from './types.js';

const list = INDICATORS;
// A Map, so that `--indicator constructor` or `--indicator toString` is unknown, not a built-in.
const indicators: ReadonlyMap<string, Indicator> = new Map(list.map((i) => [i.name, i]));
const names = list.map((i) => i.name);

/** Every value of `--level`, and one help line per set of levels: the indicators taking it, its values. */
function levelHelp(): { all: string[]; lines: string } {
  const groups = new Map<string, string[]>();
  for (const { name, levels } of list) {
    if (levels.length === 0) continue;
    const key = `${levels[0]} (default), ${levels.slice(1).join(', ')}`;
    groups.set(key, [...(groups.get(key) ?? []), name]);
  }
  return {
    all: [...new Set(list.flatMap((i) => i.levels))],
    lines: [...groups].map(([key, group]) => wrap(`${group.join(', ')}: ${key}`)).join('\n'),
  };
}
const levelDoc = levelHelp();

/** A help line indented under an option, cut at commas to fit 100 characters. */
function wrap(text: string): string {
  const indent = ' '.repeat(17);
  const lines: string[] = [];
  let line = '';
  for (const part of text.split(/(?<=, )/)) {
    if (line !== '' && indent.length + line.length + part.length > 100) {
      lines.push(line.trimEnd());
      line = '  ';
    }
    line += part;
  }
  lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

const formats = ['table', 'json', 'csv', 'jsonl', 'arrow'] as const;
type Format = (typeof formats)[number];

const help = `gvckit io — trade in value added from inter-country input-output tables

Usage:
  gvckit io <table> --indicator ${names.slice(0, 9).join('|')}
            [--level ${levelDoc.all.join('|')}]
            [--release ${RELEASES.join('|')}] [--format table|json|csv|jsonl|arrow] [--out FILE]
            [--tidy] [--delimiter C] [--tolerance T]
  gvckit io <table> --indicator bm [--perspective ${BmPerspective.options.join('|')}]
            [--approach source|sink] [--level country|sector] …
  gvckit io <table> --indicator tiva [--codes EXGR,EXGR_DVA,…] [--level country|sector|bilateral] …
  gvckit io <table> --indicator my [--perimeter country|bilateral|sector|world] [--level …] …
  gvckit io <table> --indicator footprints|embodied-final-demand|embodied-exports
            [--stressors NAME,…] [--level country|sector|bilateral] …
  gvckit io <folder> --indicator … [--years 2015-2020] [--release …] [--workers N]
  gvckit io - --indicator …          (the table from standard input)

Reads one table (by default in the OECD ICIO CSV layout: row and column labels CCC_SECTOR,
final-demand columns CCC_CATEGORY, VA/TLS/OUT rows and an OUT/TOTAL column recognised and checked)
and prints an indicator; given -, reads the table from standard input (releases csv, oecd, lrwiod,
figaro). Given a folder, reads one table per year (the year taken from each name:
ICIO2023_2019.csv, 2019_SML.csv, WIOT2014_Nov16_ROW.RData) and prints one table of every year's
records with a year column; a progress bar is drawn on stderr when it is a terminal, none when
it is piped.

Indicators:
${list.map((i) => (i.name.length < 15 ? `  ${i.name.padEnd(15)}${i.describe}` : `  ${i.name}\n                 ${i.describe}`)).join('\n')}

Options:
  --indicator  the indicator to compute (required)
  --level      the level of detail of the records (an error with the other indicators):
${levelDoc.lines}
  --perspective  bm: exporter (default), sector, bilateral, bilateral-sector or world (Borin &
               Mancini 2023): whose border value added is counted at
  --approach   bm: source (default) or sink, which only the exporter perspective takes
  --codes      tiva: the TiVA codes to report, separated by commas (default: every code of the level)
  --perimeter  my: country (default), bilateral, sector or world (Miroudot & Ye 2021)
  --stressors  footprints, embodied-*: the stressors to compute (default all), separated by commas,
               a name holding a comma in double quotes; the table must have satellite accounts
               (--release exiobase or eora26)
  --release    the release of the table or of the folder's tables (default csv)
  --years      years to read from a folder, e.g. 2015-2020 or 2000,2005,2010-2014; with
               --release lrwiod or eora26, the years to read from its one file or folder
  --format     table (default; text cut at 80 characters), json, csv, jsonl (JSON Lines: one
               record per line, nested fields kept), or arrow (Apache Arrow IPC file, for DuckDB,
               Polars or pandas: written to --out, or to stdout only when stdout is not a
               terminal); the columns of csv are the records' fields as gvckit/io names them
  --delimiter  the field separator of the table's text (one character; tab or \\t for a tab;
               releases ${[...TEXT_RELEASES].join(', ')}; default: the reader's)
  --tolerance  the relative tolerance of the reader's accounting checks (at least 0)
  --out        write the output to FILE instead of stdout
  --tidy       one record per term (year, country, partner, sector, term, value; footprints keep
               stressor, compartment and unit, a TiVA record is one row whose term is its code)
               instead of one per country (or country–sector, pair) with a column per term
  --workers    worker threads for the years of a folder (default: where measured faster; 0: none)
  -h, --help   show this help

Releases (--release; what a folder's yearly entries are):
${RELEASES.map((r) => `  ${r.padEnd(10)}${RELEASE_HELP[r]}`).join('\n')}

Examples:
  gvckit example icio > icio.csv
  gvckit io icio.csv --indicator bm --level country
  gvckit example icio | gvckit io - --indicator vax --format jsonl
  gvckit io icio.csv --indicator bm --perspective bilateral --format csv
  gvckit io icio.csv --indicator tiva --codes EXGR,EXGR_DVA,EXGR_FVA --level bilateral
  gvckit io IOT_2019_ixi.zip --release exiobase --indicator footprints --stressors CO2
  gvckit io ICIO2023/ --release oecd --years 2015-2020 --indicator vax --format csv > vax.csv
  gvckit io ICIO2023/ --release oecd --indicator wwz --tidy --format arrow --out wwz.arrow`;

/** The scalar fields of the first record as columns, one row per record (nested fields are left to json). */
function recordsTable(records: readonly object[]): TextTable {
  const first = records[0] as Record<string, unknown> | undefined;
  const columns = first
    ? Object.keys(first).filter((k) => ['string', 'number', 'boolean'].includes(typeof first[k]))
    : [];
  const rows: Cell[][] = new Array<Cell[]>(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as Record<string, unknown>;
    rows[i] = columns.map((c) => {
      const v = Object.hasOwn(r, c) ? r[c] : undefined;
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
    });
  }
  return { columns, rows };
}

/** The records of every year of a panel, with the progress bar on a terminal. */
async function panelRecords(
  ctx: CliContext,
  release: Release,
  files: Record<string, string>,
  indicator: Prepared['panel'],
  workers: number | undefined,
  flags: ReaderFlags,
): Promise<readonly object[]> {
  const bar = progressBar(ctx);
  try {
    return await icioPanel(
      {
        load: { release, files, ...(Object.keys(flags).length > 0 ? { options: { ...flags } } : {}) },
        indicator,
      },
      {
        ...(bar === undefined ? {} : { onProgress: bar.onProgress }),
        ...(workers === undefined ? {} : { workers }),
      },
    );
  } finally {
    bar?.end();
  }
}

/** The value of `--workers`: a whole number from 0 to 64. */
function workersOf(values: OptionValues): number | undefined {
  const v = values.workers;
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^\d{1,2}$/.test(v) ? Number(v) : Number.NaN;
  if (!(n <= 64)) {
    throw new UsageError(
      `--workers: expected a whole number from 0 to 64, found ${typeof v === 'string' ? quote(v) : 'no value'}`,
    );
  }
  return n;
}

/** The records of the command: one table's, or a panel's when given a folder or years. */
async function computeRecords(
  positionals: readonly string[],
  values: OptionValues,
  ctx: CliContext,
  indicator: Indicator,
): Promise<readonly object[]> {
  const { compute, panel } = prepareIndicator(indicator, values);
  const release = choice<Release>(values, 'release', RELEASES, 'csv');
  const years = typeof values.years === 'string' ? parseYears(values.years) : undefined;
  if (values.years !== undefined && years === undefined)
    throw new UsageError('--years: expected years, found no value');
  const workers = workersOf(values);
  const flags = readerFlags(values, release);
  const path = oneFile(positionals, 'table file or folder');
  if (path === STDIN) {
    // One table from standard input; a long-run WIOD file's one year with --years YEAR.
    if (years !== undefined && !(release === 'lrwiod' && years.length === 1)) {
      throw new UsageError(
        '--years: expected no --years with standard input (-), which holds one table; only --release lrwiod takes one year',
      );
    }
    return compute(await readOne(ctx, release, path, years?.[0], flags));
  }
  if ((await isFolder(path)) && !(years === undefined && (await isOneTableFolder(path, release)))) {
    // A folder of yearly tables (not one extracted EXIOBASE archive or one Eora26 year); for
    // Eora26, a folder holding several years is read year by year.
    if (!(release === 'eora26' && years !== undefined)) {
      return panelRecords(ctx, release, await yearFiles(path, release, years), panel, workers, flags);
    }
  }
  if (years !== undefined) {
    if (!ALL_YEARS_IN_ONE.has(release)) {
      throw new UsageError(
        `--years: expected a folder of yearly files (or --release lrwiod or eora26, whose one file holds every year), found the file ${quote(path)}`,
      );
    }
    const files = Object.fromEntries(years.map((y) => [String(y), path]));
    return panelRecords(ctx, release, files, panel, workers, flags);
  }
  const icio: Icio = await readOne(ctx, release, path, undefined, flags);
  return compute(icio);
}

/** Writes the records in the format, to `--out` or stdout. */
async function write(records: readonly object[], format: Format, out: string | undefined, ctx: CliContext) {
  if (format === 'arrow') {
    const bytes = recordsToArrow(records);
    if (out !== undefined) await writeFile(out, bytes);
    else terminalOf(ctx).writeStdoutBytes(bytes);
    return;
  }
  const text =
    format === 'jsonl'
      ? formatJsonl(records)
      : render(recordsTable(records), format as OutputFormat, format === 'json' ? records : undefined);
  if (out !== undefined) await writeFile(out, `${text}\n`);
  // No records in JSON Lines is no line at all (not one empty line).
  else if (!(format === 'jsonl' && text === '')) ctx.stdout(text);
}

export const ioCommand: Command = {
  help,
  options: {
    indicator: { type: 'string' },
    level: { type: 'string' },
    perspective: { type: 'string' },
    approach: { type: 'string' },
    codes: { type: 'string' },
    perimeter: { type: 'string' },
    stressors: { type: 'string' },
    format: { type: 'string' },
    release: { type: 'string' },
    years: { type: 'string' },
    out: { type: 'string' },
    tidy: { type: 'boolean' },
    workers: { type: 'string' },
    delimiter: { type: 'string' },
    tolerance: { type: 'string' },
  },
  async run(positionals, values, ctx) {
    const format = choice<Format>(values, 'format', formats, 'table');
    const name = values.indicator;
    const indicator = typeof name === 'string' ? indicators.get(name) : undefined;
    if (indicator === undefined) {
      throw new UsageError(
        `--indicator: expected one of ${names.join(', ')}, found ${typeof name === 'string' ? quote(name) : 'none'}`,
      );
    }
    const out = typeof values.out === 'string' ? values.out : undefined;
    if (format === 'arrow' && out === undefined && terminalOf(ctx).stdoutIsTTY) {
      throw new UsageError(
        '--format arrow: expected --out FILE or a pipe, found a terminal (Arrow is binary)',
      );
    }
    let records = await computeRecords(positionals, values, ctx, indicator);
    if (values.tidy === true) records = tidyRecords(records);
    await write(records, format, out, ctx);
    return 0;
  },
};
