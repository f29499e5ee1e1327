import { DecomposeOptions, decomposeValueAdded, parseValueChain } from '../chains/index.js';
import { GvcError } from '../core/errors.js';
import { quote } from '../core/preview.js';
import { type Cell, type OutputFormat, render, snakeCase } from './format.js';
import {
  type Command,
  checkOptions,
  choice,
  inputName,
  numberOption,
  oneFile,
  readInput,
  UsageError,
} from './types.js';

const groupings = ['country', 'stage', 'actor', 'function', 'income'] as const;
const depths = ['full', 'first-round'] as const;
const formats = ['table', 'json', 'csv', 'jsonl'] as const;

const help = `gvckit decompose — who adds the value of one unit of a product

Usage:
  gvckit decompose <chain.json | -> [--depth full|first-round] [--at <stage>]
                   [--by country|stage|actor|function|income] [--format table|json|csv|jsonl]
                   [--totals] [--tolerance <t>]

Reads a value chain in gvckit's JSON format (JSON Schema: gvckit/schemas/value-chain.json) from the
file, or from standard input when the file is -, validates it, and prints the value added of one
unit of its final product, grouped as asked.

Options:
  --depth   full (default): every stage's own value added, however deep in the chain
            first-round: one round of disaggregation at --at, as Xing & Detert (2010) did
  --at      the stage where a first-round decomposition is made (default: the final stage);
            an error with --depth full
  --by      grouping of the result (default: country)
  --format  table (default; with a total line), json (the whole decomposition), csv or jsonl (JSON
            Lines): one record per group, columns <by>, value_added_<currency>, share
  --totals  csv, jsonl: add the total record (key "total", the final value, share 1)
  --tolerance  relative tolerance of the accounting checks, above 0 and at most 0.1 (default 1e-9)
  -h, --help  show this help

Examples:
  gvckit example chain > chain.json
  gvckit decompose chain.json --depth first-round --at assembly --by country
  gvckit example chain | gvckit decompose - --format csv --totals`;

export const decomposeCommand: Command = {
  help,
  options: {
    depth: { type: 'string' },
    at: { type: 'string' },
    by: { type: 'string' },
    format: { type: 'string' },
    totals: { type: 'boolean' },
    tolerance: { type: 'string' },
  },
  async run(positionals, values, ctx) {
    const depth = choice(values, 'depth', depths, 'full');
    const by = choice(values, 'by', groupings, 'country');
    const format = choice<OutputFormat>(values, 'format', formats, 'table');
    const at = typeof values.at === 'string' ? values.at : undefined;
    if (at !== undefined && depth === 'full') {
      throw new UsageError(
        `--at: expected no --at with --depth full (it names the stage of --depth first-round), found ${quote(at)}`,
      );
    }
    const tolerance = numberOption(values, 'tolerance');
    if (tolerance !== undefined) checkOptions(DecomposeOptions, { tolerance });
    const file = oneFile(positionals, 'chain file');
    const text = await readInput(ctx, file);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new GvcError('INVALID_INPUT', `${inputName(file)} is not valid JSON`, [
        { path: '', message: e instanceof Error ? e.message : 'a syntax error' },
      ]);
    }
    const chain = parseValueChain(json);
    const result = decomposeValueAdded(chain, {
      depth,
      ...(at === undefined ? {} : { at }),
      ...(tolerance === undefined ? {} : { tolerance }),
    });
    const key = (
      {
        country: 'byCountry',
        stage: 'byStage',
        actor: 'byActor',
        function: 'byFunction',
        income: 'byIncome',
      } as const
    )[by];
    const groups = result[key];
    if (groups === undefined) {
      throw new GvcError('UNSUPPORTED', 'cannot group by income', [
        { path: 'stages', message: 'expected a distribution of value added on the stages, found none' },
      ]);
    }
    // People read a total line; programs get one only when they ask (--totals).
    const human = format === 'table';
    const rows: Cell[][] = groups.map((g) => [g.key, g.valueAdded, g.share]);
    if (human || values.totals === true) rows.push(['total', result.finalValue, 1]);
    const table = {
      columns: human
        ? [by, `value added (${result.currency})`, 'share']
        : [by, snakeCase('value added', result.currency), 'share'],
      rows,
    };
    ctx.stdout(render(table, format, format === 'json' ? result : undefined));
    return 0;
  },
};
