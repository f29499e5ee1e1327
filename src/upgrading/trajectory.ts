import type * as z from 'zod/mini';
import { IssueList, preview, quote } from '../core/boundary.js';
import { array, checkArgument } from '../core/check.js';
import { deepFreeze } from '../core/freeze.js';
import type { UpgradingAssessment } from './assessment.js';
import { UpgradingEventCheck } from './check.js';
import {
  type ChainPosition,
  disembodiedIndex,
  type MovementKind,
  type Position,
  type UpgradingEvent,
  type UpgradingOptions,
} from './model.js';
import { assessParsed, parseUpgradingOptions } from './rules.js';

const UpgradingEventsCheck = array(UpgradingEventCheck);

/** The path of one subject in an {@link UpgradingTrajectory}. */
export interface SubjectPath {
  /** The subject (firm or actor id). */
  subject: string;
  /** Where it started (the `from` of its first event). */
  start: ChainPosition;
  /** Where it ended (the `to` of its last event). */
  final: ChainPosition;
  /** Its events' kinds, in order. */
  kinds: MovementKind[];
  /** The ordinal disembodied-knowledge index ({@link disembodiedIndex}) at the start and at the end. */
  disembodied: { start: number; final: number };
  /**
   * Net movement: the final index minus the start index on OEA 0 … OBM 3 (positive: up the trajectory,
   * negative: down). Ordinal, and compared across chains as positions only.
   */
  netMovement: number;
}

/**
 * How a cluster's distribution of positions changed between the subjects' start and final positions:
 * - `collective-upgrading`: the distribution shifted up (for every position, at least as many subjects
 *   stand at or above it as before, and more for some);
 * - `collective-downgrading`: the reverse;
 * - `swapping`: the same multiset of positions before and after, although some subjects moved — firms
 *   merely exchanged positions and the cluster as a whole did not change position;
 * - `unchanged`: no subject changed position;
 * - `mixed`: some moved up and some down so that neither distribution dominates the other.
 */
export type ClusterChange =
  | 'collective-upgrading'
  | 'collective-downgrading'
  | 'swapping'
  | 'unchanged'
  | 'mixed';

/** The cluster view of an {@link UpgradingTrajectory}, when it has two or more subjects. */
export interface ClusterShift {
  /** Number of subjects at each position at their start. */
  before: Record<Position, number>;
  /** Number of subjects at each position at their end. */
  after: Record<Position, number>;
  /** How the distribution changed. */
  change: ClusterChange;
}

/** The result of {@link upgradingTrajectory}. */
export interface UpgradingTrajectory {
  /** The events, ordered by period (ties keep the input order), as parsed. */
  events: UpgradingEvent[];
  /** Number of events of each kind. */
  kinds: Record<MovementKind, number>;
  /** One path per subject, in order of first appearance. */
  subjects: SubjectPath[];
  /** The cluster's collective change of position; `null` with fewer than two subjects. */
  cluster: ClusterShift | null;
  /** The {@link assessUpgrading} of each event, in the order of `events`. */
  assessments: UpgradingAssessment[];
}

// Compared, not subtracted: 1e308 − (−1e308) would overflow to Infinity.
const comparePeriods = (a: number | string, b: number | string): number => (a < b ? -1 : a > b ? 1 : 0);

const describe = (p: ChainPosition): string => `${p.position} in ${quote(p.chain)}`;

function countPositions(positions: readonly Position[]): Record<Position, number> {
  const out: Record<Position, number> = { OEA: 0, OEM: 0, ODM: 0, OBM: 0 };
  for (const p of positions) out[p] += 1;
  return out;
}

function clusterChange(before: Record<Position, number>, after: Record<Position, number>, moved: boolean) {
  // Counts at or above each position, from the top (first-order stochastic dominance on an ordinal scale).
  const order: Position[] = ['OBM', 'ODM', 'OEM', 'OEA'];
  let up = false;
  let down = false;
  let b = 0;
  let a = 0;
  for (const p of order) {
    b += before[p];
    a += after[p];
    if (a > b) up = true;
    if (a < b) down = true;
  }
  let change: ClusterChange;
  if (!up && !down) change = moved ? 'swapping' : 'unchanged';
  else if (up && !down) change = 'collective-upgrading';
  else if (down && !up) change = 'collective-downgrading';
  else change = 'mixed';
  return change;
}

/**
 * Orders, validates and summarises upgrading events (Humphrey & Schmitz 2000; Kaplinsky & Morris 2001).
 *
 * Validation (every problem is reported at once, with the path of the event in the input):
 * - each event is an {@link UpgradingEvent};
 * - one trajectory uses numeric periods or string periods, not both;
 * - a subject has at most one event per period;
 * - per subject, in period order, each event starts where the previous one ended (same chain and
 *   position): `events[3].from: expected OEM in "apparel" (where events[1].to ended), found OEA in
 *   "apparel"`;
 * - each event's `kind` is what `classifyUpgrading(from, to, options)` gives, or `'chain'` for a change
 *   of chain whose carry-over of competence is undetermined (a side states no `competences`): the
 *   event's own claim is then taken as the evidence of carry-over. An event in which
 *   {@link assessUpgrading} recognises no movement is rejected (unless it is such a `'chain'` event).
 *
 * Summary: counts of kinds; per subject its start, final position, kinds, the ordinal disembodied index
 * ({@link disembodiedIndex}: OEA 0 → OBM 3, the rising knowledge share of value added along the
 * trajectory, ordinal only) and net movement; and, for a cluster (two or more subjects), whether the
 * distribution of positions shifted — a collective change of position — or firms merely swapped
 * positions (same multiset before and after), which Kaplinsky (2015) notes does not benefit the
 * economy. The cluster is the set of subjects with events; positions are compared across chains.
 *
 * @param events - the events, in any order
 * @param options - {@link UpgradingOptions} for judging each event; `undefined` or `null` for the defaults
 * @returns the ordered events, the summary and each event's assessment, deeply frozen
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem with its path (`events[2].kind`,
 *   `events[3].from`, `events[1].period` for a period of another type than the first), or of the
 *   options (`options.tolerance`)
 * @example
 * ```ts
 * const t = upgradingTrajectory([
 *   { subject: 'a', period: 2, kind: 'product', from: { chain: 'shoes', position: 'OEM' }, to: { chain: 'shoes', position: 'ODM' } },
 *   { subject: 'a', period: 1, kind: 'process', from: { chain: 'shoes', position: 'OEA' }, to: { chain: 'shoes', position: 'OEM' } },
 * ]);
 * [t.subjects[0]?.final.position, t.subjects[0]?.netMovement];
 * //=> ['ODM', 2]
 * ```
 */
