/** The shared ground of the readers: sources, lines and numbers, problems, the table builder. */
import { describe, expect, it } from 'vitest';
import { GvcError } from '../../../src/core/errors.js';
import { createIcio } from '../../../src/io/index.js';
import {
  eachLine,
  eachLineOfText,
  parseNumber,
  parseNumberIn,
  splitFields,
} from '../../../src/io/readers/lines.js';
import { ReadProblems } from '../../../src/io/readers/problems.js';
import { readAllBytes, sourceName, textChunks, validateSource } from '../../../src/io/readers/source.js';
import { assembleIcio, finishTable } from '../../../src/io/readers/table.js';

async function lines(source: Parameters<typeof eachLine>[0]): Promise<string[]> {
  const out: string[] = [];
  await eachLine(source, (l, n) => out.push(`${n}:${l}`));
  return out;
}

describe('parseNumber', () => {
  it('reads plain decimals exactly as Number does, and refuses anything else', () => {
    for (const s of [
      '0',
      '-0.5',
      '+3',
      '123.456',
      '.5',
      '5.',
      '0.000123',
      '1e-3',
      '-2.5E+4',
      '123456789012345678',
    ]) {
      expect(parseNumber(s)).toBe(Number(s));
    }
    // 15 significant digits take the fast path (m / 10^k, both exact); 0.1 + 0.2 style cases round right.
    expect(parseNumber('0.123456789012345')).toBe(0.123456789012345);
    for (const s of ['', 'abc', '1.2.3', 'Infinity', '0x10', '1,5', '--1', '.', '1e', 'NaN']) {
      expect(parseNumber(s)).toBeNaN();
    }
  });
  it('reads a decimal comma when asked, and then refuses a point', () => {
    expect(parseNumber('1,5', ',')).toBe(1.5);
    expect(parseNumber('-0,25', ',')).toBe(-0.25);
    expect(parseNumber('1,5e2', ',')).toBe(150);
    expect(parseNumber('1.5', ',')).toBeNaN();
  });
  it('parseNumberIn reads a field of a longer string, skipping spaces around it', () => {
    const line = 'A_s, 12.5 ,x,';
    expect(parseNumberIn(line, 4, 10, '.')).toBe(12.5);
    expect(parseNumberIn(line, 11, 12, '.')).toBeNaN();
    expect(parseNumberIn(line, 13, 13, '.')).toBeNaN();
  });
});

describe('lines and fields', () => {
  it('eachLine splits chunks anywhere (CRLF, a last line without an ending, a BOM dropped)', async () => {
    const bytes = new TextEncoder().encode('\uFEFFa,b\r\nc,é\n\nlast');
    const chunks = async function* () {
      for (let p = 0; p < bytes.length; p += 3) yield bytes.subarray(p, p + 3);
    };
    const expected = ['1:a,b', '2:c,é', '3:', '4:last'];
    expect(await lines(chunks())).toEqual(expected);
    expect(await lines({ text: '\uFEFFa,b\r\nc,é\n\nlast' })).toEqual(expected);
    const sync: string[] = [];
    eachLineOfText('\uFEFFa,b\r\nc,é\n\nlast', (l, n) => sync.push(`${n}:${l}`));
    expect(sync).toEqual(expected);
  });
  it('splitFields honours quotes and trims unquoted fields', () => {
    expect(splitFields(' a , b,c ', ',')).toEqual(['a', 'b', 'c']);
    expect(splitFields('"a,b","say ""hi""",c', ',')).toEqual(['a,b', 'say "hi"', 'c']);
    expect(splitFields('1;2', ';')).toEqual(['1', '2']);
  });
});

