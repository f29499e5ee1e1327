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
        { path: 'G', message: 'expected at least 2 countries, found 1' },
      ]),
    );
  });
});