export function upgradingTrajectory(
  events: ReadonlyArray<z.input<typeof UpgradingEvent>>,
  options?: UpgradingOptions | null,
): UpgradingTrajectory {
  const parsed = checkArgument(UpgradingEventsCheck, events, 'events', 'invalid upgrading events');
  const opts = parseUpgradingOptions(options);
  const indexed = parsed.map((event, index) => ({ event, index }));

  const periodTypes = new Set(indexed.map(({ event }) => typeof event.period));
  if (periodTypes.size > 1) {
    const mixed = new IssueList();
    const first = indexed[0] as (typeof indexed)[number];
    for (const { event, index } of indexed) {
      if (typeof event.period !== typeof first.event.period) {
        mixed.add(
          `events[${index}].period`,
          `expected a ${typeof first.event.period} period like events[${first.index}].period, found ${preview(event.period)}`,
        );
      }
    }
    mixed.throwIfAny('invalid upgrading events');
  }

  const ordered = [...indexed].sort(
    (a, b) => comparePeriods(a.event.period, b.event.period) || a.index - b.index,
  );
  const bySubject = new Map<string, typeof ordered>();
  for (const item of ordered) {
    const list = bySubject.get(item.event.subject) ?? [];
    list.push(item);
    bySubject.set(item.event.subject, list);
  }

  // Problems by event, so that they are reported in input order (bounded: one list per event at most).
  const found: Array<{ index: number; path: string; message: string }> = [];
  const assessments = new Map<number, UpgradingAssessment>();
  for (const item of ordered) {
    const assessment = assessParsed(item.event.from, item.event.to, opts);
    assessments.set(item.index, assessment);
    const expected = assessment.primary;
    const claimed = item.event.kind === 'chain' && assessment.chain.status === 'undetermined';
    if (claimed) continue;
    if (expected === 'none') {
      found.push({
        index: item.index,
        path: `events[${item.index}]`,
        message: `expected a change of chain, position or functions, or an efficiency gain, found ${describe(item.event.from)} → ${describe(item.event.to)} with none`,
      });
    } else if (expected !== item.event.kind) {
      found.push({
        index: item.index,
        path: `events[${item.index}].kind`,
        message: `expected ${quote(expected)} for ${describe(item.event.from)} → ${describe(item.event.to)}, found ${quote(item.event.kind)}`,
      });
    }
  }
  for (const list of bySubject.values()) {
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1] as (typeof list)[number];
      const cur = list[i] as (typeof list)[number];
      if (comparePeriods(prev.event.period, cur.event.period) === 0) {
        found.push({
          index: cur.index,
          path: `events[${cur.index}].period`,
          message: `expected one event per period for subject ${quote(cur.event.subject)}, found a second in period ${preview(cur.event.period)} (also events[${prev.index}])`,
        });
      }
      const end = prev.event.to;
      const start = cur.event.from;
      if (end.chain !== start.chain || end.position !== start.position) {
        found.push({
          index: cur.index,
          path: `events[${cur.index}].from`,
          message: `expected ${describe(end)} (where events[${prev.index}].to ended), found ${describe(start)}`,
        });
      }
    }
  }
  if (found.length > 0) {
    const issues = new IssueList();
    for (const f of found.sort((a, b) => a.index - b.index)) issues.add(f.path, f.message);
    issues.throwIfAny('inconsistent upgrading trajectory');
  }

  const kinds: Record<MovementKind, number> = {
    process: 0,
    product: 0,
    functional: 0,
    chain: 0,
    downgrading: 0,
  };
  for (const { event } of ordered) kinds[event.kind] += 1;

  const firstSeen = [...new Set(indexed.map(({ event }) => event.subject))];
  const subjects: SubjectPath[] = firstSeen.map((subject) => {
    const list = bySubject.get(subject) ?? [];
    const start = (list[0] as (typeof list)[number]).event.from;
    const final = (list[list.length - 1] as (typeof list)[number]).event.to;
    const s = disembodiedIndex(start.position);
    const f = disembodiedIndex(final.position);
    return {
      subject,
      start,
      final,
      kinds: list.map(({ event }) => event.kind),
      disembodied: { start: s, final: f },
      netMovement: f - s,
    };
  });

  let cluster: ClusterShift | null = null;
  if (subjects.length >= 2) {
    const before = countPositions(subjects.map((s) => s.start.position));
    const after = countPositions(subjects.map((s) => s.final.position));
    const moved = subjects.some((s) => s.start.position !== s.final.position);
    cluster = { before, after, change: clusterChange(before, after, moved) };
  }
  return deepFreeze({
    events: ordered.map(({ event }) => event),
    kinds,
    subjects,
    cluster,
    assessments: ordered.map(({ index }) => assessments.get(index) as UpgradingAssessment),
  });
}
