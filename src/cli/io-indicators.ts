/**
 * The indicators of `gvckit io`: what each computes, which of the option flags (`--level`,
 * `--perspective`, `--approach`, `--codes`, `--perimeter`, `--stressors`) it takes, and how the
 * flags become the options of its `gvckit/io` function, for one table or, by name, for a panel.
 */
import { GvcError } from '../core/errors.js';
import { quote } from '../core/preview.js';
import {
  BmApproach,
  BmPerspective,
  BmPerspectiveOptions,
  bmDecomposition,
  bmPerspectiveDecomposition,
  downstreamness,
  embodiedInExports,
  embodiedInFinalDemand,
  footprintAccounts,
  gvcParticipation,
  type Icio,
  kwwDecomposition,
  leontiefDecomposition,
  myDecomposition,
  type PanelIndicatorName,
  rasmussenLinkages,
  TivaOptions,
  tivaIndicators,
  upstreamness,
  valueAddedExports,
  wwzDecomposition,
} from '../io/index.js';
import { checkOptions, choice, type OptionValues, UsageError } from './types.js';

/**
 * What `--level` chooses: records by country, by country–sector, or (vax, tiva) by exporter–partner
 * pair. Named apart from governance's `Level` (high/low), and taken from the `level` option of the
 * io functions, so that a level they do not know cannot be listed below.
 */
export type DetailLevel = NonNullable<NonNullable<Parameters<typeof valueAddedExports>[1]>['level']>;

/** The flags that set an indicator's options; each indicator takes some of them, the others are usage errors. */
export const OPTION_FLAGS = ['level', 'perspective', 'approach', 'codes', 'perimeter', 'stressors'] as const;
type Flag = (typeof OPTION_FLAGS)[number];

/** An indicator ready to run: on one table, or by name (with plain options) for a panel's years. */
export interface Prepared {
  compute: (icio: Icio) => readonly object[];
  panel: { name: PanelIndicatorName; options?: Record<string, unknown> };
}

export interface Indicator {
  /** The value of `--indicator`. */
  name: string;
  describe: string;
  /** The values `--level` takes, the default first; empty when the indicator has no level. */
  levels: readonly DetailLevel[];
  /** The flags other than `--level` it takes. */
  flags: readonly Flag[];
  /** Turns the checked flags (see {@link prepareIndicator}) into its computation. */
  prepare: (values: OptionValues) => Prepared;
}

type Compute = (icio: Icio, options?: object) => readonly object[];

/** The options of the flags given, `level` checked against `levels` (nothing for a flag left out). */
function levelOption<L extends DetailLevel>(
  values: OptionValues,
  name: string,
  levels: readonly L[],
): { level?: L } {
  if (values.level === undefined || levels.length === 0) return {};
  return { level: choice(values, 'level', levels, levels[0]!, `--level of --indicator ${name}`) };
}

/** Options passed as given to the function and, by `panelName`, to a panel. */
function simple(
  name: string,
  describe: string,
  levels: readonly DetailLevel[],
  compute: Compute,
  panelName: PanelIndicatorName = name as PanelIndicatorName,
): Indicator {
  return {
    name,
    describe,
    levels,
    flags: [],
    prepare: (values) => {
      const options = levelOption(values, name, levels);
      const given = Object.keys(options).length > 0;
      return {
        compute: given ? (icio) => compute(icio, options) : (icio) => compute(icio),
        panel: given ? { name: panelName, options } : { name: panelName },
      };
    },
  };
}

/**
 * The items of a comma-separated `--codes` or `--stressors`, each trimmed and non-empty; an item
 * holding a comma is written in double quotes as in CSV (`'"wages, salaries",CO2'`, `""` for a quote),
 * since stressor names such as EXIOBASE's have commas.
 */
function splitList(text: string): string[] | undefined {
  const items: string[] = [];
  let i = 0;
  for (;;) {
    while (text[i] === ' ') i++;
    let item = '';
    if (text[i] === '"') {
      for (i++; ; i++) {
        if (i >= text.length) return undefined; // an unclosed quote
        if (text[i] === '"' && text[i + 1] === '"') item += text[i++];
        else if (text[i] === '"') break;
        else item += text[i];
      }
      i++;
      while (text[i] === ' ') i++;
      if (i < text.length && text[i] !== ',') return undefined; // text after the closing quote
    } else {
      const end = text.indexOf(',', i);
      item = text.slice(i, end < 0 ? text.length : end).trim();
      if (item.includes('"')) return undefined;
      i = end < 0 ? text.length : end;
    }
    if (item === '') return undefined;
    items.push(item);
    if (i >= text.length) return items;
    i++; // the comma
  }
}

/** The list of `--codes` or `--stressors` ({@link splitList}), a {@link UsageError} when malformed. */
function listOf(values: OptionValues, flag: 'codes' | 'stressors', example: string): string[] | undefined {
  const v = values[flag];
  if (v === undefined) return undefined;
  const items = typeof v === 'string' ? splitList(v) : undefined;
  if (items === undefined) {
    throw new UsageError(
      `--${flag}: expected names separated by commas (in double quotes when they hold one), such as ${example}, found ${typeof v === 'string' ? quote(v) : 'no value'}`,
    );
  }
  return items;
}

const countryOrSector = ['country', 'sector'] as const;

/**
 * `--indicator bm`: without `--perspective` and `--approach`, {@link bmDecomposition} as always;
 * with either, {@link bmPerspectiveDecomposition}, its refusals (sink outside the exporter
 * perspective, `--level country` in a by-sector perspective) usage errors before any file is read.
 */
