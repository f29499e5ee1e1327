/**
 * What the snapshot functions read from one chain: who holds value added where, and who performs
 * which functions (internal: not exported from the folder's entry point).
 */
import { type DecompositionDepth, decomposeValueAdded, type ValueChain } from '../chains/index.js';
import type { IssueList } from '../core/boundary.js';
import { quote } from '../core/boundary.js';
import { GvcError, type GvcIssue } from '../core/errors.js';
import { knowledgeIntensityScale } from './model.js';

/** One chain's value added by actor key and country, and its functions. */
export interface ChainFacts {
  /** The final value decomposed. */
  finalValue: number;
  /** Actor key (as `decomposeValueAdded().byActor`) → country → value added per unit. */
  byActorCountry: Map<string, Map<string, number>>;
  /** Country → value added per unit. */
  byCountry: Map<string, number>;
  /** Actor key → functions of its stages (sorted, distinct). */
  actorFunctions: Map<string, string[]>;
  /** Country → functions of its stages (sorted, distinct). */
  countryFunctions: Map<string, string[]>;
  /** Paths of the stages that state no function. */
  unspecified: string[];
  /** Actor keys (actor ids, `stage:<id>`) with at least one stage. */
  actorsWithStage: Set<string>;
  /** Countries with at least one stage. */
  countriesWithStage: Set<string>;
}

/** The standard knowledge-intensity scale overridden and extended by `extra`. */
export function rankMap(extra: Readonly<Record<string, number>>): Map<string, number> {
  const ranks = new Map<string, number>(Object.entries(knowledgeIntensityScale));
  for (const [f, rank] of Object.entries(extra)) ranks.set(f, rank);
  return ranks;
}

/** Mean rank of distinct functions (all ranked), `null` for none. */
export function meanRank(functions: readonly string[], ranks: ReadonlyMap<string, number>): number | null {
  if (functions.length === 0) return null;
  let mean = 0;
  for (const f of functions) mean += (ranks.get(f) ?? 0) / functions.length;
  return mean;
}

function addTo(map: Map<string, Map<string, number>>, key: string, country: string, v: number): void {
  const inner = map.get(key) ?? new Map<string, number>();
  inner.set(country, (inner.get(country) ?? 0) + v);
  map.set(key, inner);
}

function addFunction(map: Map<string, Set<string>>, key: string, f: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(f);
  map.set(key, set);
}

function sorted(map: Map<string, Set<string>>): Map<string, string[]> {
  return new Map([...map].map(([k, v]) => [k, [...v].sort()]));
}

/**
 * Decomposes a validated chain and collects its facts; function ranks are checked against `ranks`
 * (a missing rank recorded at `<root>.stages[j].function`). Errors of the decomposition are rerooted
 * from `chain` to `root`.
 */
export function chainFacts(
  chain: ValueChain,
  root: string,
  depth: DecompositionDepth,
  ranks: ReadonlyMap<string, number>,
  issues: IssueList,
): ChainFacts {
  chain.stages.forEach((s, j) => {
    if (s.function !== undefined && !ranks.has(s.function))
      issues.add(
        `${root}.stages[${j}].function`,
        `expected a standard stage function or one ranked in options.knowledgeIntensity, found ${quote(s.function)}`,
      );
  });
  let d: ReturnType<typeof decomposeValueAdded>;
  try {
    d = decomposeValueAdded(chain, { depth });
  } catch (e) {
    if (!(e instanceof GvcError)) throw e;
    const rooted: GvcIssue[] = e.issues.map((i) => ({
      path:
        i.path === 'chain' || i.path.startsWith('chain.') || i.path.startsWith('chain[')
          ? root + i.path.slice(5)
          : i.path,
      message: i.message,
    }));
    throw new GvcError(e.code, 'cannot decompose a chain snapshot', rooted);
  }
  const actorOf = new Map(chain.stages.map((s) => [s.id, s.actor ?? `stage:${s.id}`]));
  const byActorCountry = new Map<string, Map<string, number>>();
  const byCountry = new Map<string, number>();
  for (const line of d.byStage) {
    const key =
      line.origin === 'purchases' ? `purchases:${line.country}` : (actorOf.get(line.stage) ?? line.stage);
    addTo(byActorCountry, key, line.country, line.valueAdded);
    byCountry.set(line.country, (byCountry.get(line.country) ?? 0) + line.valueAdded);
  }
  const actorFunctions = new Map<string, Set<string>>();
  const countryFunctions = new Map<string, Set<string>>();
  const unspecified: string[] = [];
  const actorsWithStage = new Set<string>();
  const countriesWithStage = new Set<string>();
  chain.stages.forEach((s, j) => {
    const key = actorOf.get(s.id) ?? s.id;
    actorsWithStage.add(key);
    countriesWithStage.add(s.country);
    if (s.function === undefined) {
      unspecified.push(`${root}.stages[${j}]`);
      return;
    }
    addFunction(actorFunctions, key, s.function);
    addFunction(countryFunctions, s.country, s.function);
  });
  return {
    finalValue: d.finalValue,
    byActorCountry,
    byCountry,
    actorFunctions: sorted(actorFunctions),
    countryFunctions: sorted(countryFunctions),
    unspecified,
    actorsWithStage,
    countriesWithStage,
  };
}

/** Sum of a key's value added over every country. */
export function total(map: ReadonlyMap<string, number> | undefined): number {
  let sum = 0;
  for (const v of map?.values() ?? []) sum += v;
  return sum;
}
