import * as z from 'zod/mini';
import { CountryCode, CurrencyCode, Id, NonNegative, Source } from '../core/primitives.js';
import { ChainDriver, Governance } from '../governance/index.js';
import { Rent } from '../rents/index.js';
import { missingNationalityMessage, noStagesMessage } from './check.js';
import { chainStructureIssues } from './structure.js';
import { incomeTypes } from './value-added.js';

/**
 * The documented standard values of {@link Stage}'s `function`, from upstream to downstream. The field
 * is an open string: other values are accepted, these are the ones the analytics know the position of
 * (for example on the smile curve).
 *
 * @example
 * ```ts
 * standardStageFunctions[0];
 * //=> 'growing/extraction'
 * ```
 */
export const standardStageFunctions = [
  'growing/extraction',
  'primary-processing',
  'processing',
  'component-manufacture',
  'assembly',
  'design',
  'branding',
  'marketing',
  'distribution',
  'retail',
  'services',
] as const;

/** A standard stage function; see {@link standardStageFunctions}. */
export type StandardStageFunction = (typeof standardStageFunctions)[number];

/**
 * The function a stage performs: an open string whose documented standard values are
 * {@link standardStageFunctions}.
 *
 * @example
 * ```ts
 * StageFunction.parse('assembly');
 * //=> 'assembly'
 * ```
 */
export const StageFunction = z.string().check(z.minLength(1));
/** The function a stage performs. */
export type StageFunction = z.output<typeof StageFunction>;

/**
 * A participant in a chain: a firm, a group of firms (smallholders) or an agency.
 *
 * @example
 * ```ts
 * Actor.parse({ id: 'foxconn', name: 'Foxconn', country: 'CHN', ownership: 'foreign', nationality: 'TWN' });
 * //=> { id: 'foxconn', name: 'Foxconn', country: 'CHN', ownership: 'foreign', nationality: 'TWN' }
 * ```
 */
export const Actor = z
  .strictObject({
    id: Id,
    name: z.string().check(z.minLength(1)),
    /** Where the actor operates (ISO 3166-1 alpha-3, or a region code such as `ROW`). */
    country: CountryCode,
    /** Domestic or foreign ownership; a foreign actor states its owners' `nationality`. */
    ownership: z.optional(z.enum(['domestic', 'foreign'])),
    /** Owners' country, for a foreign-owned actor. */
    nationality: z.optional(CountryCode),
    /** Size class. */
    size: z.optional(z.enum(['micro', 'small', 'medium', 'large'])),
    /** Whether the actor is formally registered. */
    formality: z.optional(z.enum(['formal', 'informal'])),
    /** Whether the actor is the chain's lead firm. */
    leadFirm: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((a, ctx) => {
      if (a.ownership === 'foreign' && a.nationality === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['nationality'],
          message: missingNationalityMessage,
        });
      }
    }),
  );
/** A participant in a chain. */
export type Actor = z.output<typeof Actor>;

/**
 * What one unit of a stage's output is and what it sells for (`unitPrice`, in the chain's currency).
 * `volume` is the physical output of the period, used for totals and mass balances.
 *
 * @example
 * ```ts
 * StageOutput.parse({ unit: 'kg cocoa liquor', unitPrice: 8.24, volume: 1000 });
 * //=> { unit: 'kg cocoa liquor', unitPrice: 8.24, volume: 1000 }
 * ```
 */
export const StageOutput = z.strictObject({
  unit: z.string().check(z.minLength(1)),
  unitPrice: NonNegative,
  volume: z.optional(NonNegative),
});
/** What one unit of a stage's output is and what it sells for. */
export type StageOutput = z.output<typeof StageOutput>;

/**
 * A chain input: how much of an upstream stage's output is used per unit of this stage's output.
 * This states conversion ratios: 1.25 kg of beans per kg of cocoa liquor, one display per phone.
 *
 * @example
 * ```ts
 * StageInput.parse({ stage: 'export', quantity: 1.25 });
 * //=> { stage: 'export', quantity: 1.25 }
 * ```
 */
