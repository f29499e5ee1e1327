import { IssueList, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { ChainPosition, type Position } from './model.js';

/** What `classifyUpgrading` returns: a kind of upgrading, `downgrading`, or `none`. */
export type UpgradingClassification = 'process' | 'product' | 'functional' | 'chain' | 'downgrading' | 'none';

const rank: Record<Position, number> = { OEA: 0, OEM: 1, ODM: 2, OBM: 3 };

/** The same set of functions on both sides (order and repeats ignored). */
function sameFunctions(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((f) => sb.has(f));
}

/**
 * The classification rule on parsed positions (shared with the trajectory).
 *
 * @internal
 */
export function classifyParsed(from: ChainPosition, to: ChainPosition): UpgradingClassification {
  if (from.chain !== to.chain) return 'chain';
  const step = rank[to.position] - rank[from.position];
  if (step < 0) return 'downgrading';
  if (step > 0) {
    if (to.position === 'OEM') return 'process';
    if (to.position === 'ODM') return 'product';
    return 'functional';
  }
  if (
    from.functions !== undefined &&
    to.functions !== undefined &&
    !sameFunctions(from.functions, to.functions)
  ) {
    return 'functional';
  }
  if (to.efficiencyGain === true) return 'process';
  return 'none';
}

/**
 * Parses two positions, reporting issues under `from` and `to`.
 *
 * @internal
 */
export function parsePositions(from: unknown, to: unknown): { from: ChainPosition; to: ChainPosition } {
  const summary = 'invalid chain positions';
  const a = safeValidate(ChainPosition, from, 'from', summary);
  const b = safeValidate(ChainPosition, to, 'to', summary);
  const issues = new IssueList();
  if (!a.success) issues.addAll(a.error.issues);
  if (!b.success) issues.addAll(b.error.issues);
  issues.throwIfAny(summary);
  if (!a.success || !b.success) throw new GvcError('INVALID_INPUT', summary); // unreachable
  return { from: a.data, to: b.data };
}
