import { describe, expect, it } from 'vitest';
import { GvcError } from '../../../src/core/errors.js';
import { kwwDecomposition, WwzRecord, wwzDecomposition } from '../../../src/io/decompositions/index.js';
import { createIcio } from '../../../src/io/model.js';
import { REFERENCE } from '../fixtures/decompositions-reference.js';
import {
  FIXTURE_COUNTRIES,
  FIXTURE_SECTORS,
  FIXTURE_Y,
  FIXTURE_Z,
  fixtureIcio,
} from '../fixtures/icio-4x2.js';
import { expectPrinted, leatherIcio, parsePrinted } from '../fixtures/leather.js';
import { cloneIcio, expectClose, freezeIcio, HAND_TABLE } from './helpers.js';

const TERMS = [
  'DVA_FIN',
  'DVA_INT',
  'DVA_INTrexI1',
  'DVA_INTrexF',
  'DVA_INTrexI2',
  'RDV_INT',
  'RDV_FIN',
  'RDV_FIN2',
  'OVA_FIN',
  'MVA_FIN',
  'OVA_INT',
  'MVA_INT',
  'DDC_FIN',
  'DDC_INT',
  'ODC',
  'MDC',
] as const;

describe('wwzDecomposition', () => {
  it('matches the numpy transcription of WWZ (2013) eq. (37) to 1e-8 relative, row by row', () => {
    // Expected: tests/io/fixtures/decompositions_reference.py (WWZ block, explicit block sums over
    // third countries), printed output pasted in tests/io/fixtures/decompositions-reference.ts.
    const got = wwzDecomposition(fixtureIcio());
    expect(got).toHaveLength(REFERENCE.wwz.length); // 4 exporters × 2 sectors × 3 partners
    // Records come ordered by exporter, sector, partner (decompr's order); the script prints by
    // exporter, partner, sector.
    const order = got.map((r) => [r.country, r.sector, r.partner].join('|'));
    const expectedOrder = FIXTURE_COUNTRIES.flatMap((c) =>
      FIXTURE_SECTORS.flatMap((sec) =>
        FIXTURE_COUNTRIES.filter((p) => p !== c).map((p) => [c, sec, p].join('|')),
      ),
    );
    expect(order).toEqual(expectedOrder);
    for (const row of REFERENCE.wwz) {
      const label = [FIXTURE_COUNTRIES[row[0]!], FIXTURE_SECTORS[row[1]!], FIXTURE_COUNTRIES[row[2]!]].join(
        '|',
      );
      const r = got[order.indexOf(label)]!;
      REFERENCE.wwzKeys.forEach((key, c) => {
        expectClose(r[key as keyof WwzRecord] as number, row[c + 3]!, `${label}.${key}`);
      });
    }
  });

  it('sums the sixteen terms to bilateral sector gross exports E_sr^i taken from the table', () => {
    for (const r of wwzDecomposition(fixtureIcio())) {
      const s = FIXTURE_COUNTRIES.indexOf(r.country as never);
      const p = FIXTURE_COUNTRIES.indexOf(r.partner as never);
      const i = s * 2 + FIXTURE_SECTORS.indexOf(r.sector as never);
      // E_sr^i = Σ_{j∈r} Z_ij + Y_ir, read straight from the fixture.
      const texpint = FIXTURE_Z[i]![p * 2]! + FIXTURE_Z[i]![p * 2 + 1]!;
      const texpfd = FIXTURE_Y[i]![p]!;
      expect([r.texpint, r.texpfd, r.texp]).toEqual([texpint, texpfd, texpint + texpfd]);
      const sum = TERMS.reduce((a, k) => a + r[k], 0);
      expectClose(sum, r.texp, `${r.country}.${r.sector}→${r.partner} sixteen terms vs texp`, 1e-12);
      // Final-goods exports hold exactly DVA_FIN + MVA_FIN + OVA_FIN (decompr's texpfddiff = 0).
      expectClose(r.DVA_FIN + r.MVA_FIN + r.OVA_FIN, r.texpfd, 'final-goods exports', 1e-12);
    }
  });

  it('aggregates to the KWW terms under WWZ Table E2 (as decompr::wwz2kww)', () => {
    const wwz = wwzDecomposition(fixtureIcio());
    const kww = kwwDecomposition(fixtureIcio());
    for (const k of kww) {
      const rows = wwz.filter((r) => r.country === k.country);
      const sum = (f: (r: WwzRecord) => number) => rows.reduce((a, r) => a + f(r), 0);
      expectClose(
        sum((r) => r.DVA_FIN),
        k.DVA_FIN,
        'DVA_FIN',
      );
      expectClose(
        sum((r) => r.DVA_INT + r.DVA_INTrexI1),
        k.DVA_INT,
        'DVA_INT',
      );
      expectClose(
        sum((r) => r.DVA_INTrexF + r.DVA_INTrexI2),
        k.DVA_INTrex,
        'DVA_INTrex',
      );
      expectClose(
        sum((r) => r.RDV_FIN + r.RDV_FIN2),
        k.RDV_FIN,
        'RDV_FIN',
      );
      expectClose(
        sum((r) => r.RDV_INT),
        k.RDV_INT,
        'RDV_INT',
      );
      expectClose(
        sum((r) => r.DDC_FIN + r.DDC_INT),
        k.DDC,
        'DDC',
      );
      expectClose(
        sum((r) => r.MVA_FIN + r.OVA_FIN),
        k.FVA_FIN,
        'FVA_FIN',
      );
      expectClose(
        sum((r) => r.MVA_INT + r.OVA_INT),
        k.FVA_INT,
        'FVA_INT',
      );
      expectClose(
        sum((r) => r.MDC + r.ODC),
        k.FDC,
        'FDC',
      );
      expectClose(
        sum((r) => r.texp),
        k.GEXP,
        'GEXP',
      );
    }
  });

  it('agrees with a hand calculation on a two-country, one-sector table', () => {
    // Same table as in kww.test.ts: B = [[11, 1], [4.5, 12]] / 8.5, v = (0.5, 2/3), L_AA = 1.25.
    // A → B: DVA_FIN = 0.5·(11/8.5)·20 = 110/8.5; MVA_FIN = v_B B_BA Y_AB = (3/8.5)·20 = 60/8.5;
    // no third country, so OVA_*, ODC, DVA_INTrex*, RDV_FIN2 are 0;
    // RDV_FIN = v_A L_AA A_AB B_BB Y_BA = 0.625·(1/15)·(12/8.5)·10 = 0.5/0.85 = 0.588235…
    const [ab] = wwzDecomposition(createIcio(HAND_TABLE));
    expect([ab!.country, ab!.sector, ab!.partner, ab!.texp]).toEqual(['A', 's', 'B', 30]);
    expectClose(ab!.DVA_FIN, 110 / 8.5, 'DVA_FIN');
    expectClose(ab!.MVA_FIN, 60 / 8.5, 'MVA_FIN');
    expectClose(ab!.RDV_FIN, 0.5 / 0.85, 'RDV_FIN');
    for (const k of [
      'OVA_FIN',
      'OVA_INT',
      'ODC',
      'DVA_INTrexI1',
      'DVA_INTrexF',
      'DVA_INTrexI2',
      'RDV_FIN2',
    ] as const) {
      expectClose(ab![k], 0, k, 1e-12);
    }
  });

  it('returns records that satisfy its schema', () => {
    for (const r of wwzDecomposition(fixtureIcio())) expect(WwzRecord.parse(r)).toEqual(r);
  });

  it('does not mutate the table', () => {
    const t = freezeIcio(fixtureIcio());
    const before = cloneIcio(t);
    wwzDecomposition(t);
    expect(cloneIcio(t)).toEqual(before);
  });

  it('rejects a one-country table with INVALID_INPUT', () => {
    const one = createIcio({
      countries: ['A'],
      sectors: ['s', 't'],
      Z: [
        [1, 0],
        [0, 1],
      ],
      Y: [[2], [2]],
    });
    expect(() => wwzDecomposition(one)).toThrow(
      new GvcError('INVALID_INPUT', 'wwzDecomposition needs an inter-country table', [
        { path: 'icio.G', message: 'expected at least 2 countries, found 1' },
      ]),
    );
  });
});

