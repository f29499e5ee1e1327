import { describe, expect, it } from 'vitest';
import { GvcError } from '../../../src/core/errors.js';
import {
  BmBilateralRecord,
  BmBilateralSectorRecord,
  BmCountryRecord,
  BmSectorRecord,
  bmDecomposition,
  bmPerspectiveDecomposition,
} from '../../../src/io/decompositions/index.js';
import { createIcio } from '../../../src/io/model.js';
import { BM_REFERENCE } from '../fixtures/bm-perspectives-reference.js';
import { FIXTURE_COUNTRIES, FIXTURE_SECTORS, fixtureIcio } from '../fixtures/icio-4x2.js';
import { cloneIcio, expectClose, HAND_TABLE } from './helpers.js';

type Terms = Omit<BmCountryRecord, 'country'>;
const KEYS = BM_REFERENCE.keys as readonly (keyof Terms)[];
const REL = 1e-9;
const C = FIXTURE_COUNTRIES;
const S = FIXTURE_SECTORS;

/** Splits a flat reference array into rows of `stride` numbers. */
function rows(flat: readonly number[], stride: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < flat.length; i += stride) out.push(flat.slice(i, i + stride));
  return out;
}

/** Compares the 13 terms of a record with a reference row whose terms start at `at`. */
function expectTerms(r: Terms, row: readonly number[], at: number, what: string): void {
  KEYS.forEach((key, j) => {
    expectClose(r[key], row[at + j]!, `${what} ${key}`, REL);
  });
}

/** Sums reference rows by the key columns `by` (e.g. [0] for the exporter), in first-seen order. */
function sumRows(table: number[][], by: number[], at: number): { key: number[]; terms: number[] }[] {
  const out = new Map<string, { key: number[]; terms: number[] }>();
  for (const row of table) {
    const key = by.map((b) => row[b]!);
    const id = key.join(',');
    const acc = out.get(id) ?? { key, terms: new Array<number>(13).fill(0) };
    for (let j = 0; j < 13; j++) acc.terms[j]! += row[at + j]!;
    out.set(id, acc);
  }
  return [...out.values()];
}

const icio = fixtureIcio();

describe('bmPerspectiveDecomposition against the numpy reference (explicit extraction inverses)', () => {
  // Expected: tests/io/reference/bm_perspectives.py, printed output pasted in
  // tests/io/fixtures/bm-perspectives-reference.ts; compared to 1e-9 relative.
  const bySector = [
    ['exporter/source', { level: 'sector' }, BM_REFERENCE.exporter],
    ['exporter/sink', { approach: 'sink', level: 'sector' }, BM_REFERENCE.sink],
    ['sector', { perspective: 'sector' }, BM_REFERENCE.sector],
    ['world', { perspective: 'world', level: 'sector' }, BM_REFERENCE.world],
  ] as const;
  for (const [name, options, flat] of bySector) {
    it(`${name}, one record per exporting country–sector`, () => {
      const got = bmPerspectiveDecomposition(icio, options) as BmSectorRecord[];
      const ref = rows(flat, 15);
      expect(got).toHaveLength(ref.length);
      ref.forEach((row, i) => {
        const r = got[i]!;
        expect([r.country, r.sector]).toEqual([C[row[0]!], S[row[1]!]]);
        BmSectorRecord.parse(r);
        expectTerms(r, row, 2, `${name} ${r.country}/${r.sector}`);
      });
    });
  }

  for (const [name, options, flat] of [bySector[0], bySector[1], bySector[3]]) {
    it(`${name}, one record per country = the sum of the reference's sector rows`, () => {
      const { level: _, ...countryOptions } = options;
      const got = bmPerspectiveDecomposition(icio, countryOptions) as BmCountryRecord[];
      const ref = sumRows(rows(flat, 15), [0], 2);
      expect(got.map((r) => r.country)).toEqual([...C]);
      ref.forEach(({ terms }, s) => {
        BmCountryRecord.parse(got[s]);
        expectTerms(got[s]!, terms, 0, `${name} ${C[s]}`);
      });
    });
  }

  it('bilateral by exporting sector and bilateral-sector: one record per exporter, sector and partner', () => {
    for (const [perspective, flat] of [
      ['bilateral', BM_REFERENCE.bilateral],
      ['bilateral-sector', BM_REFERENCE.bilateralSector],
    ] as const) {
      const got = bmPerspectiveDecomposition(icio, { perspective, level: 'sector' });
      const ref = rows(flat, 16);
      expect(got).toHaveLength(4 * 3 * 2);
      // the reference is ordered s, r, k; the records s, r, k as well
      ref.forEach((row, i) => {
        const r = got[i]!;
        expect([r.country, r.partner, r.sector]).toEqual([C[row[0]!], C[row[1]!], S[row[2]!]]);
        BmBilateralSectorRecord.parse(r);
        expectTerms(r, row, 3, `${perspective} ${r.country}→${r.partner}/${r.sector}`);
      });
    }
  });

  it('bilateral per pair = the sum of the reference rows of the pair over exporting sectors', () => {
    const got = bmPerspectiveDecomposition(icio, { perspective: 'bilateral' });
    const ref = sumRows(rows(BM_REFERENCE.bilateral, 16), [0, 1], 3);
    expect(got).toHaveLength(12);
    ref.forEach(({ key, terms }, i) => {
      const r = got[i]!;
      expect([r.country, r.partner]).toEqual([C[key[0]!], C[key[1]!]]);
      BmBilateralRecord.parse(r);
      expectTerms(r, terms, 0, `bilateral ${r.country}→${r.partner}`);
    });
  });
});