const bm: Indicator = {
  name: 'bm',
  describe: 'Borin & Mancini (2019, 2023) decomposition of gross exports, in any perspective',
  levels: countryOrSector,
  flags: ['perspective', 'approach'],
  prepare: (values) => {
    if (values.perspective === undefined && values.approach === undefined)
      return simple('bm', '', countryOrSector, bmDecomposition as Compute).prepare(values);
    const options = {
      perspective: choice(values, 'perspective', BmPerspective.options, 'exporter'),
      approach: choice(values, 'approach', BmApproach.options, 'source'),
      ...levelOption(values, 'bm', countryOrSector),
    };
    checkOptions(BmPerspectiveOptions, options);
    return {
      compute: (icio) => bmPerspectiveDecomposition(icio, options),
      panel: { name: 'bm-perspective', options },
    };
  },
};

const tiva: Indicator = {
  name: 'tiva',
  describe: 'OECD TiVA indicators by official code (EXGR, EXGR_DVA, FD_VA, …; OECD 2023)',
  levels: ['country', 'sector', 'bilateral'],
  flags: ['codes'],
  prepare: (values) => {
    const codes = listOf(values, 'codes', 'EXGR,EXGR_DVA');
    const options = { ...levelOption(values, 'tiva', tiva.levels), ...(codes ? { codes } : {}) };
    checkOptions(TivaOptions, options);
    return {
      compute: (icio) => tivaIndicators(icio, options as TivaOptions),
      panel: { name: 'tiva', options },
    };
  },
};

const my: Indicator = {
  name: 'my',
  describe: 'Miroudot & Ye (2021): value added counted once at the border of a perimeter',
  levels: countryOrSector,
  flags: ['perimeter'],
  prepare: (values) => {
    const perimeters = ['country', 'bilateral', 'sector', 'world'] as const;
    const options = {
      ...(values.perimeter === undefined
        ? {}
        : { perimeter: choice(values, 'perimeter', perimeters, 'country') }),
      ...levelOption(values, 'my', countryOrSector),
    };
    return { compute: (icio) => myDecomposition(icio, options), panel: { name: 'my', options } };
  },
};

/**
 * An indicator of the satellite accounts: a table without them (the csv layout has none) is a
 * `GvcError` naming the releases that carry them, before any computation.
 */
function satellite(
  name: PanelIndicatorName,
  describe: string,
  compute: Compute,
  levels: readonly DetailLevel[] = countryOrSector,
): Indicator {
  return {
    name,
    describe,
    levels,
    flags: ['stressors'],
    prepare: (values) => {
      const stressors = listOf(values, 'stressors', 'CO2,Employment');
      const options = { ...levelOption(values, name, levels), ...(stressors ? { stressors } : {}) };
      return {
        compute: (icio) => {
          if (icio.meta?.satellite === undefined) {
            throw new GvcError('INVALID_INPUT', `--indicator ${name} needs satellite accounts`, [
              {
                path: 'table',
                message:
                  'expected stressor rows (employment, emissions…) with the table, as --release exiobase or eora26 read them, found none',
              },
            ]);
          }
          return compute(icio, options);
        },
        panel: { name, options },
      };
    },
  };
}

/** The indicators, in the order of the help. */
export const INDICATORS: readonly Indicator[] = [
  bm,
  simple(
    'kww',
    'Koopman, Wang & Wei (2014): the nine terms of gross exports by country',
    [],
    kwwDecomposition,
  ),
  simple('wwz', 'Wang, Wei & Zhu (2013): the sixteen terms, bilateral by sector', [], wwzDecomposition),
  simple(
    'vax',
    'value-added exports and the VAX ratio (Johnson & Noguera 2012)',
    ['country', 'sector', 'bilateral'],
    valueAddedExports as Compute,
  ),
  simple(
    'leontief',
    'Leontief decomposition of exports: domestic and foreign content',
    countryOrSector,
    leontiefDecomposition as Compute,
  ),
  simple(
    'participation',
    'GVC participation and position (Koopman et al. 2010; Wang, Wei, Yu & Zhu 2017)',
    countryOrSector,
    gvcParticipation as Compute,
  ),
  simple('upstreamness', 'upstreamness (Antràs, Chor, Fally & Hillberry 2012)', [], upstreamness),
  simple('downstreamness', 'downstreamness (Fally 2012)', [], downstreamness),
  simple('rasmussen', 'Rasmussen power and sensitivity of dispersion, key sectors', [], rasmussenLinkages),
  tiva,
  my,
  satellite(
    'footprints',
    'stressor accounts: production, consumption (footprint), imports and exports',
    footprintAccounts as Compute,
  ),
  satellite(
    'embodied-final-demand',
    "stressors of each country's industries for each country's final demand",
    embodiedInFinalDemand as Compute,
  ),
  satellite(
    'embodied-exports',
    'stressors embodied in gross exports, split as Borin & Mancini split value added',
    embodiedInExports as Compute,
    ['country', 'sector', 'bilateral'],
  ),
];

/**
 * Refuses the flags the indicator does not take (a {@link UsageError} naming the indicators that
 * take it), then prepares it; all before any file is read.
 */
export function prepareIndicator(indicator: Indicator, values: OptionValues): Prepared {
  for (const flag of OPTION_FLAGS) {
    const v = values[flag];
    if (v === undefined || takes(indicator, flag)) continue;
    const takers = INDICATORS.filter((i) => takes(i, flag)).map((i) => i.name);
    throw new UsageError(
      `--${flag}: expected no --${flag} with --indicator ${indicator.name} (only ${takers.join(', ')} take${takers.length === 1 ? 's' : ''} one), found ${quote(String(v))}`,
    );
  }
  return indicator.prepare(values);
}

function takes(indicator: Indicator, flag: Flag): boolean {
  return flag === 'level' ? indicator.levels.length > 0 : indicator.flags.includes(flag);
}
