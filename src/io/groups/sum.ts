import * as z from 'zod/mini';
import { IssueList, quote, validate, validateOptions } from '../../core/boundary.js';
import type { GvcIssue } from '../../core/errors.js';
import type { BmCountryRecord, BmSectorRecord, KwwRecord, WwzRecord } from '../decompositions/index.js';
import type { GvcParticipationRecord, LeontiefDecompositionRecord, VaxRecord } from '../indicators/index.js';
import { checkFiniteRecords, finish } from '../internal.js';
import { type CodeSystem, findGroup, GroupCodes, GroupYear, membersOf, spellings } from './catalogue.js';
import { listOf, type RecordTable, readRecords } from './table.js';

/**
 * A user-defined country group: a name (the `country` of its summed records) and the country
 * labels of its members, as the table spells them.
 *
 * @example
 * ```ts
 * CountryGroup.parse({ name: 'Nordics', members: ['DNK', 'FIN', 'ISL', 'NOR', 'SWE'] }).members.length;
 * //=> 5
 * ```
 */
export const CountryGroup = z.strictObject({
  name: z
    .string()
    .check(z.minLength(1, { error: 'expected a group name, found an empty string' }), z.maxLength(200)),
  members: z
    .array(z.string().check(z.minLength(1, { error: 'expected a country label, found an empty string' })))
    .check(z.minLength(1, { error: 'expected at least one member, found none' }), z.maxLength(10_000)),
});
/** A user-defined country group; see {@link CountryGroup}. */
export type CountryGroup = z.input<typeof CountryGroup>;

/** A group: the name of a group of `countryGroups()` (`'EU27'`, `'NAFTA'`) or a {@link CountryGroup}. */
export type GroupRef = string | CountryGroup;

const GroupRefSchema = z.union([z.string(), CountryGroup], {
  error: 'expected the name of a country group or { name, members }',
});

/**
 * Options of {@link sumByGroup}: `year`, the year whose membership dated groups take (by default
 * each record's `year` when records carry one, else the current members); `partners`, groups by
 * which the partners of bilateral records are summed as well (partners in none stay as they are);
 * `codes`, how the records spell countries for named groups: `'alpha3'` (default; OECD ICIO, WIOD,
 * ADB MRIO, Eora) or `'alpha2'` (FIGARO, EXIOBASE; Greece and the United Kingdom match both ISO's
 * `GR`/`GB` and Eurostat's `EL`/`UK`).
 *
 * @example
 * ```ts
 * GroupSumOptions.parse({ year: 2019, partners: ['EU28'] }).partners;
 * //=> ['EU28']
 * ```
 */
export const GroupSumOptions = z.strictObject({
  year: z.optional(GroupYear),
  partners: z.optional(z.array(GroupRefSchema).check(z.maxLength(1000))),
  codes: z.optional(GroupCodes),
});
/** Options of {@link sumByGroup}. */
export type GroupSumOptions = z.input<typeof GroupSumOptions>;

/** The records {@link sumByGroup} sums: those of the indicators of exports and value added. */
export type GroupableRecord =
  | VaxRecord
  | GvcParticipationRecord
  | LeontiefDecompositionRecord
  | BmCountryRecord
  | BmSectorRecord
  | KwwRecord
  | WwzRecord;

/** Members of a group in a year: every accepted spelling, and the spellings of each member. */
interface Members {
  readonly all: ReadonlySet<string>;
  readonly each: readonly (readonly string[])[];
}

/** A group resolved: its name as given, and its members in a year. */
interface Resolved {
  readonly name: string;
  readonly path: string;
  readonly members: (year: number | undefined) => Members;
}

const membersFrom = (each: string[][]): Members => ({ all: new Set(each.flat()), each });

