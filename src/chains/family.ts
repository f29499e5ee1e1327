import * as z from 'zod/mini';
import { IssueList, preview, quote, safeValidate } from '../core/boundary.js';
import type { Explanation } from '../core/explanation.js';
import { Id } from '../core/primitives.js';
import { finalResult } from './cache.js';
import type { ChainFamily, ValueChain } from './model.js';
import { safeValidateChain } from './parse.js';

const KAPLINSKY = 'Kaplinsky 2015, UNU-MERIT WP 2015-027, section on the two families of value chains';
const KAPLINSKY_MORRIS = 'Kaplinsky & Morris 2016, EJDR 28(4), on vertically specialised and additive GVCs';

const StageFacts = z.strictObject({
  /** The stage's output perishes unless processed quickly (reason iii). */
  perishable: z.optional(z.boolean()),
  /** The stage is tied to a fixed point of nature: a mine, a field, a well (reason i). */
  fixedLocation: z.optional(z.boolean()),
});

/**
 * Evidence about a chain that its model does not carry, for {@link inferChainFamily}: which stages
 * perish or are tied to a fixed point of nature, whether lead firms leave processing to producing
 * countries, and the sector (Kaplinsky 2015, the reasons why resource chains are additive).
 *
 * @example
 * ```ts
 * FamilyEvidence.parse({ sector: 'apparel' });
 * //=> { stages: {}, sector: 'apparel' }
 * ```
 */
export const FamilyEvidence = z.strictObject({
  /** Per stage id: evidence the chain model does not carry. */
  stages: z._default(z.record(Id, StageFacts), {}),
  /** Lead firms leave low-rent forward processing to producing countries (reason iv). */
  leadFirmsLeaveProcessing: z.optional(z.boolean()),
  /** The sector, for the hybrid note: apparel, furniture and footwear have both forms (Kaplinsky 2015). */
  sector: z.optional(z.string().check(z.minLength(1))),
});
/** Evidence about a chain that its model does not carry, as a caller may pass it. */
export type FamilyEvidence = z.input<typeof FamilyEvidence>;

/**
 * Options of {@link inferChainFamily}: `minWeightLoss` (default 0.1), the smallest weight loss on a
 * link (1 − output mass / input mass) counted as processing loss; `minSequentialStages` (default 3),
 * the fewest successive single-input stages counted as sequential build-up (the cocoa chain has 7).
 * Both defaults are gvckit's convention: no source gives a number (Kaplinsky 2015 states reasons).
 *
 * @example
 * ```ts
 * InferFamilyOptions.parse({});
 * //=> { minWeightLoss: 0.1, minSequentialStages: 3 }
 * ```
 */
export const InferFamilyOptions = z.strictObject({
  minWeightLoss: z._default(z.number().check(z.gte(0), z.lte(1)), 0.1),
  minSequentialStages: z._default(z.int().check(z.gte(2), z.lte(1_000_000_000)), 3),
});
/** Options of {@link inferChainFamily}, as a caller may pass them (every field optional). */
export type InferFamilyOptions = z.input<typeof InferFamilyOptions>;

/** The reasons {@link inferChainFamily} checks: V for vertical specialisation, A for additive, H hybrid, U undetermined. */
export type FamilyReasonId =
  | 'V1-parallel-inputs'
  | 'V2-dispersed-parallel-suppliers'
  | 'V3-no-processing-loss'
  | 'A1-sequential-stages'
  | 'A2-fixed-point-of-nature'
  | 'A3-processing-loss'
  | 'A4-perishable'
  | 'A5-lead-firms-leave-processing'
  | 'H1-both-forms'
  | 'H2-hybrid-sector'
  | 'U1-too-short';

/** One reason that fired, with the stages (or links `from→to`) that show it. */
export interface FamilyReason {
  id: FamilyReasonId;
  /** The family the reason points to (`none` for U1). */
  points: 'additive' | 'vertically-specialised' | 'hybrid' | 'none';
  /** The stages, or links written `from→to`, that show it. */
  stages: string[];
  /** One sentence, e.g. 'stage "assembly" takes 9 chain inputs made in parallel'. */
  text: string;
}

/**
 * The result of {@link inferChainFamily}: the inferred `family`, the `declared` one and whether they
 * agree, the `reasons` that fired, the `structure` read, and the `explanation` (rules = reason ids).
 */
