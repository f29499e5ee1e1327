/**
 * The rule of one thinning transition, shared by `thinningProfile`, `thinningFromChains` and
 * `compareChainSnapshots` (internal: not exported from the folder's entry point).
 */
import { type IssueList, preview } from '../core/boundary.js';
import type { Period } from '../core/primitives.js';
import type { ThinningKind, ThinningRuleId } from './model.js';

/** Slack on share and intensity comparisons, so that binary rounding (0.31 − 0.30) meets a boundary. */
export const EPS = 1e-12;

/** Citations of the thinning rules. */
export const THINNING_SOURCES: readonly string[] = [
  'Kaplinsky 2015, UNU-MERIT WP 2015-027, section on thinning and thickening',
  'Kaplinsky & Morris 2016, European Journal of Development Research 28(4), section on vertically specialised GVCs',
];

/** What the rule reads about one transition a → b. */
export interface StepFacts {
  /** Share of a. */
  from: number;
  /** Share of b. */
  to: number;
  /** b joined the chain. */
  newToChain: boolean;
  /** b's participant was active in the sector before (flagged or recorded). */
  incumbent: boolean;
  /** An earlier transition thinned in the sense of `rebuildingAfter`. */
  thinnedBefore: boolean;
}

/** The decided kind, rule and one-sentence explanation of a transition. */
export interface StepDecision {
  kind: ThinningKind;
  rule: ThinningRuleId;
  explanation: string;
}

/** Shares printed in explanations: at most four decimals. */
export function fmt(x: number): string {
  return String(Math.round(x * 1e4) / 1e4);
}

/**
 * Applies rules T1, T1b, T2–T5 (see `ThinningRuleId`) to one transition.
 */
export function decideStep(f: StepFacts, tol: number, entryShareMax: number): StepDecision {
  const change = f.to - f.from;
  const shares = `share ${fmt(f.from)} → ${fmt(f.to)}`;
  if (f.newToChain && f.to <= entryShareMax + EPS) {
    if (!f.incumbent) {
      return {
        kind: 'thinning-in',
        rule: 'T1-entrant-low-share',
        explanation: `T1: an entrant (new to the chain, no earlier activity recorded) joined at a low share (${shares}, at most ${fmt(entryShareMax)}): thinning-in`,
      };
    }
    const unrecorded = change >= -(tol + EPS) ? '; earlier share not recorded' : '';
    return {
      kind: 'thinning-out',
      rule: 'T1b-incumbent-entry',
      explanation: `T1b: an incumbent (active in the sector before) entered the chain at a low share (${shares}, at most ${fmt(entryShareMax)})${unrecorded}: thinning-out into a narrow niche`,
    };
  }
  if (Math.abs(change) <= tol + EPS) {
    return {
      kind: 'stable',
      rule: 'T2-stable',
      explanation: `T2: the share changed by at most the tolerance ${fmt(tol)} (${shares}): stable`,
    };
  }
  if (change < 0) {
    return {
      kind: 'thinning-out',
      rule: 'T3-share-fell',
      explanation: `T3: the share fell by more than the tolerance ${fmt(tol)} (${shares}): thinning-out`,
    };
  }
  if (f.thinnedBefore) {
    return {
      kind: 'rebuilding',
      rule: 'T4-rebuilding',
      explanation: `T4: the share rose by more than the tolerance ${fmt(tol)} after an earlier thinning (${shares}): rebuilding`,
    };
  }
  return {
    kind: 'thickening',
    rule: 'T5-thickening',
    explanation: `T5: the share rose by more than the tolerance ${fmt(tol)} with no earlier thinning (${shares}): thickening`,
  };
}

/** Whether a transition of this kind counts as thinning for `rebuildingAfter`. */
export function thins(rule: ThinningRuleId, rebuildingAfter: 'any-thinning' | 'thinning-out'): boolean {
  if (rule === 'T1b-incumbent-entry' || rule === 'T3-share-fell') return true;
  return rule === 'T1-entrant-low-share' && rebuildingAfter === 'any-thinning';
}

/**
 * Records, at `<root>[i].period`, a period of another type than the first one's and a period seen
 * before: a path is read in order, so its periods must be of one kind and distinct.
 */
export function checkPeriods(items: readonly { period: Period }[], root: string, issues: IssueList): void {
  const kindOfPeriod = typeof items[0]?.period;
  const seen = new Map<Period, number>();
  items.forEach((item, i) => {
    if (typeof item.period !== kindOfPeriod)
      issues.add(
        `${root}[${i}].period`,
        `expected a ${kindOfPeriod} period like ${root}[0].period, found ${preview(item.period)}`,
      );
    const first = seen.get(item.period);
    if (first !== undefined)
      issues.add(
        `${root}[${i}].period`,
        `expected a distinct period, found ${preview(item.period)} as at ${root}[${first}]`,
      );
    else seen.set(item.period, i);
  });
}