export const StageInput = z.strictObject({ stage: Id, quantity: NonNegative });
/** A chain input. */
export type StageInput = z.output<typeof StageInput>;

/**
 * A purchase from outside the modelled chain: its value per unit of the stage's output, and where it
 * comes from.
 *
 * @example
 * ```ts
 * Purchase.parse({ description: 'sugar and milk powder', value: 0.06, country: 'GBR' });
 * //=> { description: 'sugar and milk powder', value: 0.06, country: 'GBR' }
 * ```
 */
export const Purchase = z.strictObject({
  description: z.string().check(z.minLength(1)),
  value: NonNegative,
  country: CountryCode,
});
/** A purchase from outside the modelled chain. */
export type Purchase = z.output<typeof Purchase>;

/**
 * How a stage's value added per unit is distributed among incomes (taxes net of subsidies, and
 * profit, may be negative). Omitted items count as zero.
 *
 * @example
 * ```ts
 * Distribution.parse({ wages: 0.48, landRent: 0.06, profit: 0.1 });
 * //=> { wages: 0.48, taxes: 0, depreciation: 0, interest: 0, landRent: 0.06, profit: 0.1 }
 * ```
 */
export const Distribution = z.strictObject({
  wages: z._default(NonNegative, 0),
  taxes: z._default(z.number(), 0),
  depreciation: z._default(NonNegative, 0),
  interest: z._default(NonNegative, 0),
  landRent: z._default(NonNegative, 0),
  profit: z._default(z.number(), 0),
});
/** How a stage's value added per unit is distributed. */
export type Distribution = z.output<typeof Distribution>;

// The income items of a Distribution are defined beside the decomposition that groups by them
// (value-added.ts), a module a chain function's bundle reads without this one's schemas (issue #19).
export { incomeTypes };
/** One income item of a {@link Distribution}. */
export type IncomeType = (typeof incomeTypes)[number];

/**
 * One stage (link) of a chain: an activity, performed by an actor in a country, with an output
 * priced per unit, chain inputs from upstream stages, and purchases from outside the chain.
 *
 * @example
 * ```ts
 * Stage.parse({ id: 'retail', name: 'Retail', country: 'USA', output: { unit: 'phone', unitPrice: 150 } });
 * //=> { id: 'retail', name: 'Retail', country: 'USA', output: { unit: 'phone', unitPrice: 150 }, inputs: [], purchases: [] }
 * ```
 */
export const Stage = z.strictObject({
  id: Id,
  name: z.string().check(z.minLength(1)),
  function: z.optional(StageFunction),
  actor: z.optional(Id),
  country: CountryCode,
  output: StageOutput,
  inputs: z._default(z.array(StageInput), []),
  purchases: z._default(z.array(Purchase), []),
  distribution: z.optional(Distribution),
});
/** One stage of a chain. */
export type Stage = z.output<typeof Stage>;

const chainFields = {
  id: Id,
  name: z.string().check(z.minLength(1)),
  /** The final product. */
  product: z.optional(z.string()),
  currency: CurrencyCode,
  year: z.optional(z.int()),
  driver: z.optional(ChainDriver),
  governance: z.optional(Governance),
  actors: z._default(z.array(Actor), []),
  stages: z.array(Stage).check(z.minLength(1, { error: noStagesMessage })),
  /** The stage whose output is the final product; no stage may consume it. */
  finalStage: Id,
  /** Country where the final product is consumed; defaults, where needed, to the final stage's country. */
  finalMarket: z.optional(CountryCode),
  /** Rents held in the chain. */
  rents: z.optional(z.array(Rent)),
  /** Provenance of the numbers. */
  source: z.optional(Source),
  /** Free-text notes. */
  notes: z.optional(z.string()),
};

