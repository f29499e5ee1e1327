import * as z from 'zod/mini';
import { IssueList, validate, validateOptions } from '../core/boundary.js';
import type { Explanation } from '../core/explanation.js';
import { deepFreeze } from '../core/freeze.js';
import { DriverEvidence } from './driver.js';
import type { ChainDriver } from './model.js';

/**
 * Evidence about who drives a chain: the items of {@link DriverEvidence} plus two about the lead
 * firm's relation to manufacturing, which Gereffi (1999, Table 1) uses to tell the drivers apart
 * (investment-based vertical networks versus trade-based horizontal ones).
 *
 * - `ownsProduction: true` — the lead firm owns and runs manufacturing: a producer trait (a retailer
 *   that does so, such as Zara, is a mixed case); `false` says nothing;
 * - `outsourcesManufacture: true` — the lead firm designs and markets but does not make the product:
 *   a buyer trait (Nike); `false` says nothing.
 *
 * @example
 * ```ts
 * DriverEvidenceDetailed.parse({ leadFirm: 'retailer', ownsProduction: true });
 * //=> { leadFirm: 'retailer', ownsProduction: true }
 * ```
 */
export const DriverEvidenceDetailed = z.extend(DriverEvidence, {
  /** The lead firm owns and runs manufacturing (producer trait). */
  ownsProduction: z.optional(z.boolean()),
  /** The lead firm designs and brands but does not make the product (buyer trait). */
  outsourcesManufacture: z.optional(z.boolean()),
});
/** Evidence about who drives a chain, with the lead firm's relation to manufacturing. */
export type DriverEvidenceDetailed = z.input<typeof DriverEvidenceDetailed>;

/** The items of {@link DriverEvidenceDetailed}, in the order they are read. */
export type DriverItem =
  | 'leadFirm'
  | 'coreCompetence'
  | 'barriersToEntry'
  | 'networkLinks'
  | 'ownsProduction'
  | 'outsourcesManufacture';
const ITEMS: readonly DriverItem[] = [
  'leadFirm',
  'coreCompetence',
  'barriersToEntry',
  'networkLinks',
  'ownsProduction',
  'outsourcesManufacture',
];

const Weight = z
  .number({ error: 'expected a finite number from 0 to 1e9' })
  .check(
    z.gte(0, { error: 'expected a finite number from 0 to 1e9' }),
    z.lte(1e9, { error: 'expected a finite number from 0 to 1e9' }),
  );

/**
 * Options of {@link assessDriver}.
 *
 * - `weights`: the weight of each item present (default 1 each; Gereffi gives no weights, so equal
 *   weights are gvckit's convention), each from 0 to 1e9;
 * - `mixedShare`: the chain is `mixed` when the side with less weight holds at least this share of
 *   the weighted evidence, in (0, 0.5]. Default 1/3: gvckit's convention, no source gives a number
 *   (a third of the evidence on the minority side is read as a real second driver).
 *
 * @example
 * ```ts
 * AssessDriverOptions.parse({}).mixedShare;
 * //=> 1 / 3
 * ```
 */
export const AssessDriverOptions = z.strictObject({
  weights: z._default(
    z.strictObject({
      leadFirm: z.optional(Weight),
      coreCompetence: z.optional(Weight),
      barriersToEntry: z.optional(Weight),
      networkLinks: z.optional(Weight),
      ownsProduction: z.optional(Weight),
      outsourcesManufacture: z.optional(Weight),
    }),
    {},
  ),
  mixedShare: z._default(z.number().check(z.gt(0), z.lte(0.5)), 1 / 3),
});
/** Options of {@link assessDriver} (what a caller may pass). */
export type AssessDriverOptions = z.input<typeof AssessDriverOptions>;

/** The rules of {@link assessDriver}. */
export type DriverRuleId = 'no-evidence' | 'unanimous' | 'majority' | 'mixed';

/** The result of {@link assessDriver}. */
export interface DriverAssessment {
  /** The driver; `mixed` when both sides carry weight; `null` only without (weighted) evidence. */
  driver: ChainDriver | 'mixed' | null;
  /** The weighted evidence on each side. */
  score: { buyer: number; producer: number };
  /** The items on each side, e.g. `'leadFirm: retailer'`. */
  evidence: { buyer: string[]; producer: string[] };
  /** The rule that fired. */
  rule: DriverRuleId;
  /** Why, with the evidence and the sources. */
  explanation: Explanation;
}

/** The side an item points to, or `null` when it says nothing. */
function side(item: DriverItem, value: unknown): ChainDriver | null {
  switch (item) {
    case 'leadFirm':
      return value === 'manufacturer' ? 'producer' : 'buyer';
    case 'coreCompetence':
      return value === 'production-technology' ? 'producer' : 'buyer';
    case 'barriersToEntry':
      return value === 'scale' ? 'producer' : 'buyer';
    case 'networkLinks':
      return value === 'investment' ? 'producer' : 'buyer';
    case 'ownsProduction':
      return value === true ? 'producer' : null;
    default:
      return value === true ? 'buyer' : null;
  }
}

