import { describe, expect, it } from 'vitest';
import {
  aggregateIcio,
  bmDecomposition,
  createIcio,
  GvcError,
  type gvcParticipation,
  kwwDecomposition,
  leontiefDecomposition,
  rasmussenLinkages,
  sumByGroup,
  type VaxRecord,
  valueAddedExports,
  wwzDecomposition,
} from '../../../src/io/index.js';
import { deepFreeze } from '../../helpers.js';
import { icio3x2 } from '../fixture.js';

/**
 * The worked example of the guide, by hand. Three countries, one sector:
 *   Z = [[0, 2, 0], [0, 0, 4], [0, 0, 0]]   (A sells 2 to B, B sells 4 to C)
 *   Y = [[8, 0, 1], [1, 5, 0], [0, 0, 10]]  (rows: producer; columns: final demand of A, B, C)
 *   x = (2 + 9, 4 + 6, 10) = (11, 10, 10); va = x − column sums of Z = (11, 8, 6)
 * Gross exports: A = 2 (to B) + 1 (final, to C) = 3; B = 4 (to C) + 1 (final, to A) = 5; C = 0.
 * A = Z / x: a_AB = 2/10 = 0.2, a_BC = 4/10 = 0.4; v = va / x = (1, 0.8, 0.6).
 * B = (I − A)⁻¹ = [[1, 0.2, 0.08], [0, 1, 0.4], [0, 0, 1]] (upper triangular).
 * B·Y = [[8 + 0.2·1, 0.2·5, 1 + 0.08·10], [1, 5, 0.4·10], [0, 0, 10]] = [[8.2, 1, 1.8], [1, 5, 4], [0, 0, 10]]
 * v̂·B·Y = [[8.2, 1, 1.8], [0.8, 4, 3.2], [0, 0, 6]]
 * VAX (absorbed abroad): A = 1 + 1.8 = 2.8; B = 0.8 + 3.2 = 4.
 * Group AB by summing: GEXP = 3 + 5 = 8, VAX = 2.8 + 4 = 6.8, VAXratio = 6.8 / 8 = 0.85.
 *   Of which intra-group (partner in AB): GEXP = 2 (A→B) + 1 (B→A) = 3, VAX = 1 (A in B) + 0.8 (B in A) = 1.8;
 *   extra-group (partner C): GEXP = 1 + 4 = 5, VAX = 1.8 + 3.2 = 5.
 * Merged first (aggregateIcio, AB one country): Z_AB,AB = 2, Z_AB,C = 4, Y_AB = (8 + 0 + 1 + 5, 1 + 0) =
 *   (14, 1), x_AB = 21, va_AB = 21 − 2 = 19; exports of AB = 4 + 1 = 5; a_AB,AB = 2/21, a_AB,C = 0.4,
 *   v_AB = 19/21; B_AB,AB = 21/19, B_AB,C = 0.4·21/19 = 8.4/19; (B·Y)_AB,C = 21/19·1 + 8.4/19·10 = 105/19;
 *   VAX = 19/21 · 105/19 = 5. Intra-group trade (3) has become domestic and left the exports.
 */
const abc = () =>
  createIcio({
    countries: ['A', 'B', 'C'],
    sectors: ['s'],
    Z: [
      [0, 2, 0],
      [0, 0, 4],
      [0, 0, 0],
    ],
    Y: [
      [8, 0, 1],
      [1, 5, 0],
      [0, 0, 10],
    ],
  });
const AB = { name: 'AB', members: ['A', 'B'] };
// Tolerances: toBeCloseTo(x, 12) is |error| < 5e-13 (the hand example), toBeCloseTo(x, 10) < 5e-11
// (sums over the 3×2 fixture's decompositions, whose terms come from LU solves).

const issuesOf = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    return (e as GvcError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected a GvcError');
};

