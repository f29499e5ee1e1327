import * as z from 'zod/mini';
import { quote, validate, validateOptions } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';
import { deepFreeze } from '../../core/freeze.js';

/** One country's membership of a group: from the year it joined to the last year it belonged. */
interface Membership {
  readonly code: string;
  readonly from: number;
  readonly until?: number;
}

/** A named group of the catalogue: dated membership, or a fixed composition of a dated group. */
interface GroupEntry {
  readonly name: string;
  readonly title: string;
  readonly aliases: readonly string[];
  readonly source: string;
  readonly note?: string;
  /** Dated membership (absent on a fixed composition). */
  readonly members?: readonly Membership[];
  /** A fixed composition: the members of group `of` in year `at`, whatever the year asked. */
  readonly fixed?: { readonly of: string; readonly at: number };
}

const since = (from: number, codes: string, until?: number): Membership[] =>
  codes.split(' ').map((code) => (until === undefined ? { code, from } : { code, from, until }));

// The catalogue is built on each call (nothing is computed at module load) and is small (< 200 rows).
// A country is a member in year Y when it was a member on 31 December of Y.
function catalogue(): readonly GroupEntry[] {
  const europa =
    'European Union (2024), "EU countries" and "History of the EU", european-union.europa.eu; Eurostat, Glossary: "EU enlargements"';
  const ecb =
    'European Central Bank (2026), "Euro area 1999–2026", ecb.europa.eu; Eurostat, Glossary: "Euro area"';
  return [
    {
      name: 'EU',
      title: 'European Union (the EEC from 1958, the EU from 1993), dated membership',
      aliases: ['EEC'],
      source: europa,
      note: 'the United Kingdom left on 31 January 2020: a member up to 2019',
      members: [
        ...since(1958, 'BEL DEU FRA ITA LUX NLD'),
        ...since(1973, 'DNK IRL'),
        ...since(1973, 'GBR', 2019),
        ...since(1981, 'GRC'),
        ...since(1986, 'ESP PRT'),
        ...since(1995, 'AUT FIN SWE'),
        ...since(2004, 'CYP CZE EST HUN LTU LVA MLT POL SVK SVN'),
        ...since(2007, 'BGR ROU'),
        ...since(2013, 'HRV'),
      ],
    },
    {
      name: 'EU27',
      title: 'European Union, 27 members as of 2020 (after Brexit)',
      aliases: ['EU27_2020'],
      source: europa,
      fixed: { of: 'EU', at: 2020 },
    },
    {
      name: 'EU28',
      title: 'European Union, 28 members (2013–2019)',
      aliases: [],
      source: europa,
      fixed: { of: 'EU', at: 2019 },
    },
    {
      name: 'EA',
      title: 'Euro area, dated membership (year of adopting the euro)',
      aliases: ['EMU'],
      source: ecb,
      note: 'Bulgaria adopted the euro on 1 January 2026',
      members: [
        ...since(1999, 'AUT BEL DEU ESP FIN FRA IRL ITA LUX NLD PRT'),
        ...since(2001, 'GRC'),
        ...since(2007, 'SVN'),
        ...since(2008, 'CYP MLT'),
        ...since(2009, 'SVK'),
        ...since(2011, 'EST'),
        ...since(2014, 'LVA'),
        ...since(2015, 'LTU'),
        ...since(2023, 'HRV'),
        ...since(2026, 'BGR'),
      ],
    },
    {
      name: 'EA19',
      title: 'Euro area, 19 members (2015–2022)',
      aliases: [],
      source: ecb,
      fixed: { of: 'EA', at: 2015 },
    },
    {
      name: 'EA20',
      title: 'Euro area, 20 members (2023–2025, with Croatia)',
      aliases: [],
      source: ecb,
      fixed: { of: 'EA', at: 2023 },
    },
    {
      name: 'EA21',
      title: 'Euro area, 21 members (from 2026, with Bulgaria)',
      aliases: [],
      source: ecb,
      fixed: { of: 'EA', at: 2026 },
    },
    {
      name: 'ASEAN',
      title: 'Association of Southeast Asian Nations',
      aliases: [],
      source:
        'ASEAN Secretariat, "ASEAN Member States", asean.org; Chairman\'s Statement of the 47th ASEAN Summit, Kuala Lumpur, 26 October 2025 (admission of Timor-Leste)',
      note: 'Timor-Leste (TLS, a member from 2025) is in no ICIO release; its code is also the OECD row label of taxes less subsidies',
      members: [
        ...since(1967, 'IDN MYS PHL SGP THA'),
        ...since(1984, 'BRN'),
        ...since(1995, 'VNM'),
        ...since(1997, 'LAO MMR'),
        ...since(1999, 'KHM'),
        ...since(2025, 'TLS'),
      ],
    },
    {
      name: 'USMCA',
      title: 'United States–Mexico–Canada Agreement (NAFTA from 1994, USMCA/CUSMA from 1 July 2020)',
      aliases: ['NAFTA', 'CUSMA', 'T-MEC'],
      source:
        'Office of the United States Trade Representative, "United States-Mexico-Canada Agreement", ustr.gov',
      members: since(1994, 'CAN MEX USA'),
    },
    {
      name: 'G7',
      title: 'Group of Seven (G6 in 1975, Canada from 1976)',
      aliases: [],
      source: 'Government of Canada, Global Affairs (2024), "Canada and the G7", international.gc.ca',
      note: 'the European Union takes part as a "non-enumerated member" and is not a country of the list; Russia (G8, 1997–2013) is not included',
      members: [...since(1975, 'DEU FRA GBR ITA JPN USA'), ...since(1976, 'CAN')],
    },
    {
      name: 'G20',
      title: 'Group of Twenty: its 19 member countries (from 1999)',
      aliases: [],
      source: 'G20, "About the G20", g20.org',
      note: 'the European Union and (from 2023) the African Union are G20 members but not countries: they are left out, since adding them would count France, Germany, Italy and South Africa twice; add their members yourself if you want them (a user-defined group)',
      members: since(1999, 'ARG AUS BRA CAN CHN DEU FRA GBR IDN IND ITA JPN KOR MEX RUS SAU TUR USA ZAF'),
    },
    {
      name: 'BRICS',
      title: 'BRICS (BRIC from its first summit in 2009, South Africa from 2010, enlarged in 2024 and 2025)',
      aliases: ['BRIC'],
      source:
        'BRICS Brasil 2025, "About BRICS", brics.br; XV BRICS Summit Johannesburg II Declaration (23 August 2023), para. 91',
      note: 'Saudi Arabia was invited in 2023 but has not confirmed its membership: it is left out; Argentina declined the invitation',
      members: [
        ...since(2009, 'BRA CHN IND RUS'),
        ...since(2010, 'ZAF'),
        ...since(2024, 'ARE EGY ETH IRN'),
        ...since(2025, 'IDN'),
      ],
    },
    {
      name: 'OECD',
      title: 'OECD member countries (by the date each ratified the Convention on the OECD)',
      aliases: [],
      source: 'OECD, "List of OECD Member countries – Ratification of the Convention on the OECD", oecd.org',
      members: [
        ...since(1961, 'AUT BEL CAN CHE DEU DNK ESP FRA GBR GRC IRL ISL LUX NLD NOR PRT SWE TUR USA'),
        ...since(1962, 'ITA'),
        ...since(1964, 'JPN'),
        ...since(1969, 'FIN'),
        ...since(1971, 'AUS'),
        ...since(1973, 'NZL'),
        ...since(1994, 'MEX'),
        ...since(1995, 'CZE'),
        ...since(1996, 'HUN KOR POL'),
        ...since(2000, 'SVK'),
        ...since(2010, 'CHL EST ISR SVN'),
        ...since(2016, 'LVA'),
        ...since(2018, 'LTU'),
        ...since(2020, 'COL'),
        ...since(2021, 'CRI'),
      ],
    },
  ];
}

