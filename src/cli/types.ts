import type { ParseArgsConfig } from 'node:util';
import { safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { quote } from '../core/preview.js';

/**
 * What a command may do to the outside world; injected so that commands are testable in-process.
 * `readStdin` reads the whole of standard input as text (the file argument `-`); a context without
 * it has no standard input to read.
 */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  readStdin?: () => Promise<string>;
  version: string;
}

/** The file argument that stands for standard input, as in most Unix tools (`cat chain.json | gvckit decompose -`). */
export const STDIN = '-';

/** How a file argument is named in messages: quoted, or `standard input` for {@link STDIN}. */
export function inputName(path: string): string {
  return path === STDIN ? 'standard input' : quote(path);
}

/** Parsed option values. */
export type OptionValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

/** One sub-command of the CLI. */
export interface Command {
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run: (positionals: string[], values: OptionValues, ctx: CliContext) => Promise<number>;
}

/**
 * Reads a single-valued string option, checking it against the allowed values ({@link UsageError}
 * otherwise, its message starting with `label`, the option's flag by default).
 */
export function choice<T extends string>(
  values: OptionValues,
  name: string,
  allowed: readonly T[],
  fallback: T,
  label = `--${name}`,
): T {
  const v = values[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new UsageError(
      `${label}: expected one of ${allowed.join(', ')}, found ${typeof v === 'string' ? quote(v) : 'no value'}`,
    );
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

/** What a failed read means for the user, by the error code Node gives it. */
const readFailures: ReadonlyMap<string, string> = new Map([
  ['ENOENT', 'file not found'],
  ['ENOTDIR', 'file not found (a part of the path is not a directory)'],
  ['EISDIR', 'expected a file, found a directory'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['ELOOP', 'too many symbolic links'],
  ['ENAMETOOLONG', 'the path is too long'],
  ['ERR_FS_FILE_TOO_LARGE', 'the file is too large to read (more than 2 GiB)'],
  ['ERR_STRING_TOO_LONG', 'the file is too large to read as text'],
  ['NO_STDIN', 'expected standard input, found none to read'],
]);

/**
 * Reads an input file through the context — standard input when the path is {@link STDIN} —,
 * turning every failure (a missing file, a directory, no permission, a file too large, no standard
 * input) into one `GvcError('INVALID_INPUT')` naming the path, never a raw error with a stack trace.
 */
export async function readInput(ctx: CliContext, path: string): Promise<string> {
  let text: unknown;
  try {
    if (path === STDIN) {
      if (ctx.readStdin === undefined) throw { code: 'NO_STDIN' };
      text = await ctx.readStdin();
    } else text = await ctx.readFile(path);
  } catch (e) {
    const code = e !== null && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
    const why =
      (typeof code === 'string' ? readFailures.get(code) : undefined) ??
      (typeof code === 'string'
        ? `the file could not be read (${quote(code)})`
        : 'the file could not be read');
    throw new GvcError('INVALID_INPUT', `cannot read ${inputName(path)}`, [{ path: '', message: why }]);
  }
  if (typeof text !== 'string') {
    throw new GvcError('INVALID_INPUT', `cannot read ${inputName(path)}`, [
      { path: '', message: 'expected text, found none' },
    ]);
  }
  return text;
}

/** A decimal number as typed on a command line: `0.001`, `1e-6`, `5` (no hex, no `Infinity`, no spaces). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The number of a single-valued option such as `--tolerance`, `undefined` when absent; a
 * {@link UsageError} (exit code 2) when it is not a finite decimal number.
 */
export function numberOption(values: OptionValues, name: string): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && DECIMAL.test(v) ? Number(v) : Number.NaN;
  if (!Number.isFinite(n)) {
    throw new UsageError(
      `--${name}: expected a number such as 1e-6, found ${typeof v === 'string' ? quote(v) : 'no value'}`,
    );
  }
  return n;
}

/**
 * Checks options taken from flags against a schema of the API (through gvckit's error messages);
 * the first problem is a {@link UsageError} naming the flag of its first path segment
 * (`--tolerance: expected a number > 0, found -1`), so that a bad flag is exit code 2, before any
 * file is read.
 */
export function checkOptions(schema: Parameters<typeof safeValidate>[0], options: object): void {
  const r = safeValidate(schema, options, '');
  if (r.success) return;
  const issue = r.error.issues[0];
  const flag = (issue?.path ?? '').split(/[.[]/, 1)[0] ?? '';
  throw new UsageError(`--${flag}: ${issue?.message ?? 'invalid value'}`);
}
