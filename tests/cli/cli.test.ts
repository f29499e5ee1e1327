import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, formatCsv, formatTable, MAX_TABLE_CELL, render } from '../../src/cli/format.js';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/types.js';
import { iphone3g } from '../../src/data/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsv = resolve(root, 'tests/fixtures/african-clusters-table1.tsv');

/** Runs the CLI in-process with an in-memory file system; returns the exit code and both streams. */
async function run(argv: string[], files: Record<string, string> = {}, override: Partial<CliContext> = {}) {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    stdout: (t) => {
      out += `${t}\n`;
    },
    stderr: (t) => {
      err += `${t}\n`;
    },
    readFile: async (p) => {
      const f = Object.hasOwn(files, p) ? files[p] : undefined;
      if (f !== undefined) return f;
      return readFile(p, 'utf8');
    },
    version: '9.9.9',
    ...override,
  };
  const code = await runCli(argv, ctx);
  return { code, out, err };
}

describe('gvckit (no command)', () => {
  it('prints usage and exits 2 without a command, 0 with --help', async () => {
    expect((await run([])).code).toBe(2);
    const h = await run(['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('decompose <chain.json>');
    expect((await run(['--version'])).out.trim()).toBe('9.9.9');
  });

  it('rejects an unknown command with exit 2', async () => {
    const r = await run(['decomp']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "decomp"');
  });

  it.each(['decompose', 'clusters', 'io'])('%s --help prints its usage and exits 0', async (cmd) => {
    const r = await run([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`gvckit ${cmd}`);
    expect(r.out).toContain('Usage:');
  });
});

describe('gvckit decompose', () => {
  const files = { 'iphone.json': JSON.stringify(iphone3g) };

  it('reproduces Xing & Detert (2010) at the Chinese assembler, by country', async () => {
    const r = await run(
      ['decompose', 'iphone.json', '--depth', 'first-round', '--at', 'assembly', '--format', 'json'],
      files,
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as { byCountry: Array<{ key: string; valueAdded: number }> };
    const china = result.byCountry.find((g) => g.key === 'CHN');
    // Xing & Detert (2010), Table: China's value added (assembly) is $6.50 of $178.96.
    expect(china?.valueAdded).toBeCloseTo(6.5, 10);
  });

  it('prints CSV with a header and a total line equal to the retail price', async () => {
    const r = await run(['decompose', 'iphone.json', '--by', 'country', '--format', 'csv'], files);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('country,value added (USD),share');
    // The iPhone 3G retailed at about $500 (Xing & Detert 2010); the dataset uses 500.
    expect(lines.at(-1)).toBe('total,500,1');
  });

  it('reports every validation problem with its path and exits 1', async () => {
    const r = await run(['decompose', 'bad.json'], { 'bad.json': '{"id":"x","family":"additive"}' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('invalid value chain');
    expect(r.err).toContain('finalStage:');
    expect(r.err).toContain('stages:');
  });

  it('explains malformed JSON, a missing file and a bad option', async () => {
    expect((await run(['decompose', 'x.json'], { 'x.json': '{' })).err).toContain(
      '"x.json" is not valid JSON',
    );
    const missing = await run(['decompose', '/nonexistent/chain.json']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('file not found');
    const bad = await run(['decompose', 'iphone.json', '--by', 'planet'], files);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      '--by: expected one of country, stage, actor, function, income, found "planet"',
    );
    expect((await run(['decompose', 'iphone.json', '--colour'], files)).code).toBe(2);
  });
});

describe('gvckit clusters', () => {
  it('prints the four tables of the 25 African clusters', async () => {
    const r = await run(['clusters', tsv, '--tables', '--format', 'json']);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out) as { marketOrientation: Array<{ key: string; clusters: number }> };
    // Hand count from Table 1: 7 clusters sell to local markets only (Gikomba, Ngong, Kibuye, Eastland,
    // Kamukunji, Ziwani, Suame Metalwork).
    expect(t.marketOrientation.find((row) => row.key === 'local-only')?.clusters).toBe(7);
    const text = await run(['clusters', tsv, '--tables']);
    expect(text.out).toContain('Institutional support (Table 5)');
  });

  it('prints one row per cluster, flagging survivalist clusters', async () => {
    const r = await run(['clusters', tsv, '--format', 'csv']);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(26);
    // Gikomba Furniture: local market only, no evidence of dynamism → static and survivalist.
    expect(lines.find((l) => l.startsWith('Gikomba'))).toBe('Gikomba Furniture,KEN,local-only,static,true');
  });

  it('names the line and column of a bad cell', async () => {
    const bad =
      'country\tcluster\tend_market\tevidence_of_dynamism\texternal_economies\tcollective_action\tinstitutional_support\nKenya\tX\tplanet\tnone\tnone\tnone\tnone\n';
    const r = await run(['clusters', 'bad.tsv'], { 'bad.tsv': bad });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/line 2/);
  });
});

describe('gvckit io', () => {
  const csv = join(root, 'examples/data/icio-oecd-layout.csv');

  it('prints the Borin–Mancini decomposition whose parts add up to gross exports', async () => {
    const r = await run(['io', csv, '--indicator', 'bm', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Array<Record<string, number>>;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // Borin & Mancini (2023): GEXP = DVA + DDC + FVA + FDC.
      expect((row.DVA ?? 0) + (row.DDC ?? 0) + (row.FVA ?? 0) + (row.FDC ?? 0)).toBeCloseTo(
        row.GEXP ?? Number.NaN,
        8,
      );
    }
  });

  it('requires a known indicator', async () => {
    const r = await run(['io', csv]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--indicator: expected one of bm');
  });
});

/** A line of a V8 stack trace, which the CLI must never print. */
const STACK = /^\s+at /m;

const header =
  'country\tcluster\tend_market\tevidence_of_dynamism\texternal_economies\tcollective_action\tinstitutional_support';

describe('gvckit: built-in names are plain data', () => {
  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'an unknown command %s exits 2 with a message, no stack trace',
    async (name) => {
      const r = await run([name, 'x']);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`gvckit: unknown command "${name}"; expected one of decompose, clusters, io`);
      expect(r.err).not.toMatch(STACK);
    },
  );

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    '--indicator %s is an unknown indicator: exit 2',
    async (name) => {
      const r = await run(['io', 'any.csv', '--indicator', name]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--indicator: expected one of bm, kww, wwz, vax, leontief, participation`);
      expect(r.err).toContain(`found "${name}"`);
      expect(r.err).not.toMatch(STACK);
    },
  );

  it.each([
    ['--format', 'constructor'],
    ['--by', '__proto__'],
    ['--depth', 'toString'],
  ])('%s %s is a usage error: exit 2', async (flag, value) => {
    const r = await run(['decompose', 'iphone.json', flag, value], {
      'iphone.json': JSON.stringify(iphone3g),
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${flag}: expected one of`);
    expect(r.err).toContain(`found "${value}"`);
  });
});

describe('gvckit: files that cannot be read', () => {
  it('a directory is a clear message with exit 1', async () => {
    const dir = resolve(root, 'tests/fixtures');
    for (const argv of [
      ['io', dir, '--indicator', 'bm'],
      ['decompose', dir],
      ['clusters', dir],
    ]) {
      const r = await run(argv);
      expect(r.code).toBe(1);
      expect(r.err.trim()).toBe(
        `gvckit ${argv[0]}: cannot read "${dir}": expected a file, found a directory`,
      );
    }
  });

  it('a missing file and an unreadable one name the path', async () => {
    const missing = await run(['decompose', '/nonexistent/chain.json']);
    expect(missing.code).toBe(1);
    expect(missing.err.trim()).toBe(
      'gvckit decompose: cannot read "/nonexistent/chain.json": file not found',
    );
    const denied = await run(
      ['clusters', 'secret.tsv'],
      {},
      {
        readFile: () =>
          Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })),
      },
    );
    expect(denied.code).toBe(1);
    expect(denied.err.trim()).toBe('gvckit clusters: cannot read "secret.tsv": permission denied');
    const huge = await run(
      ['io', 'big.csv', '--indicator', 'bm'],
      {},
      {
        readFile: () => Promise.reject(Object.assign(new Error('too big'), { code: 'ERR_STRING_TOO_LONG' })),
      },
    );
    expect(huge.err.trim()).toBe('gvckit io: cannot read "big.csv": the file is too large to read as text');
  });

  it('whatever the file system throws (a string, an object without code) is one line, exit 1', async () => {
    for (const thrown of ['boom', null, { weird: true }, new TypeError('x\n    at y (z.js:1:1)')]) {
      const r = await run(['decompose', 'c.json'], {}, { readFile: () => Promise.reject(thrown) });
      expect(r.code).toBe(1);
      expect(r.err.trim()).toBe('gvckit decompose: cannot read "c.json": the file could not be read');
    }
  });
});

describe('gvckit: no input, flag or file content prints a stack trace', () => {
  it('a failure outside validation is one line with exit 1', async () => {
    const r = await run(
      ['clusters', tsv],
      {},
      {
        stdout: () => {
          throw new TypeError('broken pipe\n    at write (stream.js:1:1)');
        },
      },
    );
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('gvckit clusters: unexpected error: broken pipe');
  });

  it('escapes control characters of the input in messages', async () => {
    const r = await run(['\u001b[31mred', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "\\u001b[31mred"');
    expect(r.err).not.toContain('\u001b');
  });

  it('caps a 1 MiB command name in its message', async () => {
    const r = await run(['x'.repeat(1 << 20)]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('(1048576 characters)');
    expect(r.err.length).toBeLessThan(2000);
  });

  const chain = JSON.stringify(iphone3g);
  const junk: Array<[string, number, string[], Record<string, string>]> = [
    ['empty file', 1, ['decompose', 'c.json'], { 'c.json': '' }],
    ['a JSON number', 1, ['decompose', 'c.json'], { 'c.json': '1e999' }],
    [
      'deeply nested JSON',
      1,
      ['decompose', 'c.json'],
      { 'c.json': `${'['.repeat(10_000)}${']'.repeat(10_000)}` },
    ],
    ['a __proto__ key', 1, ['decompose', 'c.json'], { 'c.json': '{"__proto__":{"polluted":1}}' }],
    [
      'an unknown stage at --at',
      1,
      ['decompose', 'c.json', '--depth', 'first-round', '--at', 'constructor'],
      { 'c.json': chain },
    ],
    ['two files', 2, ['decompose', 'a', 'b'], {}],
    ['no file', 2, ['io', '--indicator', 'bm'], {}],
    ['an option without its value', 2, ['io', 'a.csv', '--indicator'], {}],
    ['an unknown option', 2, ['clusters', 'a.tsv', '--__proto__'], {}],
    ['an empty TSV', 1, ['clusters', 'e.tsv'], { 'e.tsv': '' }],
    ['a TSV of one header (no clusters)', 0, ['clusters', 'e.tsv'], { 'e.tsv': header }],
    ['a binary TSV', 1, ['clusters', 'e.tsv'], { 'e.tsv': '\u0000\u0001\uFFFD\t\n\t\t' }],
    ['an empty CSV', 1, ['io', 'e.csv', '--indicator', 'wwz'], { 'e.csv': '' }],
    ['a CSV of junk', 1, ['io', 'e.csv', '--indicator', 'kww'], { 'e.csv': 'a,b\n1,2\n,,,\n' }],
    [
      'a CSV with constructor labels',
      1,
      ['io', 'e.csv', '--indicator', 'vax'],
      { 'e.csv': ',constructor,toString\nconstructor,1,2\ntoString,3,4\n' },
    ],
  ];
  it.each(junk)('%s: exit %i, a message, no stack trace', async (_what, code, argv, files) => {
    const r = await run(argv, files);
    expect(r.code).toBe(code);
    if (code !== 0) expect(r.err.trim().length).toBeGreaterThan(0);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).not.toContain('unexpected error');
  });
});

describe('--format table (iterative renderer)', () => {
  it('prints an OECD-size table of 256,500 rows without overflowing the stack', () => {
    const rows = Array.from({ length: 256_500 }, (_, i) => [`C${i % 77}`, i, i / 7]);
    const text = formatTable({ columns: ['country', 'i', 'value'], rows });
    const lines = text.split('\n');
    expect(lines).toHaveLength(256_502);
    // widest i: "256499" (6 characters); the value column: 256499 / 7 = 36642.7143 (10 characters)
    expect(lines[0]).toBe('country       i       value');
    expect(lines.at(-1)).toBe('C12      256499  36642.7143'); // 256499 = 77 × 3331 + 12
    expect(
      render({ columns: ['x'], rows: rows.map((r) => [r[1] as number]) }, 'table').length,
    ).toBeGreaterThan(0);
  });

  it('aligns text left and numbers right, and cuts long text with …', () => {
    const long = 'y'.repeat(1 << 20);
    const text = formatTable({
      columns: ['name', 'n'],
      rows: [
        ['ab', 1.5],
        [long, -2],
        [null, null],
      ],
    });
    const lines = text.split('\n');
    // text column 80 wide, two spaces, the number column as wide as "1.5000" (6)
    expect(lines[0]).toBe(`name${' '.repeat(MAX_TABLE_CELL - 4)}       n`);
    expect(lines[2]).toBe(`ab${' '.repeat(MAX_TABLE_CELL - 2)}  1.5000`);
    expect(lines[3]).toBe(`${'y'.repeat(MAX_TABLE_CELL - 1)}…      -2`);
    expect(text.length).toBeLessThan(1000);
  });

  it('escapes control characters in cells', () => {
    expect(formatTable({ columns: ['a'], rows: [['x\u001b[2Jy\nz']] }).split('\n')[2]).toBe(
      'x\\u001b[2Jy\\u000az',
    );
  });
});

describe('CSV escaping (RFC 4180; OWASP CSV Injection)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
    ['a,b', '"a,b"'],
    ['a;=1+1', '"a;=1+1"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['plain', 'plain'],
    ['', ''],
  ])('text %j is written %s', (cell, written) => {
    expect(csvField(cell)).toBe(written);
  });

  it('writes numbers as numbers: a negative number is not altered', () => {
    expect([-1.5, -0, 0, 1e-300, -1e308, true, null, undefined].map(csvField)).toEqual([
      '-1.5',
      '0',
      '0',
      '1e-300',
      '-1e+308',
      'true',
      '',
      '',
    ]);
    expect(formatCsv({ columns: ['k', 'v'], rows: [['=cmd', -3]] })).toBe("k,v\n'=cmd,-3");
  });

  it('escapes a cluster named as a formula in gvckit clusters --format csv', async () => {
    const bad = `${header}\nKenya\t=HYPERLINK("http://evil","Gikomba Furniture")\tlocal\tnone\tnone\tnone\tnone\n`;
    const r = await run(['clusters', 'bad.tsv', '--format', 'csv'], { 'bad.tsv': bad });
    expect(r.code).toBe(0);
    const line = r.out.trim().split('\n')[1] as string;
    expect(line.startsWith(`"'=HYPERLINK(""http://evil"",""Gikomba Furniture"")",KEN,`)).toBe(true);
  });
});

describe('gvckit: random command lines and files (fast-check)', () => {
  const words = fc.constantFrom(
    'decompose',
    'clusters',
    'io',
    'toString',
    '__proto__',
    'constructor',
    '--format',
    'table',
    'csv',
    'json',
    '--indicator',
    'bm',
    'wwz',
    '--level',
    'sector',
    '--by',
    'actor',
    '--depth',
    'first-round',
    '--at',
    'assembly',
    '--tables',
    '-h',
    '--',
    'f',
  );
  const file = fc.oneof(
    fc.string(),
    fc.json(),
    fc.constant(JSON.stringify(iphone3g)),
    fc.constant(`${header}\nKenya\t=cmd Furniture\tlocal\tnone\tnone\tnone\tnone\n`),
  );

  it('always ends with exit 0, 1 or 2 and never prints a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(words, fc.string()), { maxLength: 7 }), file, async (argv, text) => {
        const r = await run(
          argv,
          {},
          {
            readFile: (p) =>
              p === 'f'
                ? Promise.resolve(text)
                : Promise.reject(Object.assign(new Error('x'), { code: 'ENOENT' })),
          },
        );
        expect([0, 1, 2]).toContain(r.code);
        expect(r.err).not.toMatch(STACK);
        expect(r.err).not.toContain('unexpected error');
      }),
      { numRuns: 300, seed: 14 },
    );
  });
});
