/**
 * Rents with magnitudes: the value an actor captures above a normal return, read from a chain's
 * decomposition of value added. It reads chains, so it lives with them (`rents/` depends on `core/`
 * only).
 *
 * @packageDocumentation
 */
import * as z from 'zod/mini';
import { IssueList, validateOptions } from '../core/boundary.js';
import type { Explanation } from '../core/explanation.js';
import { Id, NonNegative } from '../core/primitives.js';
import type { RentFamily } from '../rents/index.js';
import { decomposeAttribution, prepareDecomposition } from './attribution.js';
import { finalResult } from './cache.js';
import type { ValueChain, ValueChainInput } from './model.js';
import { attributeRents, type MeasuredActor } from './rent-attribute.js';
import { DecompositionDepth } from './value-added.js';

/**
 * The normal return deducted from a stage's returns to capital before what is left is called a rent.
 * No source gives a default (state one, e.g. the sector's cost of capital):
 * - `cost-markup`: a normal profit of `markup` × the stage's unit cost (unit price less profit,
 *   interest and land rent);
 * - `capital`: `rate` × the capital per unit of each stage's output (`capitalPerUnit`, by stage id);
 * - `none`: nothing deducted: the whole surplus is reported (an upper bound of the rent).
 *
 * @example
 * ```ts
 * NormalReturn.parse({ basis: 'cost-markup', markup: 0.1 });
 * //=> { basis: 'cost-markup', markup: 0.1 }
 * ```
 */
export const NormalReturn = z.discriminatedUnion(
  'basis',
  [
    z.strictObject({ basis: z.literal('cost-markup'), markup: NonNegative }),
    z.strictObject({
      basis: z.literal('capital'),
      rate: NonNegative,
      capitalPerUnit: z.record(Id, NonNegative),
    }),
    z.strictObject({ basis: z.literal('none') }),
  ],
  {
    error: () =>
      "expected a normal return: { basis: 'cost-markup', markup }, { basis: 'capital', rate, capitalPerUnit } or { basis: 'none' }",
  },
);
/** A normal return, as a caller passes it. */
export type NormalReturn = z.input<typeof NormalReturn>;

/**
 * Options of {@link measureRents}.
 *
 * @example
 * ```ts
 * MeasureRentsOptions.parse({ normalReturn: { basis: 'none' } }).depth;
 * //=> 'full'
 * ```
 */
export const MeasureRentsOptions = z.strictObject({
  /** Required: the normal return (no source gives a default). */
  normalReturn: NormalReturn,
  /** Depth of the decomposition, as for `decomposeValueAdded` (default `full`). */
  depth: z._default(DecompositionDepth, 'full'),
  /** Relative tolerance of the accounting identities, as for `decomposeValueAdded` (default 1e-9). */
  tolerance: z._default(z.number().check(z.positive(), z.lte(0.1)), 1e-9),
});
/** Options of {@link measureRents}, as a caller passes them. */
export type MeasureRentsOptions = z.input<typeof MeasureRentsOptions>;

/** One stage of {@link RentMagnitudes.byStage}; amounts per unit of the final product. */
export interface MeasuredRentLine {
  /** Stage id. */
  stage: string;
  /** The stage's actor, or `null`. */
  actor: string | null;
  /** The stage's country. */
  country: string;
  /** Returns to capital: (profit + interest) × units. */
  surplus: number;
  /** The normal return deducted. */
  normalReturn: number;
  /** `surplus − normalReturn` (negative: below a normal return; never attributed to a rent). */
  rentAboveNormal: number;
  /** Land rent × units: a resource rent (Ricardo's). */
  resourceRent: number;
  /** Taxes × units: the state's share (not a holder's rent). */
  appropriatedByState: number;
  /** Depreciation × units (neither rent nor return). */
  depreciation: number;
}

/** Rent of one family (or unattributed) in {@link RentMagnitudes.byFamily}. */
export interface FamilyMagnitude {
  /** Amount per unit of the final product. */
  amount: number;
  /** `amount / finalValue`. */
  share: number;
}

/** The rents of one country in {@link RentMagnitudes.byCountry}. */
export interface CountryRents {
  /** Country code. */
  key: string;
  /** Sum of its stages' rent above a normal return. */
  rentAboveNormal: number;
  /** Sum of its stages' land rent. */
  resourceRent: number;
  /** Sum of its stages' taxes. */
  appropriatedByState: number;
  /** Stated amounts of rents whose holder is an actor of that country. */
  stated: number;
}

