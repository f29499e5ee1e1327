import type { ParseArgsConfig } from 'node:util';

/** What a command may do to the outside world; injected so that commands are testable in-process. */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  version: string;
}

/** Parsed option values. */
export type OptionValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

/** One sub-command of the CLI. */
export interface Command {
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run: (positionals: string[], values: OptionValues, ctx: CliContext) => Promise<number>;
}

/** Reads a single-valued string option, checking it against the allowed values ({@link UsageError} otherwise). */
export function choice<T extends string>(
  values: OptionValues,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = values[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new UsageError(`--${name}: expected one of ${allowed.join(', ')}, found ${JSON.stringify(v)}`);
  }
  return v as T;
}

/** A mistake in how a command was called: printed with the command's help, exit code 2. */
export class UsageError extends Error {}

/** The single file argument of a command, or a {@link UsageError} naming what was expected. */
export function oneFile(positionals: readonly string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`expected one ${what}, found ${positionals.length}`);
  return positionals[0] as string;
}
