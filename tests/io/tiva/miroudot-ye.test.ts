import { describe, expect, it } from 'vitest';
import { GvcError } from '../../../src/core/errors.js';
import { createIcio } from '../../../src/io/model.js';
import { type MyOptions, type MyRecord, myDecomposition } from '../../../src/io/tiva/index.js';
import { cloneIcio, expectClose, freezeIcio, HAND_TABLE } from '../decompositions/helpers.js';
import { FIXTURE_COUNTRIES, FIXTURE_SECTORS, fixtureIcio } from '../fixtures/icio-4x2.js';
import { MY_REFERENCE } from '../fixtures/my-reference.js';

const KEYS = ['GEXP', 'DC', 'DVA', 'DDC', 'FC', 'FVA', 'FDC'] as const;
type Perimeter = NonNullable<MyOptions['perimeter']>;
const PERIMETERS: readonly Perimeter[] = ['country', 'bilateral', 'sector', 'world'];

describe('myDecomposition', () => {
  it('reproduces Miroudot & Ye by hand on a 2-country, 1-sector table', () => {
    // Same table as the TiVA hand test: v = (1/2, 2/3), B = [[22/17, 2/17], [9/17, 24/17]], e_A = 30.
    // Country perimeter: A° zeroes A_AB = 1/15, so I − A° = [[0.8, 0], [−0.3, 11/15]] and
    // B° = [[1.25, 0], [0.3·1.25·15/11, 15/11]] = [[5/4, 0], [45/88, 15/11]].
    // DVA = v_A B°_AA e = ½·5/4·30 = 18.75; DC = ½·22/17·30 = 330/17; DDC = 330/17 − 75/4 = 45/68;
    // FVA = ⅔·45/88·30 = 225/22; FC = ⅔·9/17·30 = 180/17; FDC = 180/17 − 225/22 = 135/374.
    // World perimeter: B° = diag(L) = diag(5/4, 15/11): same DVA, FVA = 0, FDC = FC = 180/17.
    // With one sector and two countries the sector and bilateral perimeters are the country one.
    const t = createIcio(HAND_TABLE);
    const expected = {
      GEXP: 30,
      DC: 330 / 17,
      DVA: 18.75,
      DDC: 45 / 68,
      FC: 180 / 17,
      FVA: 225 / 22,
      FDC: 135 / 374,
    };
    for (const perimeter of ['country', 'sector', 'bilateral'] as const) {
      const a = myDecomposition(t, { perimeter })[0]!;
      for (const key of KEYS) expectClose(a[key], expected[key], `${perimeter} ${key}`, 1e-12);
    }
    const w = myDecomposition(t, { perimeter: 'world' })[0]!;
    expect(w.FVA).toBe(0);
    expectClose(w.FDC, 180 / 17, 'world FDC', 1e-12);
    expectClose(w.DVA, 18.75, 'world DVA', 1e-12);
  });

  it('matches, per exporting sector, the numpy reference that inverts I − A° for every perimeter', () => {
    // Expected: tests/io/reference/tiva.py (one explicit B° per exporter, pair or sector), pasted in
    // my-reference.ts; 1e-8 relative.
    const t = fixtureIcio();
    for (const perimeter of PERIMETERS) {
      const got = myDecomposition(t, { perimeter, level: 'sector' });
      const ref = MY_REFERENCE[perimeter];
      expect(got).toHaveLength(ref.length);
      ref.forEach((row, k) => {
        const r = got[k]!;
        expect([r.country, r.partner, r.sector]).toEqual([
          FIXTURE_COUNTRIES[row[0]],
          row[1] >= 0 ? FIXTURE_COUNTRIES[row[1] as number] : undefined,
          FIXTURE_SECTORS[row[2]],
        ]);
        KEYS.forEach((key, c) => {
          expectClose(r[key], row[c + 3]!, `${perimeter} ${r.country}/${r.sector} ${key}`);
        });
      });
    }
  });

  it("sums the sector records at level 'country' (the default)", () => {
    const t = fixtureIcio();
    for (const perimeter of PERIMETERS) {
      const bySector = myDecomposition(t, { perimeter, level: 'sector' });
      const byCountry = myDecomposition(t, { perimeter });
      expect(byCountry).toHaveLength(bySector.length / FIXTURE_SECTORS.length);
      byCountry.forEach((r: MyRecord, k) => {
        expect(r.sector).toBeUndefined();
        const rows = bySector.slice(k * 2, k * 2 + 2);
        for (const key of KEYS)
          expectClose(r[key], rows[0]![key] + rows[1]![key], `${perimeter} ${key}`, 1e-12);
      });
    }
  });

  it('refuses a singular I − A in every perimeter, the bilateral one (which forms B) as the others', () => {
    // A = [[0, 1], [1, 0]]: no value added, no final demand, so I − A is singular.
    const t = createIcio({
      countries: ['A', 'B'],
      sectors: ['s'],
      Z: [
        [0, 10],
        [10, 0],
      ],
      Y: [
        [0, 0],
        [0, 0],
      ],
    });
    for (const perimeter of PERIMETERS) {
      let error: unknown;
      try {
        myDecomposition(t, { perimeter });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(GvcError);
      expect((error as GvcError).code).toBe('SINGULAR_MATRIX');
      expect((error as GvcError).message.split('\n')[0]).toMatch(/^I − A is singular to working precision/);
    }
  });

  it('refuses bad options and tables, does not mutate, returns frozen records', () => {
    const t = fixtureIcio();
    expect(() => myDecomposition(t, { perimeter: 'pair' as never })).toThrow(
      /options.perimeter: expected "country", "bilateral", "sector" or "world"/,
    );
    expect(() => myDecomposition(t, { level: 'bilateral' as never })).toThrow(GvcError);
    expect(() => myDecomposition(t, { extra: true } as never)).toThrow(GvcError);
    expect(() => myDecomposition(null as never)).toThrow(GvcError);
    const copy = cloneIcio(t);
    const r = myDecomposition(freezeIcio(t), { perimeter: 'bilateral', level: 'sector' });
    expect(t).toEqual(copy);
    expect(Object.isFrozen(r) && Object.isFrozen(r[0])).toBe(true);
  });
});