function resolve(refs: readonly unknown[], root: string, issues: IssueList, codes: CodeSystem): Resolved[] {
  const out: Resolved[] = [];
  const seen = new Set<string>();
  refs.forEach((ref, k) => {
    const path = `${root}[${k}]`;
    let r: Resolved | undefined;
    if (typeof ref === 'string') {
      const entry = findGroup(ref);
      if (entry === undefined)
        issues.add(
          path,
          `expected a country group of countryGroups() or { name, members }, found ${quote(ref)}`,
        );
      else
        r = {
          name: ref,
          path,
          members: (year) =>
            membersFrom(membersOf(entry, year, codes).map((c) => (codes === 'alpha2' ? spellings(c) : [c]))),
        };
    } else {
      const g = issues.attempt(() => validate(CountryGroup, ref, path));
      if (g !== undefined) {
        const fixed = membersFrom(g.members.map((m) => [m]));
        if (fixed.all.size < g.members.length)
          issues.add(`${path}.members`, 'expected each member once, found a member twice');
        r = { name: g.name, path, members: () => fixed };
      }
    }
    if (r === undefined) return;
    if (seen.has(r.name)) issues.add(path, `expected group names used once, found ${quote(r.name)} again`);
    seen.add(r.name);
    out.push(r);
  });
  return out;
}

/**
 * Sums the records of an indicator by country group, after computing them at full detail: the
 * group's additive fields are the sums of its members' (for bilateral records, per partner — and
 * over partner members when `options.partners` groups them), and its ratios are recomputed from
 * those sums, never averaged (`VAXratio` = ΣVAX/ΣGEXP; the participation indices, Koopman et al.
 * 2010, and GVCPt_f/GVCPt_b, Wang et al. 2017, from the summed parts). Trade between members stays
 * trade: the group's gross exports include intra-group exports, and every identity of the records
 * (DVA + DDC + FVA + FDC = GEXP, …) holds for the group; with partners grouped, the `G → G` record
 * is the intra-group part and the others the extra-group part. exvatools sums countries this way
 * for the partner side (`get_data(importer = "EU27")`; Feás, exvatools 0.9.0); `aggregateIcio`,
 * which merges the table first, instead makes intra-group trade domestic, and exvatools'
 * `make_exvadec(exporter = "EU27")` decomposes only the group's extra-group exports as one
 * exporter (it zeroes intra-group exports, R/make_exvadec_bm_src.R) — a third measure. Named
 * groups come from {@link countryGroups} (sources there); dated ones take the membership of
 * `options.year`, else of each record's `year`, else today's. Fields defined against "other
 * countries" keep each member's view: a member's value added in another member's exports counts in
 * the group's `IV` and `e2r`, another member's value added in its exports in `FV`, `i2e` and `FVA`.
 *
 * Works on the records of `valueAddedExports` (all levels), `gvcParticipation`,
 * `leontiefDecomposition`, `bmDecomposition` (both levels), `kwwDecomposition` and
 * `wwzDecomposition`, recognised by their fields, with an optional `year` field (a panel). Members
 * absent from the records are not an error: they are reported in the result's `warnings` (path
 * `groups[k]`), and the group sums the members present; a group with no member present is an error.
 *
 * @param records - the records of one indicator, as it returned them
 * @param groups - one group or a list: names of {@link countryGroups} or {@link CountryGroup}s
 * @param options - `{ year, partners, codes }`, see {@link GroupSumOptions}
 * @returns one record per group (and year, sector, partner as the records have them), groups in
 *   the order given, with `country` set to the group's name; frozen, with a `warnings` property
 *   listing absent members and the input's own warnings
 * @throws {GvcError} `INVALID_INPUT` for records that are not those of a supported indicator (path
 *   `records[i].field`), an unknown group name or an invalid group (path `groups[k]`), a group with
 *   no member among the records, or invalid options (`options.partners` with records that have no
 *   partner); `UNSUPPORTED` when a sum overflows
 * @example
 * ```ts
 * const t = createIcio({
 *   countries: ['A', 'B', 'C'], sectors: ['s'],
 *   Z: [[0, 2, 0], [0, 0, 4], [0, 0, 0]], Y: [[8, 0, 1], [1, 5, 0], [0, 0, 10]],
 * });
 * sumByGroup(valueAddedExports(t), { name: 'AB', members: ['A', 'B'] }).map((r) => [r.country, r.GEXP, r.VAX]);
 * //=> [['AB', 8, 6.8]]
 * ```
 */
