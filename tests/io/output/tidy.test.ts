import { describe, expect, it } from 'vitest';
import {
  attachSatellite,
  bmDecomposition,
  createIcio,
  downstreamness,
  footprintAccounts,
  GvcError,
  gvcParticipation,
  kwwDecomposition,
  leontiefDecomposition,
  rasmussenLinkages,
  type TidyRecord,
  tidyRecords,
  tivaIndicators,
  upstreamness,
  valueAddedExports,
  wwzDecomposition,
} from '../../../src/io/index.js';

/**
 * A exports 2 of intermediates to B; B turns them into final goods consumed at home.
 * x_A = 0 + 2 + 8 + 0 = 10, x_B = 10; va_A = 10 − 0 = 10, va_B = 10 − 2 = 8.
 * A's value added absorbed abroad (in B): the 2 units shipped, so VAX_A = 2 = GEXP_A, ratio 1;
 * B exports nothing: GEXP_B = VAX_B = 0 and its ratio is 0.
 */
const t = createIcio({
  countries: ['A', 'B'],
  sectors: ['s'],
  Z: [
    [0, 2],
    [0, 0],
  ],
  Y: [
    [8, 0],
    [0, 10],
  ],
});

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    return (e as GvcError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected a GvcError');
}

describe('tidyRecords', () => {
  it('turns bilateral VAX records into one record per term with year, country and partner (hand values above)', () => {
    expect(
      tidyRecords(valueAddedExports(t, { level: 'bilateral' }), { year: 2020, indicator: 'vax' }),
    ).toEqual([
      { indicator: 'vax', year: 2020, country: 'A', partner: 'B', term: 'GEXP', value: 2 },
      { indicator: 'vax', year: 2020, country: 'A', partner: 'B', term: 'VAX', value: 2 },
      { indicator: 'vax', year: 2020, country: 'A', partner: 'B', term: 'VAXratio', value: 1 },
      { indicator: 'vax', year: 2020, country: 'B', partner: 'A', term: 'GEXP', value: 0 },
      { indicator: 'vax', year: 2020, country: 'B', partner: 'A', term: 'VAX', value: 0 },
      { indicator: 'vax', year: 2020, country: 'B', partner: 'A', term: 'VAXratio', value: 0 },
    ]);
  });

  it('puts the keys in the order indicator, year, country, partner, sector, kept fields, term, value', () => {
    const [r] = tidyRecords([{ v: 1, sector: 's', flag: 'x', partner: 'B', country: 'A', year: 2001 }], {
      indicator: 'i',
      keep: ['flag'],
    });
    expect(Object.keys(r!)).toEqual([
      'indicator',
      'year',
      'country',
      'partner',
      'sector',
      'flag',
      'term',
      'value',
    ]);
  });

  it('puts the footprint and TiVA codes after the place: stressor, compartment, unit, then kept fields, term, value', () => {
    const [r] = tidyRecords(
      [{ v: 1, unit: 'kg', flag: 'x', compartment: 'air', stressor: 'CO2', sector: 's', country: 'A' }],
      { keep: ['flag'] },
    );
    expect(Object.keys(r!)).toEqual([
      'country',
      'sector',
      'stressor',
      'compartment',
      'unit',
      'flag',
      'term',
      'value',
    ]);
  });

  /*
   * The table of the TiVA and footprint examples, worked by hand (as tests/cli/hand-table.ts):
   * Z = [[20, 10], [30, 40]], Y = [[50, 20], [10, 70]], x = (100, 150), v = (0.5, 2/3),
   * B = (I − A)⁻¹ = [[11, 1], [4.5, 12]] / 8.5; EXGR_A = Z_AB + Y_AB = 30, EXGR_B = 40;
   * EXGR_DVA_A = v_A B_AA EXGR_A = 0.5·(11/8.5)·30 = 165/8.5, EXGR_DVA_B = (2/3)(12/8.5)·40 = 320/8.5.
   */
  const hand = createIcio({
    countries: ['A', 'B'],
    sectors: ['s'],
    Z: [
      [20, 10],
      [30, 40],
    ],
    Y: [
      [50, 20],
      [10, 70],
    ],
  });

  it('turns a TiVA record into one tidy record whose term is its indicator code, its unit kept as a code', () => {
    const long = tidyRecords(tivaIndicators(hand, { codes: ['EXGR', 'EXGR_DVA'] }), {
      indicator: 'tiva',
      year: 2020,
    });
    const want = [
      ['A', 'EXGR', 30],
      ['B', 'EXGR', 40],
      ['A', 'EXGR_DVA', 165 / 8.5],
      ['B', 'EXGR_DVA', 320 / 8.5],
    ] as const;
    expect(long).toHaveLength(4);
    long.forEach((r, i) => {
      const [country, term, value] = want[i]!;
      expect(Object.keys(r)).toEqual(['indicator', 'year', 'country', 'unit', 'term', 'value']);
      expect(r).toMatchObject({ indicator: 'tiva', year: 2020, country, unit: 'value', term });
      expect(r.value).toBeCloseTo(value, 12);
    });
    // At bilateral level the partner is kept; a percentage keeps its unit.
    const [bil] = tidyRecords(tivaIndicators(hand, { level: 'bilateral', codes: ['EXGR'] }));
    expect(bil).toEqual({ country: 'A', partner: 'B', unit: 'value', term: 'EXGR', value: 30 });
    const [share] = tidyRecords(tivaIndicators(hand, { codes: ['EXGR_DVASH'] }));
    // 100 · (165/8.5) / 30
    expect(share).toMatchObject({ country: 'A', unit: 'percent', term: 'EXGR_DVASH' });
    expect(share!.value).toBeCloseTo(5500 / 85, 10);
  });

  it('keeps the stressor, compartment and unit of footprint records (hand values)', () => {
    // S = F / x = (1, 2); production = F = (100, 300); L·Y_A = B·(50, 10) = (560, 345)/8.5, so
    // consumption_A = 1·560/8.5 + 2·345/8.5 = 1250/8.5; imports_A = 690/8.5 (B's jobs for A);
    // exports_A = 1·(B·Y_B)_A = (11·20 + 70)/8.5 = 290/8.5.
    const u = attachSatellite(hand, {
      stressors: [{ name: 'jobs', unit: 'persons', compartment: 'labour' }],
      F: [[100, 300]],
    });
    const a = tidyRecords(footprintAccounts(u)).filter((r) => r.country === 'A');
    expect(a.map((r) => r.term)).toEqual(['production', 'consumption', 'imports', 'exports', 'direct']);
    for (const r of a) {
      expect(Object.keys(r)).toEqual(['country', 'stressor', 'compartment', 'unit', 'term', 'value']);
      expect(r).toMatchObject({ stressor: 'jobs', compartment: 'labour', unit: 'persons' });
    }
    const want = [100, 1250 / 8.5, 690 / 8.5, 290 / 8.5, 0];
    a.forEach((r, i) => {
      expect(r.value).toBeCloseTo(want[i]!, 10);
    });
  });

  it('keeps a null value as a term whose value is null, and drops absent fields and non-key strings and booleans', () => {
    // B exports nothing: its position is not defined (gross exports 0), with a positionReason string.
    const b = tidyRecords(gvcParticipation(t)).filter((r) => r.country === 'B');
    expect(b.find((r) => r.term === 'position')).toEqual({ country: 'B', term: 'position', value: null });
    expect(b.map((r) => r.term)).not.toContain('positionReason');
    expect(
      tidyRecords([{ country: 'A', a: 1, b: undefined, c: 'text', d: true, e: null }]).map((r) => [
        r.term,
        r.value,
      ]),
    ).toEqual([
      ['a', 1],
      ['e', null],
    ]);
  });

  it('copies the fields named in keep (linkage class and key-sector flag of rasmussenLinkages) to every tidy record', () => {
    const wide = rasmussenLinkages(t);
    const long = tidyRecords(wide, { keep: ['linkage', 'keySector'] });
    expect(long).toHaveLength(wide.length * 6); // six numeric indices per country–sector
    for (const r of long) {
      const w = wide.find((x) => x.country === r.country && x.sector === r.sector)!;
      expect([r.linkage, r.keySector]).toEqual([w.linkage, w.keySector]);
    }
    expect(
      tidyRecords(wide).some((r) => 'linkage' in r || r.term === 'linkage' || r.term === 'keySector'),
    ).toBe(false);
  });

  it("keeps a record's own year (panel records) and refuses one that differs from options.year", () => {
    expect(tidyRecords([{ year: 2015, country: 'A', x: 1 }], { year: 2015 })).toEqual([
      { year: 2015, country: 'A', term: 'x', value: 1 },
    ]);
    expect(issuesOf(() => tidyRecords([{ year: 2015, country: 'A', x: 1 }], { year: 2016 }))).toEqual([
      'records[0].year: expected the year of options.year, 2016, found 2015',
    ]);
  });

  // Every record type of the indicators and decompositions: each tidy record carries only the codes
  // the wide record has, and each numeric (or null) field of each wide record appears once as a term.
  const sets: Array<[string, readonly object[]]> = [
    ['valueAddedExports country', valueAddedExports(t)],
    ['valueAddedExports sector', valueAddedExports(t, { level: 'sector' })],
    ['valueAddedExports bilateral', valueAddedExports(t, { level: 'bilateral' })],
    ['leontiefDecomposition sector', leontiefDecomposition(t, { level: 'sector' })],
    ['gvcParticipation sector', gvcParticipation(t, { level: 'sector' })],
    ['bmDecomposition country', bmDecomposition(t)],
    ['bmDecomposition sector', bmDecomposition(t, { level: 'sector' })],
    ['kwwDecomposition', kwwDecomposition(t)],
    ['wwzDecomposition', wwzDecomposition(t)],
    ['rasmussenLinkages', rasmussenLinkages(t)],
    ['upstreamness', upstreamness(t)],
    ['downstreamness', downstreamness(t)],
  ];
  it.each(sets)('maps every field of %s records to codes or terms', (_name, wide) => {
    const long = tidyRecords(wide);
    let expected = 0;
    for (const w of wide as Array<Record<string, unknown>>) {
      const codes = Object.fromEntries(
        ['country', 'partner', 'sector'].filter((k) => w[k] !== undefined).map((k) => [k, w[k]]),
      );
      for (const [k, v] of Object.entries(w)) {
        if (typeof v !== 'number' && v !== null) continue;
        expected++;
        const found = long.filter(
          (r) => r.term === k && ['country', 'partner', 'sector'].every((c) => r[c] === codes[c]),
        );
        expect(found).toEqual([{ ...codes, term: k, value: v } as TidyRecord]);
      }
    }
    expect(long).toHaveLength(expected);
  });

  it('returns deeply frozen records and does not change its argument', () => {
    const wide = [{ country: 'A', x: 1 }];
    const long = tidyRecords(wide, { keep: [] });
    expect(Object.isFrozen(long) && Object.isFrozen(long[0])).toBe(true);
    expect(wide).toEqual([{ country: 'A', x: 1 }]);
    expect(Object.isFrozen(wide[0])).toBe(false);
  });

  it('keeps a field named __proto__ as an own key, never as a prototype', () => {
    const wide = JSON.parse('[{"country":"A","__proto__":"p","x":1}]') as object[];
    const [r] = tidyRecords(wide, { keep: ['__proto__'] });
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect(Object.keys(r!)).toEqual(['country', '__proto__', 'term', 'value']);
  });

  it('lists every bad record and value with its path', () => {
    expect(
      issuesOf(() =>
        tidyRecords([
          { country: 'A', x: Number.NaN },
          [1],
          { country: 5, y: 1 },
          { country: 'B', z: { deep: 1 } },
          { year: 2020.5, country: 'C' },
        ] as object[]),
      ),
    ).toEqual([
      'records[0].x: expected a finite number, found NaN',
      'records[1]: expected a record (a plain object), found an array of 1',
      'records[2].country: expected a string code, found 5',
      'records[3].z: expected a number, a string, a boolean or null, found an object',
      'records[4].year: expected an integer year, found 2020.5',
    ]);
    expect(
      issuesOf(() =>
        tidyRecords([
          { indicator: 7, value: 1 },
          { unit: true, x: 1 },
        ]),
      ),
    ).toEqual([
      'records[0].indicator: expected a string code, found 7',
      'records[1].unit: expected a string code, found true',
    ]);
    expect(issuesOf(() => tidyRecords('x' as unknown as object[]))).toEqual([
      'records: expected an array of records, found "x"',
    ]);
  });

  it('refuses invalid options and kept fields named like key fields', () => {
    expect(issuesOf(() => tidyRecords([], { year: 1.5 }))).toEqual([
      'options.year: expected an integer, found 1.5',
    ]);
    expect(issuesOf(() => tidyRecords([], { keep: ['term'] }))).toEqual([
      'options.keep[0]: expected a field other than the key fields, term and value, found "term"',
    ]);
    expect(issuesOf(() => tidyRecords([], { keep: ['unit', 'stressor'] }))).toEqual([
      'options.keep[0]: expected a field other than the key fields, term and value, found "unit"',
      'options.keep[1]: expected a field other than the key fields, term and value, found "stressor"',
    ]);
    expect(issuesOf(() => tidyRecords([], { other: 1 } as never))).toHaveLength(1);
  });
});
