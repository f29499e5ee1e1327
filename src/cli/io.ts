import { quote } from '../core/preview.js';
import {
  bmDecomposition,
  downstreamness,
  gvcParticipation,
  type Icio,
  kwwDecomposition,
  leontiefDecomposition,
  rasmussenLinkages,
  readIcioCsv,
  upstreamness,
  valueAddedExports,
  wwzDecomposition,
} from '../io/index.js';
import { type Cell, type OutputFormat, render, type TextTable } from './format.js';
import { type Command, choice, type OptionValues, oneFile, readInput, UsageError } from './types.js';

/**
 * What `--level` chooses: records by country, by country–sector, or (vax only) by exporter–partner
 * pair. Named apart from governance's `Level` (high/low), and taken from the `level` option of the
 * io functions, so that a level they do not know cannot be listed below.
 */
type DetailLevel = NonNullable<NonNullable<Parameters<typeof valueAddedExports>[1]>['level']>;

interface Indicator {
  /** The value of `--indicator`. */
  name: string;
  describe: string;
  /** The values `--level` takes, the default first; empty when the indicator has no level. */
  levels: readonly DetailLevel[];
  /**
   * Checks the indicator's options against what it takes (a {@link UsageError} otherwise, before any
   * file is read) and returns its computation.
   */
  prepare: (values: OptionValues) => (icio: Icio) => readonly object[];
}

/** An indicator whose function takes `{ level }`; `levels` must be values that function accepts. */
function withLevel<L extends DetailLevel>(
  name: string,
  describe: string,
  levels: readonly [L, ...L[]],
  compute: (icio: Icio, options: { level: L }) => readonly object[],
): Indicator {
  return {
    name,
    describe,
    levels,
    prepare: (values) => {
      const level = choice(values, 'level', levels, levels[0], `--level of --indicator ${name}`);
      return (icio) => compute(icio, { level });
    },
  };
}

/** An indicator whose function takes no options: `--level` is refused, not ignored. */
function withoutLevel(name: string, describe: string, compute: (icio: Icio) => readonly object[]): Indicator {
  return {
    name,
    describe,
    levels: [],
    prepare: (values) => {
      if (values.level !== undefined) {
        const takers = list.filter((i) => i.levels.length > 0).map((i) => i.name);
        throw new UsageError(
          `--level: expected no --level with --indicator ${name} (only ${takers.join(', ')} take one), found ${quote(String(values.level))}`,
        );
      }
      return (icio) => compute(icio);
    },
  };
}

const countryOrSector = ['country', 'sector'] as const;

/** The indicators, in the order of the help. */
const list: readonly Indicator[] = [
  withLevel(
    'bm',
    'Borin & Mancini (2019, 2023) exporter-perspective decomposition of gross exports',
    countryOrSector,
    bmDecomposition,
  ),
  withoutLevel(
    'kww',
    'Koopman, Wang & Wei (2014): the nine terms of gross exports by country',
    kwwDecomposition,
  ),
  withoutLevel('wwz', 'Wang, Wei & Zhu (2013): the sixteen terms, bilateral by sector', wwzDecomposition),
  withLevel(
    'vax',
    'value-added exports and the VAX ratio (Johnson & Noguera 2012)',
    ['country', 'sector', 'bilateral'],
    valueAddedExports,
  ),
  withLevel(
    'leontief',
    'Leontief decomposition of exports: domestic and foreign content',
    countryOrSector,
    leontiefDecomposition,
  ),
  withLevel(
    'participation',
    'GVC participation and position (Koopman et al. 2010; Wang, Wei, Yu & Zhu 2017)',
    countryOrSector,
    gvcParticipation,
  ),
  withoutLevel('upstreamness', 'upstreamness (Antràs, Chor, Fally & Hillberry 2012)', upstreamness),
  withoutLevel('downstreamness', 'downstreamness (Fally 2012)', downstreamness),
  withoutLevel('rasmussen', 'Rasmussen power and sensitivity of dispersion, key sectors', rasmussenLinkages),
];

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
    lines: [...groups].map(([key, group]) => `                 ${group.join(', ')}: ${key}`).join('\n'),
  };
}
const levelDoc = levelHelp();

const formats = ['table', 'json', 'csv'] as const;

const help = `gvckit io — trade in value added from an inter-country input-output table

Usage:
  gvckit io <table.csv> --indicator ${names.join('|')} [--level ${levelDoc.all.join('|')}] [--format table|json|csv]

Reads a table in the OECD ICIO CSV layout (row and column labels CCC_SECTOR, final-demand columns
CCC_CATEGORY, VA/TLS/OUT rows and an OUT/TOTAL column recognised and checked) and prints an indicator.

Indicators:
${list.map((i) => `  ${i.name.padEnd(15)}${i.describe}`).join('\n')}

Options:
  --indicator  the indicator to compute (required)
  --level      the level of detail of the records (an error with the other indicators):
${levelDoc.lines}
  --format     table (default; text cut at 80 characters), json, or csv
  -h, --help   show this help

Example:
  gvckit io icio.csv --indicator bm --level country`;

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

export const ioCommand: Command = {
  help,
  options: { indicator: { type: 'string' }, level: { type: 'string' }, format: { type: 'string' } },
  async run(positionals, values, ctx) {
    const format = choice<OutputFormat>(values, 'format', formats, 'table');
    const name = values.indicator;
    const indicator = typeof name === 'string' ? indicators.get(name) : undefined;
    if (indicator === undefined) {
      throw new UsageError(
        `--indicator: expected one of ${names.join(', ')}, found ${typeof name === 'string' ? quote(name) : 'none'}`,
      );
    }
    const compute = indicator.prepare(values);
    const icio = readIcioCsv(await readInput(ctx, oneFile(positionals, 'CSV file')));
    const records = compute(icio);
    ctx.stdout(render(recordsTable(records), format, format === 'json' ? records : undefined));
    return 0;
  },
};