export function sumByGroup<R extends GroupableRecord>(
  records: readonly R[],
  groups: GroupRef | readonly GroupRef[],
  options?: GroupSumOptions,
): R[] {
  const opts = validateOptions(GroupSumOptions, options);
  const issues = new IssueList();
  const table = readRecords(records, issues);
  const refs: unknown[] = Array.isArray(groups) ? groups : [groups];
  if (refs.length === 0) issues.add('groups', 'expected at least one group, found none');
  const codes = opts.codes ?? 'alpha3';
  const exporters = resolve(refs, 'groups', issues, codes);
  const partnerGroups = resolve(opts.partners ?? [], 'options.partners', issues, codes);
  if (table !== undefined && opts.partners !== undefined && table.partner === undefined)
    issues.add(
      'options.partners',
      `expected bilateral records (with a partner) to group partners, found records of ${table.kind.indicator} without one`,
    );
  issues.throwIfAny('invalid records or groups');
  const t = table!;
  const yearOf = (i: number): number | undefined => opts.year ?? t.year?.[i];

  // Countries present, per year (all years together when records have none).
  const present = new Map<number | undefined, Set<string>>();
  for (let i = 0; i < t.n; i++) {
    const y = t.year?.[i];
    const set = present.get(y) ?? new Set<string>();
    present.set(y, set);
    set.add(t.country[i]!);
  }
  const warnings: GvcIssue[] = [];
  // Members of each group by year, computed once per (group, year).
  const memberCache = new Map<Resolved, Map<number | undefined, Members>>();
  const membersAt = (g: Resolved, at: number | undefined): Members => {
    let byYear = memberCache.get(g);
    if (byYear === undefined) {
      byYear = new Map();
      memberCache.set(g, byYear);
    }
    let m = byYear.get(at);
    if (m === undefined) {
      m = g.members(at);
      byYear.set(at, m);
    }
    return m;
  };
  for (const [y, countries] of present) {
    const at = opts.year ?? y;
    const when = y === undefined ? '' : ` in ${y}`;
    for (const g of [...exporters, ...partnerGroups]) {
      const { each } = membersAt(g, at);
      const members = each.map((spelt) => spelt.join('/'));
      const absent = each
        .filter((spelt) => !spelt.some((c) => countries.has(c)))
        .map((spelt) => spelt.join('/'));
      const isExporter = exporters.includes(g);
      if (absent.length === members.length && isExporter)
        issues.add(
          g.path,
          members.length === 0
            ? `expected members of ${quote(g.name)}${when}, found none (the group had no members${at === undefined ? '' : ` in ${at}`})`
            : `expected members of ${quote(g.name)} among the records' countries${when}, found none of ${listOf(members)}`,
        );
      else if (absent.length > 0)
        warnings.push({
          path: g.path,
          message: `expected every member of ${quote(g.name)} among the records' countries${when}, found none for ${absent.map((c) => quote(c)).join(', ')}: the group sums the ${members.length - absent.length} members present`,
        });
    }
  }
  issues.throwIfAny('country group without members in the records');

  const out = sumRows(t, exporters, partnerGroups, (g, i) => membersAt(g, yearOf(i)));
  checkFiniteRecords(out, 'sum by group');
  const inherited = (records as { warnings?: unknown }).warnings;
  return finish(out as unknown as R[], [
    ...(Array.isArray(inherited) ? (inherited as GvcIssue[]) : []),
    ...warnings,
  ]);
}