describe('sumByGroup: summing keeps intra-group trade, aggregateIcio does not (hand example above)', () => {
  it('sums members after computing at full detail', () => {
    const [g, ...rest] = sumByGroup(valueAddedExports(abc()), AB);
    expect(rest).toEqual([]);
    expect(g!.country).toBe('AB');
    expect(g!.GEXP).toBeCloseTo(8, 12);
    expect(g!.VAX).toBeCloseTo(6.8, 12);
    expect(g!.VAXratio).toBeCloseTo(0.85, 12);
  });
  it('gives intra- and extra-group parts with partners grouped; the extra part is what the merged table sees', () => {
    const bil = sumByGroup(valueAddedExports(abc(), { level: 'bilateral' }), AB, { partners: [AB] });
    expect(bil.map((r) => [r.country, r.partner])).toEqual([
      ['AB', 'AB'],
      ['AB', 'C'],
    ]);
    expect(bil[0]!.GEXP).toBeCloseTo(3, 12);
    expect(bil[0]!.VAX).toBeCloseTo(1.8, 12);
    expect(bil[1]!.GEXP).toBeCloseTo(5, 12);
    expect(bil[1]!.VAX).toBeCloseTo(5, 12);
    const merged = valueAddedExports(aggregateIcio(abc(), { countries: { AB: ['A', 'B'], C: ['C'] } }));
    expect(merged[0]!.country).toBe('AB');
    expect(merged[0]!.GEXP).toBeCloseTo(5, 12);
    expect(merged[0]!.VAX).toBeCloseTo(5, 12);
  });
  it('keeps each partner apart without partner groups, members included (intra-group trade stays trade)', () => {
    const bil = sumByGroup(valueAddedExports(abc(), { level: 'bilateral' }), AB);
    // AB→A = B→A (GEXP 1, VAX 0.8); AB→B = A→B (2, 1); AB→C = A→C + B→C (1 + 4, 1.8 + 3.2).
    expect(bil.map((r) => [r.partner, r.GEXP, Number(r.VAX.toFixed(12))])).toEqual([
      ['A', 1, 0.8],
      ['B', 2, 1],
      ['C', 5, 5],
    ]);
  });
});

describe('sumByGroup: ratios are recomputed from the sums, never averaged', () => {
  it('VAX ratio: (5 + 27) / (10 + 30) = 0.8, not the mean 0.7', () => {
    const records: VaxRecord[] = [
      { country: 'A', GEXP: 10, VAX: 5, VAXratio: 0.5 },
      { country: 'B', GEXP: 30, VAX: 27, VAXratio: 0.9 },
    ];
    expect(sumByGroup(records, AB)).toEqual([{ country: 'AB', GEXP: 40, VAX: 32, VAXratio: 0.8 }]);
  });
  it('GVC participation and position from the summed parts (Koopman et al. 2010; WWYZ 2017)', () => {
    const base = { V_D: 0, V_RT: 0, V_GVC_S: 0, V_GVC_C: 0, Y_D: 0, Y_RT: 0, Y_GVC_S: 0, Y_GVC_C: 0 };
    const rec = (
      country: string,
      GEXP: number,
      FV: number,
      IV: number,
      VA: number,
      V_GVC: number,
      Y: number,
      Y_GVC: number,
    ) => ({
      country,
      GEXP,
      FV,
      IV,
      participation: -1,
      position: -1,
      VA,
      V_GVC,
      Y,
      Y_GVC,
      GVCPt_f: -1,
      GVCPt_b: -1,
      ...base,
    });
    const [g] = sumByGroup(
      [rec('A', 10, 2, 1, 20, 5, 18, 3), rec('B', 30, 4, 8, 40, 7, 42, 9)] as never,
      AB,
    ) as ReturnType<typeof gvcParticipation>;
    // Sums: GEXP 40, FV 6, IV 9, VA 60, V_GVC 12, Y 60, Y_GVC 12.
    // participation = 9/40 + 6/40 = 0.375; position = ln(1.225) − ln(1.15) = 0.0631789…;
    // GVCPt_f = 12/60 = 0.2; GVCPt_b = 12/60 = 0.2.
    expect(g!.participation).toBeCloseTo(0.375, 12);
    expect(g!.position).toBeCloseTo(Math.log(1.225) - Math.log(1.15), 12);
    expect(g!.GVCPt_f).toBeCloseTo(0.2, 12);
    expect(g!.GVCPt_b).toBeCloseTo(0.2, 12);
    expect(g).not.toHaveProperty('positionReason');
    const [z] = sumByGroup([rec('A', 0, 0, 0, 1, 0, 1, 0)] as never, AB, {}) as ReturnType<
      typeof gvcParticipation
    >;
    expect(z!.position).toBeNull();
    expect(z!.positionReason).toMatch(/gross exports are 0/);
  });
});