/** The result of {@link measureRents}; every amount is per unit of the final product. */
export interface RentMagnitudes {
  /** The chain's currency. */
  currency: string;
  /** Unit price of the final product. */
  finalValue: number;
  /** The normal return used. */
  normalReturn: z.output<typeof NormalReturn>;
  /** One line per stage with a distribution. */
  byStage: MeasuredRentLine[];
  /** Positive rent by family (measured and stated), and what could not be attributed to a listed rent. */
  byFamily: Record<RentFamily | 'unattributed', FamilyMagnitude>;
  /** By actor (stages without an actor as `stage:<id>`), in order of first appearance. */
  byActor: MeasuredActor[];
  /** By country, in order of first appearance. */
  byCountry: CountryRents[];
  /** Stages without a distribution, and the value added not covered (their value, outside purchases). */
  uncovered: { stages: string[]; valueAdded: number };
  /** Which normal return, which stages uncovered, how rents were attributed. */
  explanation: Explanation;
}

type ChainStage = ValueChain['stages'][number];
type Resolved = z.output<typeof MeasureRentsOptions>;

/**
 * Measures rents as value captured above a normal return (gvckit's operational reading of Kaplinsky
 * 2015: a rent is income beyond what the factors would earn in competitive activity, i.e. economic
 * profit). For each stage with a `distribution`, per unit of the final product (the stage's units from
 * the decomposition of value added):
 * - `surplus` = profit + interest; `normalReturn` as stated (no default); `rentAboveNormal` =
 *   surplus − normalReturn (negative: reported, never attributed);
 * - `resourceRent` = land rent (a differential rent: Ricardo 1817, ch. 2);
 * - `appropriatedByState` = taxes (the fiscal linkage, not a holder's rent).
 *
 * So for every actor over its covered stages, valueCaptured (of `valueCapture`) = rentAboveNormal +
 * normalReturn + resourceRent + appropriatedByState + depreciation (Kraemer, Linden & Dedrick 2011:
 * value captured beside value added). Stages without a distribution are `uncovered`, never guessed.
 *
 * Attribution to the chain's `rents` (holder = the stage's actor): land rent to the holder's
 * `resource` rents, positive rent above normal to its other rents. Rents stating `share` take that
 * share; a single rent without a share takes the rest; several without a share leave it
 * `unattributed` (never split evenly), as does a holder with no such rent listed. Rents that state an
 * `amount` are not measured again: they are added as stated (`basis: 'stated'`).
 *
 * @param chain - the value chain (validated)
 * @param options - `{ normalReturn, depth?, tolerance? }`; `normalReturn` is required
 * @returns rents by stage, family, actor and country, what is uncovered, and an explanation
 *   (deeply frozen)
 * @throws {@link GvcError} `INVALID_INPUT` for an invalid chain or options (`options.normalReturn`,
 *   a stage missing from `options.normalReturn.capitalPerUnit`, shares of one holder summing above 1
 *   at `chain.rents[i].share`); `UNSUPPORTED` or `ACCOUNTING_MISMATCH` as for `valueCapture`
 * @example
 * ```ts
 * import { cocoa } from 'gvckit/data';
 *
 * const r = measureRents(cocoa, { normalReturn: { basis: 'none' } });
 * [r.byFamily.resource.amount, r.byFamily.endogenous.amount];
 * //=> [0.0046875, 0.03]
 * ```
 */
