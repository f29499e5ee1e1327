import { describe, expect, it } from 'vitest';
import { GvcError } from '../../../src/core/errors.js';
import {
  BmCountryRecord,
  BmSectorRecord,
  bmDecomposition,
  kwwDecomposition,
} from '../../../src/io/decompositions/index.js';
import { createIcio } from '../../../src/io/model.js';
import { REFERENCE } from '../fixtures/decompositions-reference.js';
import { FIXTURE_COUNTRIES, FIXTURE_SECTORS, fixtureIcio } from '../fixtures/icio-4x2.js';
import { expectPrinted, leatherBmCountryPrinted, leatherIcio, parsePrinted } from '../fixtures/leather.js';
import { cloneIcio, expectClose, freezeIcio, HAND_TABLE } from './helpers.js';

type Terms = Omit<BmCountryRecord, 'country'>;
const KEYS = REFERENCE.bmKeys as readonly (keyof Terms)[];

function checkIdentities(r: Terms, what: string): void {
  const tol = 1e-12;
  expectClose(r.DVA + r.FVA + r.DDC + r.FDC, r.GEXP, `${what}: DVA + FVA + DDC + FDC = GEXP`, tol);
  expectClose(r.VAX + r.REF, r.DVA, `${what}: VAX + REF = DVA`, tol);
  expectClose(r.DVA + r.DDC, r.DC, `${what}: DC = DVA + DDC`, tol);
  expectClose(r.FVA + r.FDC, r.FC, `${what}: FC = FVA + FDC`, tol);
  expectClose(r.GVCB + r.GVCF, r.GVC, `${what}: GVC = GVCB + GVCF`, tol);
  expectClose(r.DAVAX + r.GVC, r.GEXP, `${what}: GEXP = DAVAX + GVC`, tol);
  expectClose(r.FC + r.DDC, r.GVCB, `${what}: GVCB = FC + DDC`, tol);
  expectClose(r.DVA - r.DAVAX, r.GVCF, `${what}: GVCF = DVA − DAVAX`, tol);
  // v·B = 1 in a balanced table, so domestic and foreign content exhaust exports.
  expectClose(r.DC + r.FC, r.GEXP, `${what}: DC + FC = GEXP`, 1e-10);
}

