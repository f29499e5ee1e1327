import { describe, expect, it } from 'vitest';
import { countryGroups, GvcError, groupMembers } from '../../../src/io/index.js';

// Expected lists typed from the official sources, not from the catalogue:
// European Union, "EU countries" (european-union.europa.eu) and Eurostat, "EU enlargements";
// ECB, "Euro area 1999–2026"; OECD, "List of OECD Member countries – Ratification of the
// Convention on the OECD"; ASEAN Secretariat, "ASEAN Member States"; BRICS Brasil 2025, "About
// BRICS"; G20, "About the G20".
const EU27_2020 =
  'AUT BEL BGR CYP CZE DEU DNK ESP EST FIN FRA GRC HRV HUN IRL ITA LTU LUX LVA MLT NLD POL PRT ROU SVK SVN SWE'.split(
    ' ',
  );
const EA20 = 'AUT BEL CYP DEU ESP EST FIN FRA GRC HRV IRL ITA LTU LUX LVA MLT NLD PRT SVK SVN'.split(' ');
const OECD38 = (
  'AUS AUT BEL CAN CHE CHL COL CRI CZE DEU DNK ESP EST FIN FRA GBR GRC HUN IRL ISL ISR ITA JPN KOR ' +
  'LTU LUX LVA MEX NLD NOR NZL POL PRT SVK SVN SWE TUR USA'
).split(' ');

