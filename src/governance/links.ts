import { IssueList, quote } from '../core/boundary.js';
import { safeCheckArgument } from '../core/check.js';
import type { Explanation } from '../core/explanation.js';
import { deepFreeze } from '../core/freeze.js';
import { type CoordinationRank, classifyGovernance } from './classify.js';
import { LinkChainCheck, LinkDeterminantsListCheck, LinkGovernanceOptionsCheck } from './links-check.js';
import type { LinkDeterminants, LinkGovernanceOptions } from './links-model.js';
import type { GovernanceType } from './model.js';

/** The rules of {@link classifyLinkGovernance}: Table 1 of GHS (2005), or a link inside one actor. */
export type LinkGovernanceRuleId = 'GHS-table-1' | 'within-actor-hierarchy';

/** The governance of one link. */
export interface LinkGovernance {
  /** The supplying stage. */
  from: string;
  /** The buying stage. */
  to: string;
  /** The supplying stage's actor, or `null` when the stage names none. */
  supplier: string | null;
  /** The buying stage's actor, or `null` when the stage names none. */
  buyer: string | null;
  /** The governance type, or `null` for a combination of determinants Table 1 gives no type. */
  type: GovernanceType | null;
  /** Ordinal degree of explicit coordination, 1 (market) to 5 (hierarchy); `null` without a type. */
  explicitCoordination: CoordinationRank | null;
  /** Ordinal degree of power asymmetry, 1 (market) to 5 (hierarchy); `null` without a type. */
  powerAsymmetry: CoordinationRank | null;
  /** The rule that fired. */
  rule: LinkGovernanceRuleId;
  /** One sentence: which link, and why this type. */
  explanation: string;
}

/** A link of the chain as its two stage ids. */
export interface LinkEnds {
  /** The supplying stage. */
  from: string;
  /** The buying stage. */
  to: string;
}

/** The result of {@link classifyLinkGovernance}. */
export interface ChainGovernanceByLink {
  /** The links described, in the order given, then (option `withinActor: 'hierarchy'`) the links inside one actor. */
  links: LinkGovernance[];
  /** Links of the chain (stage inputs) between different actors with no determinants given, in chain order. */
  unclassified: LinkEnds[];
  /** Links of the chain between two stages of the same actor that were not described, in chain order. */
  withinActor: Array<LinkEnds & { actor: string }>;
  /** Number of classified links of each type. */
  types: Record<GovernanceType, number>;
  /** The type of most links; `null` on a tie or with none. A summary, not "the chain's governance". */
  mostCommon: GovernanceType | null;
  /** Whether the chain's declared `governance.type` is among the link types; `null` without one or without typed links. */
  consistentWithDeclared: boolean | null;
  /** Which rules fired, on which input paths. */
  explanation: Explanation;
}

/**
 * What {@link classifyLinkGovernance} reads of a chain: any value chain matches (its other fields
 * are ignored), as does any object with `stages` (ids, actors, inputs) and an optional `governance`.
 */
export interface LinkChainInput {
  readonly [key: string]: unknown;
  readonly stages: ReadonlyArray<{
    readonly [key: string]: unknown;
    readonly id: string;
    readonly actor?: string | undefined;
    readonly inputs?: ReadonlyArray<{ readonly [key: string]: unknown; readonly stage: string }> | undefined;
  }>;
  readonly governance?: { readonly [key: string]: unknown; readonly type: GovernanceType } | undefined;
}

const SOURCE = 'Gereffi, Humphrey & Sturgeon 2005, Table 1';