describe('wwzDecomposition against decompr (R) on its leather example', () => {
  // Printed by decompr's `decomp(inter, final, countries, industries, out, method = "wwz")` in its
  // rendered vignette (bquast/decompr, vignettes/decompr.html, dated 2015-03-14, commit
  // 241de87a30994d32e4de6ea33407a9b0f3822e5a); pasted verbatim (the texp… check columns after MDC
  // are kept as printed but not compared, except texp, texpint and texpfd). The same sixteen columns,
  // digit for digit, are printed by the 2015 blog post (first thirteen columns only; bquast/decompr,
  // _posts/2015-01-06-leather-data.md) and ten years later by Sebastian Krantz's icio package,
  // `decomp(m, method = "wwz")` (SebKrantz/icio, reference/decomp.md), so the leather numbers did
  // not change between the 2015 decompr and today's decompr/icio. decompr's wwz() is Fei Wang's code; its
  // in-code comments number terms 6–8 in the paper's order while the column names follow the
  // meaning (RDV_INT = paper's T8 via B_rs Y_ss, RDV_FIN = T6 via B_rr Y_rs, RDV_FIN2 = T7), the
  // naming wwzDecomposition copies. decompr also prints the r = s rows (all zero); we omit them.
  // R prints at least 7 significant digits; each value must round to the printed one (half a unit
  // in the last printed decimal, ≤ 5e-7 relative).
  const printed = `
##    Exporting_Country  Exporting_Industry Importing_Country    DVA_FIN
## 1          Argentina         Agriculture         Argentina  0.0000000
## 2          Argentina         Agriculture            Turkey  5.4744354
## 3          Argentina         Agriculture           Germany  7.5385668
## 4          Argentina Textile.and.Leather         Argentina  0.0000000
## 5          Argentina Textile.and.Leather            Turkey  1.4704511
## 6          Argentina Textile.and.Leather           Germany  3.9470004
## 7          Argentina Transport.Equipment         Argentina  0.0000000
## 8          Argentina Transport.Equipment            Turkey  0.3534427
## 9          Argentina Transport.Equipment           Germany  0.5655083
## 10            Turkey         Agriculture         Argentina  6.2797497
## 11            Turkey         Agriculture            Turkey  0.0000000
## 12            Turkey         Agriculture           Germany 11.8896593
## 13            Turkey Textile.and.Leather         Argentina  7.2273648
## 14            Turkey Textile.and.Leather            Turkey  0.0000000
## 15            Turkey Textile.and.Leather           Germany 13.7238725
## 16            Turkey Transport.Equipment         Argentina  0.8407805
## 17            Turkey Transport.Equipment            Turkey  0.0000000
## 18            Turkey Transport.Equipment           Germany  3.4331870
## 19           Germany         Agriculture         Argentina  7.8610949
## 20           Germany         Agriculture            Turkey 15.2949565
## 21           Germany         Agriculture           Germany  0.0000000
## 22           Germany Textile.and.Leather         Argentina  6.5544233
## 23           Germany Textile.and.Leather            Turkey  8.3797057
## 24           Germany Textile.and.Leather           Germany  0.0000000
## 25           Germany Transport.Equipment         Argentina 16.9168288
## 26           Germany Transport.Equipment            Turkey 23.7239990
## 27           Germany Transport.Equipment           Germany  0.0000000
##       DVA_INT DVA_INTrexI1 DVA_INTrexF DVA_INTrexI2     RDV_INT    RDV_FIN
## 1   0.0000000   0.00000000  0.00000000  0.000000000 0.000000000 0.00000000
## 2   2.6813686   1.13634407  1.40930027  0.504931544 0.168614730 0.70568372
## 3   5.1055954   0.41301548  2.07223830  0.184142503 0.241349852 1.40626760
## 4   0.0000000   0.00000000  0.00000000  0.000000000 0.000000000 0.00000000
## 5   1.6059520   0.51989101  0.73959485  0.238689217 0.078969730 0.33143582
## 6   6.4499428   0.53948810  2.81987967  0.236761536 0.317887034 1.98497120
## 7   0.0000000   0.00000000  0.00000000  0.000000000 0.000000000 0.00000000
## 8   0.1488951   0.02512465  0.05166467  0.011502878 0.004631660 0.01867612
## 9   0.3167888   0.02878668  0.13002229  0.012763061 0.014519380 0.09346627
## 10  1.1190525   0.42428189  0.32364669  0.127683939 0.154036261 0.17353911
## 11  0.0000000   0.00000000  0.00000000  0.000000000 0.000000000 0.00000000
## 12  9.1875645   0.44406842  2.46325705  0.104348906 0.693923875 3.73948515
## 13  1.0471326   0.46078259  0.29530382  0.140987907 0.151185856 0.13152490
## 14  0.0000000   0.00000000  0.00000000  0.000000000 0.000000000 0.00000000
## 15 12.0058480   0.62802955  3.90680904  0.127367338 0.950059562 5.57979048
## 16  0.1781916   0.02204374  0.02060577  0.006672856 0.008562439 0.01119518
## 17  0.0000000   0.00000000  0.00000000  0.000000000 0.000000000 0.00000000
## 18  0.6546040   0.03517716  0.21633307  0.007037041 0.049810123 0.31139842
## 19  2.0199906   0.28226589  0.28018271  0.060605877 0.820750168 0.57157404
## 20  2.0603035   0.11637081  0.47705677  0.015705424 0.736949683 0.97226390
## 21  0.0000000   0.00000000  0.00000000  0.000000000 0.000000000 0.00000000
## 22  0.7909465   0.11961386  0.15208027  0.027530616 0.309465907 0.25977474
## 23  3.6874998   0.18967992  0.78711215  0.023624112 1.222414373 1.69900744
## 24  0.0000000   0.00000000  0.00000000  0.000000000 0.000000000 0.00000000
## 25  2.3746384   0.18110921  0.25997068  0.039006620 0.436904740 0.42764724
## 26  3.2689405   0.14831124  0.60720101  0.018387426 0.907106729 1.37381855
## 27  0.0000000   0.00000000  0.00000000  0.000000000 0.000000000 0.00000000
##       RDV_FIN2    OVA_FIN    MVA_FIN    OVA_INT    MVA_INT     DDC_FIN
## 1  0.000000000 0.00000000 0.00000000 0.00000000 0.00000000 0.000000000
## 2  0.347019751 0.41126356 0.21430105 0.19588405 0.10207118 0.064864146
## 3  0.084582830 0.29510308 0.56633015 0.19467191 0.37359342 0.087209223
## 4  0.000000000 0.00000000 0.00000000 0.00000000 0.00000000 0.000000000
## 5  0.166207540 0.24200608 0.18754280 0.26256584 0.20347560 0.027678457
## 6  0.107403534 0.50340436 0.64959526 0.81211670 1.04795907 0.106880311
## 7  0.000000000 0.00000000 0.00000000 0.00000000 0.00000000 0.000000000
## 8  0.007976699 0.09668098 0.04987633 0.04203798 0.02168679 0.001418669
## 9  0.005810004 0.07980213 0.15468957 0.04511074 0.08744330 0.005097011
## 10 0.182994956 0.83991301 0.38033734 0.15006977 0.06795601 0.107000467
## 11 0.000000000 0.00000000 0.00000000 0.00000000 0.00000000 0.000000000
## 12 0.057224342 0.72010537 1.59023530 0.55070767 1.21614811 0.452925213
## 13 0.200948224 0.91653494 0.75610026 0.13297218 0.10969609 0.101320108
## 14 0.000000000 0.00000000 0.00000000 0.00000000 0.00000000 0.000000000
## 15 0.074151999 1.43574094 1.74038658 1.24831079 1.51318619 0.597136653
## 16 0.009457655 0.24206509 0.11715443 0.05450683 0.02638016 0.005182273
## 17 0.000000000 0.00000000 0.00000000 0.00000000 0.00000000 0.000000000
## 18 0.004084652 0.47838059 0.98843243 0.09450248 0.19526151 0.031112965
## 19 0.131707311 0.89832585 0.44057920 0.22998309 0.11279400 0.605435276
## 20 0.029961455 0.85721388 1.74782965 0.11412326 0.23269341 0.531356894
## 21 0.000000000 0.00000000 0.00000000 0.00000000 0.00000000 0.000000000
## 22 0.058019038 0.70047263 0.64510407 0.08462563 0.07793643 0.224432812
## 23 0.046204332 0.82475330 0.89554095 0.36128082 0.39228915 0.921022483
## 24 0.000000000 0.00000000 0.00000000 0.00000000 0.00000000 0.000000000
## 25 0.084238072 5.26294538 2.92022578 0.77714301 0.43120969 0.314861124
## 26 0.035453172 4.09529671 7.38070428 0.58558374 1.05536198 0.673700534
## 27 0.000000000 0.00000000 0.00000000 0.00000000 0.00000000 0.000000000
##       DDC_INT        ODC        MDC texp texpint texpfd texpdiff
## 1  0.00000000 0.00000000 0.00000000  0.0     0.0    0.0        0
## 2  0.07171574 0.33673597 0.17546624 14.0     7.9    6.1        0
## 3  0.09804177 0.18474634 0.35454534 19.2    10.8    8.4        0
## 4  0.00000000 0.00000000 0.00000000  0.0     0.0    0.0        0
## 5  0.08379741 0.36155510 0.28018741  6.8     4.9    1.9        0
## 6  0.28388511 0.82641514 1.06640983 21.7    16.6    5.1        0
## 7  0.00000000 0.00000000 0.00000000  0.0     0.0    0.0        0
## 8  0.01286371 0.03530681 0.01821428  0.9     0.4    0.5        0
## 9  0.02894336 0.04466665 0.08658247  1.7     0.9    0.8        0
## 10 0.06712404 0.20829312 0.09432126 10.7     3.2    7.5        0
## 11 0.00000000 0.00000000 0.00000000  0.0     0.0    0.0        0
## 12 0.44050153 0.51423688 1.13560832 35.2    21.0   14.2        0
## 13 0.06941710 0.19656847 0.16216018 12.1     3.2    8.9        0
## 14 0.00000000 0.00000000 0.00000000  0.0     0.0    0.0        0
## 15 0.65512387 1.31733277 1.59685374 47.1    30.2   16.9        0
## 16 0.01834868 0.02618153 0.01267131  1.6     0.4    1.2        0
## 17 0.00000000 0.00000000 0.00000000  0.0     0.0    0.0        0
## 18 0.09174341 0.10075490 0.20818030  6.9     2.0    4.9        0
## 19 0.09794912 0.32658836 0.16017355 14.9     5.7    9.2        0
## 20 0.10138593 0.16842209 0.34340686 23.8     5.9   17.9        0
## 21 0.00000000 0.00000000 0.00000000  0.0     0.0    0.0        0
## 22 0.04935351 0.12817618 0.11804455 10.3     2.4    7.9        0
## 23 0.21797800 0.50430185 0.54758551 20.7    10.6   10.1        0
## 24 0.00000000 0.00000000 0.00000000  0.0     0.0    0.0        0
## 25 0.26247603 0.58577113 0.32502408 31.6     6.5   25.1        0
## 26 0.44822829 0.70583084 1.27207602 46.3    11.1   35.2        0
## 27 0.00000000 0.00000000 0.00000000  0.0     0.0    0.0        0
`;
  const rows = parsePrinted(printed);
  const crossBorder = rows.filter((r) => r.Exporting_Country !== r.Importing_Country);

  it('prints 27 rows, of which the nine with importer = exporter are all zero', () => {
    expect(rows).toHaveLength(27);
    expect(crossBorder).toHaveLength(18);
    for (const row of rows.filter((r) => r.Exporting_Country === r.Importing_Country)) {
      for (const key of TERMS) expect(Number(row[key])).toBe(0);
    }
  });

  it('matches the sixteen printed terms and texp, texpint, texpfd for every cross-border row', () => {
    const got = wwzDecomposition(leatherIcio());
    // decompr prints industry names with dots (R's make.names of the 2015 data set); the data set
    // now uses underscores, as the fixture does.
    expect(got.map((r) => [r.country, r.sector, r.partner])).toEqual(
      crossBorder.map((r) => [
        r.Exporting_Country,
        r.Exporting_Industry!.replaceAll('.', '_'),
        r.Importing_Country,
      ]),
    );
    crossBorder.forEach((row, k) => {
      const what = `${row.Exporting_Country}.${row.Exporting_Industry}→${row.Importing_Country}`;
      for (const key of [...TERMS, 'texp', 'texpint', 'texpfd'] as const) {
        expectPrinted(got[k]![key], row[key]!, `${what}.${key}`);
      }
    });
  });
});
