/**
 * Zod-free checkers of the growth schemas (`GrowthObservation`, `GrowthSeries`,
 * `GrowthPathOptions` in src/growth/model.ts), written line for line beside them,
 * so that `classifyGrowthPath` checks its arguments without bundling zod (issue #19: a classifier
 * bundles to ≤ 20 KB). Each gives exactly the zod schema's result, issues and output
 * (tests/growth/check-differential.test.ts). The messages and refinements live here, once, and the
 * zod schemas use them.
 *
 * @internal
 * @packageDocumentation
 */
import { preview } from '../core/boundary.js';
import {
  array,
  checks,
  gt,
  gte,
  lte,
  minLength,
  number,
  optional,
  strictObject,
  superRefine,
  withDefault,
} from '../core/check.js';
import { NonNegativeCheck, PeriodCheck } from '../core/primitives-check.js';

/** How a refinement reports an issue: zod's `ctx.addIssue`, or the checker's. @internal */
export interface IssueSink {
  addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string }): void;
}

/** An observation as the refinements read it. */
interface Observation {
  period: number | string;
  volume: number;
  unitPrice?: number | undefined;
  deflator?: number | undefined;
}

/** The message of a deflator that is not above 0. @internal */
export const deflatorMessage = (iss: { input?: unknown }): string =>
  `expected a deflator > 0, found ${preview(iss.input)}`;

/** The message of a series of fewer than 2 observations. @internal */
export const tooFewObservations = (iss: { input?: unknown }): string =>
  `expected at least 2 observations, found ${(iss.input as unknown[]).length}`;

/**
 * The refinement of `GrowthObservation`: a unit price is required when the volume is above 0.
 *
 * @internal
 */
export function unitPriceRequired(o: Observation, ctx: IssueSink): void {
  if (o.volume > 0 && o.unitPrice === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['unitPrice'],
      message: `expected a unit price for a volume of ${o.volume}, found none`,
    });
  }
}

/**
 * The refinement of `GrowthSeries`: deflators on every observation or none; periods of one type,
 * numeric ones increasing, all distinct.
 *
 * @internal
 */
export function seriesOrder(series: readonly Observation[], ctx: IssueSink): void {
  const deflated = series.filter((o) => o.deflator !== undefined).length;
  // Earlier periods by value (a number and the same digits as a string are different periods).
  const seen = new Map<number | string, number>();
  series.forEach((o, i) => {
    if (deflated > 0 && deflated < series.length && o.deflator === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'deflator'],
        message: `expected a deflator on every observation (${deflated} of ${series.length} have one), found none`,
      });
    }
    const earlier = seen.get(o.period);
    if (!seen.has(o.period)) seen.set(o.period, i);
    if (i === 0) return;
    const prev = series[i - 1] as Observation;
    if (typeof prev.period !== typeof o.period) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'period'],
        message: `expected a ${typeof prev.period} period like the one before, found ${preview(o.period)}`,
      });
    } else if (typeof o.period === 'number' && o.period <= (prev.period as number)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'period'],
        message: `expected a period after ${preview(prev.period)}, found ${preview(o.period)}`,
      });
    } else if (earlier !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'period'],
        message: `expected a distinct period, found ${preview(o.period)} again`,
      });
    }
  });
}

/** `GrowthObservation`. @internal */
export const GrowthObservationCheck = checks(
  strictObject({
    period: PeriodCheck,
    volume: NonNegativeCheck,
    unitPrice: optional(NonNegativeCheck),
    deflator: optional(checks(number(), gt(0, deflatorMessage))),
  }),
  superRefine(unitPriceRequired),
);

/** `GrowthSeries`. @internal */
export const GrowthSeriesCheck = checks(
  array(GrowthObservationCheck),
  minLength(2, tooFewObservations),
  superRefine(seriesOrder),
);

/** `GrowthPathOptions`. @internal */
export const GrowthPathOptionsCheck = strictObject({
  tolerance: withDefault(checks(number(), gte(0), lte(1)), 1e-9),
});