describe('sumByGroup: identities hold for the group', () => {
  const t = icio3x2();
  const BC = { name: 'BC', members: ['B', 'C'] };
  // Gross exports by hand from the fixture's Z and Y (tests/io/fixture.ts): B rows 42 + 44 = 86,
  // C rows 28 + 24 = 52, so BC = 138; of which B→C 40 and C→B 25 are intra-group, 73 go to A.
  it('Borin–Mancini: DVA + DDC + FVA + FDC = GEXP = 138, at country and sector level', () => {
    const [g] = sumByGroup(bmDecomposition(t), BC);
    expect(g!.GEXP).toBeCloseTo(138, 10);
    expect(g!.DVA + g!.DDC + g!.FVA + g!.FDC).toBeCloseTo(138, 10);
    expect(g!.GVCB + g!.GVCF).toBeCloseTo(g!.GVC, 10);
    const bySector = sumByGroup(bmDecomposition(t, { level: 'sector' }), BC);
    expect(bySector.map((r) => [r.country, r.sector])).toEqual([
      ['BC', 's1'],
      ['BC', 's2'],
    ]);
    expect(bySector[0]!.GEXP).toBeCloseTo(42 + 28, 10);
    expect(bySector[1]!.GEXP).toBeCloseTo(44 + 24, 10);
  });
  it('KWW: the nine terms sum to GEXP; Leontief: DVA + i2e = GEXP', () => {
    const [k] = sumByGroup(kwwDecomposition(t), BC);
    const nine =
      k!.DVA_FIN +
      k!.DVA_INT +
      k!.DVA_INTrex +
      k!.RDV_FIN +
      k!.RDV_INT +
      k!.DDC +
      k!.FVA_FIN +
      k!.FVA_INT +
      k!.FDC;
    expect(nine).toBeCloseTo(138, 10);
    const [l] = sumByGroup(leontiefDecomposition(t), BC);
    expect(l!.DVA + l!.i2e).toBeCloseTo(138, 10);
  });
  it('WWZ: bilateral sector records grouped on both sides; intra 65 and extra 73 by hand', () => {
    const w = sumByGroup(wwzDecomposition(t), BC, { partners: [BC] });
    expect(w.map((r) => [r.country, r.sector, r.partner])).toEqual([
      ['BC', 's1', 'BC'],
      ['BC', 's1', 'A'],
      ['BC', 's2', 'BC'],
      ['BC', 's2', 'A'],
    ]);
    const intra = w[0]!.texp + w[2]!.texp;
    const extra = w[1]!.texp + w[3]!.texp;
    expect(intra).toBeCloseTo(65, 10);
    expect(extra).toBeCloseTo(73, 10);
    for (const r of w) {
      const { country: _c, sector: _s, partner: _p, texp, texpint, texpfd, ...terms } = r;
      expect(Object.values(terms).reduce((a, b) => a + b, 0)).toBeCloseTo(texp, 10);
      expect(texpint + texpfd).toBeCloseTo(texp, 10);
    }
  });
  it('several groups at once, in the order given; a country may be in several', () => {
    const out = sumByGroup(valueAddedExports(t), [
      BC,
      { name: 'AB', members: ['A', 'B'] },
      { name: 'all', members: ['A', 'B', 'C'] },
    ]);
    expect(out.map((r) => r.country)).toEqual(['BC', 'AB', 'all']);
    const each = valueAddedExports(t);
    expect(out[2]!.GEXP).toBeCloseTo(each[0]!.GEXP + each[1]!.GEXP + each[2]!.GEXP, 10);
  });
});

