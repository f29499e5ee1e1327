/**
 * `gvckit example`: the example input files of the README, written from the datasets shipped in
 * `gvckit/data` (bundled into the CLI), so that `gvckit example chain > chain.json` followed by
 * `gvckit decompose chain.json` works from an installed package, without a file from the repository.
 */
import type { Cluster } from '../clusters/index.js';
import { quote } from '../core/preview.js';
import { africanClusters, exampleIcio, iphone3g } from '../data/index.js';
import { type Command, UsageError } from './types.js';

/** A `;`-separated cell of the clusters layout: the values in order, or `none`. */
function cell(values: readonly string[]): string {
  return values.length === 0 ? 'none' : values.join(';');
}

/**
 * Clusters as the tab-separated layout of Table 1 of Kaplinsky (2015) that `readClustersTsv` reads:
 * countries as ISO codes, every other cell in the model's values (both of which it accepts).
 */
export function clustersTsv(clusters: readonly Cluster[]): string {
  const header = [
    'country',
    'cluster',
    'end_market',
    'evidence_of_dynamism',
    'external_economies',
    'collective_action',
    'institutional_support',
  ];
  const rows = clusters.map((c) =>
    [
      c.country,
      c.name,
      cell(c.endMarkets),
      cell([...(c.dynamism.growth ? ['growth'] : []), ...(c.dynamism.upgrading ? ['upgrading'] : [])]),
      cell(c.externalEconomies),
      cell(c.collectiveAction),
      cell(c.institutionalSupport),
    ].join('\t'),
  );
  return [header.join('\t'), ...rows].join('\n');
}

/** The fields of `exampleIcio` an ICIO CSV is written from. */
interface SmallIcio {
  readonly countries: readonly string[];
  readonly sectors: readonly string[];
  readonly Z: ReadonlyArray<readonly number[]>;
  readonly Y: ReadonlyArray<readonly number[]>;
}

/**
 * A table as the OECD ICIO CSV layout that `readIcioCsv` reads: the header `V1`, the industry
 * columns `CCC_SECTOR` (country-major), one final-demand column `CCC_HFCE` per country and `OUT`;
 * one row per country–sector holding Z, Y and gross output x = Z·1 + Y·1; then the `VA` row
 * (x minus the column sums of Z) and the `OUT` row (x).
 */
export function icioCsv(t: SmallIcio): string {
  const labels = t.countries.flatMap((c) => t.sectors.map((s) => `${c}_${s}`));
  const sum = (row: readonly number[]) => row.reduce((a, b) => a + b, 0);
  const x = labels.map((_, i) => sum(t.Z[i] ?? []) + sum(t.Y[i] ?? []));
  const va = labels.map((_, j) => (x[j] as number) - sum(t.Z.map((r) => r[j] ?? 0)));
  const blank = t.countries.map(() => '');
  const lines = [
    ['V1', ...labels, ...t.countries.map((c) => `${c}_HFCE`), 'OUT'].join(','),
    ...labels.map((label, i) => [label, ...(t.Z[i] ?? []), ...(t.Y[i] ?? []), x[i]].join(',')),
    ['VA', ...va, ...blank, ''].join(','),
    ['OUT', ...x, ...blank, ''].join(','),
  ];
  return lines.join('\n');
}

/** The example files: name, what it is, the command that reads it, and its text. */
const examples: ReadonlyMap<string, { describe: string; use: string; text: () => string }> = new Map([
  [
    'chain',
    {
      describe: 'the iPhone 3G value chain of Xing & Detert (2010), in JSON',
      use: 'gvckit example chain > chain.json && gvckit decompose chain.json',
      text: () => JSON.stringify(iphone3g, null, 2),
    },
  ],
  [
    'clusters',
    {
      describe: 'the 25 African clusters of Table 1 of Kaplinsky (2015), tab-separated',
      use: 'gvckit example clusters > african-clusters-table1.tsv && gvckit clusters african-clusters-table1.tsv --tables',
      text: () => clustersTsv(africanClusters),
    },
  ],
  [
    'icio',
    {
      describe: 'a made-up 3-country, 3-sector input-output table in the OECD ICIO CSV layout',
      use: 'gvckit example icio > icio.csv && gvckit io icio.csv --indicator vax',
      text: () => icioCsv(exampleIcio),
    },
  ],
]);

const help = `gvckit example — print an example input file

Usage:
  gvckit example              list the examples
  gvckit example <name>       print one to stdout

Examples:
${[...examples].map(([name, e]) => `  ${name.padEnd(10)}${e.describe}\n            ${e.use}`).join('\n')}

The files are written from the datasets of gvckit/data (iphone3g, africanClusters, exampleIcio).

Options:
  -h, --help  show this help`;

export const exampleCommand: Command = {
  help,
  options: {},
  async run(positionals, _values, ctx) {
    if (positionals.length === 0) {
      ctx.stdout([...examples].map(([name, e]) => `${name.padEnd(10)}${e.describe}`).join('\n'));
      return 0;
    }
    const [name = '', ...rest] = positionals;
    const example = examples.get(name);
    if (example === undefined || rest.length > 0) {
      throw new UsageError(
        rest.length > 0
          ? `expected one example name, found ${positionals.length}`
          : `expected one of ${[...examples.keys()].join(', ')}, found ${quote(name)}`,
      );
    }
    ctx.stdout(example.text());
    return 0;
  },
};