describe('bmDecomposition', () => {
  it("matches, at level 'sector', the numpy reference that re-inverts per exporter, to 1e-8 relative", () => {
    // Expected: tests/io/fixtures/decompositions_reference.py (BM block; FVA from B^s = (I − A^{Ds})⁻¹
    // formed explicitly for each exporter), printed output pasted in decompositions-reference.ts.
    const got = bmDecomposition(fixtureIcio(), { level: 'sector' });
    expect(got).toHaveLength(8);
    REFERENCE.bm.forEach((row, k) => {
      const r = got[k]!;
      expect([r.country, r.sector]).toEqual([FIXTURE_COUNTRIES[row[0]!], FIXTURE_SECTORS[row[1]!]]);
      KEYS.forEach((key, c) => {
        expectClose(r[key], row[c + 2]!, `${r.country}.${r.sector}.${key}`);
      });
    });
  });

  it("matches at level 'country' the reference summed over each country's sectors", () => {
    const got = bmDecomposition(fixtureIcio(), { level: 'country' });
    expect(got.map((r) => r.country)).toEqual([...FIXTURE_COUNTRIES]);
    got.forEach((r, s) => {
      const rows = REFERENCE.bm.filter((row) => row[0] === s);
      KEYS.forEach((key, c) => {
        expectClose(
          r[key],
          rows.reduce((a, row) => a + row[c + 2]!, 0),
          `${r.country}.${key}`,
        );
      });
    });
    expect(bmDecomposition(fixtureIcio())).toEqual(got); // 'country' is the default
  });

  it('satisfies every Borin–Mancini identity at both levels', () => {
    for (const r of bmDecomposition(fixtureIcio())) checkIdentities(r, r.country);
    for (const r of bmDecomposition(fixtureIcio(), { level: 'sector' }))
      checkIdentities(r, `${r.country}.${r.sector}`);
  });

  it('agrees with KWW where the two coincide at the country level (DDC, and DC = DVA_KWW + RDV + DDC)', () => {
    // At the country perimeter V_s B_ss E_s* = KWW terms 1–6 (KWW 2014, eq. 36), and the pure
    // double counting of domestic value added is the same in both decompositions.
    const bm = bmDecomposition(fixtureIcio());
    kwwDecomposition(fixtureIcio()).forEach((k, s) => {
      const b = bm[s]!;
      expectClose(b.DDC, k.DDC, `${k.country} DDC`);
      expectClose(
        b.DC,
        k.DVA_FIN + k.DVA_INT + k.DVA_INTrex + k.RDV_FIN + k.RDV_INT + k.DDC,
        `${k.country} DC`,
      );
      expectClose(b.FC, k.FVA_FIN + k.FVA_INT + k.FDC, `${k.country} FC`);
    });
  });

  it('agrees with a hand calculation on a two-country, one-sector table', () => {
    // x = (100, 150), v = (0.5, 2/3), B = [[11, 1], [4.5, 12]] / 8.5, L_AA = 1.25, L_BB = 15/11,
    // A_AB = 1/15, E_A* = 30.
    // DC = 0.5·(11/8.5)·30 = 165/8.5; DVA = 0.5·1.25·30 = 18.75; FC = 30 − 165/8.5 = 90/8.5.
    // FVA: without A's intermediate exports, B^A_BA = (1 − 4/15)⁻¹·0.3·1.25 = 0.375·15/11, so
    //   FVA = (2/3)·0.375·(15/11)·30 = 90/8.8 = 10.2272…; FDC = 90/8.5 − 90/8.8.
    // DAVAX = 0.625·(Y_AB + A_AB L_BB Y_BB) = 0.625·(20 + 70/11) = 16.4772…
    // (B Y)_{B,A} = (4.5·50 + 12·10)/8.5 = 345/8.5; VAX = 0.625·(20 + (150 − 345/8.5)/15) = 17.0588…
    const [a] = bmDecomposition(createIcio(HAND_TABLE), { level: 'sector' });
    const dae = 20 + 70 / 11;
    const vaxe = 20 + (150 - 345 / 8.5) / 15;
    const expected: Omit<BmSectorRecord, 'country' | 'sector'> = {
      GEXP: 30,
      DC: 165 / 8.5,
      DVA: 18.75,
      VAX: 0.625 * vaxe,
      DAVAX: 0.625 * dae,
      REF: 18.75 - 0.625 * vaxe,
      DDC: 165 / 8.5 - 18.75,
      FC: 90 / 8.5,
      FVA: 90 / 8.8,
      FDC: 90 / 8.5 - 90 / 8.8,
      GVC: 30 - 0.625 * dae,
      GVCB: 90 / 8.5 + 165 / 8.5 - 18.75,
      GVCF: 18.75 - 0.625 * dae,
    };
    expect([a!.country, a!.sector]).toEqual(['A', 's']);
    for (const key of KEYS) expectClose(a![key], expected[key], key);
  });

  it('returns records that satisfy its schemas', () => {
    for (const r of bmDecomposition(fixtureIcio())) expect(BmCountryRecord.parse(r)).toEqual(r);
    for (const r of bmDecomposition(fixtureIcio(), { level: 'sector' }))
      expect(BmSectorRecord.parse(r)).toEqual(r);
  });

  it('does not mutate the table or the options', () => {
    const t = freezeIcio(fixtureIcio());
    const before = cloneIcio(t);
    const options = Object.freeze({ level: 'sector' as const });
    bmDecomposition(t, options);
    expect(cloneIcio(t)).toEqual(before);
    expect(options).toEqual({ level: 'sector' });
  });

  it('rejects invalid options, listing every problem with its path', () => {
    const t = fixtureIcio();
    const call = () => bmDecomposition(t, { level: 'bilateral', extra: 1 } as never);
    expect(call).toThrow(GvcError);
    try {
      call();
    } catch (e) {
      const err = e as GvcError;
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.issues.map((i) => i.path).sort()).toEqual(['options', 'options.level']);
      expect(err.issues.find((i) => i.path === 'options.level')!.message).toBe(
        'expected "country" or "sector", found "bilateral"',
      );
    }
  });

  it('rejects a one-country table with INVALID_INPUT', () => {
    const one = createIcio({ countries: ['A'], sectors: ['s'], Z: [[1]], Y: [[2]] });
    expect(() => bmDecomposition(one)).toThrow(
      /bmDecomposition needs an inter-country table: icio\.G: expected at least 2/,
    );
  });
});