/**
 * A named group of the catalogue, as {@link countryGroups} lists it: its name, aliases, what it is,
 * whether its membership is dated (changes with `year`) and the official source of the list.
 */
export interface CountryGroupInfo {
  /** The name to pass to {@link groupMembers} and `sumByGroup`. */
  readonly name: string;
  /** Other names accepted for it (`NAFTA` for `USMCA`). */
  readonly aliases: readonly string[];
  /** What the group is. */
  readonly title: string;
  /** True when the members depend on the year; false for a fixed composition such as `EU27`. */
  readonly dated: boolean;
  /** The first year with members (for a fixed composition, the year it is taken from). */
  readonly since: number;
  /** The official source of the list. */
  readonly source: string;
  /** How an ambiguity is treated (non-country members, invited members, a departure), when there is one. */
  readonly note?: string;
}

/**
 * The named country groups that {@link groupMembers} and `sumByGroup` know: the European Union
 * (dated, and the fixed EU27 as of 2020 and EU28), the euro area (dated, and EA19, EA20, EA21),
 * ASEAN, USMCA (alias NAFTA), G7, G20, BRICS and the OECD. Members are ISO 3166-1 alpha-3 codes, as
 * the OECD ICIO tables label countries. Sources: European Union, "EU countries" (europa.eu); ECB,
 * "Euro area 1999–2026"; ASEAN Secretariat, "ASEAN Member States" (asean.org); USTR, "USMCA"; G20,
 * "About the G20" (g20.org); BRICS Brasil 2025, "About BRICS"; OECD, "List of OECD Member countries
 * – Ratification of the Convention on the OECD" (oecd.org).
 *
 * @returns one entry per group, in catalogue order, frozen
 * @throws never: it takes no argument
 * @example
 * ```ts
 * countryGroups().map((g) => g.name);
 * //=> ['EU', 'EU27', 'EU28', 'EA', 'EA19', 'EA20', 'EA21', 'ASEAN', 'USMCA', 'G7', 'G20', 'BRICS', 'OECD']
 * ```
 */
