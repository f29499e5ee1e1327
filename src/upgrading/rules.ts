import { IssueList } from '../core/boundary.js';
import { checkOptions, safeCheckArgument } from '../core/check.js';
import { GvcError } from '../core/errors.js';
import type { UpgradingAssessment, UpgradingClassification } from './assessment.js';
import { ChainPositionCheck, UpgradingOptionsCheck } from './check.js';
import type { ChainPosition, UpgradingKind } from './model.js';
import {
  chainStep,
  functionStep,
  measuredStep,
  positionStep,
  type ResolvedUpgradingOptions,
  sources,
  type Work,
} from './steps.js';

export type { UpgradingClassification } from './assessment.js';

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The upgrading rules on parsed positions and options (shared by `assessUpgrading`,
 * `classifyUpgrading` and the trajectory).
 *
 * @internal
 */
export function assessParsed(
  from: ChainPosition,
  to: ChainPosition,
  opts: ResolvedUpgradingOptions,
): UpgradingAssessment {
  const w: Work = { moves: [], rules: [], evidence: [], notes: [] };
  const chain = chainStep(from, to, opts, w);
  if (w.moves.length === 0) positionStep(from, to, w);
  const byPosition = w.moves.find((m) => m.rule.startsWith('P'));
  const counted = (kind: UpgradingKind, start: number): void => {
    // A later rule that repeats the position's kind and direction is counted once (no double counting).
    if (byPosition === undefined || byPosition.kind !== kind) return;
    const at = w.moves.findIndex((m, i) => i >= start && m.direction === byPosition.direction);
    const repeat = w.moves[at];
    if (repeat === undefined) return;
    w.moves.splice(at, 1);
    const r = w.rules.lastIndexOf(repeat.rule);
    w.rules.splice(r, 1);
    w.evidence.splice(r, 1);
    w.notes.push(`${repeat.rule} agrees with ${byPosition.rule}: counted once`);
  };
  let start = w.moves.length;
  const functional = functionStep(from, to, opts, w);
  counted('functional', start);
  start = w.moves.length;
  const unitValueChange = measuredStep('product', from, to, opts, w);
  counted('product', start);
  start = w.moves.length;
  const unitCostChange = measuredStep('process', from, to, opts, w);
  counted('process', start);

  const moves = w.moves;
  const first = moves[0];
  const primary: UpgradingClassification =
    first === undefined ? 'none' : first.direction === 'up' ? first.kind : 'downgrading';
  const kinds = (d: 'up' | 'down') => [...new Set(moves.filter((m) => m.direction === d).map((m) => m.kind))];
  const lead =
    first === undefined ? 'no upgrading or downgrading recognised from the evidence given' : first.text;
  const also =
    moves.length > 1
      ? `; also: ${moves
          .slice(1)
          .map((m) => m.text)
          .join('; ')}`
      : '';
  const notes = [...new Set(w.notes)];
  const text = `${capital(lead)}${also}${notes.length > 0 ? `. ${capital(notes.join('; '))}` : ''}`;
  return {
    primary,
    moves,
    upgrading: kinds('up'),
    downgrading: kinds('down'),
    chain,
    functional,
    unitValueChange,
    unitCostChange,
    explanation: {
      text,
      rules: w.rules,
      evidence: [...new Set(w.evidence.flat())],
      notes,
      sources: [...new Set(w.rules.flatMap((r) => sources[r]))],
    },
  };
}

/**
 * Parses two positions, reporting issues under `from` and `to`.
 *
 * @internal
 */
export function parsePositions(from: unknown, to: unknown): { from: ChainPosition; to: ChainPosition } {
  const summary = 'invalid chain positions';
  const a = safeCheckArgument(ChainPositionCheck, from, 'from', summary);
  const b = safeCheckArgument(ChainPositionCheck, to, 'to', summary);
  const issues = new IssueList();
  if (!a.success) issues.addAll(a.error.issues);
  if (!b.success) issues.addAll(b.error.issues);
  issues.throwIfAny(summary);
  if (!a.success || !b.success) throw new GvcError('INVALID_INPUT', summary); // unreachable
  return { from: a.data, to: b.data };
}

/**
 * Checks the options of the upgrading functions as `validateOptions` does (`undefined` and `null`
 * mean the defaults; paths under `options`), without zod.
 *
 * @internal
 */
export function parseUpgradingOptions(options: unknown): ResolvedUpgradingOptions {
  return checkOptions(UpgradingOptionsCheck, options);
}
