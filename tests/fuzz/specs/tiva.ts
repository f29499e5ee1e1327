/** The fuzz specs of the TiVA indicators and the Miroudot–Ye decomposition (`gvckit/io`, src/io/tiva). */
import fc from 'fast-check';
import { HAND_TABLE } from '../../io/decompositions/helpers.js';
import { type TableInput, tableArb } from '../arbitraries.js';
import { lib } from '../library.js';
import { exampleIcio, tryOr } from '../seeds.js';
import { IO_BOUND_MS, type Spec } from '../spec.js';

const createIcio = (t: unknown) => lib('createIcio')(t);
/** The table as an Icio where `createIcio` accepts it, else the plain input (the function must then reject it). */
const icioOf = (t: TableInput) => tryOr(() => createIcio(t), t);

const tivaOptions = [
  undefined,
  { level: 'sector' },
  { level: 'bilateral' },
  { codes: ['EXGR', 'EXGR_DVA', 'FD_VA'] },
  { level: 'bilateral', codes: ['DEXFVAPSH', 'FEXDVAPSH'] },
  { level: 'sector', codes: ['FEXDVAP', 'IMGR_DVASH'] },
];
const myOptions = [
  undefined,
  { level: 'sector' },
  { perimeter: 'bilateral' },
  { perimeter: 'bilateral', level: 'sector' },
  { perimeter: 'sector', level: 'sector' },
  { perimeter: 'world' },
];

/** How each function of src/io/tiva is fuzzed (register under `io`). */
export const tivaSpecs: Record<string, Spec> = {
  tivaIndicators: {
    seeds: () => [
      [createIcio(HAND_TABLE)],
      [createIcio(exampleIcio), { level: 'bilateral' }],
      [createIcio(HAND_TABLE), { level: 'sector', codes: ['EXGR_RIM'] }],
    ],
    valid: () => tableArb().chain((t) => fc.tuple(fc.constant(icioOf(t)), fc.constantFrom(...tivaOptions))),
    boundMs: IO_BOUND_MS,
  },
  myDecomposition: {
    seeds: () => [
      [createIcio(HAND_TABLE)],
      [createIcio(exampleIcio), { perimeter: 'bilateral', level: 'sector' }],
      [createIcio(HAND_TABLE), { perimeter: 'world' }],
    ],
    valid: () => tableArb().chain((t) => fc.tuple(fc.constant(icioOf(t)), fc.constantFrom(...myOptions))),
    boundMs: IO_BOUND_MS,
  },
};
