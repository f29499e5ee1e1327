/** Shared helpers of the CLI tests: an in-process runner and readers of the three output formats. */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/types.js';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Table 1 of Kaplinsky (2015), see tests/fixtures/README.md. */
export const tsv = resolve(root, 'tests/fixtures/african-clusters-table1.tsv');

/** The header row of a clusters TSV. */
export const CLUSTERS_HEADER =
  'country\tcluster\tend_market\tevidence_of_dynamism\texternal_economies\tcollective_action\tinstitutional_support';

/** A line of a V8 stack trace, which the CLI must never print. */
export const STACK = /^\s+at /m;

/** What one run of the CLI did: its exit code, both streams, and the paths it asked to read. */
export interface Run {
  code: number;
  out: string;
  err: string;
  reads: string[];
}

/**
 * Runs the CLI in-process with an in-memory file system (paths not in `files` are read from disk);
 * returns the exit code, both streams and the paths read.
 */
export async function run(
  argv: string[],
  files: Record<string, string> = {},
  override: Partial<CliContext> = {},
): Promise<Run> {
  let out = '';
  let err = '';
  const reads: string[] = [];
  const ctx: CliContext = {
    stdout: (t) => {
      out += `${t}\n`;
    },
    stderr: (t) => {
      err += `${t}\n`;
    },
    readFile: async (p) => {
      reads.push(p);
      const f = Object.hasOwn(files, p) ? files[p] : undefined;
      if (f !== undefined) return f;
      return readFile(p, 'utf8');
    },
    version: '9.9.9',
    ...override,
  };
  const code = await runCli(argv, ctx);
  return { code, out, err, reads };
}

/** A value read back from CSV or a text table: a number, a boolean, text, or `null` for an empty cell. */
export type Value = string | number | boolean | null;
/** One record read back from an output. */
export type Row = Record<string, Value>;

function value(cell: string): Value {
  if (cell === '') return null;
  if (cell === 'true' || cell === 'false') return cell === 'true';
  const n = Number(cell);
  return Number.isNaN(n) ? cell : n;
}

function records(columns: readonly string[], cells: readonly string[][]): Row[] {
  return cells.map((r) => Object.fromEntries(columns.map((c, j) => [c, value(r[j] ?? '')])));
}

/** Reads CSV without quoted fields (the tests' outputs have none) into column names and records. */
export function readCsv(text: string): { columns: string[]; rows: Row[] } {
  const [head = '', ...lines] = text.trimEnd().split('\n');
  const columns = head === '' ? [] : head.split(',');
  return {
    columns,
    rows: records(
      columns,
      lines.map((l) => l.split(',')),
    ),
  };
}

/**
 * Reads a text table (`--format table`) into column names, records and the cells as printed, cutting
 * every line at the columns of its rule line (`───  ──`), so that cells may hold single spaces.
 */
export function readTable(text: string): { columns: string[]; rows: Row[]; cells: string[][] } {
  const [head = '', rule = '', ...lines] = text.trimEnd().split('\n');
  expect(rule).toMatch(/^─+( {2}─+)*$/);
  const spans: Array<[number, number]> = [];
  for (const m of rule.matchAll(/─+/g)) spans.push([m.index, m.index + m[0].length]);
  const cut = (line: string) => spans.map(([a, b]) => line.slice(a, b).trim());
  const columns = cut(head);
  const cells = lines.map(cut);
  return { columns, rows: records(columns, cells), cells };
}

/**
 * Asserts that `actual` holds the records `expected`, in order: text and booleans equal, numbers
 * within `tolerance` of max(1, |expected|) (relative above 1, absolute below). Keys of `actual`
 * that `expected` does not name are not compared.
 */
export function expectRecords(actual: readonly Row[], expected: readonly Row[], tolerance: number): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => {
    for (const [key, want] of Object.entries(e)) {
      const got = actual[i]?.[key];
      if (typeof want === 'number') {
        if (typeof got !== 'number' || !(Math.abs(got - want) <= tolerance * Math.max(1, Math.abs(want)))) {
          expect.fail(`row ${i}, ${key}: expected ${want} within ${tolerance}, found ${String(got)}`);
        }
      } else {
        expect(got, `row ${i}, ${key}`).toBe(want);
      }
    }
  });
}
