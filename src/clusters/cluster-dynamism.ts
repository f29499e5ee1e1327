import * as z from 'zod/mini';
import { IssueList, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import type { Explanation } from '../core/explanation.js';
import { deepFreeze } from '../core/freeze.js';
import { describeFound } from '../core/issues.js';
import { NonNegative } from '../core/primitives.js';
import { type ClusterChange, UpgradingEvent, upgradingTrajectory } from '../upgrading/index.js';
import { dynamismOf } from './classify-dynamism.js';
import type { DynamismClass } from './dynamism-class.js';
import { type GrowthBasis, judgeGrowth, type RealGrowth } from './growth-rates.js';
import { orientationOf } from './markets.js';
import { Cluster } from './model.js';
import { namedEnum, take } from './schema-helpers.js';
import type { MarketOrientation } from './table-model.js';

const bad = (what: string) => (iss: { input?: unknown }) => `expected ${what}, found ${describeFound(iss)}`;

/**
 * Options of {@link clusterDynamism}. Every number here is gvckit's convention (no source gives
 * thresholds for cluster growth); pass the sector's national real growth as `benchmark` where known.
 *
 * @example
 * ```ts
 * ClusterDynamismOptions.parse({}).band;
 * //=> 0.01
 * ```
 */
export const ClusterDynamismOptions = z.strictObject({
  /** `auto` (default: indicators and events where they decide, else the flags), `evidence` or `indicators`. */
  basis: z._default(namedEnum(['auto', 'evidence', 'indicators']), 'auto'),
  /**
   * Price index by year (any base) deflating `sales` (System of National Accounts 2008, ch. 15): e.g.
   * `{ 2010: 100, 2012: 121 }`. It must cover the first and the last year reporting sales.
   */
  deflator: z.optional(
    z.record(
      z.string(),
      z
        .number({ error: bad('a finite price index > 0') })
        .check(z.positive({ error: bad('a finite price index > 0') })),
    ),
  ),
  /** `sales` are already at constant prices: use them without a deflator. Default false. */
  salesAreReal: z._default(z.boolean(), false),
  /** Weights of firms, employment and real sales in the weighted rate; default 1 each (no source weighs them). */
  weights: z._default(
    z.strictObject({
      firms: z.optional(NonNegative),
      employment: z.optional(NonNegative),
      sales: z.optional(NonNegative),
    }),
    {},
  ),
  /** Real annual growth the cluster is compared with (e.g. the sector's national real growth); default 0. */
  benchmark: z._default(z.number({ error: bad('a finite rate') }), 0),
  /** Half-width of the stagnation band around the benchmark, per year; default 0.01 (gvckit's convention). */
  band: z._default(
    z
      .number({ error: bad('a rate from 0 to 1') })
      .check(z.gte(0, { error: bad('a rate from 0 to 1') }), z.lte(1, { error: bad('a rate from 0 to 1') })),
    0.01,
  ),
  /** The upgrading events of the cluster's firms, read with `upgradingTrajectory`. */
  events: z.optional(z.array(UpgradingEvent)),
  /** Net number of firms upgrading in place needed; default 1 (one documented case, as Table 1 records). */
  minNetUpgraders: z._default(
    z.int({ error: bad('a whole number >= 1') }).check(z.gte(1, { error: bad('a whole number >= 1') })),
    1,
  ),
});
/** Options of {@link clusterDynamism}. */
export type ClusterDynamismOptions = z.input<typeof ClusterDynamismOptions>;

/** The kinds of static cluster (Kaplinsky 2015): `dying`, `survivalist` or `stagnant`. */
export type StaticKind = 'dying' | 'survivalist' | 'stagnant';

/** The rules {@link clusterDynamism} applies (ids in its `explanation.rules`). */
export type DynamismRuleId =
  | 'G1-weighted-real-growth'
  | 'G2-decline'
  | 'G3-stagnant'
  | 'G0-evidence-flag'
  | 'U1-collective-upgrading'
  | 'U2-swapping-excluded'
  | 'U3-collective-downgrading'
  | 'U4-net-in-position-upgraders'
  | 'U5-event-counts-only'
  | 'U0-evidence-flag'
  | 'S1-dying'
  | 'S2-survivalist'
  | 'S3-stagnant';

/** The result of {@link clusterDynamism}. */
export interface ClusterDynamism {
  /** The dynamism class from the growth and upgrading judgements below. */
  dynamism: DynamismClass;
  /** The kind of static cluster; `null` when the cluster is dynamic. */
  staticKind: StaticKind | null;
  /** The cluster's market orientation. */
  marketOrientation: MarketOrientation;
  /** Real growth: the rates per indicator, their weighted mean and its trend against the benchmark. */
  growth: RealGrowth & { basis: GrowthBasis };
  /** Cluster-level upgrading. */
  upgrading: {
    value: boolean;
    basis: 'evidence' | 'events' | 'event-counts';
    /** How the distribution of the firms' positions changed (`upgradingTrajectory`); `null` without events or with one firm. */
    positionChange: ClusterChange | null;
    /** Firms upgrading in place (process or product, same position) and never downgrading, minus firms downgrading. */
    netInPositionUpgraders: number | null;
  };
  explanation: Explanation;
}

const upgradingSource = 'Kaplinsky 2015, section on upgrading in clusters';

/** `upgradingTrajectory`, its problems re-rooted at `options.events`. */
function traject(events: readonly UpgradingEvent[]) {
  try {
    return upgradingTrajectory(events);
  } catch (e) {
    if (!(e instanceof GvcError)) throw e;
    const issues = new IssueList();
    issues.addAll(e.issues, 'options');
    issues.throwIfAny('invalid cluster dynamism input', e.code);
    throw e; // unreachable: a GvcError lists at least one issue
  }
}

/**
 * Judges a cluster's dynamism at the depth of the literature: real growth from several indicators
 * weighed, cluster-level upgrading that does not count firms swapping places, and the kind of a
 * static cluster.
 *
 * **Growth** (Kaplinsky 2015: growth is extensive, more of the same; McCormick 1999: in groundwork
 * clusters growth comes from more small firms of the same kind, so the number of firms alone is weak
 * evidence and several indicators must be weighed). The compound annual rate of firms, employment and
 * real sales between the earliest and latest year reporting each; sales enter only deflated by
 * `deflator` (System of National Accounts 2008, ch. 15: values are deflated, volumes are not) or when
 * `salesAreReal`. Their weighted mean (`weights`, default equal) is compared with `benchmark ± band`
 * (defaults 0 ± 0.01 a year, gvckit's convention): above → growth (rule G1), below → decline (G2),
 * within → stagnant (G3). An infinite rate (0 → positive) with a positive weight makes the mean
 * infinite (`weighted: null`, growth). With no usable indicator the flag decides (G0).
 *
 * **Upgrading** (Kaplinsky 2015: upgrading benefits the economy only when the cluster as a whole
 * changes position, not when firms swap places). With `events`, `upgradingTrajectory` compares the
 * distribution of the firms' positions before and after: collective upgrading is upgrading (U1);
 * swapping (U2) and collective downgrading (U3) are not. Otherwise firms upgrading in place (process
 * or product upgrading with the same chain and position, Humphrey & Schmitz 2000) net of firms
 * downgrading must reach `minNetUpgraders` (U4); one firm's change of position alone cannot be told
 * from a swap, so it does not count. Without events, the indicators' `upgradingEvents` counts (U5,
 * which cannot exclude swaps), else the flag (U0).
 *
 * **Static kinds** (Kaplinsky 2015: static clusters are survivalist or dying): `dying` when activity
 * declines or the cluster downgrades collectively (S1); else `survivalist` when it sells only locally
 * (S2, Altenburg & Meyer-Stamer 1999: survival clusters of micro and small firms serving local
 * markets); else `stagnant` (S3).
 *
 * `assessDynamism` is unchanged; this is the richer judgement.
 *
 * @param cluster - the cluster
 * @param options - see {@link ClusterDynamismOptions}; `undefined` or `null` for the defaults
 * @returns the dynamism, the static kind, the market orientation, the growth and upgrading
 * judgements and an explanation (deeply frozen)
 * @throws GvcError `INVALID_INPUT` when the cluster or options are invalid (every problem, paths rooted
 * at the argument: `options.deflator`, `options.events[1].kind`), the deflator lacks a year sales
 * are reported in, both `deflator` and `salesAreReal` are given, or every weight is 0;
 * `INSUFFICIENT_DATA` when `basis` is `indicators` and the indicators or events cannot decide
 * @example
 * ```ts
 * import { africanClusters } from 'gvckit/data';
 * const gikomba = africanClusters[6] as Cluster; // Gikomba Furniture: static, local (Table 1)
 * const shrinking: Cluster = { ...gikomba, indicators: [{ period: 2010, firms: 100, employment: 900 },
 *   { period: 2014, firms: 70, employment: 600 }] };
 * clusterDynamism(shrinking).staticKind;
 * //=> 'dying'
 * clusterDynamism(gikomba).staticKind;
 * //=> 'survivalist'
 * ```
 */
export function clusterDynamism(
  cluster: Cluster,
  options: ClusterDynamismOptions | null = {},
): ClusterDynamism {
  const summary = 'invalid cluster dynamism input';
  const issues = new IssueList();
  const c = take(safeValidate(Cluster, cluster, 'cluster', summary), issues);
  const o = take(safeValidate(ClusterDynamismOptions, options ?? {}, 'options', summary), issues);
  issues.throwIfAny(summary);
  if (c === undefined || o === undefined) throw new GvcError('INVALID_INPUT', summary);
  const indicators = c.indicators ?? [];
  const notes: string[] = [];
  const rules: DynamismRuleId[] = [];
  const evidence: string[] = [];
  const sources: string[] = [];
  const texts: string[] = [];

  // Growth (the options checks that need the indicators are in judgeGrowth).
  const g = judgeGrowth(indicators, o);
  const fromIndicators = o.basis !== 'evidence' && g.decides;
  const upgradingCounted = indicators.some((row) => row.upgradingEvents !== undefined);
  if (o.basis === 'indicators') {
    const missing = new IssueList();
    if (!g.decides) {
      missing.add(
        'cluster.indicators',
        'expected firms, employment or real sales with a positive weight in at least two periods, found none',
      );
    }
    if (o.events === undefined && !upgradingCounted) {
      missing.add(
        'options.events',
        'expected upgrading events or upgradingEvents in some period, found neither',
      );
    }
    missing.throwIfAny('cannot judge dynamism from indicators', 'INSUFFICIENT_DATA');
  }
  const growth = fromIndicators ? g.result.trend === 'growth' : c.dynamism.growth;
  if (fromIndicators) {
    const trend = g.result.trend;
    rules.push(
      trend === 'growth' ? 'G1-weighted-real-growth' : trend === 'decline' ? 'G2-decline' : 'G3-stagnant',
    );
    evidence.push('cluster.indicators');
    if (o.deflator !== undefined) evidence.push('options.deflator');
    sources.push('System of National Accounts 2008, ch. 15', 'McCormick 1999');
    const w = g.result.weighted;
    texts.push(
      `The weighted real growth rate is ${w === null ? 'infinite' : `${(w * 100).toFixed(2)}% a year`}, ${
        trend === 'growth' ? 'above' : trend === 'decline' ? 'below' : 'within'
      } the benchmark band ${(o.benchmark * 100).toFixed(2)}% ± ${(o.band * 100).toFixed(2)}%: ${trend}.`,
    );
    notes.push(
      "the benchmark (default 0) and band (default 0.01 a year) are gvckit's convention: no source gives a number",
    );
  } else {
    rules.push('G0-evidence-flag');
    evidence.push('cluster.dynamism.growth');
    sources.push('Kaplinsky 2015, Table 1');
    texts.push(`Growth is taken from the evidence flag (${growth ? 'growth' : 'no growth'}).`);
    if (o.basis !== 'evidence') notes.push('no indicator with a positive weight is reported in two periods');
  }
  notes.push(...g.result.excluded.map((e) => `excluded ${e}`));

  // Upgrading.
  let upgrading: boolean;
  let upBasis: ClusterDynamism['upgrading']['basis'] = 'evidence';
  let positionChange: ClusterChange | null = null;
  let net: number | null = null;
  if (o.basis !== 'evidence' && o.events !== undefined) {
    upBasis = 'events';
    const t = traject(o.events);
    positionChange = t.cluster?.change ?? null;
    const up = new Set<string>();
    const down = new Set<string>();
    for (const e of t.events) {
      if (e.kind === 'downgrading') down.add(e.subject);
      const inPlace = e.from.chain === e.to.chain && e.from.position === e.to.position;
      if (inPlace && (e.kind === 'process' || e.kind === 'product')) up.add(e.subject);
    }
    net = [...up].filter((s) => !down.has(s)).length - down.size;
    evidence.push('options.events');
    if (positionChange === 'collective-upgrading') {
      upgrading = true;
      rules.push('U1-collective-upgrading');
      sources.push(upgradingSource);
      texts.push('The distribution of the firms’ positions shifted up: the cluster upgraded as a whole.');
    } else {
      if (positionChange === 'swapping') {
        rules.push('U2-swapping-excluded');
        sources.push(upgradingSource);
        texts.push('Firms exchanged positions; the cluster did not move.');
      } else if (positionChange === 'collective-downgrading') {
        rules.push('U3-collective-downgrading');
        sources.push(upgradingSource);
        texts.push(
          'The distribution of the firms’ positions shifted down: the cluster downgraded as a whole.',
        );
      } else if (positionChange === null) {
        notes.push(
          'with fewer than two firms a change of position cannot be told from firms swapping places',
        );
      }
      const enough = net >= o.minNetUpgraders;
      upgrading = positionChange !== 'collective-downgrading' && enough;
      rules.push('U4-net-in-position-upgraders');
      sources.push('Humphrey & Schmitz 2000');
      texts.push(
        `${net} firm${Math.abs(net) === 1 ? '' : 's'} net upgraded in place${net < 0 ? ' (a net downgrading)' : ''}, ${
          enough ? 'at least' : 'fewer than'
        } the ${o.minNetUpgraders} needed${enough && !upgrading ? ', but the collective downgrading decides' : ''}.`,
      );
    }
  } else if (o.basis !== 'evidence' && upgradingCounted) {
    upBasis = 'event-counts';
    const count = indicators.reduce((sum, row) => sum + (row.upgradingEvents ?? 0), 0);
    upgrading = count >= o.minNetUpgraders;
    rules.push('U5-event-counts-only');
    evidence.push('cluster.indicators');
    texts.push(`${count} upgrading event${count === 1 ? '' : 's'} recorded.`);
    notes.push('event counts cannot exclude firms swapping places: pass options.events');
  } else {
    upgrading = c.dynamism.upgrading;
    rules.push('U0-evidence-flag');
    evidence.push('cluster.dynamism.upgrading');
    if (!sources.includes('Kaplinsky 2015, Table 1')) sources.push('Kaplinsky 2015, Table 1');
    texts.push(`Upgrading is taken from the evidence flag (${upgrading ? 'upgrading' : 'no upgrading'}).`);
  }
  if (o.basis === 'evidence' && (indicators.length > 0 || o.events !== undefined)) {
    notes.push('basis "evidence": indicators and events were not read');
  }

  // Static kinds.
  const dynamism = dynamismOf(growth, upgrading);
  const marketOrientation = orientationOf(c.endMarkets);
  let staticKind: StaticKind | null = null;
  if (dynamism === 'static') {
    const declining =
      (fromIndicators && g.result.trend === 'decline') || positionChange === 'collective-downgrading';
    evidence.push('cluster.endMarkets');
    sources.push('Kaplinsky 2015, section on clusters');
    if (declining) {
      staticKind = 'dying';
      rules.push('S1-dying');
      texts.push('Static and declining: a dying cluster.');
    } else if (marketOrientation === 'local-only') {
      staticKind = 'survivalist';
      rules.push('S2-survivalist');
      sources.push('Altenburg & Meyer-Stamer 1999');
      texts.push('Static and selling only locally: a survivalist cluster.');
    } else {
      staticKind = 'stagnant';
      rules.push('S3-stagnant');
      texts.push('Static, not declining, selling beyond its locality: a stagnant cluster.');
    }
    if (!fromIndicators && positionChange === null) {
      notes.push('whether the cluster is dying cannot be judged without indicators or upgrading events');
    }
  }
  return deepFreeze({
    dynamism,
    staticKind,
    marketOrientation,
    growth: fromIndicators
      ? { value: growth, basis: 'indicators', ...g.result }
      : { value: growth, basis: 'evidence', ...g.result, trend: null },
    upgrading: { value: upgrading, basis: upBasis, positionChange, netInPositionUpgraders: net },
    explanation: { text: texts.join(' '), rules, evidence, notes, sources: [...new Set(sources)] },
  } satisfies ClusterDynamism);
}
