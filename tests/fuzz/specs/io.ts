/** The fuzz specs of `gvckit/io`: tables, inverses, multipliers, decompositions, indicators, kernels. */
import fc from 'fast-check';
import { HAND_TABLE } from '../../io/decompositions/helpers.js';
import { MILLER_BLAIR_TABLE } from '../../io/fixture.js';
import {
  squareArb,
  type TableInput,
  tableArb,
  tableToCsv,
  tableToRecords,
  vectorArb,
} from '../arbitraries.js';
import { lib } from '../library.js';
import { exampleIcio, tryOr } from '../seeds.js';
import { IO_BOUND_MS, type Spec } from '../spec.js';

const createIcio = (t: unknown) => lib('createIcio')(t);
const luFactor = (a: unknown, n: unknown) => lib('luFactor')(a, n);

/** The table as an Icio where `createIcio` accepts it, else the plain input (the function must then reject it). */
const icioOf = (t: TableInput) => tryOr(() => createIcio(t), t);

/** Seed tables: the decomposition tests' hand table and Miller & Blair's two-sector example. */
const small2 = HAND_TABLE;
const mb = MILLER_BLAIR_TABLE;
const chainAB = {
  countries: ['A', 'B'],
  sectors: ['s'],
  Z: [
    [0, 5],
    [0, 0],
  ],
  Y: [
    [5, 0],
    [0, 10],
  ],
};
const icioSeeds = () => [exampleIcio, small2, mb, chainAB].map((t) => [createIcio(t)]);
const icioValid = () => tableArb().map((t) => [icioOf(t)]);

const m2 = () => Float64Array.of(4, 7, 2, 6);

/** How each function of `gvckit/io` is fuzzed. */
export const ioSpecs: Record<string, Spec> = {
  createIcio: {
    seeds: () => [[exampleIcio], [small2], [mb]],
    valid: () => tableArb().map((t) => [t]),
    boundMs: IO_BOUND_MS,
  },
  createIcioFromRecords: {
    seeds: () => [
      [
        {
          countries: ['A', 'B'],
          sectors: ['s'],
          Z: { A_s: { B_s: 2 }, B_s: { A_s: 3 } },
          Y: { A_s: { A: 5, B: 6 }, B_s: { B_HFCE: 7, B_GFCF: 1 } },
        },
      ],
      [tableToRecords(exampleIcio as TableInput)],
    ],
    valid: () => tableArb().map((t) => [tableToRecords(t)]),
    boundMs: IO_BOUND_MS,
  },
  readIcioCsv: {
    seeds: () => [
      [
        [
          ',A_s,B_s,A_HFCE,B_HFCE,OUT',
          'A_s,1,2,5,6,14',
          'B_s,3,4,7,8,22',
          'VA,10,16,,,',
          'OUT,14,22,,,',
        ].join('\n'),
      ],
      [tableToCsv(exampleIcio as TableInput)],
    ],
    valid: () => tableArb().map((t) => [tableToCsv(t)]),
    boundMs: IO_BOUND_MS,
  },
  aggregateIcio: {
    seeds: () => [
      [
        createIcio({
          countries: ['A', 'B'],
          sectors: ['s'],
          Z: [
            [1, 2],
            [3, 4],
          ],
          Y: [
            [5, 6],
            [7, 8],
          ],
        }),
        { countries: { W: ['A', 'B'] } },
      ],
      [createIcio(exampleIcio), { countries: { EU: ['NLD'], REST: ['GHA', 'USA'] } }],
    ],
    valid: () => tableArb().map((t) => [icioOf(t), { countries: { W: t.countries } }]),
    boundMs: IO_BOUND_MS,
  },
  technicalCoefficients: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  leontiefInverse: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  ghoshInverse: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  domesticInverses: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  valueAddedCoefficients: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  outputMultipliers: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  bmDecomposition: {
    seeds: () => [
      ...icioSeeds(),
      [createIcio(small2), { level: 'sector' }],
      [createIcio(exampleIcio), { level: 'country' }],
    ],
    valid: () =>
      tableArb().chain((t) =>
        fc.tuple(
          fc.constant(icioOf(t)),
          fc.constantFrom(undefined, { level: 'sector' }, { level: 'country' }),
        ),
      ),
    boundMs: IO_BOUND_MS,
  },
  kwwDecomposition: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  wwzDecomposition: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  leontiefDecomposition: {
    seeds: () => [...icioSeeds(), [createIcio(exampleIcio), { level: 'sector' }]],
    valid: () =>
      tableArb().chain((t) =>
        fc.tuple(fc.constant(icioOf(t)), fc.constantFrom(undefined, { level: 'sector' })),
      ),
    boundMs: IO_BOUND_MS,
  },
  linkageClass: {
    seeds: () => [
      [1.2, 1.1],
      [1, 1],
      [0.9, 1.3],
    ],
    valid: () =>
      fc.tuple(fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true })),
  },
  rasmussenLinkages: {
    seeds: () => [...icioSeeds(), [createIcio(exampleIcio), {}]],
    valid: icioValid,
    boundMs: IO_BOUND_MS,
  },
  gvcParticipation: {
    seeds: () => [...icioSeeds(), [createIcio(exampleIcio), { level: 'sector' }]],
    valid: () =>
      tableArb().chain((t) =>
        fc.tuple(fc.constant(icioOf(t)), fc.constantFrom(undefined, { level: 'sector' })),
      ),
    boundMs: IO_BOUND_MS,
  },
  upstreamness: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  downstreamness: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  averagePropagationLength: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  valueAddedExports: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  inverse: {
    seeds: () => [
      [m2(), 2],
      [Float64Array.of(1), 1],
    ],
    valid: () => squareArb.map(([a, n]) => [a, n]),
  },
  luFactor: {
    seeds: () => [
      [Float64Array.of(0, 1, 2, 3), 2],
      [m2(), 2],
    ],
    valid: () => squareArb.map(([a, n]) => [a, n]),
  },
  luSolve: {
    seeds: () => [[luFactor(Float64Array.of(2, 0, 0, 4), 2), Float64Array.of(2, 8)]],
    valid: () =>
      squareArb.chain(([a, n]) => fc.tuple(fc.constant(tryOr(() => luFactor(a, n), a)), vectorArb(n))),
  },
  luSolveTransposed: {
    seeds: () => [[luFactor(Float64Array.of(1, 2, 0, 4), 2), Float64Array.of(1, 6)]],
    valid: () =>
      squareArb.chain(([a, n]) => fc.tuple(fc.constant(tryOr(() => luFactor(a, n), a)), vectorArb(n))),
  },
  matmul: {
    seeds: () => [[Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), 2, 2, 2]],
    valid: () =>
      fc
        .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
        .chain(([m, k, n]) =>
          fc.tuple(vectorArb(m * k), vectorArb(k * n), fc.constant(m), fc.constant(k), fc.constant(n)),
        ),
  },
  identityMinus: {
    seeds: () => [[Float64Array.of(0.1, 0.2, 0.3, 0.4), 2]],
    valid: () => squareArb.map(([a, n]) => [a, n]),
  },
  transpose: {
    seeds: () => [[Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3]],
    valid: () =>
      fc
        .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
        .chain(([m, n]) => fc.tuple(vectorArb(m * n), fc.constant(m), fc.constant(n))),
  },
};
