import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIcio } from '../../../src/io/model.js';
import {
  attachSatellite,
  embodiedInFinalDemand,
  footprintAccounts,
  stressorMultipliers,
} from '../../../src/io/satellite/index.js';
import type { Icio } from '../../../src/io/types.js';
import { tableArb } from '../../fuzz/arbitraries.js';
import { cloneIcio, expectClose, HAND_TABLE } from '../decompositions/helpers.js';
import { FOOTPRINTS_REFERENCE as R } from '../fixtures/footprints-reference.js';
import { fixtureIcio } from '../fixtures/icio-4x2.js';

/** Tolerance of the comparisons with the numpy reference: 1e-9 of max(1, |expected|). */
const REL = 1e-9;

/**
 * The 2×1 hand table (HAND_TABLE) with one stressor, jobs F = [100, 300]. By hand:
 * x = [100, 150]; A = [[.2, 1/15], [.3, 4/15]]; det(I − A) = .8·11/15 − .3/15 = 8.5/15, so
 * L = [[22, 2], [9, 24]] / 17. S = F / x = [1, 2]. M = S·L = [(22 + 18), (2 + 48)] / 17 =
 * [40/17, 50/17]; the domestic part of M_A is S_A L_AA = 22/17, of M_B S_B L_BB = 48/17.
 * L·Y: column A = L·[50, 10] = [1120, 690]/17, column B = L·[20, 70] = [580, 1860]/17.
 * Flows (producer → final-demand country): A→A 1120/17, A→B 580/17, B→A 2·690/17 = 1380/17,
 * B→B 2·1860/17 = 3720/17. Production: A 1700/17 = 100, B 5100/17 = 300 (= F). Consumption:
 * A (1120 + 1380)/17 = 2500/17, B (580 + 3720)/17 = 4300/17. Exports: A 580/17, B 1380/17;
 * imports: A 1380/17, B 580/17. A: production − consumption = −800/17 = exports − imports.
 */
const hand = () =>
  attachSatellite(createIcio(HAND_TABLE), {
    stressors: [{ name: 'jobs', unit: 'persons' }],
    F: [[100, 300]],
  });

describe('stressorMultipliers', () => {
  it('matches the hand calculation on the 2×1 table', () => {
    const r = stressorMultipliers(hand());
    expect(r.map((x) => [x.stressor, x.unit, x.compartment, x.country, x.sector])).toEqual([
      ['jobs', 'persons', '', 'A', 's'],
      ['jobs', 'persons', '', 'B', 's'],
    ]);
    expect(r.map((x) => x.intensity)).toEqual([1, 2]);
    expectClose(r[0]!.multiplier, 40 / 17, 'M_A', 1e-12);
    expectClose(r[1]!.multiplier, 50 / 17, 'M_B', 1e-12);
    expectClose(r[0]!.domestic, 22 / 17, 'M_A domestic', 1e-12);
    expectClose(r[1]!.foreign, 2 / 17, 'M_B foreign', 1e-12);
    expect(Object.isFrozen(r)).toBe(true);
  });

  it('matches the numpy reference (S, M and its domestic part) on the 4×2 table, two stressors', () => {
    const u = withReference();
    const r = stressorMultipliers(u);
    expect(r.length).toBe(16);
    r.forEach((x, idx) => {
      const s = Math.floor(idx / 8);
      const j = idx % 8;
      expectClose(x.intensity, R.S[s]![j]!, `S[${s}][${j}]`, REL);
      expectClose(x.multiplier, R.M[s]![j]!, `M[${s}][${j}]`, REL);
      expectClose(x.domestic, R.Mdomestic[s]![j]!, `M domestic[${s}][${j}]`, REL);
    });
    expect(stressorMultipliers(u, { stressors: ['Employment'] }).map((x) => x.stressor)).toEqual(
      Array(8).fill('Employment'),
    );
  });
});

describe('footprintAccounts', () => {
  it('matches the hand calculation on the 2×1 table', () => {
    const t = hand();
    const before = cloneIcio(t);
    const c = footprintAccounts(t);
    const want = [
      { production: 100, consumption: 2500 / 17, imports: 1380 / 17, exports: 580 / 17 },
      { production: 300, consumption: 4300 / 17, imports: 580 / 17, exports: 1380 / 17 },
    ];
    c.forEach((r, i) => {
      expect(r.direct).toBe(0);
      for (const key of ['production', 'consumption', 'imports', 'exports'] as const)
        expectClose(r[key], want[i]![key], `${r.country} ${key}`, 1e-12);
    });
    expect(cloneIcio(t)).toEqual(before);
  });

  it('matches pymrio’s calc_accounts and _reg accounts (numpy reference) on the 4×2 table', () => {
    const u = withReference();
    const c = footprintAccounts(u);
    expect(c.map((r) => `${r.stressor}/${r.unit}/${r.country}`).slice(0, 2)).toEqual([
      'CO2/kt/AAA',
      'CO2/kt/BBB',
    ]);
    c.forEach((r, idx) => {
      const s = Math.floor(idx / 4);
      const d = idx % 4;
      expectClose(r.production, R.D_pba_reg[s]![d]!, `D_pba_reg[${s}][${d}]`, REL);
      expectClose(r.consumption, R.D_cba_reg[s]![d]!, `D_cba_reg[${s}][${d}]`, REL);
      expectClose(r.imports, R.D_imp_reg[s]![d]!, `D_imp_reg[${s}][${d}]`, REL);
      expectClose(r.exports, R.D_exp_reg[s]![d]!, `D_exp_reg[${s}][${d}]`, REL);
      expect(r.direct).toBe(R.FY[s]![d]!);
    });
    const sec = footprintAccounts(u, { level: 'sector' });
    expect(sec.length).toBe(16);
    sec.forEach((r, idx) => {
      const s = Math.floor(idx / 8);
      const j = idx % 8;
      expectClose(r.production, R.D_pba[s]![j]!, `D_pba[${s}][${j}]`, REL);
      expectClose(r.consumption, R.D_cba[s]![j]!, `D_cba[${s}][${j}]`, REL);
      expectClose(r.imports, R.D_imp[s]![j]!, `D_imp[${s}][${j}]`, REL);
      expectClose(r.exports, R.D_exp[s]![j]!, `D_exp[${s}][${j}]`, REL);
    });
  });
});