/** Dense ids of values in order of first appearance. */
function idsOf() {
  const map = new Map<unknown, number>();
  const values: unknown[] = [];
  const id = (v: unknown): number => {
    let k = map.get(v);
    if (k === undefined) {
      k = values.length;
      map.set(v, k);
      values.push(v);
    }
    return k;
  };
  return { id, values };
}

/**
 * Sums the records into one per group and (year, sector, partner), recomputing the ratios. Cells
 * are keyed by dense integer ids (years and sectors as first met; partner groups first, then
 * partners in country order), so that the numeric order of the keys is the output order.
 */
function sumRows(
  t: RecordTable,
  exporters: readonly Resolved[],
  partnerGroups: readonly Resolved[],
  membersAt: (g: Resolved, i: number) => Members,
): Record<string, unknown>[] {
  const { kind, keys, n, values } = t;
  const A = kind.additive.length;
  const years = idsOf();
  const sectors = idsOf();
  const partners = idsOf();
  const P = partnerGroups.length;
  if (t.partner) {
    for (const c of t.country) partners.id(c);
    for (const c of t.partner) partners.id(c);
  }
  const yearId = new Int32Array(n);
  const sectorId = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    yearId[i] = years.id(t.year?.[i]);
    sectorId[i] = sectors.id(t.sector?.[i]);
  }
  // The partner cells a record adds to: its partner groups, or its partner when in none.
  const targets = new Map<number, Map<string, number[]>>();
  const partnerTargets = (i: number): readonly number[] => {
    if (!t.partner) return [0];
    const partner = t.partner[i]!;
    let byPartner = targets.get(yearId[i]!);
    if (byPartner === undefined) {
      byPartner = new Map();
      targets.set(yearId[i]!, byPartner);
    }
    let into = byPartner.get(partner);
    if (into === undefined) {
      const found: number[] = [];
      partnerGroups.forEach((p, k) => {
        if (membersAt(p, i).all.has(partner)) found.push(k);
      });
      into = found.length > 0 ? found : [P + partners.id(partner)];
      byPartner.set(partner, into);
    }
    return into;
  };
  const S = sectors.values.length;
  const W = P + partners.values.length || 1;
  const out: Record<string, unknown>[] = [];
  for (const g of exporters) {
    const cells = new Map<number, Float64Array>();
    for (let i = 0; i < n; i++) {
      if (!membersAt(g, i).all.has(t.country[i]!)) continue;
      for (const to of partnerTargets(i)) {
        const key = (yearId[i]! * S + sectorId[i]!) * W + to;
        let c = cells.get(key);
        if (c === undefined) {
          c = new Float64Array(A);
          cells.set(key, c);
        }
        for (let k = 0; k < A; k++) c[k] = c[k]! + values[i * A + k]!;
      }
    }
    for (const key of [...cells.keys()].sort((a, b) => a - b)) {
      const c = cells.get(key)!;
      const to = key % W;
      const label = {
        year: years.values[Math.floor(key / W / S)],
        sector: sectors.values[Math.floor(key / W) % S],
        partner: to < P ? partnerGroups[to]!.name : partners.values[to - P],
      };
      const sums: Record<string, number> = {};
      kind.additive.forEach((f, k) => {
        sums[f] = c[k]!;
      });
      const derived = kind.recompute?.(sums) ?? {};
      const rec: Record<string, unknown> = {};
      for (const f of keys) {
        if (f === 'positionReason') continue;
        if (f === 'country') rec[f] = g.name;
        else if (f === 'year' || f === 'sector' || f === 'partner') rec[f] = label[f];
        else if (Object.hasOwn(sums, f)) rec[f] = sums[f];
        else rec[f] = derived[f];
        if (f === 'position' && derived.positionReason !== undefined)
          rec.positionReason = derived.positionReason;
      }
      out.push(rec);
    }
  }
  return out;
}