describe('sources', () => {
  it('names sources and checks them', async () => {
    expect(sourceName('/data/oecd/2019.csv')).toBe('2019.csv');
    expect(sourceName(new URL('file:///data/2019_SML.csv'))).toBe('2019_SML.csv');
    expect(sourceName({ text: 'x' })).toBe('text');
    expect(sourceName(new Uint8Array(1))).toBe('input');
    expect(() => validateSource('')).toThrow(GvcError);
    expect(() => validateSource({ text: 1 })).toThrow(GvcError);
    const chunks: string[] = [];
    for await (const c of textChunks(new Blob(['\uFEFFab']))) chunks.push(c);
    expect(chunks.join('')).toBe('ab');
  });
  it('readAllBytes joins chunks and refuses more than its limit', async () => {
    const parts = async function* () {
      yield new Uint8Array([1, 2]);
      yield 'A';
    };
    expect(Array.from(await readAllBytes(parts()))).toEqual([1, 2, 65]);
    await expect(readAllBytes(new Blob(['abcdef']), 4)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
  it('turns every failure of a source into a GvcError at `source`, with a short message', async () => {
    const read = async (source: unknown) => {
      try {
        await readAllBytes(source as never);
      } catch (e) {
        return e as GvcError;
      }
      throw new Error('expected a rejection');
    };
    // A path with a NUL character, which node:fs refuses with a TypeError.
    const nul = await read('a\0b');
    expect(nul).toBeInstanceOf(GvcError);
    expect(nul.issues).toEqual([
      { path: 'source', message: 'expected a file path without NUL characters, found "a\\u0000b"' },
    ]);
    // A missing file whose 1 MiB name is not copied whole into the message.
    const long = await read('x'.repeat(2 ** 20));
    expect(long).toBeInstanceOf(GvcError);
    expect(long.message.length).toBeLessThan(500);
    // A stream that fails part-way, and an object that only borrows URL's prototype.
    const failing = (async function* () {
      yield new Uint8Array([1]);
      throw new RangeError('connection reset');
    })();
    const broken = await read(failing);
    expect(broken.issues[0]).toEqual({
      path: 'source',
      message: 'expected a source that can be read, found one that failed: "connection reset"',
    });
    const fakeUrl = await read(Object.create(URL.prototype));
    expect(fakeUrl.code).toBe('INVALID_INPUT');
  });
});

describe('ReadProblems', () => {
  it('locates problems FILE:LINE:COLUMN and throws them at once', () => {
    const p = new ReadProblems('2019.csv', 'invalid OECD ICIO file');
    expect(p.at()).toBe('2019.csv');
    expect(p.at(3)).toBe('2019.csv:3');
    expect(p.at(3, 'B7')).toBe('2019.csv:3:B7');
    p.throwIfAny();
    p.add(3, 2, 'expected a number, found "x"');
    p.addPath('options.year', 'expected an integer');
    expect(p.size).toBe(2);
    expect(p.full).toBe(false);
    expect(() => p.throwIfAny()).toThrow(
      expect.objectContaining({
        message: expect.stringContaining('invalid OECD ICIO file'),
        issues: [
          { path: '2019.csv:3:2', message: 'expected a number, found "x"' },
          { path: 'options.year', message: 'expected an integer' },
        ],
      }),
    );
  });
});

describe('the table builder', () => {
  // A: s sells 1 to itself and 2 to B_s, final demand 5 (A) and 6 (B); B_s: 3, 4, 7, 8.
  // x = (14, 22); va = x − column sums of Z = (14 − 4, 22 − 6) = (10, 16).
  const table = () => ({
    countries: ['A', 'B'],
    sectors: ['s'],
    Z: Float64Array.of(1, 2, 3, 4),
    Y: Float64Array.of(5, 6, 7, 8),
    categories: ['HFCE'],
  });
  it('builds the same table without a copy (inPlace) as through createIcio', () => {
    const copy = assembleIcio(table(), { release: 'test' });
    const t = table();
    const own = assembleIcio(
      { ...t, inPlace: true },
      { release: 'test', finalDemand: { categories: [], Y: new Float64Array(0) } },
    );
    expect(own.Z).toBe(t.Z);
    for (const k of ['Z', 'Y', 'x', 'va'] as const) expect(Array.from(own[k])).toEqual(Array.from(copy[k]));
    expect(Array.from(own.va)).toEqual([10, 16]);
    expect(own.meta!.release).toBe('test');
  });
  it('reports what createIcio reports, with the same paths and messages, on both paths', () => {
    const bad = { ...table(), x: Float64Array.of(14, 23) };
    const messages = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as GvcError).issues;
      }
      return [];
    };
    const { categories: _, ...plain } = bad;
    const viaCreate = messages(() => createIcio(plain));
    expect(messages(() => assembleIcio(bad, { release: 't' }))).toEqual(viaCreate);
    const inPlace = messages(() => assembleIcio({ ...bad, inPlace: true }, { release: 't' }));
    expect(inPlace).toEqual(viaCreate);
    expect(messages(() => finishTable(bad, { release: 't' }, 'f.csv', 'invalid test file'))[0]!.path).toBe(
      'f.csv: input.x[B_s]',
    );
    // Negative value added, the same warning either way: A_s sells 1 + 2 + 5 + 6 = 14 (x) but buys
    // 1 + 30 = 31, so va = 14 − 31 = −17.
    const neg = { ...table(), Z: Float64Array.of(1, 2, 30, 4) };
    const w1 = assembleIcio(neg, { release: 't' }).warnings;
    const w2 = assembleIcio(
      { ...table(), Z: Float64Array.of(1, 2, 30, 4), inPlace: true },
      { release: 't' },
    ).warnings;
    expect(w2).toEqual(w1);
    expect(w1).toHaveLength(1);
    expect(w1![0]!.message).toMatch(/found -17 /);
    // Negative Z is refused on both paths.
    const negZ = { ...table(), Z: Float64Array.of(-1, 2, 3, 4) };
    expect(messages(() => assembleIcio({ ...negZ, inPlace: true }, { release: 't' }))[0]!.path).toBe(
      'input.Z[A_s][A_s]',
    );
    expect(messages(() => assembleIcio(negZ, { release: 't' }))[0]!.path).toBe('input.Z[A_s][A_s]');
  });
});

describe('the table builder without a copy: overflow', () => {
  it('refuses an output that overflows, as createIcio does', () => {
    const t = {
      countries: ['A'],
      sectors: ['s'],
      Z: Float64Array.of(1),
      Y: Float64Array.of(1),
      x: Float64Array.of(Number.POSITIVE_INFINITY),
      categories: ['HFCE'],
      inPlace: true,
    };
    expect(() => assembleIcio(t, { release: 't' })).toThrow(
      expect.objectContaining({
        issues: [{ path: 'input.x[A_s]', message: 'expected a finite number >= 0, found Infinity' }],
      }),
    );
  });
});
