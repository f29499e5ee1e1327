import { quote } from '../core/preview.js';
import { readIcioCsv } from '../io/csv.js';
import { bmDecomposition } from '../io/decompositions/bm.js';
import { kwwDecomposition } from '../io/decompositions/kww.js';
import { wwzDecomposition } from '../io/decompositions/wwz.js';
import { leontiefDecomposition } from '../io/indicators/leontief-decomposition.js';
import { rasmussenLinkages } from '../io/indicators/linkages.js';
import { gvcParticipation } from '../io/indicators/participation.js';
import { downstreamness, upstreamness } from '../io/indicators/position.js';
import { valueAddedExports } from '../io/indicators/vax.js';
import type { Icio } from '../io/types.js';
import { type Cell, type OutputFormat, render, type TextTable } from './format.js';
import { type Command, choice, oneFile, readInput, UsageError } from './types.js';

const levels = ['country', 'sector'] as const;
type Level = (typeof levels)[number];

interface Indicator {
  describe: string;
  compute: (icio: Icio, level: Level) => readonly object[];
}

// A Map, so that `--indicator constructor` or `--indicator toString` is unknown, not a built-in.
const indicators: ReadonlyMap<string, Indicator> = new Map(
  Object.entries({
    bm: {
      describe: 'Borin & Mancini (2019, 2023) exporter-perspective decomposition of gross exports',
      compute: (icio, level) =>
        level === 'sector'
          ? bmDecomposition(icio, { level: 'sector' })
          : bmDecomposition(icio, { level: 'country' }),
    },
    kww: {
      describe: 'Koopman, Wang & Wei (2014): the nine terms of gross exports by country',
      compute: (icio) => kwwDecomposition(icio),
    },
    wwz: {
      describe: 'Wang, Wei & Zhu (2013): the sixteen terms, bilateral by sector',
      compute: (icio) => wwzDecomposition(icio),
    },
    vax: {
      describe: 'value-added exports and the VAX ratio (Johnson & Noguera 2012)',
      compute: (icio) => valueAddedExports(icio),
    },
    leontief: {
      describe: 'Leontief decomposition of exports: domestic and foreign content',
      compute: (icio, level) => leontiefDecomposition(icio, { level }),
    },
    participation: {
      describe: 'GVC participation and position (Koopman et al. 2010; Wang, Wei, Yu & Zhu 2017)',
      compute: (icio, level) => gvcParticipation(icio, { level }),
    },
    upstreamness: {
      describe: 'upstreamness (Antràs, Chor, Fally & Hillberry 2012)',
      compute: (icio) => upstreamness(icio),
    },
    downstreamness: { describe: 'downstreamness (Fally 2012)', compute: (icio) => downstreamness(icio) },
    rasmussen: {
      describe: 'Rasmussen power and sensitivity of dispersion, key sectors',
      compute: (icio) => rasmussenLinkages(icio),
    },
  } satisfies Record<string, Indicator>),
);
const names = [...indicators.keys()];
const formats = ['table', 'json', 'csv'] as const;

const help = `gvckit io — trade in value added from an inter-country input-output table

Usage:
  gvckit io <table.csv> --indicator ${names.join('|')} [--level country|sector] [--format table|json|csv]

Reads a table in the OECD ICIO CSV layout (row and column labels CCC_SECTOR, final-demand columns
CCC_CATEGORY, VA/TLS/OUT rows and an OUT/TOTAL column recognised and checked) and prints an indicator.

Indicators:
${names.map((n) => `  ${n.padEnd(15)}${indicators.get(n)?.describe ?? ''}`).join('\n')}

Options:
  --indicator  the indicator to compute (required)
  --level      country (default) or sector, for bm, leontief and participation
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
    const level = choice(values, 'level', levels, 'country');
    const name = values.indicator;
    const indicator = typeof name === 'string' ? indicators.get(name) : undefined;
    if (indicator === undefined) {
      throw new UsageError(
        `--indicator: expected one of ${names.join(', ')}, found ${typeof name === 'string' ? quote(name) : 'none'}`,
      );
    }
    const icio = readIcioCsv(await readInput(ctx, oneFile(positionals, 'CSV file')));
    const records = indicator.compute(icio, level);
    ctx.stdout(render(recordsTable(records), format, format === 'json' ? records : undefined));
    return 0;
  },
};
