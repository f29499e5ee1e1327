import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { parseYears, yearOfName } from '../../src/cli/panel.js';
import type { TerminalContext } from '../../src/cli/progress.js';
import type { CliContext } from '../../src/cli/types.js';
import { HAND_CSV } from './hand-table.js';
import { expectRecords, readCsv, run, STACK } from './helpers.js';

/*
 * A folder of two years of the hand table of hand-table.ts (worked there by hand): 2019 as it is,
 * 2020 with every flow doubled, so that A = Z/x and B = (I − A)⁻¹ stay and exports and VAX double:
 * E = (30, 40) → (60, 80), VAX = (145, 230)/8.5 → (290, 460)/8.5, VAX ratios 145/255 and 230/340.
 */
const doubled = HAND_CSV.replace(/\d+(?=[,\n])/g, (m) => String(2 * Number(m)));
const dir = mkdtempSync(join(tmpdir(), 'gvckit-cli-panel-'));
const folder = join(dir, 'ICIO2023');
mkdirSync(folder);
writeFileSync(join(folder, 'ICIO2023_2019.csv'), HAND_CSV);
writeFileSync(join(folder, 'ICIO2023_2020.csv'), doubled);
writeFileSync(join(folder, 'ReadMe_ICIO2023.txt'), 'not a table');
writeFileSync(join(folder, 'notes.csv'), 'no year in the name');
const twice = join(dir, 'twice');
mkdirSync(twice);
writeFileSync(join(twice, '2019.csv'), HAND_CSV);
writeFileSync(join(twice, '2019_SML.csv'), HAND_CSV);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FULL = 1e-9;
const vax = [
  { year: 2019, country: 'A', GEXP: 30, VAX: 145 / 8.5, VAXratio: 145 / 255 },
  { year: 2019, country: 'B', GEXP: 40, VAX: 230 / 8.5, VAXratio: 230 / 340 },
  { year: 2020, country: 'A', GEXP: 60, VAX: 290 / 8.5, VAXratio: 145 / 255 },
  { year: 2020, country: 'B', GEXP: 80, VAX: 460 / 8.5, VAXratio: 230 / 340 },
];

/** A fake terminal: what was drawn on stderr and the bytes written to stdout. */
function terminal(tty: { stdout: boolean; stderr: boolean }) {
  const drawn: string[] = [];
  const bytes: Uint8Array[] = [];
  const ctx: TerminalContext['terminal'] = {
    stdoutIsTTY: tty.stdout,
    stderrIsTTY: tty.stderr,
    columns: 100,
    writeStderr: (t) => drawn.push(t),
    writeStdoutBytes: (b) => bytes.push(b),
  };
  return { drawn, bytes, override: { terminal: ctx } as Partial<CliContext> };
}

describe('gvckit io <folder>: one table of every year', () => {
  it('reads each yearly file (year from the name; other files ignored) into one csv with a year column', async () => {
    const t = terminal({ stdout: false, stderr: false });
    const r = await run(['io', folder, '--indicator', 'vax', '--format', 'csv'], {}, t.override);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const { columns, rows } = readCsv(r.out);
    expect(columns).toEqual(['year', 'country', 'GEXP', 'VAX', 'VAXratio']);
    expectRecords(rows, vax, FULL);
    // Piped stderr: no progress at all.
    expect(t.drawn).toEqual([]);
  });

  it('--years filters the years, --release oecd reads the same files with readOecdIcio', async () => {
    const t = terminal({ stdout: false, stderr: false });
    const r = await run(
      ['io', folder, '--indicator', 'vax', '--format', 'json', '--years', '2020', '--release', 'oecd'],
      {},
      t.override,
    );
    expect(r.err).toBe('');
    expectRecords(JSON.parse(r.out), vax.slice(2), FULL);
  });

  it('draws a progress bar on a terminal and erases it at the end', async () => {
    const t = terminal({ stdout: true, stderr: true });
    const r = await run(['io', folder, '--indicator', 'kww', '--workers', '0'], {}, t.override);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const text = t.drawn.join('');
    expect(text).toContain('\r\u001b[K[');
    expect(text).toContain('] 0/2 years  2019 load');
    expect(text).toContain('] 2/2 years  2020 done');
    expect(t.drawn.at(-1)).toBe('\r\u001b[K');
  });

  it('--tidy writes one record per term', async () => {
    const t = terminal({ stdout: false, stderr: false });
    const r = await run(['io', folder, '--indicator', 'vax', '--tidy', '--format', 'csv'], {}, t.override);
    const { columns, rows } = readCsv(r.out);
    expect(columns).toEqual(['year', 'country', 'term', 'value']);
    expectRecords(
      rows.slice(0, 3),
      [
        { year: 2019, country: 'A', term: 'GEXP', value: 30 },
        { year: 2019, country: 'A', term: 'VAX', value: 145 / 8.5 },
        { year: 2019, country: 'A', term: 'VAXratio', value: 145 / 255 },
      ],
      FULL,
    );
    expect(rows).toHaveLength(12);
  });
});

