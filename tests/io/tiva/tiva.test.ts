import { describe, expect, it } from 'vitest';
import { GvcError } from '../../../src/core/errors.js';
import { createIcio } from '../../../src/io/model.js';
import { TIVA_CODES, type TivaCode, type TivaRecord, tivaIndicators } from '../../../src/io/tiva/index.js';
import { cloneIcio, expectClose, freezeIcio, HAND_TABLE } from '../decompositions/helpers.js';
import { FIXTURE_COUNTRIES, FIXTURE_SECTORS, fixtureIcio } from '../fixtures/icio-4x2.js';
import { TIVA_REFERENCE } from '../fixtures/tiva-reference.js';

const value = (rs: readonly TivaRecord[], code: TivaCode, country: string, key: Partial<TivaRecord> = {}) => {
  const r = rs.find(
    (x) =>
      x.indicator === code && x.country === country && x.partner === key.partner && x.sector === key.sector,
  );
  if (!r) throw new Error(`no record ${code} ${country} ${JSON.stringify(key)}`);
  return r.value;
};

describe('tivaIndicators', () => {
  it('reproduces the OECD definitions by hand on a 2-country, 1-sector table', () => {
    // Z = [[20, 10], [30, 40]], Y = [[50, 20], [10, 70]]: x = (100, 150), va = (50, 100),
    // A = [[0.2, 1/15], [0.3, 4/15]], v = (1/2, 2/3), det(I − A) = 17/30, so
    // B = [[22/17, 2/17], [9/17, 24/17]] (v·B = 1); L_AA = 1/0.8 = 1.25.
    // A's exports: e_A = Z_AB + Y_AB = 10 + 20 = 30; B's exports to A: 30 + 10 = 40.
    // EXGR_DVA_A = v_A B_AA e_A = ½·22/17·30 = 330/17; EXGR_DDC_A = v_A L_AA e_A = ½·1.25·30 = 18.75;
    // EXGR_IDC_A = 0 (one sector); EXGR_RIM_A = 330/17 − 75/4 = 45/68; EXGR_FVA_A = ⅔·9/17·30 = 180/17.
    // IMGR_DVA_A = v_A B_AB e_B = ½·2/17·40 = 40/17. B·Y = [[1120, 580], [690, 1860]]/17, so
    // FD_VA_A = ½·1120/17 + ⅔·690/17 = 60 (A's final demand 50 + 10), FFD_DVA_A = ½·580/17 = 290/17,
    // DFD_FVA_A = ⅔·690/17 = 460/17, BALVAFD_A = −170/17 = −10, VALU_FFDDVA_A = 100·(290/17)/50.
    // FEXDVAP_A = v_A B_AB e_B = 40/17, FEXDVAPSH_A = 100·(40/17)/30 = 400/51.
    const rs = tivaIndicators(createIcio(HAND_TABLE));
    const expected: [TivaCode, number][] = [
      ['PROD', 100],
      ['VALU', 50],
      ['EXGR', 30],
      ['EXGR_INT', 10],
      ['EXGR_FNL', 20],
      ['IMGR', 40],
      ['BALGR', -10],
      ['EXGR_DVA', 330 / 17],
      ['EXGR_DDC', 18.75],
      ['EXGR_IDC', 0],
      ['EXGR_RIM', 45 / 68],
      ['EXGR_FVA', 180 / 17],
      ['EXGR_DVASH', (100 * 330) / 17 / 30],
      ['EXGR_FVASH', (100 * 180) / 17 / 30],
      ['IMGR_DVA', 40 / 17],
      ['IMGR_DVASH', (100 * 40) / 17 / 40],
      ['FD_VA', 60],
      ['FFD_DVA', 290 / 17],
      ['DFD_FVA', 460 / 17],
      ['BALVAFD', -10],
      ['VALU_FFDDVA', (100 * 290) / 17 / 50],
      ['DEXFVAP', 180 / 17],
      ['DEXFVAPSH', (100 * 180) / 17 / 30],
      ['FEXDVAP', 40 / 17],
      ['FEXDVAPSH', 400 / 51],
    ];
    for (const [code, v] of expected) expectClose(value(rs, code, 'A'), v, `A ${code}`, 1e-12);
    expect(rs.find((r) => r.indicator === 'EXGR_DVASH')!.unit).toBe('percent');
    expect(rs.find((r) => r.indicator === 'EXGR')!.unit).toBe('value');
  });

  it('matches the numpy reference for every code at every level, to 1e-8 relative', () => {
    // Expected: tests/io/reference/tiva.py (explicit B and L_ss), pasted in tiva-reference.ts.
    const t = fixtureIcio();
    const G = FIXTURE_COUNTRIES.length;
    const N = FIXTURE_SECTORS.length;
    let compared = 0;
    for (const level of ['country', 'sector', 'bilateral'] as const) {
      const rs = tivaIndicators(t, { level });
      for (const [code, byLevel] of Object.entries(TIVA_REFERENCE) as unknown as [
        TivaCode,
        Record<string, readonly number[] | undefined>,
      ][]) {
        const ref = byLevel[level];
        const levels: readonly string[] = TIVA_CODES[code].levels;
        expect(ref !== undefined, `${code} at ${level}`).toBe(levels.includes(level));
        if (!ref) continue;
        const got = rs.filter((r) => r.indicator === code);
        if (level === 'country') {
          expect(got.map((r) => r.country)).toEqual([...FIXTURE_COUNTRIES]);
          got.forEach((r, c) => {
            expectClose(r.value, ref[c]!, `${code} ${r.country}`);
          });
        } else if (level === 'sector') {
          expect(got).toHaveLength(G * N);
          got.forEach((r, i) => {
            expect([r.country, r.sector]).toEqual([
              FIXTURE_COUNTRIES[Math.floor(i / N)],
              FIXTURE_SECTORS[i % N],
            ]);
            expectClose(r.value, ref[i]!, `${code} ${r.country}/${r.sector}`);
          });
        } else {
          expect(got).toHaveLength(code === 'FD_VA' ? G * G : G * (G - 1));
          for (const r of got) {
            const c = FIXTURE_COUNTRIES.indexOf(r.country as never);
            const p = FIXTURE_COUNTRIES.indexOf(r.partner as never);
            expectClose(r.value, ref[c * G + p]!, `${code} ${r.country}→${r.partner}`);
          }
        }
        compared += got.length;
      }
    }
    // 27 codes × 4 countries, 25 × 8 sectors, 23 × 12 ordered pairs + FD_VA × 16 (own country included)
    expect(compared).toBe(27 * 4 + 25 * 8 + (23 * 12 + 16));
  });

  it('reports only the requested codes, in TIVA_CODES order whatever the order asked', () => {
    const rs = tivaIndicators(fixtureIcio(), { codes: ['FD_VA', 'EXGR'] });
    expect(rs.map((r) => r.indicator)).toEqual([...Array(4).fill('EXGR'), ...Array(4).fill('FD_VA')]);
    expect(Object.isFrozen(rs) && Object.isFrozen(rs[0])).toBe(true);
  });

  it('refuses unknown codes, codes not defined at the level, repeated codes and bad levels', () => {
    const t = fixtureIcio();
    const fails = (options: unknown, fragment: string) => {
      try {
        tivaIndicators(t, options as never);
        expect.fail('expected a GvcError');
      } catch (e) {
        expect(e).toBeInstanceOf(GvcError);
        expect((e as GvcError).code).toBe('INVALID_INPUT');
        expect((e as Error).message).toContain(fragment);
      }
    };
    fails({ codes: ['EXGR', 'NOPE'] }, 'options.codes[1]: expected a TiVA code');
    fails(
      { level: 'sector', codes: ['DEXFVAPSH'] },
      'options.codes[0]: expected a code defined at level "sector"',
    );
    fails({ level: 'bilateral', codes: ['PROD'] }, 'found "PROD"');
    fails({ codes: ['EXGR', 'EXGR'] }, 'options.codes[1]: expected each code once');
    fails({ codes: [] }, 'expected at least one TiVA code');
    fails({ level: 'world' }, 'options.level: expected "country", "sector" or "bilateral"');
    fails({ extra: 1 }, 'options');
    expect(() => tivaIndicators({} as never)).toThrow(GvcError);
    expect(() =>
      tivaIndicators(createIcio({ countries: ['A'], sectors: ['s'], Z: [[1]], Y: [[2]] })),
    ).toThrow(/at least 2 countries/);
  });

  it('does not mutate its input and accepts a frozen table', () => {
    const t = fixtureIcio();
    const copy = cloneIcio(t);
    const a = tivaIndicators(freezeIcio(t), { level: 'bilateral' });
    expect(t).toEqual(copy);
    expect(tivaIndicators(cloneIcio(copy), { level: 'bilateral' })).toEqual(a);
  });
});