/**
 * Classifies the governance of each buyer–supplier link of a chain by Table 1 of Gereffi, Humphrey
 * & Sturgeon (2005): their unit of analysis is the link between stages, not the chain, and one
 * chain can combine types at different links. Each link in `links` is classified from its own
 * determinants (as {@link classifyGovernance}); the links of the chain not described are listed,
 * those between two stages of one actor apart (`withinActor`), since a firm's links to itself are
 * not buyer–supplier links. The per-type counts and `mostCommon` summarise; they do not define a
 * chain-level type.
 *
 * Reference: Gereffi, G., Humphrey, J. & Sturgeon, T. (2005) The governance of global value chains,
 * *Review of International Political Economy* 12(1), 78–104, Table 1 and the section on the five types.
 *
 * @param chain - a value chain (only `stages[].id`, `stages[].actor`, `stages[].inputs[].stage` and
 *   `governance.type` are read)
 * @param links - the determinants observed on each link described
 * @param options - {@link LinkGovernanceOptions}; `null`/`undefined` for the defaults
 * @returns the classified links, the links left unclassified or inside one actor, counts per type,
 *   and the explanation (deeply frozen)
 * @throws {@link GvcError} `INVALID_INPUT` when an argument does not match its schema, two stages
 *   share an id, a stage input names no stage, a link is not a link of the chain (`to` does not take
 *   `from` as an input) or the same link is given twice (path `links[j]`); `NOT_FOUND` when a link
 *   names a stage the chain does not have (`links[i].from`, `links[i].to`)
 * @example
 * ```ts
 * import { iphone3g } from 'gvckit/data';
 * const r = classifyLinkGovernance(iphone3g, [{ from: 'assembly', to: 'retail',
 *   determinants: { complexity: 'high', codifiability: 'high', supplierCapability: 'high' } }]);
 * r.links.map((l) => [l.supplier, l.buyer, l.type]);
 * //=> [['foxconn', 'apple', 'modular']]
 * r.unclassified.length;
 * //=> 9
 * ```
 */