export interface ChainFamilyInference {
  family: 'additive' | 'vertically-specialised' | 'hybrid' | 'undetermined';
  /** The family the chain declares, `null` when it declares none. */
  declared: ChainFamily | null;
  /** `declared === family`; `null` when nothing is declared or the family is undetermined (hybrid: `false`). */
  consistentWithDeclared: boolean | null;
  /** Every reason that fired, in the order of {@link FamilyReasonId}. */
  reasons: FamilyReason[];
  structure: {
    stages: number;
    /** The stage with the most chain inputs (the first on ties); `null` when no stage has any. */
    maxChainInputs: { stage: string; inputs: number } | null;
    /** The longest run of consecutive single-input stages (a path), upstream first. */
    longestSequence: string[];
    /** Links whose two ends are in units of mass and that lose weight, with the share lost. */
    weightLoss: Array<{ from: string; to: string; share: number }>;
  };
  explanation: Explanation;
}

const MASS: Record<string, number> = { kg: 1, g: 0.001, t: 1000, tonne: 1000, tonnes: 1000, lb: 0.45359237 };
const HYBRID_SECTORS = ['apparel', 'clothing', 'garment', 'furniture', 'footwear'];

/** Kilograms per unit when a unit's first word is a unit of mass (`kg dry beans` → 1), else undefined. */
function massFactor(unit: string): number | undefined {
  const first = unit.trim().split(/\s+/, 1)[0]?.toLowerCase() ?? '';
  return Object.hasOwn(MASS, first) ? MASS[first] : undefined;
}

/** Quoted ids, at most three, then "and N more". */
function names(ids: readonly string[]): string {
  const shown = ids.slice(0, 3).map(quote).join(', ');
  return ids.length > 3 ? `${shown} and ${ids.length - 3} more` : shown;
}

/** Reads the declared family and validates the chain with a permissive family, recording problems. */
function readChain(chain: unknown, issues: IssueList): { parsed?: ValueChain; declared: ChainFamily | null } {
  let input: unknown = chain;
  let declared: ChainFamily | null = null;
  if (typeof chain === 'object' && chain !== null && !Array.isArray(chain)) {
    try {
      const f = (chain as { family?: unknown }).family;
      if (f === 'additive' || f === 'vertically-specialised') declared = f;
      else if (f !== undefined)
        issues.add('chain.family', `expected "additive" or "vertically-specialised", found ${preview(f)}`);
      input = { ...(chain as object), family: 'vertically-specialised' };
    } catch {
      issues.add('chain', 'expected plain data, found a value that could not be read');
      return { declared };
    }
  }
  const parsed = issues.take(safeValidateChain(input, 'chain', 'invalid value chain'));
  return parsed === undefined ? { declared } : { parsed, declared };
}

/** A chain's stages by index, with the distinct upstream stages of each. */
type Graph = { n: number; ids: string[]; index: Map<string, number>; ups: number[][] };

function graphOf(chain: ValueChain): Graph {
  const ids = chain.stages.map((s) => s.id);
  const index = new Map(ids.map((id, i) => [id, i] as const));
  const ups = chain.stages.map((s) => [...new Set(s.inputs.map((i) => index.get(i.stage) as number))]);
  return { n: ids.length, ids, index, ups };
}

/** The longest path of stages each of which has exactly one chain input, the previous one. */
function longestSequence(g: Graph): number[] {
  const len = new Array<number>(g.n).fill(0);
  const parent = (v: number) => (g.ups[v]?.length === 1 ? (g.ups[v]?.[0] as number) : -1);
  for (let v = 0; v < g.n; v++) {
    const walk: number[] = [];
    let x = v;
    for (; x >= 0 && len[x] === 0; x = parent(x)) walk.push(x);
    let depth = x >= 0 ? (len[x] as number) : 0;
    for (let k = walk.length - 1; k >= 0; k--) len[walk[k] as number] = ++depth;
  }
  let end = 0;
  for (let v = 1; v < g.n; v++) if ((len[v] as number) > (len[end] as number)) end = v;
  const path: number[] = [];
  for (let v = end; path.length < (len[end] as number); v = parent(v)) path.push(v);
  return path.reverse();
}

/** The stages upstream of `from` (included). */
function upstream(g: Graph, from: readonly number[]): Set<number> {
  const seen = new Set(from);
  for (const v of seen) for (const u of g.ups[v] as number[]) seen.add(u); // a Set visits what is added
  return seen;
}

type Loss = { from: string; to: string; share: number; to_: number; path: string };