describe('bmDecomposition with a level chosen at run time', () => {
  it('returns sector or country records according to the option', () => {
    const levels: ('country' | 'sector')[] = ['country', 'sector'];
    const [c, s] = levels.map((level) => bmDecomposition(fixtureIcio(), { level }));
    expect(c).toHaveLength(4);
    expect(s).toHaveLength(8);
    expect(s![0]).toHaveProperty('sector', 'GDS');
  });
});

describe('bmDecomposition with a sector of zero output', () => {
  it('gives the empty sector zero terms and leaves the others as in the table without it', () => {
    // HAND_TABLE with a second sector 't' that neither produces nor buys: A has a zero column there
    // (x = 0), v = 0, and every term of 't' must be 0 (not NaN) while 's' is unchanged.
    const withEmpty = createIcio({
      countries: ['A', 'B'],
      sectors: ['s', 't'],
      Z: [
        [20, 0, 10, 0],
        [0, 0, 0, 0],
        [30, 0, 40, 0],
        [0, 0, 0, 0],
      ],
      Y: [
        [50, 20],
        [0, 0],
        [10, 70],
        [0, 0],
      ],
    });
    const rows = bmDecomposition(withEmpty, { level: 'sector' });
    const plain = bmDecomposition(createIcio(HAND_TABLE), { level: 'sector' });
    for (const key of KEYS) {
      expect(rows[1]![key]).toBe(0);
      expect(rows[3]![key]).toBe(0);
      expectClose(rows[0]![key], plain[0]![key], `A.s.${key}`, 1e-12);
      expectClose(rows[2]![key], plain[1]![key], `B.s.${key}`, 1e-12);
    }
    const kww = kwwDecomposition(withEmpty);
    const kwwPlain = kwwDecomposition(createIcio(HAND_TABLE));
    kww.forEach((k, s) => {
      for (const [key, value] of Object.entries(k)) {
        if (typeof value === 'number')
          expectClose(value, kwwPlain[s]![key as 'GEXP'], `KWW ${k.country}.${key}`, 1e-12);
      }
    });
  });
});

