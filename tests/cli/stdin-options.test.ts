import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iphone3g } from '../../src/data/index.js';
import { expected, HAND_CSV } from './hand-table.js';
import { expectRecords, type Row, readCsv, run, STACK } from './helpers.js';

/** A context whose standard input holds `text` (and counts its reads). */
function stdin(text: string) {
  const reads = { n: 0 };
  return {
    reads,
    override: {
      readStdin: async () => {
        reads.n++;
        return text;
      },
    },
  };
}

const jsonl = (text: string): Row[] =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Row);

describe('a file argument of - reads standard input', () => {
  it('decompose -: the chain from stdin, read once, no file read', async () => {
    const s = stdin(JSON.stringify(iphone3g));
    const r = await run(['decompose', '-', '--format', 'csv'], {}, s.override);
    expect([r.code, r.err, r.reads, s.reads.n]).toEqual([0, '', [], 1]);
    // Xing & Detert (2010): China keeps 6.50 of the 500 retail price.
    expect(readCsv(r.out).rows.find((g) => g.country === 'CHN')?.value_added_usd).toBeCloseTo(6.5, 10);
  });

  it('decompose -: malformed JSON is named "standard input"', async () => {
    const r = await run(['decompose', '-'], {}, stdin('{').override);
    expect([r.code, r.out]).toEqual([1, '']);
    expect(r.err.split('\n')[0]).toMatch(/^gvckit decompose: standard input is not valid JSON/);
  });

  it('clusters -: the table from stdin', async () => {
    const text = (await run(['example', 'clusters'])).out;
    const r = await run(['clusters', '-', '--format', 'jsonl'], {}, stdin(text).override);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(jsonl(r.out)).toHaveLength(25);
  });

  it.each(['csv', 'oecd'])(
    'io - --release %s: the table from stdin gives the hand-worked records',
    async (release) => {
      const r = await run(
        ['io', '-', '--release', release, '--indicator', 'vax', '--format', 'jsonl'],
        {},
        stdin(HAND_CSV).override,
      );
      expect([r.code, r.err]).toEqual([0, '']);
      expectRecords(jsonl(r.out), expected.vax ?? [], 1e-12);
    },
  );

  it('io -: refused with a binary release or several --years (exit 2, stdin not read)', async () => {
    for (const [argv, message] of [
      [
        ['io', '-', '--release', 'wiod', '--indicator', 'vax'],
        '-: expected a file or folder with --release wiod (standard input is read for csv, oecd, lrwiod, figaro)',
      ],
      [
        ['io', '-', '--indicator', 'vax', '--years', '2019'],
        '--years: expected no --years with standard input (-), which holds one table; only --release lrwiod takes one year',
      ],
    ] as const) {
      const s = stdin(HAND_CSV);
      const r = await run([...argv], {}, s.override);
      expect([r.code, r.out, s.reads.n]).toEqual([2, '', 0]);
      expect(r.err.split('\n')[0]).toBe(`gvckit io: ${message}`);
    }
  });

  it('without a standard input to read: exit 1, one message, no stack', async () => {
    const r = await run(['decompose', '-']);
    expect([r.code, r.out]).toEqual([1, '']);
    expect(r.err.trim()).toBe(
      'gvckit decompose: cannot read standard input: expected standard input, found none to read',
    );
    expect(r.err).not.toMatch(STACK);
  });
});