function weightLosses(chain: ValueChain, g: Graph): Loss[] {
  const out: Loss[] = [];
  chain.stages.forEach((s, v) => {
    const fOut = massFactor(s.output.unit);
    if (fOut === undefined) return;
    s.inputs.forEach((input, j) => {
      const fIn = massFactor(chain.stages[g.index.get(input.stage) as number]?.output.unit ?? '');
      const r = fIn === undefined ? 0 : (input.quantity * fIn) / fOut;
      if (!(r > 1)) return;
      const path = `chain.stages[${v}].inputs[${j}].quantity`;
      out.push({ from: input.stage, to: s.id, share: 1 - 1 / r, to_: v, path });
    });
  });
  return out;
}

/**
 * Infers a chain's family from its structure, with the reasons Kaplinsky (2015) gives (also Kaplinsky
 * & Morris 2016), and says whether the declared family fits. **Vertically specialised**: components
 * made in parallel, little processing loss, stages dispersed (the iPhone; a car's 3,000+ parts).
 * **Additive**: value added stage after stage (cocoa → chocolate), from a fixed point of nature, with
 * weight lost in processing, perishable crops, processing left to producing countries. The families
 * overlap: a chain with both forms is a **hybrid**, as much apparel, furniture and footwear is.
 *
 * Reasons: V1 a stage takes ≥ 2 chain inputs; V2 those inputs come from ≥ 2 countries; V3 V1 and no
 * link upstream of a parallel stage loses `minWeightLoss` of weight; A1 a run of
 * ≥ `minSequentialStages` stages each taking one chain input, the previous one; A2 a root stage of
 * function `growing/extraction`, or a stage with `fixedLocation`; A3 a link, both ends in units of
 * mass (`kg`, `g`, `t`, `tonne(s)`, `lb` as the unit's first word), losing at least `minWeightLoss`
 * (1 − 1 / (quantity × input kg per unit / output kg per unit)); A4 a `perishable` stage; A5
 * `leadFirmsLeaveProcessing`. Decision: fewer than 2 stages, or neither V1 nor A1: `undetermined`
 * (U1); V1 and no A reason: `vertically-specialised`; A1 without V1: `additive`; V1 with any A
 * reason: `hybrid` (H1). H2 (a sector named apparel, clothing, garment, furniture or footwear) never
 * decides: it adds a note that the sector has both forms.
 *
 * The chain is checked as a chain of any family (an `additive` chain with parallel inputs is analysed
 * and reported inconsistent); `family` may be absent. The result is deep-frozen; arguments unchanged.
 *
 * @param chain - a value chain, with or without `family` (validated: `INVALID_INPUT` lists every
 *   problem, paths rooted at `chain`)
 * @param evidence - facts the chain model does not carry (see {@link FamilyEvidence}); `null` or
 *   omitted for none
 * @param options - `minWeightLoss` (0.1), `minSequentialStages` (3): gvckit's conventions
 * @returns the family, the declared one and whether they agree, every reason that fired, the
 *   structure read, and an explanation (rules = the reasons' ids), deep-frozen
 * @throws {@link GvcError} `INVALID_INPUT` for an invalid chain, evidence or options (a `family`
 *   other than the two, at `chain.family`); `NOT_FOUND` for evidence about a stage the chain does not
 *   have, at `evidence.stages.<id>`
 * @example
 * ```ts
 * import { cocoa, iphone3g } from 'gvckit/data';
 * inferChainFamily(cocoa).family;
 * //=> 'additive'
 * inferChainFamily(iphone3g).reasons.map((r) => r.id);
 * //=> ['V1-parallel-inputs', 'V2-dispersed-parallel-suppliers', 'V3-no-processing-loss']
 * inferChainFamily(cocoa).structure.weightLoss;
 * //=> [{ from: 'grow', to: 'ferment-dry', share: 0.6 }, { from: 'export', to: 'grind', share: 0.2 }]
 * ```
 */
