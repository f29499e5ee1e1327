import { GvcError, type GvcIssue } from '../core/errors.js';
import { fromZodIssues } from '../core/issues.js';
import { Source } from '../core/primitives.js';
import {
  Cluster,
  type CollectiveActionKind,
  type EndMarket,
  type ExternalEconomy,
  type InstitutionalSupportSource,
} from './model.js';
import { duplicateIssues, parseParams } from './schema-helpers.js';

/** Options of {@link readClustersTsv}. */
export interface ReadClustersTsvOptions {
  /** A source to attach to every cluster read (for example the publication the table comes from). */
  source?: Source;
}

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
const countryCodes: Readonly<Record<string, string>> = {
  egypt: 'EGY',
  ethiopia: 'ETH',
  ghana: 'GHA',
  kenya: 'KEN',
  nigeria: 'NGA',
  mauritius: 'MUS',
  'south africa': 'ZAF',
  tanzania: 'TZA',
  uganda: 'UGA',
};

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

const endMarkets: Readonly<Record<string, EndMarket>> = {
  local: 'local',
  national: 'national',
  regional: 'regional',
  international: 'international',
};
const evidence: Readonly<Record<string, 'growth' | 'upgrading'>> = {
  growth: 'growth',
  upgrading: 'upgrading',
};
const externalEconomies: Readonly<Record<string, ExternalEconomy>> = {
  'labour supply': 'labour-supply',
  'labour-supply': 'labour-supply',
  'availability of suppliers': 'suppliers',
  suppliers: 'suppliers',
  'customer attraction': 'customer-attraction',
  'customer-attraction': 'customer-attraction',
  'specialised service providers': 'specialised-services',
  'specialised-services': 'specialised-services',
};
const collectiveActions: Readonly<Record<string, CollectiveActionKind>> = {
  learning: 'learning',
  marketing: 'marketing',
  logistics: 'logistics',
};
const supportSources: Readonly<Record<string, InstitutionalSupportSource>> = {
  government: 'government',
  'cluster/sectoral': 'cluster-sectoral',
  'cluster-sectoral': 'cluster-sectoral',
  external: 'external',
};

/** The model field each column fills, for locating schema issues. */
const columnOfField: Readonly<Record<string, Column>> = {
  id: 'id',
  name: 'cluster',
  country: 'country',
  sector: 'sector',
  origin: 'origin',
  endMarkets: 'end_market',
  dynamism: 'evidence_of_dynamism',
  externalEconomies: 'external_economies',
  collectiveAction: 'collective_action',
  institutionalSupport: 'institutional_support',
};

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function at(line: number, column?: string): string {
  return column === undefined ? `line ${line}` : `line ${line}, column ${column}`;
}

