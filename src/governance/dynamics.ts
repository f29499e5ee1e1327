import { IssueList, validate } from '../core/boundary.js';
import type { Explanation } from '../core/explanation.js';
import { deepFreeze } from '../core/freeze.js';
import { classifyGovernance, type GovernanceClassification } from './classify.js';
import { GovernanceDeterminants, type GovernanceType } from './model.js';

/**
 * A change of one determinant of governance, named after the arrows of Gereffi, Humphrey &
 * Sturgeon (2005, Table 2, "dynamics of global value chain governance"); the wording is gvckit's
 * paraphrase of the table's labels.
 */
export type DeterminantChange =
  | 'increasing complexity'
  | 'decreasing complexity'
  | 'codification'
  | 'de-codification'
  | 'increasing supplier competence'
  | 'de-skilling of the supply base';

/** The rules of {@link governanceShift}: a change read on Table 2 of GHS (2005), or no change. */
export type GovernanceShiftRuleId = 'GHS-table-2' | 'no-change';

/** One step of a path: the change applied and the type after it (`null`: a combination of no type). */
export interface ShiftStep {
  /** The change applied at this step. */
  change: DeterminantChange;
  /** The type after it; `null` for a combination Table 1 gives no type. */
  type: GovernanceType | null;
}

/** The result of {@link governanceShift}. */
export interface GovernanceShift {
  /** The classification before ({@link classifyGovernance} of `before`). */
  from: GovernanceClassification;
  /** The classification after. */
  to: GovernanceClassification;
  /** The determinants that changed, in the order complexity, codifiability, supplier capability. */
  changes: DeterminantChange[];
  /**
   * Every order of applying the changes one at a time (k! paths for k changes, k ≤ 3; one empty path
   * when nothing changed), each with the type after each step: intermediate types may be `null`.
   */
  paths: ShiftStep[][];
  /** Whether explicit coordination rises, falls or stays; `null` when a side has no type. */
  coordination: 'more' | 'less' | 'same' | null;
  /** Which changes moved which type to which. */
  explanation: Explanation;
}

type Key = 'complexity' | 'codifiability' | 'supplierCapability';
const NAMES: Record<Key, { up: DeterminantChange; down: DeterminantChange }> = {
  complexity: { up: 'increasing complexity', down: 'decreasing complexity' },
  codifiability: { up: 'codification', down: 'de-codification' },
  supplierCapability: { up: 'increasing supplier competence', down: 'de-skilling of the supply base' },
};
const KEYS: readonly Key[] = ['complexity', 'codifiability', 'supplierCapability'];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}

/**
 * How a link's governance moves when its determinants change, after the dynamics of Gereffi,
 * Humphrey & Sturgeon (2005, section "Dynamics of global value chain governance", Table 2):
 * governance changes when one determinant changes — transactions become more or less complex, are
 * codified (standards, new technology) or de-codified, suppliers gain competence or the supply base
 * is de-skilled. The function names the changes between `before` and `after`, classifies both, and
 * lists every order of applying the changes one at a time with the type after each step, so the
 * intermediate types (or the combinations of no type passed through) are visible. Their examples:
 * electronics moved from hierarchy towards modular as contract manufacturers gained competence and
 * interfaces were codified (also Sturgeon 2002); UK supermarkets' demands raised the complexity of
 * fresh-vegetable sourcing from Africa (Dolan & Humphrey 2000).
 *
 * Reference: Gereffi, G., Humphrey, J. & Sturgeon, T. (2005) The governance of global value chains,
 * *Review of International Political Economy* 12(1), 78–104, Table 2.
 *
 * @param before - the determinants before the change
 * @param after - the determinants after the change
 * @returns both classifications, the changes, the paths, the direction of explicit coordination and
 *   the explanation (deeply frozen)
 * @throws {@link GvcError} `INVALID_INPUT` when either argument is not a set of determinants (paths
 *   rooted at `before` and `after`, both reported at once)
 * @example
 * ```ts
 * const s = governanceShift(
 *   { complexity: 'high', codifiability: 'low', supplierCapability: 'low' },
 *   { complexity: 'high', codifiability: 'high', supplierCapability: 'high' },
 * );
 * [s.from.type, s.to.type, s.coordination];
 * //=> ['hierarchy', 'modular', 'less']
 * s.paths.map((p) => p.map((step) => step.type));
 * //=> [['captive', 'modular'], ['relational', 'modular']]
 * ```
 */
export function governanceShift(
  before: GovernanceDeterminants,
  after: GovernanceDeterminants,
): GovernanceShift {
  const issues = new IssueList();
  const b = issues.attempt(() => validate(GovernanceDeterminants, before, 'before'));
  const a = issues.attempt(() => validate(GovernanceDeterminants, after, 'after'));
  issues.throwIfAny('invalid governance determinants');
  if (a === undefined || b === undefined) throw new Error('unreachable');

  const changed = KEYS.filter((k) => a[k] !== b[k]);
  const changes = changed.map((k) => (a[k] === 'high' ? NAMES[k].up : NAMES[k].down));
  const paths = permutations(changed).map((order) => {
    const state = { ...b };
    return order.map((k) => {
      state[k] = a[k];
      const change = a[k] === 'high' ? NAMES[k].up : NAMES[k].down;
      return { change, type: classifyGovernance(state).type };
    });
  });
  const from = classifyGovernance(b);
  const to = classifyGovernance(a);
  const coordination =
    from.explicitCoordination === null || to.explicitCoordination === null
      ? null
      : to.explicitCoordination > from.explicitCoordination
        ? 'more'
        : to.explicitCoordination < from.explicitCoordination
          ? 'less'
          : 'same';
  const name = (g: GovernanceClassification): string => g.type ?? 'no type';
  const through = paths
    .filter((p) => p.length > 1)
    .map((p) => `${p.map((s) => `${s.change} → ${s.type ?? 'no type'}`).join(', ')}`);
  const text =
    changes.length === 0
      ? `No determinant changes: the governance stays ${name(from)}`
      : `${changes.join(' and ')} move${changes.length === 1 ? 's' : ''} ${name(from)} to ${name(to)} (after Gereffi, Humphrey & Sturgeon 2005, Table 2)${coordination === null ? '' : `; explicit coordination ${coordination === 'same' ? 'stays the same' : coordination === 'more' ? 'rises' : 'falls'}`}`;
  const notes: string[] = [];
  if (through.length > 0) notes.push(`paths one change at a time: ${through.join('; ')}`);
  if (from.type === null || to.type === null) {
    notes.push('a side has no governance type, so the direction of coordination is not judged');
  }
  return deepFreeze({
    from,
    to,
    changes,
    paths,
    coordination,
    explanation: {
      text,
      rules: [changes.length === 0 ? 'no-change' : 'GHS-table-2'] satisfies GovernanceShiftRuleId[],
      evidence: changed.flatMap((k) => [`before.${k}`, `after.${k}`]),
      notes,
      sources: ['Gereffi, Humphrey & Sturgeon 2005, Tables 1 and 2'],
    },
  });
}
