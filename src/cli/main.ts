import { parseArgs } from 'node:util';
import { isGvcError } from '../core/errors.js';
import { quote } from '../core/preview.js';
import { clustersCommand } from './clusters.js';
import { decomposeCommand } from './decompose.js';
import { exampleCommand } from './example.js';
import { escapeControls } from './format.js';
import { ioCommand } from './io.js';
import { type CliContext, type Command, UsageError } from './types.js';

// A Map, so that a command named `toString`, `constructor` or `__proto__` is unknown, not a built-in.
const commands: ReadonlyMap<string, Command> = new Map([
  ['decompose', decomposeCommand],
  ['clusters', clustersCommand],
  ['io', ioCommand],
  ['example', exampleCommand],
]);

const mainHelp = `gvckit — global value chain and cluster analysis from the terminal

Usage:
  gvckit <command> [options]

Commands:
  decompose <chain.json>   value-added decomposition of one product's chain
  clusters <file.tsv>      cluster dynamism and the cross-tabulations of Kaplinsky (2015)
  io <table.csv>           indicators from an inter-country input-output table (OECD ICIO layout)
  example [name]           print an example input file (chain, clusters, icio), or list them

Input: a file argument of - reads standard input (gvckit example chain | gvckit decompose -).

Output: --format table (default, for people), json, csv or jsonl (JSON Lines) for programs: data
on stdout, messages on stderr. csv and jsonl columns are snake_case identifiers, a unit as the last
word (value_added_usd); the records of gvckit io keep the names of their fields in gvckit/io
(DVA, VAXratio, EXGR_DVA); totals only with --totals.

Options:
  -h, --help               show help (also: gvckit <command> --help)
  -v, --version            show the version

Exit codes: 0 success, 1 invalid input or computation error, 2 usage error.

Example:
  gvckit example chain > chain.json
  gvckit decompose chain.json --by country`;

/** Longest message of an unexpected error that is printed; the rest is cut. */
const MAX_MESSAGE = 200;

/** The message of anything thrown, in one line of at most {@link MAX_MESSAGE} characters. */
function messageOf(e: unknown): string {
  let m: string;
  try {
    m = e instanceof Error ? String(e.message) : typeof e === 'string' ? e : 'an unknown error';
  } catch {
    m = 'an unknown error';
  }
  const line = m.split('\n', 1)[0] ?? '';
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…` : line;
}

/** Longest line of an error message that is printed (a path or message quoting huge input); the rest is cut. */
const MAX_LINE = 1000;

function cutLines(message: string): string {
  return message
    .split('\n')
    .map((l) => (l.length > MAX_LINE ? `${l.slice(0, MAX_LINE)}…` : l))
    .join('\n');
}

/**
 * Runs the command line `argv` (without `node` and the script) against the given context and
 * returns the exit code. Never calls `process.exit`, so it can be tested in-process.
 *
 * Never throws and never prints a stack trace: a usage mistake prints its message and the help, exit
 * code 2; invalid input (a file that cannot be read, a validation failure listing every problem with
 * its path, at most 100 of them) prints its message, exit code 1; anything else prints one line,
 * exit code 1. Text from the input is shown quoted and with control characters escaped.
 */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const stderr = (text: string) => ctx.stderr(escapeControls(text, true));
  try {
    return await dispatch(argv, { ...ctx, stderr });
  } catch (e) {
    stderr(`gvckit: unexpected error: ${messageOf(e)}`);
    return 1;
  }
}

async function dispatch(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    ctx.stdout(mainHelp);
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    ctx.stdout(ctx.version);
    return 0;
  }
  const command = commands.get(name);
  if (command === undefined) {
    ctx.stderr(
      `gvckit: unknown command ${quote(name)}; expected one of ${[...commands.keys()].join(', ')}\n\n${mainHelp}`,
    );
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    ctx.stderr(`gvckit ${name}: ${messageOf(e)}\n\n${command.help}`);
    return 2;
  }
  if (parsed.values.help === true) {
    ctx.stdout(command.help);
    return 0;
  }
  try {
    return await command.run(parsed.positionals, parsed.values, ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.stderr(`gvckit ${name}: ${e.message}\n\n${command.help}`);
      return 2;
    }
    if (isGvcError(e)) {
      ctx.stderr(`gvckit ${name}: ${cutLines(e.message)}`);
      return 1;
    }
    ctx.stderr(`gvckit ${name}: unexpected error: ${messageOf(e)}`);
    return 1;
  }
}
