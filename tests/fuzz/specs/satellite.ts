/** The fuzz specs of the satellite accounts of `gvckit/io`: attaching stressors, footprints, embodied flows. */
import fc from 'fast-check';
import { HAND_TABLE } from '../../io/decompositions/helpers.js';
import { type TableInput, tableArb } from '../arbitraries.js';
import { lib } from '../library.js';
import { exampleIcio, tryOr } from '../seeds.js';
import { IO_BOUND_MS, type Spec } from '../spec.js';

const createIcio = (t: unknown) => lib('createIcio')(t);
const attachSatellite = (t: unknown, s: unknown) => lib('attachSatellite')(t, s);

/** Random stressor rows for a table of `n` country–sectors and `G` countries (negative entries allowed). */
const satelliteArb = (n: number, G: number) =>
  fc
    .array(fc.array(fc.double({ min: -100, max: 1000, noNaN: true }), { minLength: n, maxLength: n }), {
      minLength: 1,
      maxLength: 3,
    })
    .chain((F) =>
      fc.record({
        stressors: fc.constant(F.map((_, s) => ({ name: `s${s}`, unit: 'kt' }))),
        F: fc.constant(F),
        FY: fc.option(
          fc.array(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: G, maxLength: G }), {
            minLength: F.length,
            maxLength: F.length,
          }),
          { nil: undefined },
        ),
      }),
    )
    .map(({ FY, ...rest }) => (FY === undefined ? rest : { ...rest, FY }));

/** A table and satellite input pair: the table as an Icio where `createIcio` accepts it. */
const pairArb = () =>
  tableArb().chain((t: TableInput) =>
    fc.tuple(
      fc.constant(tryOr(() => createIcio(t), t)),
      satelliteArb(t.countries.length * t.sectors.length, t.countries.length),
    ),
  );

/** A table with satellite accounts attached, where both are valid. */
const withSatelliteArb = () => pairArb().map(([t, s]) => tryOr(() => attachSatellite(t, s), t));

const hand = () =>
  attachSatellite(createIcio(HAND_TABLE), {
    stressors: [{ name: 'jobs', unit: 'persons' }, { name: 'CO2' }],
    F: [
      [100, 300],
      [5, -1],
    ],
    FY: [
      [1, 2],
      [0, 0],
    ],
  });
const example = () => {
  const t = createIcio(exampleIcio) as { G: number; N: number };
  const n = t.G * t.N;
  return attachSatellite(t, {
    stressors: [{ name: 'CO2', unit: 'kt' }],
    F: [Array.from({ length: n }, (_, j) => j + 1)],
  });
};

/** The specs of the footprint functions: a table with satellite, and the level and stressor options. */
const footprintSpec = (withLevel: boolean, bilateral = false): Spec => ({
  seeds: () => [
    [hand()],
    [example()],
    [hand(), withLevel ? { level: 'sector' } : { stressors: ['CO2'] }],
    [hand(), { stressors: ['jobs'] }],
  ],
  valid: () =>
    withSatelliteArb().chain((t) =>
      fc.tuple(
        fc.constant(t),
        withLevel
          ? fc.constantFrom(
              undefined,
              { level: 'sector' },
              { level: 'country', stressors: ['s0'] },
              ...(bilateral
                ? [{ level: 'bilateral' }, { level: 'bilateral-sector', stressors: ['s0'] }]
                : []),
            )
          : fc.constantFrom(undefined, { stressors: ['s0'] }),
      ),
    ),
  boundMs: IO_BOUND_MS,
});

/** How each satellite function of `gvckit/io` is fuzzed. */
export const satelliteSpecs: Record<string, Spec> = {
  attachSatellite: {
    seeds: () => [
      [createIcio(HAND_TABLE), { stressors: [{ name: 'jobs', unit: 'persons' }], F: [[100, 300]] }],
      [createIcio(HAND_TABLE), { stressors: [{ name: 'CO2' }], F: Float64Array.of(1, 2), FY: [[3, 4]] }],
    ],
    valid: () => pairArb(),
    boundMs: IO_BOUND_MS,
  },
  stressorMultipliers: footprintSpec(false),
  footprintAccounts: footprintSpec(true),
  embodiedInFinalDemand: footprintSpec(true),
  embodiedInExports: footprintSpec(true, true),
};
