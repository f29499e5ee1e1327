/**
 * What a panel can name instead of passing a function, so that a year can run on a worker thread
 * (functions cannot cross to one): the indicators by name, and the readers by release.
 *
 * @packageDocumentation
 */
import { quote } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';
import { readIcioCsv } from '../csv.js';
import { bmDecomposition } from '../decompositions/bm.js';
import { bmPerspectiveDecomposition } from '../decompositions/bm-perspectives.js';
import { kwwDecomposition } from '../decompositions/kww.js';
import { wwzDecomposition } from '../decompositions/wwz.js';
import { leontiefDecomposition } from '../indicators/leontief-decomposition.js';
import { rasmussenLinkages } from '../indicators/linkages.js';
import { gvcParticipation } from '../indicators/participation.js';
import { downstreamness, upstreamness } from '../indicators/position.js';
import { valueAddedExports } from '../indicators/vax.js';
import { readAdbMrio } from '../readers/adb.js';
import { readEora26 } from '../readers/eora.js';
import { readExiobase } from '../readers/exiobase.js';
import { readFigaro } from '../readers/figaro.js';
import { readLongRunWiod } from '../readers/lrwiod.js';
import { readOecdIcio } from '../readers/oecd.js';
import type { TableSource } from '../readers/source.js';
import { textChunks } from '../readers/source.js';
import { readWiod } from '../readers/wiod.js';
import { embodiedInExports, embodiedInFinalDemand } from '../satellite/embodied.js';
import { footprintAccounts } from '../satellite/footprints.js';
import { myDecomposition } from '../tiva/miroudot-ye.js';
import { tivaIndicators } from '../tiva/tiva.js';
import type { Icio } from '../types.js';

/**
 * The indicators a panel can name (and so compute on worker threads), in the order of the CLI's
 * help: {@link bmDecomposition}, {@link kwwDecomposition}, {@link wwzDecomposition},
 * {@link valueAddedExports}, {@link leontiefDecomposition}, {@link gvcParticipation},
 * {@link upstreamness}, {@link downstreamness}, {@link rasmussenLinkages}, then
 * {@link bmPerspectiveDecomposition} (`'bm-perspective'`), {@link tivaIndicators} (`'tiva'`),
 * {@link myDecomposition} (`'my'`), {@link footprintAccounts} (`'footprints'`),
 * {@link embodiedInFinalDemand} and {@link embodiedInExports}.
 *
 * @example
 * ```ts
 * PANEL_INDICATORS.includes('vax');
 * //=> true
 * ```
 */
export const PANEL_INDICATORS = [
  'bm',
  'kww',
  'wwz',
  'vax',
  'leontief',
  'participation',
  'upstreamness',
  'downstreamness',
  'rasmussen',
  'bm-perspective',
  'tiva',
  'my',
  'footprints',
  'embodied-final-demand',
  'embodied-exports',
] as const;
/** The name of an indicator a panel can compute on a worker thread. */
export type PanelIndicatorName = (typeof PANEL_INDICATORS)[number];

type Compute = (icio: Icio, options?: object) => readonly object[];

/** A named indicator's function, and whether it takes options (the others refuse any). */
function indicatorEntry(name: string): { compute: Compute; options: boolean } | undefined {
  switch (name) {
    case 'bm':
      return { compute: bmDecomposition as Compute, options: true };
    case 'kww':
      return { compute: kwwDecomposition, options: false };
    case 'wwz':
      return { compute: wwzDecomposition, options: false };
    case 'vax':
      return { compute: valueAddedExports as Compute, options: true };
    case 'leontief':
      return { compute: leontiefDecomposition as Compute, options: true };
    case 'participation':
      return { compute: gvcParticipation as Compute, options: true };
    case 'upstreamness':
      return { compute: upstreamness, options: false };
    case 'downstreamness':
      return { compute: downstreamness, options: false };
    case 'rasmussen':
      return { compute: rasmussenLinkages as Compute, options: true };
    case 'bm-perspective':
      return { compute: bmPerspectiveDecomposition as Compute, options: true };
    case 'tiva':
      return { compute: tivaIndicators as Compute, options: true };
    case 'my':
      return { compute: myDecomposition as Compute, options: true };
    case 'footprints':
      return { compute: footprintAccounts as Compute, options: true };
    case 'embodied-final-demand':
      return { compute: embodiedInFinalDemand as Compute, options: true };
    case 'embodied-exports':
      return { compute: embodiedInExports as Compute, options: true };
    default:
      return undefined;
  }
}

