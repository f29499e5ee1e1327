/**
 * The readers where the runtime has no file system (a browser): `nodeBuiltin` (core/runtime.ts) is
 * mocked to find no Node module, as in a browser. A file path or `file:` URL is then one
 * `UNSUPPORTED` GvcError saying what to pass instead, and sources that need no file system (bytes,
 * `{ text }`, a Blob, a stream) still read. Expected values: the readers' results on the same fixture
 * read from its path with Node's file system (the 2023 fixture's x, summed by hand in
 * tests/fixtures/oecd/README.md and pinned in oecd.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { GvcError, readEora26, readExiobase, readOecdIcio, readWiod } from '../../../src/io/index.js';

vi.mock('../../../src/core/runtime.js', () => ({ nodeBuiltin: async () => undefined }));

const oecd = new URL('../../fixtures/oecd/2019.csv', import.meta.url);
const X2023 = [297, 257, 551, 634, 626, 518, 315, 316];
const NEEDS = 'reading a file path needs Node, Deno or Bun; in a browser pass a Blob/File, bytes or a stream';

async function errorOf(p: Promise<unknown>): Promise<GvcError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GvcError) return e;
    throw e;
  }
  throw new Error('expected a GvcError, found a result');
}

describe('readers without a file system (a browser)', () => {
  it('refuses a file path with one UNSUPPORTED error naming what to pass instead', async () => {
    for (const source of ['tables/2019.csv', oecd]) {
      const e = await errorOf(readOecdIcio(source));
      expect(e.code).toBe('UNSUPPORTED');
      expect(e.message).toContain(NEEDS);
      expect(e.issues).toEqual([
        {
          path: 'source',
          message:
            'expected a Blob/File, bytes, { text } or a stream in a runtime without a file system (a browser), found a file path',
        },
      ]);
    }
  });

  it('refuses a path in every reader that takes one (folders included)', async () => {
    const cases: [Promise<unknown>, string][] = [
      [readWiod('WIOT2014_October16_ROW.RData'), 'source'],
      [readEora26('data/eora/2015'), 'files'],
      [readExiobase('IOT_2011_pxp'), 'source'],
      [readExiobase('IOT_2011_pxp.zip'), 'source'],
    ];
    for (const [p, path] of cases) {
      const e = await errorOf(p);
      expect(e.code).toBe('UNSUPPORTED');
      expect(e.message).toContain(NEEDS);
      expect(e.issues[0]?.path).toBe(path);
    }
  });

  it('still reads bytes, { text } and a Blob', async () => {
    const bytes = new Uint8Array(readFileSync(oecd));
    const text = new TextDecoder().decode(bytes);
    for (const source of [bytes, { text }, new Blob([bytes])]) {
      const t = await readOecdIcio(source);
      expect(t.countries).toEqual(['AUS', 'CHN', 'MEX', 'ROW']);
      expect(Array.from(t.x)).toEqual(X2023);
    }
  });
});