describe('sumByGroup: dated membership in a panel, absent members', () => {
  // Hand records: two years, three EU countries of the table; the United Kingdom left the EU in 2020.
  const panel = [
    { year: 2019, country: 'FRA', GEXP: 10, VAX: 8, VAXratio: 0.8 },
    { year: 2019, country: 'GBR', GEXP: 20, VAX: 12, VAXratio: 0.6 },
    { year: 2019, country: 'USA', GEXP: 40, VAX: 30, VAXratio: 0.75 },
    { year: 2020, country: 'FRA', GEXP: 11, VAX: 9, VAXratio: 9 / 11 },
    { year: 2020, country: 'GBR', GEXP: 21, VAX: 14, VAXratio: 14 / 21 },
    { year: 2020, country: 'USA', GEXP: 41, VAX: 31, VAXratio: 31 / 41 },
  ];
  it("takes each record's year for dated groups, and reports absent members as warnings", () => {
    const out = sumByGroup(panel as never as VaxRecord[], 'EU');
    // 2019: FRA + GBR = 30, VAX 20; 2020: FRA only = 11, VAX 9.
    expect([...out]).toEqual([
      { year: 2019, country: 'EU', GEXP: 30, VAX: 20, VAXratio: 20 / 30 },
      { year: 2020, country: 'EU', GEXP: 11, VAX: 9, VAXratio: 9 / 11 },
    ]);
    const warnings = (out as unknown as { warnings: { path: string; message: string }[] }).warnings;
    expect(warnings).toHaveLength(2);
    expect(warnings[0]!.path).toBe('groups[0]');
    expect(warnings[0]!.message).toMatch(
      /in 2019, found none for "AUT", "BEL", .*: the group sums the 2 members present$/,
    );
  });
  it('takes options.year for every record when given', () => {
    const out = sumByGroup(panel as never as VaxRecord[], 'EU', { year: 2020 });
    expect(out.map((r) => r.GEXP)).toEqual([10, 11]);
  });
  it("matches alpha-2 codes, Eurostat's EL and UK included (FIGARO)", () => {
    const rec = (country: string, GEXP: number): VaxRecord => ({ country, GEXP, VAX: GEXP, VAXratio: 1 });
    const out = sumByGroup([rec('EL', 1), rec('UK', 2), rec('DE', 4), rec('US', 8)], 'EU', {
      year: 2019,
      codes: 'alpha2',
    });
    expect(out.map((r) => [r.country, r.GEXP])).toEqual([['EU', 7]]);
    const w = (out as unknown as { warnings: { message: string }[] }).warnings;
    expect(w[0]!.message).not.toMatch(/"GR\/EL"|"GB\/UK"|"DE"/);
    expect(w[0]!.message).toMatch(/"AT", "BE", .*the group sums the 3 members present$/);
  });
  it('groups the partners of bilateral records by catalogue groups', () => {
    const rec = (country: string, partner: string, GEXP: number): VaxRecord => ({
      country,
      partner,
      GEXP,
      VAX: GEXP / 2,
      VAXratio: 0.5,
    });
    const out = sumByGroup(
      [rec('CAN', 'USA', 5), rec('CAN', 'FRA', 1), rec('MEX', 'USA', 7), rec('MEX', 'DEU', 2)],
      'NAFTA',
      {
        partners: ['EU27'],
      },
    );
    expect(out.map((r) => [r.country, r.partner, r.GEXP])).toEqual([
      ['NAFTA', 'EU27', 3],
      ['NAFTA', 'USA', 12],
    ]);
  });
});

