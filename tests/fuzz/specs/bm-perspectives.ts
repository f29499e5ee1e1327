/** The fuzz specs of the Borin–Mancini perspectives of `gvckit/io` (bmPerspectiveDecomposition). */
import fc from 'fast-check';
import { HAND_TABLE } from '../../io/decompositions/helpers.js';
import { type TableInput, tableArb } from '../arbitraries.js';
import { lib } from '../library.js';
import { exampleIcio, tryOr } from '../seeds.js';
import { IO_BOUND_MS, type Spec } from '../spec.js';

const createIcio = (t: unknown) => lib('createIcio')(t);
const icioOf = (t: TableInput) => tryOr(() => createIcio(t), t);

/** Every valid combination of perspective, approach and level (undefined: the defaults). */
const OPTIONS = [
  undefined,
  { approach: 'sink' },
  { approach: 'sink', level: 'sector' },
  { perspective: 'sector' },
  { perspective: 'world' },
  { perspective: 'world', level: 'sector' },
  { perspective: 'bilateral' },
  { perspective: 'bilateral', level: 'sector' },
  { perspective: 'bilateral-sector' },
  { perspective: 'bilateral-sector', level: 'sector' },
  { perspective: 'exporter', approach: 'source', level: 'country' },
] as const;

/** How bmPerspectiveDecomposition is fuzzed: seed tables in every perspective, random tables and options. */
export const bmPerspectiveSpecs: Record<string, Spec> = {
  bmPerspectiveDecomposition: {
    seeds: () => [
      ...OPTIONS.map((o) => [createIcio(HAND_TABLE), o]),
      ...OPTIONS.map((o) => [createIcio(exampleIcio), o]),
    ],
    valid: () => tableArb().chain((t) => fc.tuple(fc.constant(icioOf(t)), fc.constantFrom(...OPTIONS))),
    boundMs: IO_BOUND_MS,
  },
};