/**
 * The fields of a chain, `family` first. A function, marked pure, rather than a spread in each schema:
 * a bundler cannot drop a schema whose arguments spread an object, so one value imported from this
 * module would otherwise bring every schema and zod into an app's bundle (issue #19).
 */
const withFamily = <F extends z.core.$ZodType>(family: F) => ({ family, ...chainFields });

/**
 * An additive value chain: value is added in sequence, each stage having at most one chain input
 * (Kaplinsky 2015, section on additive chains: cocoa → chocolate, typical of resource sectors). This
 * schema checks shapes only; {@link ValueChain} and {@link parseValueChain} also check the structure.
 *
 * @example
 * ```ts
 * AdditiveValueChain.parse({ family: 'additive', id: 'c', name: 'C', currency: 'USD', finalStage: 's',
 *   stages: [{ id: 's', name: 'S', country: 'GHA', output: { unit: 'kg', unitPrice: 2 } }] }).actors;
 * //=> []
 * ```
 */
export const AdditiveValueChain = z.strictObject(/* @__PURE__ */ withFamily(z.literal('additive')));
/** An additive value chain. */
export type AdditiveValueChain = z.output<typeof AdditiveValueChain>;

/**
 * A vertically specialised value chain: a directed acyclic graph whose stages may assemble several
 * inputs made in parallel (Kaplinsky 2015: the iPhone; automobiles with 3,000+ parts). This schema
 * checks shapes only; {@link ValueChain} and {@link parseValueChain} also check the structure.
 *
 * @example
 * ```ts
 * VerticallySpecialisedValueChain.safeParse({ family: 'additive' }).success;
 * //=> false
 * ```
 */
export const VerticallySpecialisedValueChain = z.strictObject(
  /* @__PURE__ */ withFamily(z.literal('vertically-specialised')),
);
/** A vertically specialised value chain. */
export type VerticallySpecialisedValueChain = z.output<typeof VerticallySpecialisedValueChain>;

/**
 * The shape of a value chain without its structural checks (the parsers run those on raw input too).
 *
 * @internal
 */
export const ValueChainShape = z.discriminatedUnion('family', [
  AdditiveValueChain,
  VerticallySpecialisedValueChain,
]);

/**
 * The shared fields of a chain with any `family`: used to report every other problem when the family
 * itself is missing or unknown.
 *
 * @internal
 */
export const ValueChainAnyFamily = z.strictObject(/* @__PURE__ */ withFamily(z.optional(z.unknown())));

/**
 * A value chain: a union discriminated by `family` (`additive` or `vertically-specialised`). Beyond
 * shapes and values, the schema checks the chain's structure: unknown stage or actor ids, duplicate
 * ids, cycles, a `finalStage` that does not exist or that some stage consumes, an additive chain with
 * parallel inputs, and stages that do not feed the final stage (they would silently drop out of
 * decompositions). Its structural checks run only when the shapes are valid; use
 * {@link parseValueChain} to get every problem at once, in one `GvcError` with gvckit's messages.
 *
 * @example
 * ```ts
 * ValueChain.safeParse({ id: 'c', name: 'C', family: 'additive', currency: 'USD', finalStage: 's',
 *   stages: [{ id: 's', name: 'S', country: 'GHA', output: { unit: 'kg', unitPrice: 2 } }] }).success;
 * //=> true
 * ```
 */
export const ValueChain = ValueChainShape.check(
  z.superRefine((chain, ctx) => {
    for (const issue of chainStructureIssues(chain)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, input: chain });
    }
  }),
);
/** A value chain of either family. */
export type ValueChain = z.output<typeof ValueChain>;

/** A value chain as a user writes it: the input of the {@link ValueChain} schema (defaults not yet applied). */
export type ValueChainInput = z.input<typeof ValueChain>;

/** The two families of value chain (Kaplinsky 2015). */
export type ChainFamily = ValueChain['family'];