describe('sumByGroup: refuses what it cannot sum, with paths', () => {
  const vax = () => valueAddedExports(abc());
  it('an unknown group, a group with no member present, duplicate names, bad options', () => {
    expect(issuesOf(() => sumByGroup(vax(), [AB, 'EU29']))).toEqual([
      expect.stringMatching(/^groups\[1\]: expected a country group .*found "EU29"$/),
    ]);
    expect(issuesOf(() => sumByGroup(vax(), 'EU27'))).toEqual([
      expect.stringMatching(
        /^groups\[0\]: expected members of "EU27" among the records' countries, found none of "AUT", .* and 21 more$/,
      ),
    ]);
    expect(issuesOf(() => sumByGroup(vax(), [AB, AB]))[0]).toMatch(
      /^groups\[1\]: expected group names used once/,
    );
    expect(issuesOf(() => sumByGroup(vax(), { name: 'X', members: [] }))[0]).toMatch(
      /^groups\[0\]\.members:/,
    );
    expect(issuesOf(() => sumByGroup(vax(), { name: 'X', members: ['A', 'A'] }))[0]).toMatch(
      /^groups\[0\]\.members: expected each member once/,
    );
    expect(issuesOf(() => sumByGroup(vax(), []))[0]).toMatch(/^groups: expected at least one group/);
    expect(issuesOf(() => sumByGroup(vax(), AB, { year: 1.5 }))[0]).toMatch(/^options\.year:/);
    expect(issuesOf(() => sumByGroup(vax(), AB, { partners: [AB] }))[0]).toMatch(
      /^options\.partners: expected bilateral records/,
    );
    expect(issuesOf(() => sumByGroup(vax(), AB, { partners: [AB] }))[0]).toMatch(
      /^options\.partners: expected bilateral records/,
    );
    expect(issuesOf(() => sumByGroup(vax(), 'BRICS', { year: 2000 }))[0]).toMatch(
      /found none \(the group had no members in 2000\)/,
    );
  });
  it('records of another indicator, empty or broken records: one problem per faulty field', () => {
    expect(issuesOf(() => sumByGroup(rasmussenLinkages(abc()) as never, AB))[0]).toMatch(
      /^records\[0\]: expected a record of valueAddedExports/,
    );
    expect(issuesOf(() => sumByGroup([], AB))[0]).toMatch(/^records: .*found an empty list$/);
    expect(issuesOf(() => sumByGroup('x' as never, AB))[0]).toMatch(/^records: /);
    const broken = [
      { country: 'A', GEXP: 1, VAX: 1, VAXratio: 1 },
      { country: 'B', GEXP: Number.NaN, VAX: 1, VAXratio: 1 },
      { country: 3, GEXP: 1, VAX: 1, VAXratio: 1 },
      { country: 'C', GEXP: 1, VAX: 1, VAXratio: 1, extra: 2 },
      null,
    ];
    expect(issuesOf(() => sumByGroup(broken as never, AB)).map((m) => m.split(':')[0])).toEqual([
      'records[1].GEXP',
      'records[2].country',
      'records[3].extra',
      'records[4]',
    ]);
  });
  it('an overflowing sum is UNSUPPORTED, never Infinity', () => {
    const big = [
      { country: 'A', GEXP: 1e308, VAX: 1, VAXratio: 0 },
      { country: 'B', GEXP: 1e308, VAX: 1, VAXratio: 0 },
    ];
    try {
      sumByGroup(big, AB);
      throw new Error('expected a GvcError');
    } catch (e) {
      expect((e as GvcError).code).toBe('UNSUPPORTED');
    }
  });
});

describe('sumByGroup: pure and frozen', () => {
  it('does not mutate its arguments, freezes its result and carries the input warnings', () => {
    const records = deepFreeze(valueAddedExports(abc()).map((r) => ({ ...r })));
    const groups = deepFreeze([{ name: 'AB', members: ['A', 'B'] }]);
    const opts = deepFreeze({ codes: 'alpha3' as const });
    const out = sumByGroup(records, groups, opts);
    expect(Object.isFrozen(out) && Object.isFrozen(out[0])).toBe(true);
    const warned = Object.assign([...records], { warnings: [{ path: 'icio', message: 'ill-conditioned' }] });
    const w = sumByGroup(warned, AB) as unknown as { warnings: unknown[] };
    expect(w.warnings).toEqual([{ path: 'icio', message: 'ill-conditioned' }]);
  });
});