/** Splits a `;`-separated cell into known values; `none` alone means an empty list. */
function multi<T>(
  cell: string,
  known: Readonly<Record<string, T>>,
  where: string,
  issues: GvcIssue[],
): T[] | undefined {
  const expected = `${Object.keys(known)
    .map((k) => `"${k}"`)
    .join(', ')} separated by ";", or "none"`;
  if (cell === '') {
    issues.push({ path: where, message: `expected ${expected}, found an empty cell` });
    return undefined;
  }
  if (cell.toLowerCase() === 'none') return [];
  const out: T[] = [];
  let ok = true;
  for (const raw of cell.split(';')) {
    const item = raw.trim().toLowerCase();
    const value = known[item];
    if (value === undefined) {
      ok = false;
      issues.push({
        path: where,
        message:
          item === 'none'
            ? `expected "none" alone, found it among other values in ${JSON.stringify(cell)}`
            : `expected ${expected}, found ${JSON.stringify(raw.trim())}`,
      });
    } else if (out.includes(value)) {
      ok = false;
      issues.push({
        path: where,
        message: `expected each value once, found ${JSON.stringify(raw.trim())} again`,
      });
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
 * @param text - the file's content (LF or CRLF line ends)
 * @param options - `source` to attach to every cluster
 * @returns the clusters, in file order, each validated as a {@link Cluster}
 * @throws GvcError `INVALID_INPUT` listing every problem, each located by line and column
 * (`line 4, column end_market: expected "local", "national", "regional", "international" separated by
 * ";", or "none", found "nationl"`), including duplicate ids and duplicate values in a cell
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
export function readClustersTsv(text: string, options: ReadClustersTsvOptions = {}): Cluster[] {
  const issues: GvcIssue[] = [];
  if (typeof text !== 'string') {
    throw new GvcError('INVALID_INPUT', 'invalid clusters table', [
      { path: '', message: `expected the text of a tab-separated file, found ${typeof text}` },
    ]);
  }
  let source: Source | undefined;
  if (options.source !== undefined) {
    const parsed = Source.safeParse(options.source, parseParams);
    if (parsed.success) source = parsed.data;
    else {
      for (const i of fromZodIssues(parsed.error.issues)) {
        issues.push({
          path: i.path === '' ? 'options.source' : `options.source.${i.path}`,
          message: i.message,
        });
      }
    }
  }
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  if (header.length === 1 && header[0] === '') {
    throw new GvcError('INVALID_INPUT', 'invalid clusters table', [
      {
        path: at(1),
        message: `expected a header line naming the columns ${requiredColumns.join(', ')}, found none`,
      },
    ]);
  }
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!allColumns.includes(name)) {
      issues.push({
        path: at(1, name === '' ? `${i + 1}` : name),
        message: `expected one of the columns ${allColumns.join(', ')}, found ${JSON.stringify(name)}`,
      });
    } else if (index.has(name)) {
      issues.push({ path: at(1, name), message: `expected each column once, found "${name}" again` });
    } else index.set(name, i);
  });
  for (const name of requiredColumns) {
    if (!index.has(name)) issues.push({ path: at(1), message: `expected a column "${name}", found none` });
  }
  if (issues.length > 0) throw new GvcError('INVALID_INPUT', 'invalid clusters table', issues);

  const built: Array<{ line: number; cluster: Record<string, unknown>; sectorDerived: boolean }> = [];
  lines.slice(1).forEach((content, k) => {
    const line = k + 2;
    if (content.trim() === '') return;
    const cells = content.split('\t');
    if (cells.length !== header.length) {
      issues.push({
        path: at(line),
        message: `expected ${header.length} tab-separated fields, found ${cells.length}`,
      });
      return;
    }
    const cell = (name: Column): string | undefined => {
      const i = index.get(name);
      return i === undefined ? undefined : (cells[i] ?? '').trim();
    };
    const before = issues.length;
    const name = cell('cluster') ?? '';
    const countryCell = cell('country') ?? '';
    const country =
      countryCodes[countryCell.toLowerCase()] ?? (/^[A-Z]{3}$/.test(countryCell) ? countryCell : undefined);
    if (country === undefined) {
      issues.push({
        path: at(line, 'country'),
        message: `expected an ISO 3166-1 alpha-3 code or one of the country names ${Object.keys(countryCodes).join(', ')}, found ${JSON.stringify(countryCell)}`,
      });
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
        issues.push({
          path: at(line, 'cluster'),
          message: `expected a name from which a sector can be derived, found ${JSON.stringify(name)}; add a sector column`,
        });
      }
    }
    if (issues.length > before) return;
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
  });

  const clusters: Cluster[] = [];
  for (const { line, cluster, sectorDerived } of built) {
    const parsed = Cluster.safeParse(cluster, parseParams);
    if (parsed.success) {
      clusters.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const column = field === 'sector' && sectorDerived ? 'cluster' : columnOfField[field];
      issues.push({ path: at(line, column), message: issue.message });
    }
  }
  for (const d of duplicateIssues(
    built,
    (b) => String(b.cluster.id),
    (id, first) => `expected unique cluster ids, found "${id}" again (first on line ${built[first]?.line})`,
  )) {
    const line = built[Number(d.path[0])]?.line ?? 0;
    issues.push({ path: at(line, index.has('id') ? 'id' : 'cluster'), message: d.message });
  }
  if (issues.length > 0) throw new GvcError('INVALID_INPUT', 'invalid clusters table', issues);
  return clusters;
}