export function measureRents(chain: ValueChainInput, options: MeasureRentsOptions): RentMagnitudes {
  const opts: Resolved = validateOptions(MeasureRentsOptions, options);
  const { att, chain: parsed } = prepareDecomposition(chain, { depth: opts.depth });
  const decomposition = decomposeAttribution(att, opts.tolerance);
  const nr = opts.normalReturn;
  const issues = new IssueList();
  const withDistribution = parsed.stages.filter((s) => s.distribution !== undefined).map((s) => s.id);
  if (nr.basis === 'capital') {
    const ids = new Set(parsed.stages.map((s) => s.id));
    const missing = withDistribution.filter((id) => nr.capitalPerUnit[id] === undefined);
    if (missing.length > 0) {
      issues.add(
        'options.normalReturn.capitalPerUnit',
        `expected the capital per unit of every stage with a distribution (${withDistribution.join(', ')}), found none for ${missing.join(', ')}`,
      );
    }
    for (const key of Object.keys(nr.capitalPerUnit)) {
      if (!ids.has(key)) {
        issues.add(
          `options.normalReturn.capitalPerUnit.${key}`,
          `expected a stage id of the chain, found "${key}"`,
        );
      }
    }
  }
  issues.throwIfAny('invalid options');

  const byStage: MeasuredRentLine[] = [];
  const uncoveredStages: string[] = [];
  let uncoveredValue = 0;
  att.lines.forEach((line, li) => {
    const stage = parsed.stages[att.lineStage[li] as number] as ChainStage;
    const d = line.origin === 'stage' ? stage.distribution : undefined;
    if (d === undefined) {
      uncoveredValue += line.valueAdded;
      if (line.origin !== 'purchases' && !uncoveredStages.includes(stage.id)) uncoveredStages.push(stage.id);
      return;
    }
    const u = line.units;
    const surplusPerUnit = d.profit + d.interest;
    const cost = stage.output.unitPrice - surplusPerUnit - d.landRent;
    const normalPerUnit =
      nr.basis === 'cost-markup'
        ? nr.markup * cost
        : nr.basis === 'capital'
          ? nr.rate * (nr.capitalPerUnit[stage.id] as number)
          : 0;
    byStage.push({
      stage: stage.id,
      actor: stage.actor ?? null,
      country: stage.country,
      surplus: surplusPerUnit * u,
      normalReturn: normalPerUnit * u,
      rentAboveNormal: (surplusPerUnit - normalPerUnit) * u,
      resourceRent: d.landRent * u,
      appropriatedByState: d.taxes * u,
      depreciation: d.depreciation * u,
    });
  });

  const attributed = attributeRents(parsed, byStage, decomposition.finalValue);
  const byCountry = new Map<string, CountryRents>();
  const country = (key: string) => {
    let c = byCountry.get(key);
    if (!c) {
      c = { key, rentAboveNormal: 0, resourceRent: 0, appropriatedByState: 0, stated: 0 };
      byCountry.set(key, c);
    }
    return c;
  };
  for (const l of byStage) {
    const c = country(l.country);
    c.rentAboveNormal += l.rentAboveNormal;
    c.resourceRent += l.resourceRent;
    c.appropriatedByState += l.appropriatedByState;
  }
  for (const a of attributed.byActor) {
    const statedSum = a.attributed.filter((x) => x.basis === 'stated').reduce((s, x) => s + x.amount, 0);
    if (statedSum !== 0) country(a.country).stated += statedSum;
  }

  const basisText =
    nr.basis === 'cost-markup'
      ? `a normal return of ${nr.markup} × unit cost`
      : nr.basis === 'capital'
        ? `a normal return of ${nr.rate} × capital per unit`
        : 'no normal return deducted (the whole surplus, an upper bound)';
  const notes = [...attributed.notes];
  if (uncoveredStages.length > 0) {
    notes.push(`stages without a distribution are not measured: ${uncoveredStages.join(', ')}`);
  }
  if (nr.basis === 'none') notes.push('with no normal return deducted the rents are upper bounds');
  const rules = [
    'surplus-above-normal-return',
    'land-rent-is-resource-rent',
    'taxes-to-state',
    ...attributed.rules,
  ];
  return finalResult(
    {
      currency: parsed.currency,
      finalValue: decomposition.finalValue,
      normalReturn: nr,
      byStage,
      byFamily: attributed.byFamily,
      byActor: attributed.byActor,
      byCountry: [...byCountry.values()],
      uncovered: { stages: uncoveredStages, valueAdded: uncoveredValue },
      explanation: {
        text: `Rents measured over ${byStage.length} stage${byStage.length === 1 ? '' : 's'} with a distribution, with ${basisText}; land rent counted as resource rent, taxes as the state's share`,
        rules: [...new Set(rules)],
        evidence: ['chain.stages[].distribution', 'chain.rents', 'options.normalReturn'],
        notes,
        sources: [
          'Kaplinsky 2015, section on rents',
          'Ricardo 1817, ch. 2 "On Rent"',
          'Kraemer, Linden & Dedrick 2011 (value captured)',
        ],
      },
    },
    'chain',
  );
}

export type { AttributedRent, MeasuredActor } from './rent-attribute.js';
