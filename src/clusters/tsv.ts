import * as z from 'zod/mini';
import { IssueList, preview, quote, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { Source } from '../core/primitives.js';
import type { EndMarket } from './end-markets.js';
import {
  Cluster,
  type CollectiveActionKind,
  type ExternalEconomy,
  type InstitutionalSupportSource,
} from './model.js';
import { parseParams, take } from './schema-helpers.js';

/**
 * Options of {@link readClustersTsv}: `source`, a source to attach to every cluster read (for
 * example the publication the table comes from).
 *
 * @example
 * ```ts
 * ReadClustersTsvOptions.parse({ source: { citation: 'Kaplinsky (2015), Table 1' } });
 * //=> { source: { citation: 'Kaplinsky (2015), Table 1' } }
 * ```
 */
export const ReadClustersTsvOptions = z.strictObject({
  /** A source to attach to every cluster read (for example the publication the table comes from). */
  source: z.optional(Source),
});
/** Options of {@link readClustersTsv}. */
export type ReadClustersTsvOptions = z.input<typeof ReadClustersTsvOptions>;

const requiredColumns = [
  'country',
  'cluster',
  'end_market',
  'evidence_of_dynamism',
  'external_economies',
  'collective_action',
  'institutional_support',
] as const;
const optionalColumns = ['id', 'sector', 'origin'] as const;
type Column = (typeof requiredColumns)[number] | (typeof optionalColumns)[number];
const allColumns: readonly string[] = [...requiredColumns, ...optionalColumns];

/** The country names of Table 1 and their ISO 3166-1 alpha-3 codes. */
const countryCodes: ReadonlyMap<string, string> = new Map([
  ['egypt', 'EGY'],
  ['ethiopia', 'ETH'],
  ['ghana', 'GHA'],
  ['kenya', 'KEN'],
  ['nigeria', 'NGA'],
  ['mauritius', 'MUS'],
  ['south africa', 'ZAF'],
  ['tanzania', 'TZA'],
  ['uganda', 'UGA'],
]);

/** Sector keywords looked for (in this order) in a cluster's name when the file has no `sector` column. */
const sectorKeywords: ReadonlyArray<readonly [string, string]> = [
  ['footwear', 'leather footwear'],
  ['handloom', 'handloom weaving'],
  ['furniture', 'furniture'],
  ['metalwork', 'metalwork'],
  ['vehicle', 'vehicle repair'],
  ['auto parts', 'auto parts'],
  ['automotive', 'automotive'],
  ['garment', 'garments'],
  ['clothing', 'textiles and clothing'],
  ['textile', 'textiles and clothing'],
  ['nile perch', 'fish processing'],
  ['fish', 'fish processing'],
  ['cut flower', 'cut flowers'],
  ['computer', 'computer hardware'],
  ['wine', 'wine'],
  ['handcraft', 'handicrafts'],
];

/** Cell wordings and the values they stand for; `Map`s, so `constructor` or `toString` is just an unknown word. */
const endMarkets: ReadonlyMap<string, EndMarket> = new Map([
  ['local', 'local'],
  ['national', 'national'],
  ['regional', 'regional'],
  ['international', 'international'],
]);
const evidence: ReadonlyMap<string, 'growth' | 'upgrading'> = new Map([
  ['growth', 'growth'],
  ['upgrading', 'upgrading'],
]);
const externalEconomies: ReadonlyMap<string, ExternalEconomy> = new Map([
  ['labour supply', 'labour-supply'],
  ['labour-supply', 'labour-supply'],
  ['availability of suppliers', 'suppliers'],
  ['suppliers', 'suppliers'],
  ['customer attraction', 'customer-attraction'],
  ['customer-attraction', 'customer-attraction'],
  ['specialised service providers', 'specialised-services'],
  ['specialised-services', 'specialised-services'],
]);
const collectiveActions: ReadonlyMap<string, CollectiveActionKind> = new Map([
  ['learning', 'learning'],
  ['marketing', 'marketing'],
  ['logistics', 'logistics'],
]);
const supportSources: ReadonlyMap<string, InstitutionalSupportSource> = new Map([
  ['government', 'government'],
  ['cluster/sectoral', 'cluster-sectoral'],
  ['cluster-sectoral', 'cluster-sectoral'],
  ['external', 'external'],
]);

/** The model field each column fills, for locating schema issues. */
const columnOfField: ReadonlyMap<PropertyKey, Column> = new Map<PropertyKey, Column>([
  ['id', 'id'],
  ['name', 'cluster'],
  ['country', 'country'],
  ['sector', 'sector'],
  ['origin', 'origin'],
  ['endMarkets', 'end_market'],
  ['dynamism', 'evidence_of_dynamism'],
  ['externalEconomies', 'external_economies'],
  ['collectiveAction', 'collective_action'],
  ['institutionalSupport', 'institutional_support'],
]);

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The number of tab-separated fields of a line, without splitting it. */
function fieldCount(content: string): number {
  let n = 1;
  for (let i = content.indexOf('\t'); i !== -1; i = content.indexOf('\t', i + 1)) n++;
  return n;
}

function at(line: number, column?: string): string {
  return column === undefined ? `line ${line}` : `line ${line}, column ${column}`;
}

/** Splits a `;`-separated cell into known values; `none` alone means an empty list. */
function multi<T>(
  cell: string,
  known: ReadonlyMap<string, T>,
  where: string,
  issues: IssueList,
): T[] | undefined {
  const expected = () => `${[...known.keys()].map((k) => `"${k}"`).join(', ')} separated by ";", or "none"`;
  if (cell === '') {
    issues.add(where, `expected ${expected()}, found an empty cell`);
    return undefined;
  }
  if (cell.toLowerCase() === 'none') return [];
  const out: T[] = [];
  let ok = true;
  for (const raw of cell.split(';')) {
    const item = raw.trim().toLowerCase();
    const value = known.get(item);
    if (value === undefined) {
      ok = false;
      issues.add(
        where,
        item === 'none'
          ? `expected "none" alone, found it among other values in ${quote(cell)}`
          : `expected ${expected()}, found ${quote(raw.trim())}`,
      );
    } else if (out.includes(value)) {
      ok = false;
      issues.add(where, `expected each value once, found ${quote(raw.trim())} again`);
    } else out.push(value);
  }
  return ok ? out : undefined;
}

/**
 * Reads clusters from a tab-separated table in the layout of Table 1 of Kaplinsky (2015) (after
 * Kaplinsky & Morris 2014a), as transcribed in `african-clusters-table1.tsv`, and validates them.
 *
 * The first line names the columns: `country`, `cluster` (the name), `end_market`,
 * `evidence_of_dynamism`, `external_economies`, `collective_action` and `institutional_support`,
 * in any order, and optionally `id`, `sector` and `origin`. Multi-valued cells are `;`-separated;
 * `none` means an empty list. Values are matched without regard to case and may be the printed
 * wording (`labour supply`, `availability of suppliers`, `customer attraction`, `specialised service
 * providers`, `cluster/sectoral`) or the model's values (`labour-supply`, `cluster-sectoral`). The
 * country may be a name of Table 1 (Egypt, Ethiopia, Ghana, Kenya, Nigeria, Mauritius, South Africa,
 * Tanzania, Uganda) or an ISO 3166-1 alpha-3 code. Blank lines are skipped.
 *
 * Without an `id` column (or where its cell is empty) the id is the lower-case country code and the
 * slug of the name (`Dormiatt Furniture (Domestic)` in Egypt → `egy-dormiatt-furniture-domestic`).
 * Without a `sector` column (or where its cell is empty) the sector is derived from the first of
 * these keywords found in the name: footwear → `leather footwear`, handloom → `handloom weaving`,
 * furniture, metalwork, vehicle → `vehicle repair`, auto parts, automotive, garment → `garments`,
 * clothing or textile → `textiles and clothing`, nile perch or fish → `fish processing`, cut flower →
 * `cut flowers`, computer → `computer hardware`, wine, handcraft → `handicrafts`; a name with none of
 * them is an error that asks for a `sector` column.
 *
 * Built-in property names (`constructor`, `toString`, `__proto__`) in a cell are unknown words like
 * any other. The work is linear in the length of the text: a header with more columns than the ten
 * known ones is refused before any row is read, and a row is never split into more fields than the
 * header has plus one, so a line of a million tabs allocates no million-element array.
 *
 * @param text - the file's content (LF or CRLF line ends)
 * @param options - `source` to attach to every cluster; `undefined` or `null` for none
 * @returns the clusters, in file order, each validated as a {@link Cluster}, deeply frozen
 * @throws GvcError `INVALID_INPUT` when `text` is not a string (`text`) or the options are invalid
 * (`options.source.citation`); otherwise listing every problem of the file, each located by line and
 * column, relative to the document (`line 4, column end_market: expected "local", "national",
 * "regional", "international" separated by ";", or "none", found "nationl"`), including duplicate ids
 * and duplicate values in a cell
 * @example
 * ```ts
 * const tsv = [
 *   ['country', 'cluster', 'end_market', 'evidence_of_dynamism', 'external_economies', 'collective_action',
 *     'institutional_support'].join('\t'),
 *   'Kenya\tNgong Furniture\tlocal\tgrowth\tlabour supply;availability of suppliers\tnone\tnone',
 * ].join('\n');
 * readClustersTsv(tsv)[0];
 * //=> { id: 'ken-ngong-furniture', name: 'Ngong Furniture', country: 'KEN', sector: 'furniture',
 * //     endMarkets: ['local'], dynamism: { growth: true, upgrading: false },
 * //     externalEconomies: ['labour-supply', 'suppliers'], collectiveAction: [], institutionalSupport: [] }
 * ```
 */
export function readClustersTsv(text: string, options: ReadClustersTsvOptions | null = {}): Cluster[] {
  const summary = 'invalid clusters table';
  const issues = new IssueList();
  if (typeof text !== 'string') {
    issues.add('text', `expected the text of a tab-separated file, found ${preview(text)}`);
  }
  const o = take(safeValidate(ReadClustersTsvOptions, options ?? {}, 'options', summary), issues);
  issues.throwIfAny(summary);
  if (o === undefined) throw new GvcError('INVALID_INPUT', summary);
  const source = o.source;

  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  if (header.length === 1 && header[0] === '') {
    issues.add(at(1), `expected a header line naming the columns ${requiredColumns.join(', ')}, found none`);
    issues.throwIfAny(summary);
  }
  // Every column name must be known and appear once, so a valid header has at most
  // allColumns.length columns: a longer one is refused here, before any row is read.
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!allColumns.includes(name)) {
      issues.add(
        at(1, name === '' || name.length > 40 || /[^\w .-]/.test(name) ? `${i + 1}` : name),
        `expected one of the columns ${allColumns.join(', ')}, found ${quote(name)}`,
      );
    } else if (index.has(name)) {
      issues.add(at(1, name), `expected each column once, found "${name}" again`);
    } else index.set(name, i);
  });
  for (const name of requiredColumns) {
    if (!index.has(name)) issues.add(at(1), `expected a column "${name}", found none`);
  }
  issues.throwIfAny(summary);

  const built: Array<{ line: number; cluster: Record<string, unknown>; sectorDerived: boolean }> = [];
  for (let k = 1; k < lines.length; k++) {
    const line = k + 1;
    const content = lines[k] as string;
    if (content.trim() === '') continue;
    // At most one field more than the header is split off, so a line of a million tabs costs no array.
    const cells = content.split('\t', header.length + 1);
    if (cells.length !== header.length) {
      issues.add(at(line), `expected ${header.length} tab-separated fields, found ${fieldCount(content)}`);
      continue;
    }
    const cell = (name: Column): string | undefined => {
      const i = index.get(name);
      return i === undefined ? undefined : (cells[i] ?? '').trim();
    };
    const before = issues.size;
    const name = cell('cluster') ?? '';
    const countryCell = cell('country') ?? '';
    const country =
      countryCodes.get(countryCell.toLowerCase()) ??
      (/^[A-Z]{3}$/.test(countryCell) ? countryCell : undefined);
    if (country === undefined) {
      issues.add(
        at(line, 'country'),
        `expected an ISO 3166-1 alpha-3 code or one of the country names ${[...countryCodes.keys()].join(', ')}, found ${quote(countryCell)}`,
      );
    }
    const ends = multi(cell('end_market') ?? '', endMarkets, at(line, 'end_market'), issues);
    const dyn = multi(cell('evidence_of_dynamism') ?? '', evidence, at(line, 'evidence_of_dynamism'), issues);
    const ext = multi(
      cell('external_economies') ?? '',
      externalEconomies,
      at(line, 'external_economies'),
      issues,
    );
    const act = multi(
      cell('collective_action') ?? '',
      collectiveActions,
      at(line, 'collective_action'),
      issues,
    );
    const sup = multi(
      cell('institutional_support') ?? '',
      supportSources,
      at(line, 'institutional_support'),
      issues,
    );
    let sector = cell('sector') || undefined;
    const sectorDerived = sector === undefined;
    if (sector === undefined) {
      const lower = name.toLowerCase();
      sector = sectorKeywords.find(([keyword]) => lower.includes(keyword))?.[1];
      if (sector === undefined && name !== '') {
        issues.add(
          at(line, 'cluster'),
          `expected a name from which a sector can be derived, found ${quote(name)}; add a sector column`,
        );
      }
    }
    if (issues.size > before) continue;
    const cluster: Record<string, unknown> = {
      id: cell('id') || `${String(country).toLowerCase()}-${slug(name)}`,
      name,
      country,
      sector,
    };
    const origin = cell('origin');
    if (origin !== undefined && origin !== '') cluster.origin = origin;
    Object.assign(cluster, {
      endMarkets: ends,
      dynamism: { growth: dyn?.includes('growth') ?? false, upgrading: dyn?.includes('upgrading') ?? false },
      externalEconomies: ext,
      collectiveAction: act,
      institutionalSupport: sup,
    });
    if (source !== undefined) cluster.source = source;
    built.push({ line, cluster, sectorDerived });
  }

  const clusters: Cluster[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, cluster, sectorDerived } of built) {
    const parsed = Cluster.safeParse(cluster, parseParams);
    if (parsed.success) clusters.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] ?? '';
        const column = field === 'sector' && sectorDerived ? 'cluster' : columnOfField.get(field);
        issues.add(at(line, column), issue.message);
      }
    }
    const id = String(cluster.id);
    const first = firstLine.get(id);
    if (first === undefined) firstLine.set(id, line);
    else {
      issues.add(
        at(line, index.has('id') ? 'id' : 'cluster'),
        `expected unique cluster ids, found ${quote(id)} again (first on line ${first})`,
      );
    }
  }
  issues.throwIfAny(summary);
  return deepFreeze(clusters);
}
