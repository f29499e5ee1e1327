import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assessDynamism,
  classifyMarketOrientation,
  clusterTables,
  readClustersTsv,
} from '../clusters/index.js';
import { type Cell, type OutputFormat, render, snakeCase, type TextTable } from './format.js';
import { type Command, choice, oneFile, readInput, UsageError } from './types.js';

const formats = ['table', 'json', 'csv', 'jsonl'] as const;

const help = `gvckit clusters — dynamism of industrial clusters, and the cross-tabulations of Kaplinsky (2015)

Usage:
  gvckit clusters <file.tsv | -> [--tables] [--format table|json|csv|jsonl] [--out DIR]

Reads clusters in the layout of Table 1 of Kaplinsky (2015) — tab-separated columns country, cluster,
end_market, evidence_of_dynamism, external_economies, collective_action, institutional_support, with
";"-separated values and "none" — from the file, or from standard input when the file is -,
validates them, and prints each cluster's market orientation and dynamism, or with --tables the
four cross-tabulations (Tables 2–5 of the paper).

Options:
  --tables   print the four cross-tabulations instead of one row per cluster
  --format   table (default; text cut at 80 characters), json, csv or jsonl (JSON Lines); csv and
             jsonl have snake_case columns, and text that a spreadsheet would read as a formula gets
             a leading ' in csv. With --tables, csv and jsonl print one long table whose column
             "table" names the cross-tabulation (market_orientation, external_economies,
             collective_action, institutional_support)
  --out      with --tables --format csv: write one file per cross-tabulation into the folder DIR
             (market_orientation.csv, …) instead of the long table on stdout
  -h, --help show this help

Examples:
  gvckit example clusters > african-clusters-table1.tsv
  gvckit clusters african-clusters-table1.tsv --tables
  gvckit example clusters | gvckit clusters - --tables --format csv --out tables/`;

interface DynamismRow {
  key: string;
  growth: number;
  upgrading: number;
  growthAndUpgrading: number;
  clusters: number;
}

/** The columns of a cross-tabulation counting dynamism, with their snake_case names. */
const dynamismColumns = ['row', 'growth', 'upgrading', 'growth and upgrading', 'clusters'];

function dynamismTable(rows: readonly DynamismRow[], human: boolean): TextTable {
  return {
    columns: human ? dynamismColumns : dynamismColumns.map((c) => snakeCase(c)),
    rows: rows.map((r) => [r.key, r.growth, r.upgrading, r.growthAndUpgrading, r.clusters]),
  };
}

function countTable(rows: ReadonlyArray<{ key: string; clusters: number }>): TextTable {
  return { columns: ['row', 'clusters'], rows: rows.map((r) => [r.key, r.clusters]) };
}

/** The cross-tabulations: title for people, name for programs (file and `table` column), table. */
function crossTabulations(
  t: ReturnType<typeof clusterTables>,
  human: boolean,
): Array<{ title: string; name: string; table: TextTable }> {
  return [
    {
      title: 'Market orientation and dynamism (Table 2)',
      name: 'market_orientation',
      table: dynamismTable(t.marketOrientation, human),
    },
    {
      title: 'External economies (Table 3)',
      name: 'external_economies',
      table: countTable(t.externalEconomies),
    },
    {
      title: 'Collective action and dynamism (Table 4)',
      name: 'collective_action',
      table: dynamismTable(t.collectiveAction, human),
    },
    {
      title: 'Institutional support (Table 5)',
      name: 'institutional_support',
      table: countTable(t.institutionalSupport),
    },
  ];
}

/** The cross-tabulations as one long table, the first column `table` naming each row's cross-tabulation. */
function longTable(parts: ReadonlyArray<{ name: string; table: TextTable }>): TextTable {
  const columns = ['table', ...dynamismColumns.map((c) => snakeCase(c))];
  const rows: Cell[][] = [];
  for (const { name, table } of parts) {
    for (const r of table.rows) {
      rows.push([name, ...columns.slice(1).map((c) => r[table.columns.indexOf(c)] ?? null)]);
    }
  }
  return { columns, rows };
}

export const clustersCommand: Command = {
  help,
  options: { tables: { type: 'boolean' }, format: { type: 'string' }, out: { type: 'string' } },
  async run(positionals, values, ctx) {
    const format = choice<OutputFormat>(values, 'format', formats, 'table');
    const out = typeof values.out === 'string' ? values.out : undefined;
    if (values.out !== undefined && (out === undefined || values.tables !== true || format !== 'csv')) {
      throw new UsageError(
        '--out: expected it with --tables --format csv (a folder for the four tables), found it without',
      );
    }
    const clusters = readClustersTsv(await readInput(ctx, oneFile(positionals, 'TSV file')));
    if (values.tables) {
      const t = clusterTables(clusters);
      if (format === 'json') {
        ctx.stdout(JSON.stringify(t, null, 2));
        return 0;
      }
      const parts = crossTabulations(t, format === 'table');
      if (format === 'table') {
        ctx.stdout(parts.map(({ title, table }) => `${title}\n${render(table, format)}`).join('\n\n'));
      } else if (out !== undefined) {
        await mkdir(out, { recursive: true });
        for (const { name, table } of parts)
          await writeFile(join(out, `${name}.csv`), `${render(table, 'csv')}\n`);
      } else {
        ctx.stdout(render(longTable(parts), format));
      }
      return 0;
    }
    const columns = ['cluster', 'country', 'market orientation', 'dynamism', 'survivalist'];
    const table: TextTable = {
      columns: format === 'table' ? columns : columns.map((c) => snakeCase(c)),
      rows: clusters.map((c) => {
        const a = assessDynamism(c);
        return [c.name, c.country, classifyMarketOrientation(c.endMarkets), a.dynamism, a.survivalist];
      }),
    };
    ctx.stdout(render(table, format));
    return 0;
  },
};