export function classifyLinkGovernance(
  chain: LinkChainInput,
  links: ReadonlyArray<LinkDeterminants>,
  options?: LinkGovernanceOptions | null,
): ChainGovernanceByLink {
  const issues = new IssueList();
  const c = issues.take(safeCheckArgument(LinkChainCheck, chain, 'chain', 'invalid chain'));
  const ls = issues.take(safeCheckArgument(LinkDeterminantsListCheck, links, 'links', 'invalid links'));
  const opts = issues.take(
    safeCheckArgument(LinkGovernanceOptionsCheck, options ?? {}, 'options', 'invalid options'),
  );
  issues.throwIfAny('invalid link governance arguments');
  if (c === undefined || ls === undefined || opts === undefined) throw new Error('unreachable');

  // The chain's stages and links, in chain order.
  const stageIndex = new Map<string, number>();
  c.stages.forEach((s, i) => {
    if (stageIndex.has(s.id)) {
      issues.add(`chain.stages[${i}].id`, `expected a unique stage id, found ${quote(s.id)} again`);
    } else stageIndex.set(s.id, i);
  });
  const chainLinks: LinkEnds[] = [];
  const linkSet = new Set<string>();
  const key = (from: string, to: string): string => JSON.stringify([from, to]);
  c.stages.forEach((s, i) => {
    s.inputs.forEach((input, j) => {
      if (!stageIndex.has(input.stage)) {
        issues.add(
          `chain.stages[${i}].inputs[${j}].stage`,
          `expected the id of a stage of the chain, found ${quote(input.stage)}`,
        );
      } else if (!linkSet.has(key(input.stage, s.id))) {
        linkSet.add(key(input.stage, s.id));
        chainLinks.push({ from: input.stage, to: s.id });
      }
    });
  });
  issues.throwIfAny('invalid chain');

  const missing = new IssueList();
  ls.forEach((l, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!stageIndex.has(l[end])) {
        missing.add(`links[${i}].${end}`, `expected the id of a stage of the chain, found ${quote(l[end])}`);
      }
    }
  });
  missing.throwIfAny('unknown stage in links', 'NOT_FOUND');
  const given = new Set<string>();
  ls.forEach((l, i) => {
    const k = key(l.from, l.to);
    if (!linkSet.has(k)) {
      issues.add(
        `links[${i}]`,
        `expected a chain link: stage ${quote(l.to)} does not take ${quote(l.from)} as an input`,
      );
    } else if (given.has(k)) {
      issues.add(`links[${i}]`, `expected each link once, found ${quote(l.from)} → ${quote(l.to)} again`);
    }
    given.add(k);
  });
  issues.throwIfAny('invalid links');

  const actorOf = (id: string): string | null => c.stages[stageIndex.get(id) as number]?.actor ?? null;
  const pathOfActor = (id: string): string => `chain.stages[${stageIndex.get(id)}].actor`;
  const rules: LinkGovernanceRuleId[] = [];
  const evidence: string[] = [];
  const notes: string[] = [];
  const out: LinkGovernance[] = [];
  ls.forEach((l, i) => {
    const g = classifyGovernance(l.determinants);
    const supplier = actorOf(l.from);
    const buyer = actorOf(l.to);
    if (supplier !== null && supplier === buyer) {
      notes.push(
        `links[${i}] joins two stages of ${quote(supplier)}: classified from the determinants given, though it is not a buyer–supplier link`,
      );
    }
    if (!rules.includes('GHS-table-1')) rules.push('GHS-table-1');
    evidence.push(`links[${i}].determinants`);
    const { complexity: cx, codifiability: cod, supplierCapability: cap } = l.determinants;
    out.push({
      from: l.from,
      to: l.to,
      supplier,
      buyer,
      type: g.type,
      explicitCoordination: g.explicitCoordination,
      powerAsymmetry: g.powerAsymmetry,
      rule: 'GHS-table-1',
      explanation: `${quote(l.from)} → ${quote(l.to)} (complexity ${cx}, codifiability ${cod}, supplier capability ${cap}) is ${g.type ?? 'of no type'}: ${g.reason}`,
    });
  });

  const unclassified: LinkEnds[] = [];
  const withinActor: Array<LinkEnds & { actor: string }> = [];
  for (const link of chainLinks) {
    if (given.has(key(link.from, link.to))) continue;
    const actor = actorOf(link.from);
    if (actor === null || actor !== actorOf(link.to)) {
      unclassified.push(link);
      continue;
    }
    withinActor.push({ ...link, actor });
    if (opts.withinActor === 'hierarchy') {
      if (!rules.includes('within-actor-hierarchy')) rules.push('within-actor-hierarchy');
      evidence.push(pathOfActor(link.from), pathOfActor(link.to));
      out.push({
        from: link.from,
        to: link.to,
        supplier: actor,
        buyer: actor,
        type: 'hierarchy',
        explicitCoordination: 5,
        powerAsymmetry: 5,
        rule: 'within-actor-hierarchy',
        explanation: `${quote(link.from)} → ${quote(link.to)} joins two stages of ${quote(actor)}: vertical integration, classed hierarchy (option withinActor: 'hierarchy')`,
      });
    }
  }

  const types: Record<GovernanceType, number> = {
    market: 0,
    modular: 0,
    relational: 0,
    captive: 0,
    hierarchy: 0,
  };
  for (const l of out) if (l.type !== null) types[l.type]++;
  // The five types in the order of GovernanceType.options (market … hierarchy), as `types` lists them.
  const typeOrder = Object.keys(types) as GovernanceType[];
  const max = Math.max(...Object.values(types));
  const top = typeOrder.filter((t) => types[t] === max);
  const mostCommon = max > 0 && top.length === 1 ? (top[0] as GovernanceType) : null;
  const typed = out.filter((l) => l.type !== null).length;
  const declared = c.governance?.type;
  const consistentWithDeclared = declared === undefined || typed === 0 ? null : types[declared] > 0;
  if (declared !== undefined) evidence.push('chain.governance.type');
  if (unclassified.length > 0) {
    notes.push(
      `${unclassified.length} link${unclassified.length === 1 ? '' : 's'} of the chain had no determinants`,
    );
  }
  if (withinActor.length > 0 && opts.withinActor === 'skip') {
    notes.push(
      `${withinActor.length} link${withinActor.length === 1 ? '' : 's'} inside one actor left unclassified (option withinActor: 'skip')`,
    );
  }
  const summary = typeOrder
    .filter((t) => types[t] > 0)
    .map((t) => `${types[t]} ${t}`)
    .join(', ');
  const untyped = out.length - typed;
  const text =
    out.length === 0
      ? 'No link was classified: no determinants were given'
      : `${out.length} link${out.length === 1 ? '' : 's'} classified by Table 1 of Gereffi, Humphrey & Sturgeon (2005): ${summary || 'none typed'}${untyped > 0 ? `, ${untyped} of no type` : ''}${mostCommon === null ? '' : `; most common ${mostCommon}`}${consistentWithDeclared === false ? `; the declared type ${declared} is at no link` : ''}`;
  return deepFreeze({
    links: out,
    unclassified,
    withinActor,
    types,
    mostCommon,
    consistentWithDeclared,
    explanation: {
      text,
      rules,
      evidence,
      notes,
      sources:
        rules.length === 0
          ? []
          : [
              SOURCE,
              ...(rules.includes('within-actor-hierarchy')
                ? ['Gereffi, Humphrey & Sturgeon 2005 (hierarchy: vertical integration)']
                : []),
            ],
    },
  });
}
