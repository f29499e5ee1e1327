import { IssueList, quote } from '../../core/boundary.js';
import { checkOrder, MAX_MATRIX_ENTRIES } from '../kernels/limits.js';
import type { ReadProblems } from './problems.js';

/**
 * The final-demand category codes of the OECD ICIO editions: 2023 and 2021 `HFCE, NPISH, GGFC,
 * GFCF, INVNT, DPABR`; 2018 `…, P33`; 2016 `…, GGCF, DIRPA` (and the short `NPS`, `INV`, `DIRP`
 * seen in extracts); `NONRES` and `FD` of older files.
 *
 * @internal
 */
export const OECD_FINAL_DEMAND = [
  'HFCE',
  'NPISH',
  'NPS',
  'GGFC',
  'GGCF',
  'GFCF',
  'INVNT',
  'INV',
  'DPABR',
  'DIRPA',
  'DIRP',
  'P33',
  'NONRES',
  'FD',
] as const;

/** @internal */
export const TOTAL_COLUMN = new Set(['OUT', 'TOTAL', 'OUTPUT']);
/** @internal */
export const OUTPUT_ROW = new Set(['OUT', 'OUTPUT', 'TOTAL']);
/** @internal */
export const VALUE_ADDED_ROW = new Set(['VA', 'VALU', 'VA+TAXSUB']);
/** @internal */
export const TAX_ROW = /^(TLS|TAXSUB|[A-Z0-9]{2,4}_TAXSUB|TAXSUB_[A-Z0-9]{2,4})$/;
/** OECD's split blocks: China `CN1`…`CN4` into `CHN`, Mexico `MX1`…`MX3` into `MEX`. */
export const parentOf = (c: string) => (/^CN\d$/.test(c) ? 'CHN' : /^MX\d$/.test(c) ? 'MEX' : undefined);

/** Column kinds. @internal */
export const SKIP = 0;
/** @internal */
export const INDUSTRY = 1;
/** @internal */
export const FINAL = 2;
/** @internal */
export const TOTAL = 3;
/** @internal */
export const DISC = 4;

/** How {@link IcioTextParser} reads. */
export interface ParserOptions {
  problems: ReadProblems;
  delimiter: string;
  decimal: '.' | ',';
  /** Final-demand category codes (`CCC_HFCE`, or `HFCE_CCC` in the 2016 component-major order). */
  finalDemand: ReadonlySet<string>;
  /** Keep `CN1`, `CN2`, `MX1`, … as countries instead of summing them into `CHN` and `MEX`. */
  keepSplit: boolean;
  /** Relative tolerance of the comparison of the output row with the output column. */
  tolerance: number;
  /** Called with the order n before the n×n matrix is allocated; false refuses (it records why). */
  beforeAllocate?: (n: number) => boolean;
}

/** What the header says: the table's countries and sectors, and where each field goes. @internal */
export interface HeaderPlan {
  countries: string[];
  sectors: string[];
  categories: string[];
  /** Per field: its kind and its target (industry column j, or final-demand column d·F + f). */
  kind: Uint8Array;
  target: Int32Array;
  /** Per industry column of the table: the field of the first file column summed into it. */
  firstField: Int32Array;
  /** The file's country–sector rows, and the table row each is summed into. */
  fileRows: string[];
  rowTo: Int32Array;
  merged: Record<string, string[]>;
  componentMajor: boolean;
  totalLabel?: string;
  hasTotal: boolean;
  hasDisc: boolean;
}

/**
 * Classifies the header's fields (`h`, unquoted) and plans the table: problems go to
 * `o.problems`, and undefined is returned when the table cannot be read.
 *
 * @internal
 */