describe('--delimiter and --tolerance: passed to the API, usage errors when invalid', () => {
  it('io --delimiter: a semicolon- or tab-separated table reads as the comma-separated one', async () => {
    for (const [delimiter, sep] of [
      [';', ';'],
      ['tab', '\t'],
      ['\\t', '\t'],
    ] as const) {
      const files = { 't.csv': HAND_CSV.replaceAll(',', sep) };
      const r = await run(
        ['io', 't.csv', '--indicator', 'vax', '--format', 'csv', '--delimiter', delimiter],
        files,
      );
      expect([r.code, r.err]).toEqual([0, '']);
      expectRecords(readCsv(r.out).rows, expected.vax ?? [], 1e-12);
      // Without the flag the reader finds no comma: invalid input.
      expect((await run(['io', 't.csv', '--indicator', 'vax'], files)).code).toBe(1);
    }
  });

  it('io --delimiter reaches the reader of every year of a folder (a panel)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gvckit-delimiter-'));
    try {
      for (const y of [2019, 2020]) writeFileSync(join(dir, `${y}.csv`), HAND_CSV.replaceAll(',', ';'));
      const argv = ['io', dir, '--indicator', 'vax', '--format', 'jsonl', '--workers', '0'];
      expect((await run(argv)).code).toBe(1);
      const r = await run([...argv, '--delimiter', ';']);
      expect([r.code, r.err]).toEqual([0, '']);
      const want = (year: number) => (expected.vax ?? []).map((row) => ({ year, ...row }));
      expectRecords(jsonl(r.out), [...want(2019), ...want(2020)], 1e-12);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('io --tolerance: an output total 1e-4 off fails the default check (1e-6) and passes 1e-3', async () => {
    // A's output column says 100.01 where the row sums to 100: relative gap 1e-4.
    const files = { 't.csv': HAND_CSV.replace('A_s,20,10,50,20,100', 'A_s,20,10,50,20,100.01') };
    const strict = await run(['io', 't.csv', '--indicator', 'vax'], files);
    expect(strict.code).toBe(1);
    const loose = await run(['io', 't.csv', '--indicator', 'vax', '--tolerance', '1e-3'], files);
    expect([loose.code, loose.err]).toEqual([0, '']);
  });

  it('decompose --tolerance: a distribution 1e-5 off the value added fails 1e-9 and passes 1e-3', async () => {
    // Foxconn-like: one stage whose distribution sums to 10.0001 of a value added of 10.
    const chain = {
      id: 'one',
      name: 'One stage',
      family: 'additive',
      currency: 'EUR',
      finalStage: 'make',
      stages: [
        {
          id: 'make',
          name: 'Make',
          country: 'DEU',
          output: { unit: 'piece', unitPrice: 10 },
          distribution: { wages: 6.0001, profit: 4 },
        },
      ],
    };
    const files = { 'c.json': JSON.stringify(chain) };
    const strict = await run(['decompose', 'c.json'], files);
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('make');
    const loose = await run(['decompose', 'c.json', '--tolerance', '1e-3', '--format', 'csv'], files);
    expect([loose.code, loose.err]).toEqual([0, '']);
    // The column of value added carries the chain's currency: value_added_eur.
    expect(readCsv(loose.out).rows).toEqual([{ country: 'DEU', value_added_eur: 10, share: 1 }]);
  });

  it.each([
    [
      ['decompose', 'c.json', '--tolerance', 'abc'],
      '--tolerance: expected a number such as 1e-6, found "abc"',
    ],
    [
      ['decompose', 'c.json', '--tolerance', 'Infinity'],
      '--tolerance: expected a number such as 1e-6, found "Infinity"',
    ],
    [
      ['decompose', 'c.json', '--tolerance', '0x10'],
      '--tolerance: expected a number such as 1e-6, found "0x10"',
    ],
    [['decompose', 'c.json', '--tolerance', '0'], '--tolerance: expected a number > 0, found 0'],
    [['decompose', 'c.json', '--tolerance', '0.5'], '--tolerance: expected a number <= 0.1, found 0.5'],
    [
      ['io', 't.csv', '--indicator', 'vax', '--tolerance=-1'],
      '--tolerance: expected a number >= 0, found -1',
    ],
    [
      ['io', 't.csv', '--indicator', 'vax', '--delimiter', ';;'],
      '--delimiter: expected a single-character delimiter',
    ],
    [
      ['io', 't.csv', '--indicator', 'vax', '--release', 'wiod', '--delimiter', ';'],
      '--delimiter: expected no --delimiter with --release wiod (only csv, oecd, lrwiod, figaro, exiobase are delimited text), found ";"',
    ],
  ])('%j: exit 2, the message on stderr, nothing read', async (argv, message) => {
    const r = await run(argv, { 'c.json': '{}', 't.csv': HAND_CSV });
    expect([r.code, r.out, r.reads]).toEqual([2, '', []]);
    const [command = ''] = argv;
    expect(r.err.startsWith(`gvckit ${command}: ${message}`)).toBe(true);
    // The message is followed by the command's help, which lists the flag.
    expect(r.err).toContain(`Usage:\n  gvckit ${command}`);
    expect(r.err).toContain(message.split(':')[0]);
  });
});
