import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choice, UsageError } from '../../src/cli/types.js';
import { GvcError } from '../../src/core/errors.js';
import { iphone3g } from '../../src/data/index.js';
import { CLUSTERS_HEADER, root, run, STACK, tsv } from './helpers.js';

describe('gvckit (no command)', () => {
  it('prints usage and exits 2 without a command, 0 with --help, -h or help', async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.out).toContain('Usage:');
    for (const flag of ['--help', '-h', 'help']) {
      const h = await run([flag]);
      expect(h.code).toBe(0);
      expect(h.out).toContain('decompose <chain.json>');
    }
  });

  it('prints the version with --version and -v', async () => {
    for (const flag of ['--version', '-v']) {
      const r = await run([flag]);
      expect([r.code, r.out]).toEqual([0, '9.9.9\n']);
    }
  });

  it('rejects an unknown command with exit 2', async () => {
    const r = await run(['decomp']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "decomp"');
  });

  it.each(['decompose', 'clusters', 'io'])('%s --help and -h print its usage and exit 0', async (cmd) => {
    for (const flag of ['--help', '-h']) {
      const r = await run([cmd, flag]);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`gvckit ${cmd}`);
      expect(r.out).toContain('Usage:');
    }
  });
});

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

describe('choice (option values)', () => {
  it('takes the fallback when absent, and refuses a value that is not one string', () => {
    expect(choice({}, 'by', ['a', 'b'], 'a')).toBe('a');
    expect(choice({ by: 'b' }, 'by', ['a', 'b'], 'a')).toBe('b');
    expect(() => choice({ by: true }, 'by', ['a', 'b'], 'a')).toThrow(
      new UsageError('--by: expected one of a, b, found no value'),
    );
    expect(() => choice({ by: 'c' }, 'by', ['a'], 'a', '--by of x')).toThrow(
      new UsageError('--by of x: expected one of a, found "c"'),
    );
  });
});

describe('gvckit: files that cannot be read', () => {
  it('a directory is a clear message with exit 1', async () => {
    const dir = resolve(root, 'tests/fixtures');
    // `gvckit io` reads a folder as yearly tables: a folder with none is its own message.
    const io = await run(['io', dir, '--indicator', 'bm']);
    expect(io.code).toBe(1);
    expect(io.err.trim()).toBe(
      `gvckit io: cannot read the folder "${dir}": expected files of the release csv with a year in their names, found none`,
    );
    for (const argv of [
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

  it('an error code without a message of its own is quoted', async () => {
    const r = await run(
      ['decompose', 'c.json'],
      {},
      { readFile: () => Promise.reject(Object.assign(new Error('x'), { code: 'EIO' })) },
    );
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('gvckit decompose: cannot read "c.json": the file could not be read ("EIO")');
  });

  it('whatever the file system throws (a string, an object without code) is one line, exit 1', async () => {
    for (const thrown of ['boom', null, { weird: true }, new TypeError('x\n    at y (z.js:1:1)')]) {
      const r = await run(['decompose', 'c.json'], {}, { readFile: () => Promise.reject(thrown) });
      expect(r.code).toBe(1);
      expect(r.err.trim()).toBe('gvckit decompose: cannot read "c.json": the file could not be read');
    }
  });

  it('a file system that returns no text: exit 1', async () => {
    const r = await run(
      ['decompose', 'c.json'],
      {},
      { readFile: () => Promise.resolve(undefined as unknown as string) },
    );
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('gvckit decompose: cannot read "c.json": expected text, found none');
  });
});

describe('gvckit: no input, flag or file content prints a stack trace', () => {
  const failing = (thrown: unknown) => ({
    stdout: () => {
      throw thrown;
    },
  });

  it('a failure outside validation is one line with exit 1', async () => {
    const r = await run(
      ['clusters', tsv],
      {},
      failing(new TypeError('broken pipe\n    at write (stream.js:1:1)')),
    );
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('gvckit clusters: unexpected error: broken pipe');
  });

  it('whatever is thrown is one line of at most 200 characters', async () => {
    const hostile = new Error('x');
    Object.defineProperty(hostile, 'message', {
      get() {
        throw new Error('no message');
      },
    });
    const cases: Array<[unknown, string]> = [
      ['a string', 'a string'],
      [42, 'an unknown error'],
      [hostile, 'an unknown error'],
      [new Error('m'.repeat(300)), `${'m'.repeat(200)}…`],
    ];
    for (const [thrown, shown] of cases) {
      const r = await run(['clusters', tsv], {}, failing(thrown));
      expect(r.code).toBe(1);
      expect(r.err.trim()).toBe(`gvckit clusters: unexpected error: ${shown}`);
    }
  });

  it('a failure before any command (writing the version) is one line with exit 1', async () => {
    const r = await run(['--version'], {}, failing(new Error('closed')));
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('gvckit: unexpected error: closed');
  });

  it('prints a GvcError as its message, each line cut at 1000 characters', async () => {
    // Several issues are listed one per line under the summary.
    const issues = [
      { path: 'a', message: 'w'.repeat(3000) },
      { path: 'b', message: 'short' },
    ];
    const r = await run(
      ['clusters', tsv],
      {},
      failing(new GvcError('INVALID_INPUT', 'two problems', issues)),
    );
    expect(r.code).toBe(1);
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toBe('gvckit clusters: two problems:');
    expect(lines[1]).toBe(`  a: ${'w'.repeat(1000 - '  a: '.length)}…`);
    expect(lines[2]).toBe('  b: short');
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
    ['a TSV of one header (no clusters)', 0, ['clusters', 'e.tsv'], { 'e.tsv': CLUSTERS_HEADER }],
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
    'vax',
    'rasmussen',
    '--level',
    'country',
    'sector',
    'bilateral',
    '--by',
    'actor',
    'income',
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
    fc.constant(`${CLUSTERS_HEADER}\nKenya\t=cmd Furniture\tlocal\tnone\tnone\tnone\tnone\n`),
    fc.constant(',A_s,B_s,A_HFCE,B_HFCE\nA_s,20,10,50,20\nB_s,30,40,10,70\nVA,50,100,,\n'),
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