/**
 * Weighs the evidence on who drives a chain and answers `buyer`, `producer` or `mixed`. Gereffi
 * (1994, 1999) sets buyer-driven chains (lead firms at the consumer end, design and marketing,
 * economies of scope, trade-based networks) against producer-driven ones (manufacturers holding the
 * production technology, economies of scale, investment-based networks); some lead firms combine
 * traits of both, such as a retailer that owns and runs fast-response production (Zara) or one
 * whose advantage rests on scale in logistics and purchasing (Walmart) — the mixed cases gvckit
 * takes from Kaplinsky (2015); Gereffi, Humphrey & Sturgeon (2005, introduction) likewise argue that
 * the two-way distinction does not capture every form of coordination. Each item present points to one side (as in {@link classifyDriver}, plus
 * `ownsProduction: true` → producer and `outsourcesManufacture: true` → buyer) with its weight. With
 * no weighted evidence the driver is `null`; when the lighter side holds at least `mixedShare` of
 * the total it is `mixed`; otherwise the heavier side (`unanimous` when the lighter is empty).
 * {@link classifyDriver} keeps its majority vote.
 *
 * Reference: Gereffi, G. (1994) The organization of buyer-driven global commodity chains, in Gereffi
 * & Korzeniewicz (eds) *Commodity Chains and Global Capitalism*, Praeger, 95–122; Gereffi, G. (1999)
 * International trade and industrial upgrading in the apparel commodity chain, *Journal of
 * International Economics* 48(1), 37–70, Table 1.
 *
 * @param evidence - the items of {@link DriverEvidenceDetailed} known
 * @param options - {@link AssessDriverOptions}; `null`/`undefined` for the defaults
 * @returns the driver (or `mixed`, or `null`), the weighted scores, the items on each side, the rule
 *   and the explanation (deeply frozen)
 * @throws {@link GvcError} `INVALID_INPUT` when an item or option has an unknown value or key (paths
 *   rooted at `evidence` and `options`, both reported at once)
 * @example
 * ```ts
 * assessDriver({ leadFirm: 'retailer', coreCompetence: 'design-and-marketing',
 *   networkLinks: 'investment', ownsProduction: true }).driver;
 * //=> 'mixed'
 * assessDriver({ leadFirm: 'retailer', barriersToEntry: 'scale', networkLinks: 'trade' },
 *   { mixedShare: 0.4 }).rule;
 * //=> 'majority'
 * ```
 */
export function assessDriver(
  evidence: DriverEvidenceDetailed,
  options?: AssessDriverOptions | null,
): DriverAssessment {
  const issues = new IssueList();
  const e = issues.attempt(() =>
    validate(DriverEvidenceDetailed, evidence, 'evidence', 'invalid driver evidence'),
  );
  const opts = issues.attempt(() => validateOptions(AssessDriverOptions, options));
  issues.throwIfAny('invalid driver evidence');
  if (e === undefined || opts === undefined) throw new Error('unreachable');

  const score = { buyer: 0, producer: 0 };
  const items: { buyer: string[]; producer: string[] } = { buyer: [], producer: [] };
  const paths: string[] = [];
  const notes: string[] = [];
  for (const item of ITEMS) {
    const value = e[item];
    if (value === undefined) continue;
    const s = side(item, value);
    if (s === null) {
      notes.push(`${item}: ${String(value)} points to neither side`);
      continue;
    }
    const w = opts.weights[item] ?? 1;
    items[s].push(`${item}: ${String(value)}`);
    paths.push(`evidence.${item}`);
    score[s] += w;
    if (w === 0) notes.push(`${item} has weight 0`);
  }
  const total = score.buyer + score.producer;
  const weightsNote =
    Object.keys(opts.weights).length === 0
      ? "equal weights: gvckit's convention, Gereffi gives none"
      : 'weights given by the caller';
  notes.push(weightsNote);
  if (options?.mixedShare === undefined) {
    notes.push("mixed share 1/3 is gvckit's convention: no source gives a number");
  }
  const sources = ['Gereffi 1994', 'Gereffi 1999, Table 1'];
  const result = (driver: DriverAssessment['driver'], rule: DriverRuleId, text: string): DriverAssessment =>
    deepFreeze({
      driver,
      score,
      evidence: items,
      rule,
      explanation: { text, rules: [rule], evidence: paths, notes, sources },
    });
  if (total === 0) {
    return result(null, 'no-evidence', 'No item of evidence with a weight above 0 points to either driver');
  }
  const heavier: ChainDriver = score.buyer >= score.producer ? 'buyer' : 'producer';
  const lighter: ChainDriver = heavier === 'buyer' ? 'producer' : 'buyer';
  const share = score[lighter] / total;
  const tally = `buyer ${items.buyer.join(', ') || 'none'} (${score.buyer}); producer ${items.producer.join(', ') || 'none'} (${score.producer})`;
  if (share >= opts.mixedShare - 1e-12) {
    return result(
      'mixed',
      'mixed',
      `Mixed: each side holds at least ${round(opts.mixedShare)} of the weighted evidence — ${tally}`,
    );
  }
  if (score[lighter] === 0) {
    return result(
      heavier,
      'unanimous',
      `All the weighted evidence points to a ${heavier}-driven chain — ${tally}`,
    );
  }
  return result(
    heavier,
    'majority',
    `${round(1 - share)} of the weighted evidence points to a ${heavier}-driven chain, the rest (${round(share)}) is below the mixed share ${round(opts.mixedShare)} — ${tally}`,
  );
}

const round = (x: number): string => String(Math.round(x * 1000) / 1000);
