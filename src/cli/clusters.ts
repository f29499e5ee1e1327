import {
  assessDynamism,
  classifyMarketOrientation,
  clusterTables,
  readClustersTsv,
} from '../clusters/index.js';
import { type OutputFormat, render, type TextTable } from './format.js';
import { type Command, choice, oneFile, readInput } from './types.js';

const formats = ['table', 'json', 'csv'] as const;

const help = `gvckit clusters — dynamism of industrial clusters, and the cross-tabulations of Kaplinsky (2015)

Usage:
  gvckit clusters <file.tsv> [--tables] [--format table|json|csv]

Reads clusters in the layout of Table 1 of Kaplinsky (2015) — tab-separated columns country, cluster,
end_market, evidence_of_dynamism, external_economies, collective_action, institutional_support, with
";"-separated values and "none" — validates them, and prints each cluster's market orientation and
dynamism, or with --tables the four cross-tabulations (Tables 2–5 of the paper).

Options:
  --tables   print the four cross-tabulations instead of one row per cluster
  --format   table (default; text cut at 80 characters), json, or csv (text that a
             spreadsheet would read as a formula gets a leading ')
  -h, --help show this help

Example:
  gvckit clusters african-clusters-table1.tsv --tables`;

function dynamismTable(
  rows: ReadonlyArray<{
    key: string;
    growth: number;
    upgrading: number;
    growthAndUpgrading: number;
    clusters: number;
  }>,
): TextTable {
  return {
    columns: ['row', 'growth', 'upgrading', 'growth and upgrading', 'clusters'],
    rows: rows.map((r) => [r.key, r.growth, r.upgrading, r.growthAndUpgrading, r.clusters]),
  };
}

function countTable(rows: ReadonlyArray<{ key: string; clusters: number }>): TextTable {
  return { columns: ['row', 'clusters'], rows: rows.map((r) => [r.key, r.clusters]) };
}

export const clustersCommand: Command = {
  help,
  options: { tables: { type: 'boolean' }, format: { type: 'string' } },
  async run(positionals, values, ctx) {
    const format = choice<OutputFormat>(values, 'format', formats, 'table');
    const clusters = readClustersTsv(await readInput(ctx, oneFile(positionals, 'TSV file')));
    if (values.tables) {
      const t = clusterTables(clusters);
      if (format === 'json') {
        ctx.stdout(JSON.stringify(t, null, 2));
        return 0;
      }
      const parts: Array<[string, TextTable]> = [
        ['Market orientation and dynamism (Table 2)', dynamismTable(t.marketOrientation)],
        ['External economies (Table 3)', countTable(t.externalEconomies)],
        ['Collective action and dynamism (Table 4)', dynamismTable(t.collectiveAction)],
        ['Institutional support (Table 5)', countTable(t.institutionalSupport)],
      ];
      ctx.stdout(
        parts
          .map(([title, table]) => `${format === 'csv' ? `# ${title}` : title}\n${render(table, format)}`)
          .join('\n\n'),
      );
      return 0;
    }
    const table: TextTable = {
      columns: ['cluster', 'country', 'market orientation', 'dynamism', 'survivalist'],
      rows: clusters.map((c) => {
        const a = assessDynamism(c);
        return [c.name, c.country, classifyMarketOrientation(c.endMarkets), a.dynamism, a.survivalist];
      }),
    };
    ctx.stdout(render(table, format));
    return 0;
  },
};
