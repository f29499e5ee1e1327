/** The fuzz specs of the country groups of `gvckit/io`: the catalogue and sums of records by group. */
import fc from 'fast-check';
import { type TableInput, tableArb } from '../arbitraries.js';
import { lib } from '../library.js';
import { tryOr } from '../seeds.js';
import { IO_BOUND_MS, type Spec } from '../spec.js';

const createIcio = (t: unknown) => lib('createIcio')(t);
const indicator = (name: string, t: unknown, options?: unknown) => lib(name)(createIcio(t), options);

const abc = {
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
};
const AB = { name: 'AB', members: ['A', 'B'] };

/** The records of one indicator of a random table (or the table itself when it is invalid). */
const recordsOf = (t: TableInput, name: string, options?: unknown) =>
  tryOr(() => indicator(name, t, options), t);
const INDICATORS: Array<[string, unknown]> = [
  ['valueAddedExports', undefined],
  ['valueAddedExports', { level: 'bilateral' }],
  ['gvcParticipation', { level: 'sector' }],
  ['leontiefDecomposition', undefined],
  ['bmDecomposition', undefined],
  ['kwwDecomposition', undefined],
  ['wwzDecomposition', undefined],
];

/** How each country-group function is fuzzed. */
export const groupsSpecs: Record<string, Spec> = {
  countryGroups: { seeds: () => [[]] },
  groupMembers: {
    seeds: () => [
      ['EU', { year: 2019 }],
      ['EU27'],
      ['NAFTA'],
      ['BRICS', { year: 2024 }],
      ['OECD', { year: 1961 }],
    ],
    valid: () =>
      fc.tuple(
        fc.constantFrom(
          'EU',
          'EU27',
          'EU28',
          'EA',
          'EA20',
          'ASEAN',
          'USMCA',
          'NAFTA',
          'G7',
          'G20',
          'BRICS',
          'OECD',
        ),
        fc.option(fc.record({ year: fc.integer({ min: 1900, max: 2100 }) }), { nil: undefined }),
      ),
  },
  sumByGroup: {
    seeds: () => [
      [indicator('valueAddedExports', abc), AB],
      [indicator('valueAddedExports', abc, { level: 'bilateral' }), AB, { partners: [AB] }],
      [indicator('gvcParticipation', abc), [AB, { name: 'C', members: ['C'] }]],
      [indicator('wwzDecomposition', abc), AB, { partners: [AB] }],
      [indicator('bmDecomposition', abc, { level: 'sector' }), AB],
    ],
    valid: () =>
      tableArb({ minG: 2, maxG: 3, maxN: 3 }).chain((t) =>
        fc
          .tuple(
            fc.constantFrom(...INDICATORS),
            fc.subarray(t.countries as string[], { minLength: 1 }),
            fc.boolean(),
          )
          .map(([[name, options], members, grouped]) => {
            const group = { name: 'G', members };
            const bilateral =
              name === 'wwzDecomposition' ||
              (options !== undefined && (options as { level?: string }).level === 'bilateral');
            return [
              recordsOf(t, name, options),
              group,
              grouped && bilateral ? { partners: [group] } : undefined,
            ];
          }),
      ),
    boundMs: IO_BOUND_MS,
  },
};
