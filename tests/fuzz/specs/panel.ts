/**
 * The fuzz specs of the multi-year panels of `gvckit/io` (`src/io/panel/`): icioPanel. Tables come
 * from loader functions (the fuzzer reads no files); random valid panels are two years of a random
 * table with a random named indicator, on the calling thread (the sources have no worker module).
 */
import fc from 'fast-check';
import { type TableInput, tableArb } from '../arbitraries.js';
import { ioExports, lib } from '../library.js';
import { exampleIcio, tryOr } from '../seeds.js';
import { IO_BOUND_MS, type Spec } from '../spec.js';

const createIcio = (t: unknown) => lib('createIcio')(t);
/** The table as an Icio where `createIcio` accepts it, else the plain input (the panel must then reject it). */
const icioOf = (t: TableInput) => tryOr(() => createIcio(t), t);

/** The indicator names icioPanel takes (its own list, so that a name added there is fuzzed too). */
const NAMES = (ioExports.PANEL_INDICATORS as readonly string[] | undefined) ?? ['vax'];

/** How each panel function of `gvckit/io` is fuzzed. */
export const panelSpecs: Record<string, Spec> = {
  icioPanel: {
    seeds: () => [
      [{ years: [2019, 2020], load: () => createIcio(exampleIcio), indicator: 'vax' }],
      [
        {
          years: [2020],
          load: async () => createIcio(exampleIcio),
          indicator: { name: 'bm', options: { level: 'sector' } },
        },
        { workers: 0, onProgress: () => {} },
      ],
      [
        {
          years: [2019],
          load: () => createIcio(exampleIcio),
          indicator: (icio: unknown) => lib('upstreamness')(icio) as object[],
        },
        { signal: new AbortController().signal },
      ],
    ],
    valid: () =>
      fc
        .tuple(tableArb(), fc.constantFrom(...NAMES), fc.constantFrom(undefined, 'country', 'sector'))
        .map(([t, name, level]) => {
          const icio = icioOf(t);
          const takesLevel = ['bm', 'vax', 'leontief', 'participation'].includes(name);
          return [
            {
              years: [2019, 2020],
              load: () => icio,
              indicator: takesLevel && level !== undefined ? { name, options: { level } } : name,
            },
          ];
        }),
    boundMs: IO_BOUND_MS,
  },
};