describe('gvckit io --format arrow', () => {
  const check = (bytes: Uint8Array) => {
    const table = tableFromIPC(bytes);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['year', 'country', 'GEXP', 'VAX', 'VAXratio']);
    expectRecords(
      table.toArray().map((r) => ({ ...r.toJSON() })),
      vax,
      FULL,
    );
  };

  it('writes an Arrow IPC file to --out, read back by apache-arrow', async () => {
    const out = join(dir, 'vax.arrow');
    const t = terminal({ stdout: true, stderr: false });
    const r = await run(
      ['io', folder, '--indicator', 'vax', '--format', 'arrow', '--out', out],
      {},
      t.override,
    );
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    check(new Uint8Array(readFileSync(out)));
  });

  it('writes the bytes to stdout when it is not a terminal, and refuses a terminal (exit 2)', async () => {
    const piped = terminal({ stdout: false, stderr: false });
    const r = await run(['io', folder, '--indicator', 'vax', '--format', 'arrow'], {}, piped.override);
    expect(r.code).toBe(0);
    expect(piped.bytes).toHaveLength(1);
    check(piped.bytes[0] as Uint8Array);
    const tty = terminal({ stdout: true, stderr: true });
    const refused = await run(['io', folder, '--indicator', 'vax', '--format', 'arrow'], {}, tty.override);
    expect(refused.code).toBe(2);
    expect(refused.err.split('\n')[0]).toBe(
      'gvckit io: --format arrow: expected --out FILE or a pipe, found a terminal (Arrow is binary)',
    );
    expect(tty.bytes).toEqual([]);
  });

  it('--out writes text formats too', async () => {
    const out = join(dir, 'vax.csv');
    const t = terminal({ stdout: false, stderr: false });
    const r = await run(
      ['io', folder, '--indicator', 'vax', '--format', 'csv', '--out', out],
      {},
      t.override,
    );
    expect(r.out).toBe('');
    expectRecords(readCsv(readFileSync(out, 'utf8')).rows, vax, FULL);
  });
});

describe('gvckit io <folder>: mistakes', () => {
  const quiet = () => terminal({ stdout: false, stderr: false }).override;

  it('two files of one year, or a year with no file, are one error each (exit 1)', async () => {
    const r = await run(['io', twice, '--indicator', 'vax'], {}, quiet());
    expect(r.code).toBe(1);
    expect(r.err).toContain('2019_SML.csv: expected one table of 2019, found "2019.csv" too');
    const missing = await run(['io', folder, '--indicator', 'vax', '--years', '2019-2021'], {}, quiet());
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('expected a file of 2021 (a name with the year), found none');
    expect(missing.err).not.toMatch(STACK);
  });

  it('a bad year of one file names the year, the file and its line (exit 1)', async () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, '2019.csv'), HAND_CSV);
    writeFileSync(join(bad, '2020.csv'), HAND_CSV.replace('B_s,30', 'B_s,x30'));
    const r = await run(['io', bad, '--indicator', 'vax'], {}, quiet());
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^gvckit io: year 2020: invalid ICIO CSV: text:3/);
  });

  it.each([
    [['--years', '20x5'], '--years: expected years from 1900 to 2100'],
    [['--years', '2020-2015'], '--years: expected years'],
    [['--workers', 'many'], '--workers: expected a whole number from 0 to 64, found "many"'],
    [
      ['--release', 'gtap'],
      '--release: expected one of csv, oecd, wiod, lrwiod, figaro, adb, eora26, exiobase',
    ],
  ])('%j is a usage error (exit 2)', async (extra, message) => {
    const r = await run(['io', folder, '--indicator', 'vax', ...extra], {}, quiet());
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toContain(message);
  });

  it('--years with one file of a release that holds one year is a usage error', async () => {
    const r = await run(
      ['io', join(folder, 'ICIO2023_2019.csv'), '--indicator', 'vax', '--years', '2019'],
      {},
      quiet(),
    );
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toContain('--years: expected a folder of yearly files');
  });
});

describe('years of names and of --years', () => {
  it.each([
    ['ICIO2023_2019.csv', 2019],
    ['ICIO2021_2018.csv', 2018],
    ['2019_SML.csv', 2019],
    ['ADB-MRIO-2022_Mar2022.xlsx', 2022],
    ['ADB-MRIO62-2023_June2023.xlsx', 2023],
    ['WIOT2014_October16_ROW.RData', 2014],
    ['matrix_eu-ic-io_ind-by-ind_23ed_2019.csv', 2019],
    ['IOT_2019_pxp.zip', 2019],
    ['Eora26_2015_bp', 2015],
    ['notes.csv', undefined],
  ])('%s → %s', (name, year) => {
    expect(yearOfName(name)).toBe(year);
  });

  it('reads years and ranges, in increasing order, each once', () => {
    expect(parseYears('2015-2017')).toEqual([2015, 2016, 2017]);
    expect(parseYears('2010, 2000,2005-2006,2005')).toEqual([2000, 2005, 2006, 2010]);
  });
});