describe('bmDecomposition against icio / decompr (R) on the leather example', () => {
  // Printed in the Examples of the reference page of Sebastian Krantz's R package icio (SebKrantz/icio,
  // reference/bm.md, commit f90bdbbbc9897bf2a3063fc1dfc25e366eb55683), which carries decompr's bm()
  // (decompr 7.0.0 added it; icio's NEWS.md says it reproduces the Stata icio command's output and
  // agrees with GlobalValueChains.jl to machine precision): `bm(load_icio(leather))` (country level)
  // and `bm(dec, aggregation = "sector")`, both with the defaults perspective = "exporter", approach =
  // "source" -- the variant bmDecomposition implements (R/bm.R, .bm_source_sec: DVA = V_s L_ss E,
  // DAVAX = V_s L_ss Σ_r (Y_sr + A_sr L_rr Y_rr), FVA from the exporter-perimeter coefficient solved
  // per country). The country rows are also printed by `decomp(m)` (SebKrantz/icio,
  // reference/decomp.md). Pasted verbatim. R prints at least 7 significant digits; each value must
  // round to the printed one (half a unit in the last printed decimal, ≤ 5e-7 relative).
  const sector = `
#>    Exporting_Country  Exporting_Industry  GEXP        DC       DVA       VAX
#>               <fctr>              <fctr> <num>     <num>     <num>     <num>
#> 1:         Argentina         Agriculture  33.2 29.795288 29.493900 26.540382
#> 2:         Argentina Textile_and_Leather  28.5 22.056767 21.569374 18.582499
#> 3:         Argentina Transport_Equipment   2.6  1.837902  1.754288  1.609208
#> 4:            Turkey         Agriculture  45.9 38.432068 37.469257 32.468054
#> 5:            Turkey Textile_and_Leather  59.2 48.074157 46.789941 39.702280
#> 6:            Turkey Transport_Equipment   8.5  5.955528  5.565619  5.171110
#> 7:           Germany         Agriculture  38.7 33.067867 32.402844 29.139637
#> 8:           Germany Textile_and_Leather  31.0 25.719889 25.082406 21.487520
#> 9:           Germany Transport_Equipment  77.9 52.502827 49.357153 46.091985
#>        DAVAX       REF        DDC        FC        FVA        FDC       GVC
#>        <num>     <num>      <num>     <num>      <num>      <num>     <num>
#> 1: 20.385155 2.9535185 0.30138767  3.404712  3.3423229 0.06238937 12.814845
#> 2: 13.084653 2.9868748 0.48739312  6.443233  6.3486717 0.09456147 15.415347
#> 3:  1.328962 0.1450801 0.08361414  0.762098  0.7438425 0.01825550  1.271038
#> 4: 27.673077 5.0012037 0.96281049  7.467932  7.2556717 0.21226046 18.226923
#> 5: 33.025635 7.0876610 1.28421633 11.125843 10.8426216 0.28322154 26.174365
#> 6:  4.804889 0.3945085 0.38990949  2.544472  2.4573486 0.08712297  3.695111
#> 7: 26.657741 3.2632066 0.66502295  5.632133  5.4445468 0.18758643 12.042259
#> 8: 18.915931 3.5948858 0.63748284  5.280111  5.1021480 0.17796309 12.084069
#> 9: 43.743217 3.2651685 3.14567421 25.397173 24.5181932 0.87897942 34.156783
#>          GVCB      GVCF
#>         <num>     <num>
#> 1:  3.7060999  9.108745
#> 2:  6.9306263  8.484721
#> 3:  0.8457122  0.425326
#> 4:  8.4307426  9.796180
#> 5: 12.4100595 13.764306
#> 6:  2.9343811  0.760730
#> 7:  6.2971562  5.745103
#> 8:  5.9175939  6.166475
#> 9: 28.5428469  5.613936
`;

  it('matches the thirteen printed terms per exporting country to the printed digits', () => {
    const rows = parsePrinted(leatherBmCountryPrinted);
    const got = bmDecomposition(leatherIcio());
    expect(rows).toHaveLength(3);
    expect(got.map((r) => r.country)).toEqual(rows.map((r) => r.Exporting_Country));
    rows.forEach((row, s) => {
      for (const key of KEYS) expectPrinted(got[s]![key], row[key]!, `${row.Exporting_Country}.${key}`);
    });
  });

  it('matches the thirteen printed terms per exporting country–sector to the printed digits', () => {
    const rows = parsePrinted(sector);
    const got = bmDecomposition(leatherIcio(), { level: 'sector' });
    expect(rows).toHaveLength(9);
    expect(got.map((r) => [r.country, r.sector])).toEqual(
      rows.map((r) => [r.Exporting_Country, r.Exporting_Industry]),
    );
    rows.forEach((row, k) => {
      const what = `${row.Exporting_Country}.${row.Exporting_Industry}`;
      for (const key of KEYS) expectPrinted(got[k]![key], row[key]!, `${what}.${key}`);
    });
  });
});