describe('groupMembers', () => {
  it('gives the EU of a year: 28 with the United Kingdom in 2019, the 27 of EU27 from 2020', () => {
    expect(groupMembers('EU', { year: 2019 })).toEqual([...EU27_2020, 'GBR'].sort());
    expect(groupMembers('EU', { year: 2020 })).toEqual(EU27_2020);
    expect(groupMembers('EU27')).toEqual(EU27_2020);
    expect(groupMembers('EU27_2020')).toEqual(EU27_2020);
    expect(groupMembers('EU')).toEqual(EU27_2020);
    expect(groupMembers('EU28')).toEqual([...EU27_2020, 'GBR'].sort());
    // Enlargements: 12 in 1986, 15 in 1995, 25 in 2004, 27 in 2007, 28 in 2013 (Croatia, 1 July).
    expect(
      [1957, 1958, 1973, 1986, 1995, 2004, 2007, 2012, 2013].map(
        (year) => groupMembers('EU', { year }).length,
      ),
    ).toEqual([0, 6, 9, 12, 15, 25, 27, 27, 28]);
  });
  it('keeps fixed compositions fixed whatever the year', () => {
    expect(groupMembers('EU27', { year: 1995 })).toEqual(EU27_2020);
    expect(groupMembers('EA20', { year: 2000 })).toEqual(EA20);
  });
  it('dates the euro area: 11 in 1999, 19 in 2015–2022, 20 with Croatia in 2023, Bulgaria in 2026', () => {
    expect(groupMembers('EA', { year: 1998 })).toEqual([]);
    expect(groupMembers('EA', { year: 1999 })).toHaveLength(11);
    expect(groupMembers('EA', { year: 2022 })).toEqual(EA20.filter((c) => c !== 'HRV'));
    expect(groupMembers('EA19')).toEqual(EA20.filter((c) => c !== 'HRV'));
    expect(groupMembers('EA', { year: 2023 })).toEqual(EA20);
    expect(groupMembers('EA20')).toEqual(EA20);
    expect(groupMembers('EA', { year: 2026 })).toEqual([...EA20, 'BGR'].sort());
    expect(groupMembers('EA21')).toEqual([...EA20, 'BGR'].sort());
  });
  it('dates BRICS: BRIC 2009, South Africa 2010, four more in 2024, Indonesia in 2025; never Saudi Arabia', () => {
    expect(groupMembers('BRICS', { year: 2008 })).toEqual([]);
    expect(groupMembers('BRIC', { year: 2009 })).toEqual(['BRA', 'CHN', 'IND', 'RUS']);
    expect(groupMembers('BRICS', { year: 2010 })).toEqual(['BRA', 'CHN', 'IND', 'RUS', 'ZAF']);
    expect(groupMembers('BRICS', { year: 2024 })).toEqual([
      'ARE',
      'BRA',
      'CHN',
      'EGY',
      'ETH',
      'IND',
      'IRN',
      'RUS',
      'ZAF',
    ]);
    expect(groupMembers('BRICS')).toEqual([
      'ARE',
      'BRA',
      'CHN',
      'EGY',
      'ETH',
      'IDN',
      'IND',
      'IRN',
      'RUS',
      'ZAF',
    ]);
    expect(groupMembers('BRICS')).not.toContain('SAU');
  });
  it('dates the OECD by ratification: Latvia 2016, Lithuania 2018, Colombia 2020, Costa Rica 2021', () => {
    expect(groupMembers('OECD')).toEqual(OECD38);
    const at = (year: number) => groupMembers('OECD', { year });
    expect([1961, 1962, 2015, 2016, 2018, 2020, 2021].map((y) => at(y).length)).toEqual([
      19, 20, 34, 35, 36, 37, 38,
    ]);
    expect(at(2019)).not.toContain('COL');
    expect(at(2020)).toContain('COL');
    expect(at(2017)).not.toContain('LTU');
  });
  it('knows ASEAN (11 with Timor-Leste from 2025), USMCA alias NAFTA, G7 and the 19 countries of G20', () => {
    expect(groupMembers('ASEAN', { year: 2024 })).toEqual([
      'BRN',
      'IDN',
      'KHM',
      'LAO',
      'MMR',
      'MYS',
      'PHL',
      'SGP',
      'THA',
      'VNM',
    ]);
    expect(groupMembers('ASEAN')).toContain('TLS');
    expect(groupMembers('ASEAN', { year: 1967 })).toEqual(['IDN', 'MYS', 'PHL', 'SGP', 'THA']);
    expect(groupMembers('NAFTA')).toEqual(['CAN', 'MEX', 'USA']);
    expect(groupMembers('USMCA', { year: 1993 })).toEqual([]);
    expect(groupMembers('G7')).toEqual(['CAN', 'DEU', 'FRA', 'GBR', 'ITA', 'JPN', 'USA']);
    expect(groupMembers('G7', { year: 1975 })).not.toContain('CAN');
    const g20 = groupMembers('G20');
    expect(g20).toHaveLength(19);
    expect(g20).not.toContain('EU');
  });
  it('writes members as ISO alpha-2 codes on request (FIGARO, EXIOBASE)', () => {
    expect(groupMembers('USMCA', { codes: 'alpha2' })).toEqual(['CA', 'MX', 'US']);
    expect(groupMembers('EU28', { codes: 'alpha2' })).toEqual(
      'AT BE BG CY CZ DE DK EE ES FI FR GB GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
    );
    for (const g of ['ASEAN', 'G20', 'BRICS', 'OECD'])
      for (const c of groupMembers(g, { codes: 'alpha2' })) expect(c).toMatch(/^[A-Z]{2}$/);
  });
  it('returns fresh frozen arrays', () => {
    const a = groupMembers('G7');
    expect(Object.isFrozen(a)).toBe(true);
    expect(groupMembers('G7')).not.toBe(a);
  });
  it('refuses an unknown name and a bad year, with paths', () => {
    const fail = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(GvcError);
        return (e as GvcError).issues.map((i) => `${i.path}: ${i.message}`);
      }
      throw new Error('expected a GvcError');
    };
    expect(fail(() => groupMembers('EU29'))).toEqual([
      expect.stringMatching(/^name: expected a country group .*found "EU29"$/),
    ]);
    expect(fail(() => groupMembers('eu27'))[0]).toMatch(/^name:/);
    expect(fail(() => groupMembers('EU', { year: 2020.5 }))[0]).toMatch(
      /^options\.year: expected a whole year/,
    );
    expect(fail(() => groupMembers('EU', { year: 1800 }))[0]).toMatch(/^options\.year:/);
    expect(fail(() => groupMembers('EU', { when: 2020 } as never))[0]).toMatch(/^options/);
    expect(fail(() => groupMembers(42 as never))[0]).toMatch(/^name:/);
    expect(fail(() => groupMembers('EU', { codes: 'alpha4' } as never))[0]).toMatch(
      /^options\.codes: expected "alpha3" or "alpha2"/,
    );
  });
});

describe('countryGroups', () => {
  it('lists every group with its source, dated or fixed, members as ISO alpha-3 codes', () => {
    const list = countryGroups();
    expect(Object.isFrozen(list) && Object.isFrozen(list[0])).toBe(true);
    for (const g of list) {
      expect(g.source.length).toBeGreaterThan(10);
      for (const c of groupMembers(g.name)) expect(c).toMatch(/^[A-Z]{3}$/);
    }
    expect(list.find((g) => g.name === 'USMCA')?.aliases).toContain('NAFTA');
    expect(list.find((g) => g.name === 'EU27')).toMatchObject({ dated: false, since: 2020 });
    expect(list.find((g) => g.name === 'G20')?.note).toMatch(/African Union/);
    expect(list.find((g) => g.name === 'BRICS')?.note).toMatch(/Saudi Arabia/);
  });
});