export function inferChainFamily(
  chain: unknown,
  evidence?: FamilyEvidence | null,
  options?: InferFamilyOptions | null,
): ChainFamilyInference {
  const issues = new IssueList();
  const { parsed, declared } = readChain(chain, issues);
  const ev = issues.take(safeValidate(FamilyEvidence, evidence ?? {}, 'evidence', 'invalid evidence'));
  const opts = issues.take(safeValidate(InferFamilyOptions, options ?? {}, 'options', 'invalid options'));
  issues.throwIfAny('invalid arguments');
  const c = parsed as ValueChain;
  const e = ev as z.output<typeof FamilyEvidence>;
  const { minWeightLoss, minSequentialStages } = opts as z.output<typeof InferFamilyOptions>;
  const g = graphOf(c);
  const missing = new IssueList();
  for (const id of Object.keys(e.stages).filter((k) => !g.index.has(k))) {
    missing.add(`evidence.stages.${id}`, `expected the id of a stage of the chain, found ${quote(id)}`);
  }
  missing.throwIfAny('stage not found', 'NOT_FOUND');
  const reasons: FamilyReason[] = [];
  const evidencePaths: string[] = [];
  const fire = (id: FamilyReasonId, stages: string[], text: string, paths: string[] = []) => {
    reasons.push({ id, points: POINTS[id[0] as keyof typeof POINTS], stages, text });
    evidencePaths.push(...paths);
  };
  const at = (v: number, field: string) => `chain.stages[${v}].${field}`;
  const pathsOf = (vs: readonly number[], field: string) => vs.map((v) => at(v, field));
  const idsOf = (vs: readonly number[]) => vs.map((v) => g.ids[v] as string);
  const ups = (v: number) => g.ups[v] as number[]; // distinct chain inputs of stage v
  const country = (v: number) => (c.stages[v] as ValueChain['stages'][number]).country;

  // Vertical specialisation: parallel inputs, dispersed suppliers, no processing loss upstream.
  const parallel: number[] = [];
  let most = -1;
  for (let v = 0; v < g.n; v++) {
    if (ups(v).length >= 2) parallel.push(v);
    if (ups(v).length > 0 && (most < 0 || ups(v).length > ups(most).length)) most = v;
  }
  const losses = weightLosses(c, g);
  const heavy = losses.filter((l) => l.share >= minWeightLoss - 1e-9);
  if (parallel.length > 0) {
    const ids = idsOf(parallel);
    const v1 =
      ids.length === 1
        ? `stage ${names(ids)} takes ${ups(most).length} chain inputs made in parallel`
        : `stages ${names(ids)} take chain inputs made in parallel (most: ${quote(g.ids[most] as string)}, ${ups(most).length})`;
    fire('V1-parallel-inputs', ids, v1, pathsOf(parallel, 'inputs'));
    const dispersed = parallel.filter((v) => new Set(ups(v).map(country)).size >= 2);
    if (dispersed.length > 0) {
      const cs = [...new Set(dispersed.flatMap((v) => ups(v).map(country)))];
      const list = `${cs.slice(0, 6).join(', ')}${cs.length > 6 ? ', …' : ''}`;
      const v2 = `the parallel inputs of ${names(idsOf(dispersed))} come from ${cs.length} countries (${list})`;
      const paths = pathsOf(dispersed.flatMap(ups), 'country');
      fire('V2-dispersed-parallel-suppliers', idsOf(dispersed), v2, paths);
    }
    const up = upstream(g, parallel);
    if (!heavy.some((l) => up.has(l.to_))) {
      const v3 = `no link upstream of ${names(ids)} loses ${minWeightLoss} or more of its weight`;
      fire('V3-no-processing-loss', ids, v3);
    }
  }
  // Additive: sequential build-up, fixed point of nature, processing loss, perishability, lead firms.
  const seq = longestSequence(g);
  const seqIds = idsOf(seq);
  if (seq.length >= minSequentialStages) {
    const a1 = `${seq.length} stages add value in sequence, each taking the previous one's output: ${names(seqIds)}`;
    fire('A1-sequential-stages', seqIds, a1, pathsOf(seq.slice(1), 'inputs'));
  }
  const fixed: number[] = [];
  const fixedPaths: string[] = [];
  c.stages.forEach((s, v) => {
    const byFunction = ups(v).length === 0 && s.function === 'growing/extraction';
    const byEvidence = e.stages[s.id]?.fixedLocation === true;
    if (byFunction || byEvidence) fixed.push(v);
    if (byFunction) fixedPaths.push(at(v, 'function'));
    if (byEvidence) fixedPaths.push(`evidence.stages.${s.id}.fixedLocation`);
  });
  if (fixed.length > 0) {
    const a2 = `${names(idsOf(fixed))} ${fixed.length === 1 ? 'is' : 'are'} tied to a fixed point of nature (growing or extraction)`;
    fire('A2-fixed-point-of-nature', idsOf(fixed), a2, fixedPaths);
  }
  if (heavy.length > 0) {
    const worst = heavy.reduce((a, b) => (b.share > a.share ? b : a));
    const pct = Math.round(worst.share * 1000) / 10;
    const a3 = `processing loses weight on ${heavy.length === 1 ? 'one link' : `${heavy.length} links`} (most: ${quote(`${worst.from}→${worst.to}`)}, ${pct}% of the input's weight)`;
    const links = heavy.map((l) => `${l.from}→${l.to}`);
    fire('A3-processing-loss', links, a3, heavy.map(pathOfLoss));
  }
  const perishable = c.stages.filter((s) => e.stages[s.id]?.perishable === true).map((s) => s.id);
  if (perishable.length > 0) {
    const a4 = `the output of ${names(perishable)} perishes unless processed quickly`;
    const paths = perishable.map((id) => `evidence.stages.${id}.perishable`);
    fire('A4-perishable', perishable, a4, paths);
  }
  if (e.leadFirmsLeaveProcessing === true) {
    const a5 = 'lead firms leave low-rent forward processing to producing countries';
    fire('A5-lead-firms-leave-processing', [], a5, ['evidence.leadFirmsLeaveProcessing']);
  }
  const additive = reasons.filter((r) => r.points === 'additive');
  let family: ChainFamilyInference['family'];
  if (g.n < 2 || (parallel.length === 0 && seq.length < minSequentialStages)) {
    family = 'undetermined';
    const longest = `no stage takes parallel inputs and no run of ${minSequentialStages} successive stages adds value in sequence (longest: ${seq.length})`;
    fire('U1-too-short', [], g.n < 2 ? 'a single stage: no structure to read' : longest, ['chain.stages']);
  } else if (parallel.length === 0) family = 'additive';
  else if (additive.length === 0) family = 'vertically-specialised';
  else {
    family = 'hybrid';
    const both = [...new Set([...idsOf(parallel), ...additive.flatMap((r) => r.stages)])];
    const h1 = 'the chain shows both forms: inputs made in parallel, and the additive reasons above';
    fire('H1-both-forms', both, h1);
  }
  const notes = [
    `minWeightLoss ${minWeightLoss} and minSequentialStages ${minSequentialStages}: gvckit's conventions (defaults 0.1 and 3), no source gives a number`,
    'weight loss is read only on links whose two ends are in units of mass (kg, g, t, tonne, lb)',
  ];
  const sector = e.sector?.toLowerCase();
  if (sector !== undefined && HYBRID_SECTORS.some((w) => sector.includes(w))) {
    const h2 = `Kaplinsky (2015) lists this sector (${quote(e.sector as string)}) among those with both forms`;
    fire('H2-hybrid-sector', [], h2, ['evidence.sector']);
    notes.push(`${h2}: this chain shows ${family === 'hybrid' ? 'both' : `the ${family} side`}`);
  }
  reasons.sort((a, b) => rank(a.id) - rank(b.id));
  const consistentWithDeclared = declared === null || family === 'undetermined' ? null : declared === family;
  const label = family === 'undetermined' ? 'of undetermined family' : family.replace('-', ' ');
  const shown = reasons.filter((r) => r.id !== 'H2-hybrid-sector').map((r) => r.text);
  return finalResult<ChainFamilyInference>(
    {
      family,
      declared,
      consistentWithDeclared,
      reasons,
      structure: {
        stages: g.n,
        maxChainInputs: most < 0 ? null : { stage: g.ids[most] as string, inputs: ups(most).length },
        longestSequence: seqIds,
        weightLoss: losses.map((l) => ({ from: l.from, to: l.to, share: l.share })),
      },
      explanation: {
        text: `The chain is ${label}: ${shown.join('; ')}.${consistentWithDeclared === false ? ` The chain declares itself ${declared}.` : ''}`,
        rules: reasons.map((r) => r.id),
        evidence: [...new Set(evidencePaths)],
        notes,
        sources: [KAPLINSKY, KAPLINSKY_MORRIS],
      },
    },
    'chain',
  );
}

const pathOfLoss = (l: Loss) => l.path;
const POINTS = { V: 'vertically-specialised', A: 'additive', H: 'hybrid', U: 'none' } as const;
/** The order of {@link FamilyReasonId}: V, A, H, U, then the number. */
const rank = (id: FamilyReasonId) => 'VAHU'.indexOf(id[0] as string) * 10 + Number(id[1]);