export function countryGroups(): CountryGroupInfo[] {
  const all = catalogue();
  const out = all.map((g): CountryGroupInfo => {
    const first = g.members ? Math.min(...g.members.map((m) => m.from)) : g.fixed!.at;
    return {
      name: g.name,
      aliases: [...g.aliases],
      title: g.title,
      dated: g.members !== undefined,
      since: first,
      source: g.source,
      ...(g.note === undefined ? {} : { note: g.note }),
    };
  });
  return deepFreeze(out);
}

/** The catalogue entry of `name` or one of its aliases (exact spelling), if any. */
export function findGroup(name: string): GroupEntry | undefined {
  return catalogue().find((g) => g.name === name || g.aliases.includes(name));
}

/** Members of a catalogue entry in `year` (current members when `year` is undefined), sorted. */
export function membersOf(
  entry: GroupEntry,
  year: number | undefined,
  codes: CodeSystem = 'alpha3',
): string[] {
  if (entry.fixed) return membersOf(findGroup(entry.fixed.of)!, entry.fixed.at, codes);
  const list = entry.members!.filter((m) =>
    year === undefined ? m.until === undefined : m.from <= year && (m.until === undefined || year <= m.until),
  );
  const out = list.map((m) => m.code);
  if (codes === 'alpha3') return out.sort();
  const two = alpha2Codes();
  return out.map((c) => two.get(c) ?? c).sort();
}

/** How member codes are written: ISO 3166-1 alpha-3 (`DEU`) or alpha-2 (`DE`). */
export type CodeSystem = 'alpha3' | 'alpha2';

/** The `codes` option: `'alpha3'` (OECD ICIO, WIOD, ADB, Eora) or `'alpha2'` (FIGARO, EXIOBASE). */
export const GroupCodes = z.enum(['alpha3', 'alpha2'], {
  error: (iss) => `expected "alpha3" or "alpha2", found ${quote(String(iss.input))}`,
});

/**
 * The spellings of a member code: itself, and for alpha-2 the codes Eurostat writes instead of
 * ISO's (`EL` for Greece, `UK` for the United Kingdom), as FIGARO tables may.
 */
export function spellings(code: string): string[] {
  return code === 'GR' ? ['GR', 'EL'] : code === 'GB' ? ['GB', 'UK'] : [code];
}

/** ISO 3166-1 alpha-2 codes of every country of the catalogue, by alpha-3 code. */
function alpha2Codes(): Map<string, string> {
  const pairs =
    'AUT AT BEL BE BGR BG CYP CY CZE CZ DEU DE DNK DK ESP ES EST EE FIN FI FRA FR GRC GR HRV HR HUN HU ' +
    'IRL IE ITA IT LTU LT LUX LU LVA LV MLT MT NLD NL POL PL PRT PT ROU RO SVK SK SVN SI SWE SE GBR GB ' +
    'BRN BN IDN ID KHM KH LAO LA MMR MM MYS MY PHL PH SGP SG THA TH VNM VN TLS TL CAN CA MEX MX USA US ' +
    'JPN JP ARG AR AUS AU BRA BR CHN CN IND IN KOR KR RUS RU SAU SA TUR TR ZAF ZA ARE AE EGY EG ETH ET ' +
    'IRN IR CHE CH ISL IS NOR NO NZL NZ CHL CL ISR IL COL CO CRI CR';
  const w = pairs.split(' ');
  const m = new Map<string, string>();
  for (let i = 0; i < w.length; i += 2) m.set(w[i]!, w[i + 1]!);
  return m;
}