describe('bmPerspectiveDecomposition: relations between perspectives', () => {
  it("perspective 'exporter', approach 'source' returns exactly bmDecomposition", () => {
    expect(bmPerspectiveDecomposition(icio)).toEqual(bmDecomposition(icio));
    expect(bmPerspectiveDecomposition(icio, { perspective: 'exporter', level: 'sector' })).toEqual(
      bmDecomposition(icio, { level: 'sector' }),
    );
  });

  it('source and sink agree at country level on every term (Borin & Mancini 2023, §3), not by sector', () => {
    const src = bmPerspectiveDecomposition(icio);
    const snk = bmPerspectiveDecomposition(icio, { approach: 'sink' });
    src.forEach((r, s) => {
      for (const key of KEYS) expectClose(snk[s]![key], r[key], `${r.country} ${key}`, 1e-10);
    });
    const a = bmPerspectiveDecomposition(icio, { level: 'sector' })[0]!;
    const b = bmPerspectiveDecomposition(icio, { approach: 'sink', level: 'sector' })[0]!;
    expect(Math.abs(a.DVA - b.DVA)).toBeGreaterThan(0.1); // 162.94 vs 161.78 in the reference
  });

  it('world = exporter with all foreign content double counted: FVA = 0, FDC = FC', () => {
    const ex = bmDecomposition(icio);
    bmPerspectiveDecomposition(icio, { perspective: 'world' }).forEach((w, s) => {
      expect([w.FVA, w.FDC]).toEqual([0, w.FC]);
      for (const key of ['GEXP', 'DC', 'DVA', 'VAX', 'REF', 'DDC', 'FC', 'DAVAX'] as const)
        expectClose(w[key], ex[s]![key], `${w.country} ${key}`, 1e-12);
    });
  });

  it('narrower perimeters count more value added once: DVA(bilateral-sector) ≥ DVA(bilateral) ≥ ·, DVA(sector) ≥ DVA(exporter)', () => {
    const ex = bmDecomposition(icio, { level: 'sector' });
    const sec = bmPerspectiveDecomposition(icio, { perspective: 'sector' });
    sec.forEach((r, i) => {
      expect(r.DVA).toBeGreaterThanOrEqual(ex[i]!.DVA - 1e-9);
    });
    const bil = bmPerspectiveDecomposition(icio, { perspective: 'bilateral', level: 'sector' });
    const bs = bmPerspectiveDecomposition(icio, { perspective: 'bilateral-sector' });
    bs.forEach((r, i) => {
      expect(r.DVA).toBeGreaterThanOrEqual(bil[i]!.DVA - 1e-9);
    });
    // DAVAX is perimeter-free: summed over partners it is the exporter's
    ex.forEach((r, i) => {
      const s = Math.floor(i / 2);
      const k = i % 2;
      const sum = bs.filter((b) => b.country === C[s] && b.sector === S[k]).reduce((t, b) => t + b.DAVAX, 0);
      expectClose(sum, r.DAVAX, `${r.country}/${r.sector} DAVAX`, 1e-12);
    });
  });

  it('one sector, two countries (worked table): every source perspective is the exporter perspective', () => {
    // With N = 1 the sector perimeter is the country's, and with G = 2 the only partner is the world:
    // by hand, A = [[0.2, 0.1], [0.3, 0.4]] (x = 100, 150… see bm.test.ts), DVA of A = 18.75.
    const t = createIcio(HAND_TABLE);
    const ex = bmDecomposition(t)[0]!;
    expectClose(ex.DVA, 18.75, 'exporter DVA (bm.test.ts example)', 1e-12);
    for (const perspective of ['sector', 'bilateral', 'bilateral-sector'] as const) {
      const r = bmPerspectiveDecomposition(t, { perspective, level: 'sector' })[0]!;
      for (const key of KEYS) expectClose(r[key], ex[key], `${perspective} ${key}`, 1e-12);
    }
  });

  it('does not modify the table', () => {
    const t = fixtureIcio();
    const before = cloneIcio(t);
    bmPerspectiveDecomposition(t, { perspective: 'bilateral-sector' });
    bmPerspectiveDecomposition(t, { approach: 'sink' });
    expect(t).toEqual(before);
  });
});

describe('bmPerspectiveDecomposition: options', () => {
  const fails = (options: unknown, path: string) => {
    try {
      bmPerspectiveDecomposition(icio, options as never);
      expect.fail('expected a GvcError');
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      expect((e as GvcError).code).toBe('INVALID_INPUT');
      expect((e as GvcError).issues.map((i) => i.path)).toEqual([path]);
    }
  };
  it('refuses the sink approach outside the exporter perspective, with one issue at options.approach', () => {
    fails({ perspective: 'bilateral', approach: 'sink' }, 'options.approach');
  });
  it("refuses level 'country' in the by-sector perspectives", () => {
    fails({ perspective: 'bilateral-sector', level: 'country' }, 'options.level');
  });
  it('refuses an unknown perspective, approach or option', () => {
    fails({ perspective: 'regional' }, 'options.perspective');
    fails({ approach: 'both' }, 'options.approach');
    fails({ partner: 'USA' }, 'options');
  });
  it('refuses a one-country table', () => {
    const t = createIcio({ countries: ['A'], sectors: ['s'], Z: [[1]], Y: [[2]] });
    expect(() => bmPerspectiveDecomposition(t, { perspective: 'world' })).toThrow(/inter-country/);
  });
});
