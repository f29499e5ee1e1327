import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bmDecomposition } from '../../../src/io/decompositions/index.js';
import { createIcio } from '../../../src/io/model.js';
import {
  attachSatellite,
  type EmbodiedExportsRecord,
  embodiedInExports,
} from '../../../src/io/satellite/index.js';
import { tableArb } from '../../fuzz/arbitraries.js';
import { cloneIcio, expectClose, HAND_TABLE } from '../decompositions/helpers.js';
import { FOOTPRINTS_BILATERAL_REFERENCE as RB } from '../fixtures/footprints-bilateral-reference.js';
import { FOOTPRINTS_REFERENCE as R } from '../fixtures/footprints-reference.js';
import { FIXTURE_COUNTRIES, FIXTURE_SECTORS, fixtureIcio } from '../fixtures/icio-4x2.js';

type Term = Exclude<
  keyof EmbodiedExportsRecord,
  'stressor' | 'unit' | 'compartment' | 'country' | 'sector' | 'partner'
>;
const KEYS = R.embodiedKeys.slice(3) as Term[];

describe('embodiedInExports', () => {
  /**
   * HAND_TABLE with jobs F = [100, 300], S = [1, 2] (see footprints.test.ts for x, A and L).
   * Exporter A: E_A = 10 (intermediates to B) + 20 (final to B) = 30. L_AA (local) = 1/(1 − .2) =
   * 1.25, so DVA = 1·1.25·30 = 37.5. B_AA = 22/17: DC = 22/17·30 = 660/17. total = M_A·E_A =
   * 40/17·30 = 1200/17, FC = 540/17. B^A = (I − A^A)⁻¹ with A_AB set to 0: A^A = [[.2, 0], [.3,
   * 4/15]], lower triangular, B^A_BA = .3·1.25·15/11 = 5.625/11, so FVA = 2·5.625/11·30 = 337.5/11.
   */
  it('matches the hand calculation on the 2×1 table, and does not change it', () => {
    const t = attachSatellite(createIcio(HAND_TABLE), {
      stressors: [{ name: 'jobs', unit: 'persons' }],
      F: [[100, 300]],
    });
    const before = cloneIcio(t);
    const [a] = embodiedInExports(t);
    expect([a!.stressor, a!.unit, a!.country, a!.GEXP]).toEqual(['jobs', 'persons', 'A', 30]);
    expect(a!.sector).toBeUndefined();
    expectClose(a!.DVA, 37.5, 'DVA', 1e-12);
    expectClose(a!.DC, 660 / 17, 'DC', 1e-12);
    expectClose(a!.total, 1200 / 17, 'total', 1e-12);
    expectClose(a!.FC, 540 / 17, 'FC', 1e-12);
    expectClose(a!.FVA, 337.5 / 11, 'FVA', 1e-12);
    expect(cloneIcio(t)).toEqual(before);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('matches the numpy reference (explicit B^s per exporter) on the 4×2 table, by sector and country', () => {
    const u = attachSatellite(fixtureIcio(), {
      stressors: [
        { name: 'CO2', unit: 'kt' },
        { name: 'Employment', unit: '1000 persons' },
      ],
      F: R.F,
      FY: R.FY,
    });
    const sec = embodiedInExports(u, { level: 'sector' });
    expect(sec.length).toBe(R.embodied.length);
    sec.forEach((r, idx) => {
      const row = R.embodied[idx]!;
      expect([r.stressor, r.country, r.sector]).toEqual([
        ['CO2', 'Employment'][row[0]!],
        FIXTURE_COUNTRIES[row[1]!],
        FIXTURE_SECTORS[row[2]!],
      ]);
      KEYS.forEach((key, k) => {
        expectClose(r[key], row[3 + k]!, `${r.stressor} ${r.country}_${r.sector} ${key}`, 1e-9);
      });
    });
    const ctry = embodiedInExports(u);
    expect(ctry.length).toBe(8);
    ctry.forEach((r, idx) => {
      const rows = R.embodied.filter((row) => row[0] === Math.floor(idx / 4) && row[1] === idx % 4);
      KEYS.forEach((key, k) => {
        const want = rows.reduce((a, row) => a + row[3 + k]!, 0);
        expectClose(r[key], want, `${r.stressor} ${r.country} ${key}`, 1e-9);
      });
    });
    expect(embodiedInExports(u, { stressors: ['CO2'] }).length).toBe(4);
  });
});

describe('embodiedInExports by partner (bilateral, bilateral-sector)', () => {
  /**
   * HAND_TABLE as above: x = [100, 150], A = [[.2, 1/15], [.3, 4/15]], det(I − A) = 17/30, so
   * B = [[22/17, 2/17], [9/17, 24/17]]; S = [1, 2], M = S·B = [40/17, 50/17]; L_AA = 1.25,
   * L_BB = 1/(1 − 4/15) = 15/11. With two countries each exporter has one partner.
   * A→B: E_AB = Z_AB + Y_AB = 10 + 20 = 30; DAVAX = 1.25·(Y_AB + A_AB L_BB Y_BB) =
   * 1.25·(20 + (1/15)(15/11)·70) = 1.25·290/11 = 362.5/11; (B·Y)_{B,A} = 9/17·50 + 24/17·10 =
   * 690/17, so VAX = 1.25·(20 + (1/15)(150 − 690/17)) = 1.25·(20 + 124/17) = 580/17.
   * B→A: E_BA = 30 + 10 = 40; total = 50/17·40 = 2000/17; DC = 2·B_BB·40 = 2·24/17·40 = 1920/17;
   * DVA = 2·15/11·40 = 1200/11.
   */
  it('matches the hand calculation on the 2×1 table', () => {
    const t = attachSatellite(createIcio(HAND_TABLE), {
      stressors: [{ name: 'jobs', unit: 'persons' }],
      F: [[100, 300]],
    });
    const [ab, ba] = embodiedInExports(t, { level: 'bilateral' });
    expect([ab!.country, ab!.partner, ab!.GEXP, ab!.sector]).toEqual(['A', 'B', 30, undefined]);
    expectClose(ab!.DVA, 37.5, 'DVA A→B', 1e-12);
    expectClose(ab!.DAVAX, 362.5 / 11, 'DAVAX A→B', 1e-12);
    expectClose(ab!.VAX, 580 / 17, 'VAX A→B', 1e-12);
    expectClose(ab!.FVA, 337.5 / 11, 'FVA A→B', 1e-12);
    expect([ba!.country, ba!.partner, ba!.GEXP]).toEqual(['B', 'A', 40]);
    expectClose(ba!.total, 2000 / 17, 'total B→A', 1e-12);
    expectClose(ba!.DC, 1920 / 17, 'DC B→A', 1e-12);
    expectClose(ba!.DVA, 1200 / 11, 'DVA B→A', 1e-12);
    const [abs] = embodiedInExports(t, { level: 'bilateral-sector' });
    expect(Object.keys(abs!).slice(3, 7)).toEqual(['country', 'sector', 'partner', 'GEXP']);
    expectClose(abs!.VAX, 580 / 17, 'VAX A_s→B', 1e-12);
  });

  it('matches the numpy reference (explicit B^s, E_sr per partner) on the 4×2 table', () => {
    const u = attachSatellite(fixtureIcio(), {
      stressors: [
        { name: 'CO2', unit: 'kt' },
        { name: 'Employment', unit: '1000 persons' },
      ],
      F: R.F,
      FY: R.FY,
    });
    const BKEYS = RB.embodiedBilateralKeys.slice(4) as Term[];
    const sec = embodiedInExports(u, { level: 'bilateral-sector' });
    expect(sec.length).toBe(RB.embodiedBilateral.length);
    sec.forEach((r, idx) => {
      const row = RB.embodiedBilateral[idx]!;
      expect([r.stressor, r.country, r.partner, r.sector]).toEqual([
        ['CO2', 'Employment'][row[0]!],
        FIXTURE_COUNTRIES[row[1]!],
        FIXTURE_COUNTRIES[row[2]!],
        FIXTURE_SECTORS[row[3]!],
      ]);
      BKEYS.forEach((key, k) => {
        expectClose(r[key], row[4 + k]!, `${r.stressor} ${r.country}_${r.sector}→${r.partner} ${key}`, 1e-9);
      });
    });
    const pairs = embodiedInExports(u, { level: 'bilateral', stressors: ['Employment'] });
    expect(pairs.length).toBe(12);
    for (const r of pairs) {
      const countries: readonly string[] = FIXTURE_COUNTRIES;
      const [c, p] = [countries.indexOf(r.country), countries.indexOf(r.partner!)];
      const rows = RB.embodiedBilateral.filter((row) => row[0] === 1 && row[1] === c && row[2] === p);
      expect(rows.length).toBe(2);
      BKEYS.forEach((key, k) => {
        const want = rows.reduce((a, row) => a + row[4 + k]!, 0);
        expectClose(r[key], want, `Employment ${r.country}→${r.partner} ${key}`, 1e-9);
      });
    }
  });

  it('refuses an unknown level, naming the four', () => {
    const t = attachSatellite(createIcio(HAND_TABLE), { stressors: [{ name: 'jobs' }], F: [[100, 300]] });
    expect(() => embodiedInExports(t, { level: 'partner' as 'bilateral' })).toThrow(
      /"country", "sector", "bilateral" or "bilateral-sector"/,
    );
  });
});

const tables = tableArb({ minG: 2, maxG: 4, maxN: 3 }).map((t) => createIcio(t));

describe('embodiedInExports on random tables (fast-check)', () => {
  it('with value added as the stressor, the terms are bmDecomposition’s and total = GEXP', () => {
    fc.assert(
      fc.property(tables, (t) => {
        const scale = Math.max(1, ...t.x);
        const u = attachSatellite(t, { stressors: [{ name: 'VA' }], F: t.va });
        for (const level of ['country', 'sector'] as const) {
          const bm = bmDecomposition(t, { level });
          const em = embodiedInExports(u, { level });
          bm.forEach((b, i) => {
            const e = em[i]!;
            expect(e.country).toBe(b.country);
            expectClose(e.total / scale, b.GEXP / scale, 'total = GEXP', 1e-9);
            for (const key of KEYS.filter((k) => k !== 'total'))
              expectClose(
                e[key] / scale,
                b[key as Exclude<Term, 'total'>] / scale,
                `${level} ${b.country} ${key}`,
                1e-9,
              );
          });
        }
      }),
      { numRuns: 40 },
    );
  });

  it('DVA + DDC + FVA + FDC = total, DC + FC = total, VAX + REF = DVA for any stressor', () => {
    const withStressors = tables.chain((t) =>
      fc
        .array(
          fc.array(fc.double({ min: -50, max: 200, noNaN: true }), {
            minLength: t.G * t.N,
            maxLength: t.G * t.N,
          }),
          {
            minLength: 1,
            maxLength: 2,
          },
        )
        .map((F) => attachSatellite(t, { stressors: F.map((_, s) => ({ name: `s${s}` })), F })),
    );
    fc.assert(
      fc.property(withStressors, (u) => {
        const F = u.meta!.satellite!.F;
        const scale = 1 + F.reduce((a, b) => a + Math.abs(b), 0) * Math.max(1, ...u.x);
        for (const r of embodiedInExports(u, { level: 'sector' })) {
          const close = (a: number, b: number, what: string) => expectClose(a / scale, b / scale, what, 1e-9);
          close(r.DVA + r.DDC + r.FVA + r.FDC, r.total, 'DVA + DDC + FVA + FDC = total');
          close(r.DC + r.FC, r.total, 'DC + FC = total');
          close(r.VAX + r.REF, r.DVA, 'VAX + REF = DVA');
        }
      }),
      { numRuns: 40 },
    );
  });

  it('partner records sum to the exporter’s record; each satisfies the identities; with S = v, total = GEXP', () => {
    const withVa = tables.map((t) =>
      attachSatellite(t, {
        stressors: [{ name: 'VA' }, { name: 'x2' }],
        F: [t.va, t.va.map((v, j) => v * (j % 3) - 1)],
      }),
    );
    fc.assert(
      fc.property(withVa, (u) => {
        const scale = Math.max(1, ...u.x) * (1 + u.va.reduce((a, b) => a + Math.abs(b), 0));
        const close = (a: number, b: number, what: string) => expectClose(a / scale, b / scale, what, 1e-9);
        for (const [whole, split] of [
          ['country', 'bilateral'],
          ['sector', 'bilateral-sector'],
        ] as const) {
          const agg = embodiedInExports(u, { level: whole });
          const bil = embodiedInExports(u, { level: split });
          expect(bil.length).toBe(agg.length * (u.G - 1));
          for (const a of agg) {
            const parts = bil.filter(
              (b) => b.stressor === a.stressor && b.country === a.country && b.sector === a.sector,
            );
            expect(parts.map((b) => b.partner)).toEqual(u.countries.filter((c) => c !== a.country));
            for (const key of ['GEXP', ...KEYS] as Term[])
              close(
                parts.reduce((acc, b) => acc + b[key], 0),
                a[key],
                `${split} ${a.stressor} ${a.country} ${a.sector ?? ''} Σ partners ${key}`,
              );
          }
          for (const r of bil) {
            close(r.DVA + r.DDC + r.FVA + r.FDC, r.total, 'DVA + DDC + FVA + FDC = total');
            close(r.VAX + r.REF, r.DVA, 'VAX + REF = DVA');
            if (r.stressor === 'VA') close(r.total, r.GEXP, 'total = GEXP with S = v');
          }
        }
      }),
      { numRuns: 30 },
    );
  });
});
