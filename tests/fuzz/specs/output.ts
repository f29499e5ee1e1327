/**
 * The fuzz specs of the tidy output of `gvckit/io` (`src/io/output/`): tidyRecords, recordsToCsv,
 * recordsToArrow. Seeds are indicator records of the example table and hand-written flat records;
 * the random valid inputs are arrays of flat records with hostile keys and values.
 */
import fc from 'fast-check';
import { hostileStrings } from '../junk.js';
import { lib } from '../library.js';
import { exampleIcio, tryOr } from '../seeds.js';
import { IO_BOUND_MS, type Spec } from '../spec.js';

const createIcio = (t: unknown) => lib('createIcio')(t);
/** The records of an indicator of the example table, or `[]` when the library does not load. */
const recordsOf = (name: string, options?: unknown) =>
  tryOr(() => lib(name)(createIcio(exampleIcio), options), []) as object[];

const handRecords = [
  { year: 2020, country: 'A', partner: 'B', term: 'VAX', value: 2.5 },
  { country: 'B, C', sector: 's"1"', term: 'GEXP', value: null, flag: true },
];

/** Flat records: keys from a small pool (with built-in names), values finite numbers, strings, booleans, null. */
const flatRecords = (): fc.Arbitrary<object[]> => {
  const key = fc.constantFrom(
    'year',
    'country',
    'partner',
    'sector',
    'term',
    'value',
    'x',
    '__proto__',
    'a,b',
    '',
  );
  const value = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: 1990, max: 2030 }),
    fc.constantFrom(...hostileStrings),
    fc.boolean(),
    fc.constant(null),
  );
  return fc.array(
    fc.array(fc.tuple(key, value), { maxLength: 6 }).map((entries) => Object.fromEntries(entries)),
    { maxLength: 30 },
  );
};

/** How each output function of `gvckit/io` is fuzzed. */
export const outputSpecs: Record<string, Spec> = {
  tidyRecords: {
    seeds: () => [
      [recordsOf('valueAddedExports', { level: 'bilateral' }), { year: 2020, indicator: 'vax' }],
      [recordsOf('gvcParticipation'), { keep: ['positionReason'] }],
      [recordsOf('rasmussenLinkages'), { keep: ['linkage', 'keySector'] }],
      [recordsOf('wwzDecomposition')],
      [handRecords, { keep: ['flag'] }],
    ],
    valid: () =>
      fc.tuple(
        flatRecords(),
        fc.record(
          { year: fc.integer({ min: 1990, max: 2030 }), indicator: fc.string({ minLength: 1 }) },
          { requiredKeys: [] },
        ),
      ),
    boundMs: IO_BOUND_MS,
  },
  recordsToCsv: {
    seeds: () => [
      [handRecords],
      [handRecords, { delimiter: ';', newline: '\r\n', header: false }],
      [recordsOf('kwwDecomposition'), { columns: ['country', 'GEXP'] }],
    ],
    valid: () =>
      fc.tuple(flatRecords(), fc.constantFrom(undefined, { delimiter: '\t' }, { newline: '\r\n' })),
    boundMs: IO_BOUND_MS,
  },
  recordsToArrow: {
    seeds: () => [
      [handRecords],
      [handRecords, { format: 'stream' }],
      [recordsOf('bmDecomposition', { level: 'sector' }), { columns: ['country', 'sector', 'GEXP'] }],
    ],
    valid: () =>
      fc.tuple(flatRecords(), fc.constantFrom(undefined, { format: 'stream' }, { format: 'file' })),
    boundMs: IO_BOUND_MS,
  },
};
