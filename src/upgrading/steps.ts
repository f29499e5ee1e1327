/**
 * The steps of the upgrading rules (chain, position, functions, product, process), each recording
 * its moves, rule ids and notes. Internal to `upgrading/`.
 */
import type * as z from 'zod/mini';
import { quote } from '../core/boundary.js';
import { knowledgeIntensityScale } from '../thinning/index.js';
import type {
  UpgradingChainChange,
  UpgradingFunctionChange,
  UpgradingMove,
  UpgradingRuleId,
} from './assessment.js';
import type { ChainPosition, Position, UpgradingKind, UpgradingOptions } from './model.js';

/** Resolved options (defaults applied). */
export type ResolvedUpgradingOptions = z.output<typeof UpgradingOptions>;

/** Slack on comparisons, so that binary rounding (101 / 100 − 1 = 0.010000000000000009) meets a boundary. */
const EPS = 1e-12;
const HS = 'Humphrey & Schmitz 2002, p. 1020';
const KM = 'Kaplinsky & Morris 2001, section 4';
const KR = 'Kaplinsky & Readman 2005';

const rank: Record<Position, number> = { OEA: 0, OEM: 1, ODM: 2, OBM: 3 };
/** The kind of upgrading named by a position reached (up) or left (down). */
const kindAt: Record<Position, UpgradingKind> = {
  OEA: 'process',
  OEM: 'process',
  ODM: 'product',
  OBM: 'functional',
};
export const sources: Record<UpgradingRuleId, string | readonly string[]> = {
  'C1-chain-carried': HS,
  'C2-chain-not-carried': HS,
  'C3-chain-undetermined': HS,
  'C4-chain-presumed': HS,
  'P1-position-up': KM,
  'P2-position-down': KM,
  'F1-top-function-rises': KM,
  'F2-top-function-falls': HS,
  'F3-functions-added': KM,
  'F4-low-functions-dropped': HS,
  'F5-top-level-function-dropped': HS,
  'F6-mean-rank': KM,
  'F7-unranked': HS,
  'R1-unit-value': [HS, KR],
  'R2-product-flag': HS,
  'E1-unit-cost': HS,
  'E2-efficiency-flag': HS,
};

/** At most three names, quoted, then how many more (bounded text whatever the input). */
function names(list: readonly string[]): string {
  const shown = list.slice(0, 3).map((n) => quote(n));
  return list.length > 3 ? `${shown.join(', ')} and ${list.length - 3} more` : shown.join(', ');
}

/** The same set of names on both sides (order and repeats ignored). */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((f) => sb.has(f));
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** Mean of finite numbers without overflow (Σ x / n when the plain sum overflows). */
function mean(values: readonly number[]): number {
  const sum = values.reduce((s, v) => s + v, 0);
  if (Number.isFinite(sum)) return sum / values.length;
  return values.reduce((s, v) => s + v / values.length, 0);
}

const percent = (change: number): string => `${Math.round(Math.abs(change) * 1000) / 10}%`;

/** A relative change `to / from − 1` of positive finite numbers, or `null` when it overflows. */
function relative(from: number, to: number): number | null {
  const change = to / from - 1;
  return Number.isFinite(change) ? change : null;
}

/** The moves, rule ids and notes recorded so far. */
export interface Work {
  moves: UpgradingMove[];
  rules: UpgradingRuleId[];
  /** The input paths each rule of `rules` read (parallel to it). */
  evidence: string[][];
  notes: string[];
}

/** Records a rule that recognises no movement (C2, C3, F7), with the paths it read. */
function noted(w: Work, rule: UpgradingRuleId, evidence: string[], note: string): void {
  w.rules.push(rule);
  w.evidence.push(evidence);
  w.notes.push(note);
}

function move(
  w: Work,
  kind: UpgradingKind,
  direction: 'up' | 'down',
  rule: UpgradingRuleId,
  evidence: string[],
  text: string,
): void {
  w.moves.push({ kind, direction, rule, evidence, text });
  w.rules.push(rule);
  w.evidence.push(evidence);
}

