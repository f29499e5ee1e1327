import type { Explanation } from '../core/explanation.js';
import type { UpgradingKind } from './model.js';

/** What `classifyUpgrading` returns: a kind of upgrading, `downgrading`, or `none`. */
export type UpgradingClassification = 'process' | 'product' | 'functional' | 'chain' | 'downgrading' | 'none';

/** The direction of one recognised movement: upgrading (`up`) or downgrading (`down`). */
export type UpgradingDirection = 'up' | 'down';

/**
 * The rules of {@link assessUpgrading}, by evidence: `C` chain (competence carried over or not),
 * `P` position on OEA → OBM, `F` functions on the value scale, `R` unit value or a documented product
 * change, `E` unit cost or a documented efficiency change. `C2`, `C3` and `F7` recognise no movement:
 * they say why none was recognised.
 */
export type UpgradingRuleId =
  | 'C1-chain-carried'
  | 'C2-chain-not-carried'
  | 'C3-chain-undetermined'
  | 'C4-chain-presumed'
  | 'P1-position-up'
  | 'P2-position-down'
  | 'F1-top-function-rises'
  | 'F2-top-function-falls'
  | 'F3-functions-added'
  | 'F4-low-functions-dropped'
  | 'F5-top-level-function-dropped'
  | 'F6-mean-rank'
  | 'F7-unranked'
  | 'R1-unit-value'
  | 'R2-product-flag'
  | 'E1-unit-cost'
  | 'E2-efficiency-flag';

/** One recognised movement; several may occur in one move. */
export interface UpgradingMove {
  /** The kind of upgrading (or, with `direction: 'down'`, of downgrading). */
  kind: UpgradingKind;
  /** Upgrading or downgrading. */
  direction: UpgradingDirection;
  /** The rule that fired. */
  rule: UpgradingRuleId;
  /** The input fields that decided, as paths (`'from.unitValue'`, `'to.unitValue'`). */
  evidence: string[];
  /** One sentence saying what was recognised and why. */
  text: string;
}

/** How the chain changed, and whether competence carried over (see {@link UpgradingAssessment}). */
export interface UpgradingChainChange {
  /** Whether `from.chain` and `to.chain` differ. */
  changed: boolean;
  /**
   * `same-chain`; `carried` (a competence common to both sides); `not-carried` (competences stated on
   * both sides, none in common); `undetermined` (the chain changed and a side states no competences).
   */
  status: 'carried' | 'not-carried' | 'undetermined' | 'same-chain';
  /** The competences common to both sides, sorted; empty unless both sides state them. */
  carried: string[];
}

/** The functions of both sides on the value scale (see {@link UpgradingAssessment}). */
export interface UpgradingFunctionChange {
  /** Ranked functions performed after only, sorted. */
  added: string[];
  /** Ranked functions performed before only, sorted. */
  dropped: string[];
  /** The highest rank of the ranked functions on each side; `null` for a side with none. */
  top: { from: number | null; to: number | null };
  /** The mean rank of the distinct ranked functions on each side; `null` for a side with none. */
  mean: { from: number | null; to: number | null };
  /** Functions with no rank on the value scale (ignored), sorted. */
  unranked: string[];
}

/** The result of {@link assessUpgrading}. */
export interface UpgradingAssessment {
  /** The single answer of `classifyUpgrading`: the first move's kind (or `downgrading`), else `none`. */
  primary: UpgradingClassification;
  /** Every movement recognised, in the order chain, position, functional, product, process. */
  moves: UpgradingMove[];
  /** The kinds with an upgrading move, without repeats, in the order of `moves`. */
  upgrading: UpgradingKind[];
  /** The kinds with a downgrading move, without repeats, in the order of `moves`. */
  downgrading: UpgradingKind[];
  /** The change of chain and whether competence carried over. */
  chain: UpgradingChainChange;
  /** The functions on the value scale; all empty or `null` unless both sides list functions. */
  functional: UpgradingFunctionChange;
  /** `to.unitValue / from.unitValue − 1`; `null` unless both sides state it (or it overflows). */
  unitValueChange: number | null;
  /** `to.unitCost / from.unitCost − 1`; `null` unless both sides state it (or it overflows). */
  unitCostChange: number | null;
  /** The rules that fired, the evidence they read, what could not be judged, and the sources. */
  explanation: Explanation;
}