export function planHeader(h: readonly string[], lineNo: number, o: ParserOptions): HeaderPlan | undefined {
  const p = o.problems;
  const fd = o.finalDemand;
  const blocks: string[] = [];
  const blockSectors = new Map<string, string[]>();
  const cols: { kind: number; a: string; b: string }[] = [];
  let totalLabel: string | undefined;
  let componentMajor = false;
  for (let k = 1; k < h.length; k++) {
    const label = h[k]!;
    const up = label.toUpperCase();
    const us = label.indexOf('_');
    const a = us > 0 ? label.slice(0, us) : '';
    const b = us > 0 ? label.slice(us + 1) : '';
    if (TOTAL_COLUMN.has(up)) {
      cols.push({ kind: TOTAL, a: '', b: '' });
      totalLabel ??= up;
    } else if (up === 'DISC') cols.push({ kind: DISC, a: '', b: '' });
    else if (us > 0 && fd.has(b)) cols.push({ kind: FINAL, a, b });
    else if (us > 0 && fd.has(a)) {
      cols.push({ kind: FINAL, a: b, b: a });
      componentMajor = true;
    } else if (us > 0) {
      cols.push({ kind: INDUSTRY, a, b });
      let s = blockSectors.get(a);
      if (!s) {
        s = [];
        blockSectors.set(a, s);
        blocks.push(a);
      }
      s.push(b);
    } else {
      p.add(lineNo, k + 1, `expected CCC_SECTOR, CCC_<final demand> or OUT, found ${quote(label)}`);
      cols.push({ kind: SKIP, a: '', b: '' });
    }
  }
  const first = blocks[0];
  if (first === undefined) {
    p.add(lineNo, undefined, 'expected industry columns labelled CCC_SECTOR, found none');
    return undefined;
  }
  const sectors = blockSectors.get(first)!;
  const N = sectors.length;
  const nFile = blocks.length * N;
  const industry = cols.filter((c) => c.kind === INDUSTRY);
  if (
    industry.length !== nFile ||
    new Set(industry.map((c) => `${c.a}_${c.b}`)).size !== nFile ||
    industry.some((c, j) => c.a !== blocks[Math.floor(j / N)] || c.b !== sectors[j % N])
  ) {
    const shown = sectors.slice(0, 10).map(quote).join(', ') + (N > 10 ? `, … (${N} sectors)` : '');
    p.add(
      lineNo,
      undefined,
      `expected every country to have the sectors of ${quote(first)} (${shown}) once each, in the same order, found ${industry.length} industry columns for ${blocks.length} countries`,
    );
  }
  // Countries of the table: the split blocks summed into their parent (at the parent's place, or
  // at the first block's when the file has no parent block), or kept as they are.
  const countries: string[] = [];
  const merged: Record<string, string[]> = {};
  for (const b of blocks) {
    const parent = o.keepSplit ? undefined : parentOf(b);
    const name = parent ?? b;
    if (!countries.includes(name)) countries.push(name);
    if (parent) merged[parent] = [...(merged[parent] ?? []), b];
  }
  // Final demand of a country without industry columns of its own: OECD's CHN_HFCE when the
  // split blocks are kept (a country with no industries, placed before its first block), else a
  // problem.
  const categories: string[] = [];
  cols.forEach((c, k) => {
    if (c.kind !== FINAL) return;
    if (!categories.includes(c.b)) categories.push(c.b);
    if (countries.includes(c.a)) return;
    const split = blocks.find((b) => parentOf(b) === c.a);
    if (split !== undefined && o.keepSplit) countries.splice(countries.indexOf(split), 0, c.a);
    else {
      p.add(
        lineNo,
        k + 2,
        `expected final demand of a country with industry columns, found ${quote(h[k + 1]!)}`,
      );
      c.kind = SKIP;
    }
  });
  const countryOf = (b: string) => countries.indexOf(o.keepSplit ? b : (parentOf(b) ?? b));
  const G = countries.length;
  const n = G * N;
  const issues = new IssueList();
  if (!checkOrder(issues, p.at(lineNo), n, `${G} countries × ${N} sectors`)) {
    for (const i of issues.issues()) p.addPath(i.path, i.message);
  }
  const F = Math.max(1, categories.length);
  if (p.size === 0 && n * G * F > MAX_MATRIX_ENTRIES) {
    p.add(
      lineNo,
      undefined,
      `expected at most ${MAX_MATRIX_ENTRIES} final-demand entries (rows × countries × categories), found ${n} × ${G} × ${F}`,
    );
  }
  if (p.size > 0) return undefined;
  if (o.beforeAllocate && !o.beforeAllocate(nFile)) return undefined;
  const kind = new Uint8Array(h.length);
  const target = new Int32Array(h.length);
  const firstField = new Int32Array(n).fill(-1);
  cols.forEach((c, k) => {
    const f = k + 1;
    kind[f] = c.kind;
    if (c.kind === INDUSTRY) {
      const j = countryOf(c.a) * N + sectors.indexOf(c.b);
      target[f] = j;
      if (firstField[j] === -1) firstField[j] = f + 1;
    } else if (c.kind === FINAL) target[f] = countries.indexOf(c.a) * F + categories.indexOf(c.b);
  });
  const fileRows = industry.map((c) => `${c.a}_${c.b}`);
  const rowTo = new Int32Array(nFile);
  for (let r = 0; r < nFile; r++) rowTo[r] = countryOf(blocks[Math.floor(r / N)]!) * N + (r % N);
  return {
    countries,
    sectors,
    categories,
    kind,
    target,
    firstField,
    fileRows,
    rowTo,
    merged,
    componentMajor,
    ...(totalLabel ? { totalLabel } : {}),
    hasTotal: cols.some((c) => c.kind === TOTAL),
    hasDisc: cols.some((c) => c.kind === DISC),
  };
}