describe('embodiedInFinalDemand', () => {
  it('matches the hand calculation on the 2×1 table', () => {
    const r = embodiedInFinalDemand(hand());
    const want = [1120 / 17, 580 / 17, 1380 / 17, 3720 / 17];
    expect(r.map((x) => `${x.country}→${x.partner}`)).toEqual(['A→A', 'A→B', 'B→A', 'B→B']);
    r.forEach((x, i) => {
      expectClose(x.value, want[i]!, `${x.country}→${x.partner}`, 1e-12);
    });
  });

  it('matches the numpy footprint matrix on the 4×2 table', () => {
    const r = embodiedInFinalDemand(withReference());
    expect(r.length).toBe(2 * 16);
    r.forEach((x, idx) => {
      const s = Math.floor(idx / 16);
      const c = Math.floor(idx / 4) % 4;
      const d = idx % 4;
      expectClose(x.value, R.flows[s]![c]![d]!, `flows[${s}][${c}][${d}]`, REL);
    });
  });
});

/** The 4×2 fixture with the reference's two stressors and FY. */
function withReference(): Icio {
  return attachSatellite(fixtureIcio(), {
    stressors: [
      { name: 'CO2', unit: 'kt' },
      { name: 'Employment', unit: '1000 persons' },
    ],
    F: R.F,
    FY: R.FY,
  });
}

/** A random table with k random stressors (negative entries allowed) and FY. */
const tables = tableArb({ minG: 1, maxG: 4, maxN: 3 }).chain((t) => {
  const n = t.countries.length * t.sectors.length;
  const G = t.countries.length;
  const cell = fc.double({ min: -50, max: 200, noNaN: true });
  return fc
    .tuple(
      fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 3 }),
      fc.array(fc.array(cell, { minLength: G, maxLength: G }), { minLength: 3, maxLength: 3 }),
    )
    .map(([F, FY]) => {
      const scale = 1 + [...F.flat(), ...FY.flat()].reduce((a, b) => a + Math.abs(b), 0);
      const icio = attachSatellite(createIcio(t), {
        stressors: F.map((_, s) => ({ name: `s${s}` })),
        F,
        FY: FY.slice(0, F.length),
      });
      return { icio, scale };
    });
});

describe('accounts identities on random tables (fast-check)', () => {
  it('Σ production = Σ consumption (world total), production − consumption = exports − imports', () => {
    fc.assert(
      fc.property(tables, ({ icio, scale }) => {
        const c = footprintAccounts(icio);
        const G = icio.G;
        const close = (a: number, b: number, what: string) => expectClose(a / scale, b / scale, what, 1e-9);
        for (let s = 0; s * G < c.length; s++) {
          const rows = c.slice(s * G, s * G + G);
          const sum = (k: 'production' | 'consumption') => rows.reduce((a, r) => a + r[k], 0);
          close(sum('production'), sum('consumption'), 'Σ D_pba = Σ D_cba');
          for (const r of rows)
            close(r.production - r.consumption, r.exports - r.imports, `${r.country}: pba − cba = exp − imp`);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('sector records, flows and multipliers add up to the country records', () => {
    fc.assert(
      fc.property(tables, ({ icio, scale }) => {
        const { G, N } = icio;
        const n = G * N;
        const close = (a: number, b: number, what: string) => expectClose(a / scale, b / scale, what, 1e-9);
        const c = footprintAccounts(icio);
        const sec = footprintAccounts(icio, { level: 'sector' });
        const flows = embodiedInFinalDemand(icio);
        const m = stressorMultipliers(icio);
        c.forEach((r, idx) => {
          const s = Math.floor(idx / G);
          const d = idx % G;
          const part = sec.slice(s * n + d * N, s * n + d * N + N);
          const sum = (k: 'production' | 'consumption' | 'imports' | 'exports') =>
            part.reduce((a, x) => a + x[k], 0);
          close(sum('production') + r.direct, r.production, 'Σ sector production + direct');
          close(sum('consumption') + r.direct, r.consumption, 'Σ sector consumption + direct');
          close(sum('imports'), r.imports, 'Σ sector imports');
          close(sum('exports'), r.exports, 'Σ sector exports');
          const row = flows.filter((f, k) => Math.floor(k / (G * G)) === s && f.country === r.country);
          const col = flows.filter((f, k) => Math.floor(k / (G * G)) === s && f.partner === r.country);
          close(row.reduce((a, f) => a + f.value, 0) + r.direct, r.production, 'flows by producer');
          close(col.reduce((a, f) => a + f.value, 0) + r.direct, r.consumption, 'flows by partner');
          close(
            row.filter((f) => f.partner !== r.country).reduce((a, f) => a + f.value, 0),
            r.exports,
            'flows exported',
          );
          // consumption − direct = Σ_j M_j Y_jd
          let mY = 0;
          for (let j = 0; j < n; j++) mY += m[s * n + j]!.multiplier * icio.Y[j * G + d]!;
          close(mY + r.direct, r.consumption, 'M·Y_d + direct = consumption');
        });
      }),
      { numRuns: 40 },
    );
  });
});