export function chainStep(
  from: ChainPosition,
  to: ChainPosition,
  opts: ResolvedUpgradingOptions,
  w: Work,
): UpgradingChainChange {
  if (from.chain === to.chain) return { changed: false, status: 'same-chain', carried: [] };
  const moved = `${quote(from.chain)} to ${quote(to.chain)}`;
  if (from.competences !== undefined && to.competences !== undefined) {
    const after = new Set(to.competences);
    const carried = sorted(from.competences.filter((c) => after.has(c)));
    const evidence = ['from.chain', 'to.chain', 'from.competences', 'to.competences'];
    if (carried.length > 0) {
      move(
        w,
        'chain',
        'up',
        'C1-chain-carried',
        evidence,
        `moved from ${moved} applying competence acquired before (${names(carried)}): chain upgrading`,
      );
      return { changed: true, status: 'carried', carried };
    }
    noted(
      w,
      'C2-chain-not-carried',
      evidence,
      `moved from ${moved} with no competence in common: a change of sector, not chain upgrading (${HS})`,
    );
    return { changed: true, status: 'not-carried', carried: [] };
  }
  if (opts.chainEvidence === 'presumed') {
    move(
      w,
      'chain',
      'up',
      'C4-chain-presumed',
      ['from.chain', 'to.chain'],
      `moved from ${moved}: chain upgrading presumed without competence data (options.chainEvidence 'presumed')`,
    );
  } else {
    noted(
      w,
      'C3-chain-undetermined',
      ['from.chain', 'to.chain'],
      `moved from ${moved}: state competences on both sides to judge chain upgrading (or pass chainEvidence 'presumed')`,
    );
  }
  return { changed: true, status: 'undetermined', carried: [] };
}

export function positionStep(from: ChainPosition, to: ChainPosition, w: Work): void {
  const step = rank[to.position] - rank[from.position];
  const evidence = ['from.position', 'to.position'];
  const fromTo = `from ${from.position} to ${to.position}`;
  if (step > 0) {
    const kind = kindAt[to.position];
    move(
      w,
      kind,
      'up',
      'P1-position-up',
      evidence,
      `moved up ${fromTo}: ${kind} upgrading, named by the position reached`,
    );
  } else if (step < 0) {
    const kind = kindAt[from.position];
    move(
      w,
      kind,
      'down',
      'P2-position-down',
      evidence,
      `moved down ${fromTo}: ${kind} downgrading, named by the position left`,
    );
  }
}

export function functionStep(
  from: ChainPosition,
  to: ChainPosition,
  opts: ResolvedUpgradingOptions,
  w: Work,
): UpgradingFunctionChange {
  const empty: UpgradingFunctionChange = {
    added: [],
    dropped: [],
    top: { from: null, to: null },
    mean: { from: null, to: null },
    unranked: [],
  };
  if (from.functions === undefined || to.functions === undefined) {
    if (from.functions !== undefined || to.functions !== undefined) {
      w.notes.push('functions are compared only when both sides list them');
    }
    return empty;
  }
  const scale: Record<string, number> = knowledgeIntensityScale;
  const rankOf = (f: string): number | undefined =>
    Object.hasOwn(opts.valueScale, f) ? opts.valueScale[f] : Object.hasOwn(scale, f) ? scale[f] : undefined;
  const side = (list: readonly string[]) => {
    const ranked = new Map<string, number>();
    for (const f of new Set(list)) {
      const r = rankOf(f);
      if (r !== undefined) ranked.set(f, r);
    }
    const ranks = [...ranked.values()];
    return {
      ranked,
      top: ranks.length > 0 ? ranks.reduce((m, r) => Math.max(m, r)) : null,
      mean: ranks.length > 0 ? mean(ranks) : null,
    };
  };
  const a = side(from.functions);
  const b = side(to.functions);
  const added = sorted([...b.ranked.keys()].filter((f) => !a.ranked.has(f)));
  const dropped = sorted([...a.ranked.keys()].filter((f) => !b.ranked.has(f)));
  const unranked = sorted([...from.functions, ...to.functions].filter((f) => rankOf(f) === undefined));
  const result = {
    added,
    dropped,
    top: { from: a.top, to: b.top },
    mean: { from: a.mean, to: b.mean },
    unranked,
  };
  const evidence = ['from.functions', 'to.functions'];
  const tf = a.top ?? Number.NEGATIVE_INFINITY;
  const tt = b.top ?? Number.NEGATIVE_INFINITY;
  const shown = (t: number | null) => (t === null ? 'none' : String(t));
  if (tt > tf + EPS) {
    move(
      w,
      'functional',
      'up',
      'F1-top-function-rises',
      evidence,
      `the highest function on the value scale rose from rank ${shown(a.top)} to ${tt} (${names(added)}): functional upgrading`,
    );
  } else if (tt < tf - EPS) {
    move(
      w,
      'functional',
      'down',
      'F2-top-function-falls',
      evidence,
      `the highest function on the value scale fell from rank ${tf} to ${shown(b.top)} (dropped ${names(dropped)}): functional downgrading`,
    );
  } else if (added.length > 0 && dropped.length === 0) {
    move(
      w,
      'functional',
      'up',
      'F3-functions-added',
      evidence,
      `took on functions (${names(added)}): functional upgrading`,
    );
  } else if (dropped.length > 0 && added.length === 0) {
    if (dropped.every((f) => (a.ranked.get(f) as number) < tf - EPS)) {
      move(
        w,
        'functional',
        'up',
        'F4-low-functions-dropped',
        evidence,
        `abandoned low-value functions (${names(dropped)}) to focus on higher value-added ones: functional upgrading`,
      );
    } else {
      move(
        w,
        'functional',
        'down',
        'F5-top-level-function-dropped',
        evidence,
        `gave up functions at the top rank ${tf} (${names(dropped.filter((f) => (a.ranked.get(f) as number) >= tf - EPS))}): functional downgrading`,
      );
    }
  } else if (added.length > 0) {
    const mf = a.mean as number;
    const mt = b.mean as number;
    const exchanged = `exchanged functions (took on ${names(added)}, dropped ${names(dropped)})`;
    if (mt > mf + EPS)
      move(
        w,
        'functional',
        'up',
        'F6-mean-rank',
        evidence,
        `${exchanged}: the mean rank rose, functional upgrading`,
      );
    else if (mt < mf - EPS)
      move(
        w,
        'functional',
        'down',
        'F6-mean-rank',
        evidence,
        `${exchanged}: the mean rank fell, functional downgrading`,
      );
    else w.notes.push(`${exchanged} of equal mean rank: no functional change`);
  } else if (!sameSet(from.functions, to.functions)) {
    noted(
      w,
      'F7-unranked',
      evidence,
      `the functions differ only in functions with no rank on the value scale (${names(unranked)}): give them a rank in options.valueScale`,
    );
  }
  if (unranked.length > 0 && !w.rules.includes('F7-unranked')) {
    w.notes.push(
      `functions with no rank on the value scale were ignored (${names(unranked)}): give them a rank in options.valueScale`,
    );
  }
  return result;
}