/** The year option of {@link groupMembers} and `sumByGroup`: a calendar year, 1900–2100. */
export const GroupYear = z.number({ error: 'expected a year such as 2020' }).check(
  // z.int as a check (not the schema z.int()) keeps the two messages apart, as number().int() did.
  z.int({ error: 'expected a whole year such as 2020' }),
  z.gte(1900, { error: 'expected a year from 1900 to 2100' }),
  z.lte(2100, { error: 'expected a year from 1900 to 2100' }),
);

/**
 * Options of {@link groupMembers}: `year`, the calendar year whose membership is wanted (a country
 * counts in year Y when it was a member on 31 December of Y; without it, the current members), and
 * `codes`, `'alpha3'` (default: ISO 3166-1 alpha-3, as OECD ICIO, WIOD, ADB MRIO and Eora label
 * countries) or `'alpha2'` (ISO alpha-2, as FIGARO and EXIOBASE do).
 *
 * @example
 * ```ts
 * GroupMembersOptions.parse({ year: 2019 }).year;
 * //=> 2019
 * ```
 */
export const GroupMembersOptions = z.strictObject({
  year: z.optional(GroupYear),
  codes: z.optional(GroupCodes),
});
/** Options of {@link groupMembers}. */
export type GroupMembersOptions = z.input<typeof GroupMembersOptions>;

/**
 * The members of a named country group, as ISO 3166-1 alpha-3 codes (the OECD ICIO country labels),
 * in a given year or today. Dated groups (`EU`, `EA`, `ASEAN`, `USMCA`, `G7`, `G20`, `BRICS`,
 * `OECD`) change with `year`: a country is a member in year Y when it was one on 31 December of Y
 * (so the United Kingdom, which left the EU on 31 January 2020, is in the EU of 2019, not of 2020).
 * Fixed compositions (`EU27` = the EU of 2020, `EU28`, `EA19`, `EA20`, `EA21`) do not change with
 * `year`. Before a group existed it has no members (an empty list). Sources: see {@link countryGroups}
 * (European Union, "EU countries"; OECD, "List of OECD Member countries"; and the others listed there).
 *
 * @param name - a group of {@link countryGroups} or one of its aliases (`NAFTA`), spelled exactly
 * @param options - `{ year, codes }`, see {@link GroupMembersOptions}
 * @returns the member codes, sorted alphabetically, as a fresh frozen array (ISO alpha-2 codes for
 *   `codes: 'alpha2'`: Greece is `GR` and the United Kingdom `GB`, where Eurostat writes `EL` and
 *   `UK`; `sumByGroup` accepts both)
 * @throws {GvcError} `INVALID_INPUT` when `name` is not a group of the catalogue (path `name`) or
 *   `year` is not a whole year from 1900 to 2100 (path `options.year`)
 * @example
 * ```ts
 * groupMembers('EU', { year: 2019 }).length;
 * //=> 28
 * groupMembers('BRICS', { year: 2024 });
 * //=> ['ARE', 'BRA', 'CHN', 'EGY', 'ETH', 'IND', 'IRN', 'RUS', 'ZAF']
 * groupMembers('NAFTA');
 * //=> ['CAN', 'MEX', 'USA']
 * groupMembers('G7', { codes: 'alpha2' });
 * //=> ['CA', 'DE', 'FR', 'GB', 'IT', 'JP', 'US']
 * ```
 */
export function groupMembers(name: string, options?: GroupMembersOptions): string[] {
  const { year, codes } = validateOptions(GroupMembersOptions, options);
  const given = validate(z.string({ error: 'expected the name of a country group' }), name, 'name');
  const entry = findGroup(given);
  if (entry === undefined) throw unknownGroup(given, 'name');
  return Object.freeze(membersOf(entry, year, codes)) as string[];
}

/** The error for a name that is not in the catalogue, at `path`. */
export function unknownGroup(name: string, path: string): GvcError {
  const names = catalogue()
    .map((g) => g.name)
    .join(', ');
  return new GvcError('INVALID_INPUT', 'unknown country group', [
    { path, message: `expected a country group of the catalogue (${names}), found ${quote(name)}` },
  ]);
}
