import { parseArgs } from 'node:util';
import { isGvcError } from '../core/errors.js';
import { clustersCommand } from './clusters.js';
import { decomposeCommand } from './decompose.js';
import { ioCommand } from './io.js';
import { type CliContext, type Command, UsageError } from './types.js';

const commands: Record<string, Command> = {
  decompose: decomposeCommand,
  clusters: clustersCommand,
  io: ioCommand,
};

const mainHelp = `gvckit — global value chain and cluster analysis from the terminal

Usage:
  gvckit <command> [options]

Commands:
  decompose <chain.json>   value-added decomposition of one product's chain
  clusters <file.tsv>      cluster dynamism and the cross-tabulations of Kaplinsky (2015)
  io <table.csv>           indicators from an inter-country input-output table (OECD ICIO layout)

Options:
  -h, --help               show help (also: gvckit <command> --help)
  -v, --version            show the version

Exit codes: 0 success, 1 invalid input or computation error, 2 usage error.`;

/**
 * Runs the command line `argv` (without `node` and the script) against the given context and
 * returns the exit code. Never calls `process.exit`, so it can be tested in-process.
 */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    ctx.stdout(mainHelp);
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    ctx.stdout(ctx.version);
    return 0;
  }
  const command = commands[name];
  if (command === undefined) {
    ctx.stderr(
      `gvckit: unknown command "${name}"; expected one of ${Object.keys(commands).join(', ')}\n\n${mainHelp}`,
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
    ctx.stderr(`gvckit ${name}: ${(e as Error).message}\n\n${command.help}`);
    return 2;
  }
  if (parsed.values.help) {
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
      ctx.stderr(`gvckit ${name}: ${e.message}`);
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') {
      ctx.stderr(`gvckit ${name}: file not found: ${err.path ?? ''}`);
      return 1;
    }
    throw e;
  }
}