/**
 * The computation of a named indicator with its options (each function checks its own options
 * when it runs, with paths `options.…`); an unknown name, or options given to an indicator that
 * takes none, is a `GvcError('INVALID_INPUT')` at `path`.
 *
 * @internal
 */
export function namedIndicator(
  name: string,
  options: object | undefined,
  path: string,
): (icio: Icio) => readonly object[] {
  const entry = indicatorEntry(name);
  if (entry === undefined) {
    throw new GvcError('INVALID_INPUT', 'invalid panel', [
      { path, message: `expected one of ${PANEL_INDICATORS.join(', ')}, found ${quote(String(name))}` },
    ]);
  }
  if (!entry.options) {
    if (options !== undefined && Object.keys(options).length > 0) {
      throw new GvcError('INVALID_INPUT', 'invalid panel', [
        { path: `${path}.options`, message: `expected no options: ${name} takes none` },
      ]);
    }
    return (icio) => entry.compute(icio);
  }
  return (icio) => entry.compute(icio, options);
}

/** A reader of one release: the file of a year, the reader's options and the year, to a table. */
export type PanelReader = (source: string, options: object | undefined, year: number) => Promise<Icio>;

/** `readIcioCsv` over the text of a source, read chunk by chunk and joined. */
async function readCsvSource(source: TableSource, options?: object): Promise<Icio> {
  let text = '';
  for await (const chunk of textChunks(source)) text += chunk;
  return readIcioCsv(text, options as Parameters<typeof readIcioCsv>[1]);
}

/**
 * The releases a panel can name, with the reader of a file of each: `csv` {@link readIcioCsv} (the
 * OECD ICIO CSV layout, read as text), `oecd` {@link readOecdIcio}, `wiod` {@link readWiod},
 * `lrwiod` {@link readLongRunWiod} (one file of every year: give the same path for each year),
 * `figaro` {@link readFigaro}, `adb` {@link readAdbMrio}, `eora26` {@link readEora26} (a folder)
 * and `exiobase` {@link readExiobase} (an archive or a folder). Every reader but `csv` is given the
 * year as its `year` option.
 *
 * @example
 * ```ts
 * PANEL_RELEASES[0];
 * //=> 'csv'
 * ```
 */
export const PANEL_RELEASES = [
  'csv',
  'oecd',
  'wiod',
  'lrwiod',
  'figaro',
  'adb',
  'eora26',
  'exiobase',
] as const;
/** The name of a release whose files a panel can read on a worker thread. */
export type PanelRelease = (typeof PANEL_RELEASES)[number];

type Reader = (source: string, options: object) => Promise<Icio>;

/**
 * The reader of a named release, or `undefined` for a name that is none. Every reader but `csv`
 * is given the panel's year as its `year` option (after the options of the panel's files).
 *
 * @internal
 */
export function panelReader(release: string): PanelReader | undefined {
  const withYear =
    (read: Reader): PanelReader =>
    (source, options, year) =>
      read(source, { ...options, year });
  switch (release) {
    case 'csv':
      return (source, options) => readCsvSource(source, options);
    case 'oecd':
      return withYear(readOecdIcio as Reader);
    case 'wiod':
      return withYear(readWiod as Reader);
    case 'lrwiod':
      return withYear(readLongRunWiod as Reader);
    case 'figaro':
      return withYear(readFigaro as Reader);
    case 'adb':
      return withYear(readAdbMrio as Reader);
    case 'eora26':
      return withYear(readEora26 as Reader);
    case 'exiobase':
      return withYear(readExiobase as Reader);
    default:
      return undefined;
  }
}