/**
 * Product (R1, R2) or process (E1, E2) by a measured relative change, else by a documented flag.
 * Process reads unit cost, so a fall is upgrading.
 */
export function measuredStep(
  kind: 'product' | 'process',
  from: ChainPosition,
  to: ChainPosition,
  opts: ResolvedUpgradingOptions,
  w: Work,
): number | null {
  const field = kind === 'product' ? 'unitValue' : 'unitCost';
  const before = from[field];
  const after = to[field];
  const threshold = opts.tolerance + EPS;
  let change: number | null = null;
  let fired = false;
  if (before !== undefined && after !== undefined) {
    change = relative(before, after);
    const rising = change === null ? after > before : change > threshold;
    const falling = change !== null && change < -threshold;
    const label = kind === 'product' ? 'unit value' : 'real unit cost';
    const desc = `${label} ${rising ? 'rose' : 'fell'} ${change === null ? 'beyond measure' : percent(change)} (${before} → ${after})`;
    const up = kind === 'product' ? rising : falling;
    const down = kind === 'product' ? falling : rising;
    const rule: UpgradingRuleId = kind === 'product' ? 'R1-unit-value' : 'E1-unit-cost';
    const evidence = [`from.${field}`, `to.${field}`];
    const what = kind === 'product' ? 'more sophisticated product' : 'more efficient process';
    const worse = kind === 'product' ? 'less sophisticated product' : 'less efficient process';
    if (up) move(w, kind, 'up', rule, evidence, `${desc}: ${what}, ${kind} upgrading`);
    else if (down) move(w, kind, 'down', rule, evidence, `${desc}: ${worse}, ${kind} downgrading`);
    fired = up || down;
    w.notes.push(
      `a relative change of unit value or unit cost counts when above options.tolerance ${opts.tolerance} (default 0.01: gvckit's convention, no source gives a number)`,
    );
  }
  if (!fired) {
    const [gain, loss] =
      kind === 'product'
        ? (['productUpgrade', 'productDowngrade'] as const)
        : (['efficiencyGain', 'efficiencyLoss'] as const);
    const rule: UpgradingRuleId = kind === 'product' ? 'R2-product-flag' : 'E2-efficiency-flag';
    if (to[gain] === true)
      move(
        w,
        kind,
        'up',
        rule,
        [`to.${gain}`],
        `${gain === 'productUpgrade' ? 'a better product' : 'an efficiency gain'} is documented (to.${gain}): ${kind} upgrading`,
      );
    else if (to[loss] === true)
      move(
        w,
        kind,
        'down',
        rule,
        [`to.${loss}`],
        `${loss === 'productDowngrade' ? 'a less sophisticated product' : 'a loss of efficiency'} is documented (to.${loss}): ${kind} downgrading`,
      );
  }
  return change;
}
