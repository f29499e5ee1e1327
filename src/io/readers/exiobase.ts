import * as z from 'zod/mini';
import { validate, validateOptions } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';
import { quote } from '../../core/preview.js';
import { nodeBuiltin } from '../../core/runtime.js';
import type { Icio } from '../types.js';
import { assembleExiobase, type Collected, type Role } from './exiobase-assemble.js';
import { matrixSink } from './exiobase-matrix.js';
import { type ByteSink, type FileContext, lineSink, textTableSink } from './exiobase-parse.js';
import { describeLayout } from './layouts.js';
import { readerOptionsShape } from './options.js';
import { ReadProblems } from './problems.js';
import { byteChunks, fileSystemModule, isPathSource, sourceName, TableSource } from './source.js';
import { listZip, streamZip } from './zip.js';

/**
 * Options of {@link readExiobase}: those of every reader (`fileName`, `delimiter` — a tab by
 * default —, `decimal`, `tolerance`) and
 * - `satellite`: the extension folder read into `meta.satellite` — `satellite` by default (the
 *   folder of the 3.4–3.8 archives; newer ones have `air_emissions`, `employment`,
 *   `factor_inputs`, …); `false` reads none;
 * - `year`, `edition`: the table's year and the release's version (`3.8.2`); by default taken from
 *   the archive's `metadata.json` and from its name (`IOT_2011_pxp.zip`);
 * - `negativeZ`: what to do with negative entries of `Z` (EXIOBASE has a few tiny ones):
 *   `'clip'` (default) sets them to 0 and adds one warning to the table's `warnings`; `'error'`
 *   reports each one.
 *
 * @example
 * ```ts
 * ExiobaseOptions.parse({ satellite: false, year: 2011 });
 * //=> { satellite: false, year: 2011 }
 * ```
 */
export const ExiobaseOptions = z.strictObject({
  ...readerOptionsShape,
  satellite: z.optional(
    z.union([
      z.literal(false),
      z.string().check(
        z.regex(/^(?!\.\.?$)[\w .-]+$/, {
          error: 'expected the name of a folder of the archive, such as "satellite"',
        }),
      ),
    ]),
  ),
  year: z.optional(z.int().check(z.gte(1900), z.lte(2100))),
  edition: z.optional(z.string().check(z.minLength(1))),
  negativeZ: z.optional(z.enum(['clip', 'error'])),
});
/** Options of {@link readExiobase}; see {@link ExiobaseOptions}. */
export type ExiobaseOptions = z.input<typeof ExiobaseOptions>;

/**
 * The files of an EXIOBASE 3 table passed one by one: `Z` (or `A` with `x`, then Z = A·diag(x)),
 * `Y`, and optionally `x`, the satellite's `F`, `F_Y` and `unit` (its `unit.txt`: stressor units).
 *
 * @example
 * ```ts
 * ExiobaseFiles.safeParse({ Z: 'Z.txt', Y: 'Y.txt' }).success;
 * //=> true
 * ```
 */
export const ExiobaseFiles = z.strictObject({
  Z: z.optional(TableSource),
  A: z.optional(TableSource),
  Y: TableSource,
  x: z.optional(TableSource),
  F: z.optional(TableSource),
  F_Y: z.optional(TableSource),
  unit: z.optional(TableSource),
});
/** The files of an EXIOBASE 3 table; see {@link ExiobaseFiles}. */
export type ExiobaseFiles = z.input<typeof ExiobaseFiles>;

const WHAT = 'invalid EXIOBASE 3 table';

/**
 * Reads a monetary EXIOBASE 3 input–output table — product by product (`IOT_2011_pxp.zip`, 200
 * products) or industry by industry (`IOT_2011_ixi.zip`, 163 industries), 44 countries and 5
 * rest-of-the-world regions — into an {@link Icio} in M.EUR (Stadler et al. 2018, "EXIOBASE 3:
 * Developing a time series of detailed environmentally extended multi-regional input–output
 * tables", Journal of Industrial Ecology 22(3), 502–515; files from Stadler et al., EXIOBASE 3,
 * version 3.8.2, Zenodo 2021, doi:10.5281/zenodo.5589597; layout as read by pymrio's `parse_exiobase3`).
 *
 * The archive holds tab-separated text files: `Z.txt` and `A.txt` (two header rows, `region` and
 * `sector`, two index columns), `Y.txt` (header rows `region` and `category`: seven final-demand
 * categories per region, households first and exports last), `x.txt` (`region`, `sector`,
 * `indout`), `unit.txt`, and the satellite accounts in `satellite/` (`F.txt`, `F_Y.txt` — `F_hh.txt`
 * in old archives —, `unit.txt`; one index column, the stressor). Entries are inflated as they
 * stream in (fflate) and parsed from their bytes, so a 553 MB `Z.txt` is never held as text and
 * its numbers go straight into the n×n matrix, which the table then keeps without a copy (a
 * 9,800-row table reads in about 5 s of CPU time — 11 s from the zip — with a peak about 1.1× the
 * matrices returned). `A.txt` is read only when the archive has no `Z.txt` (old 3.4–3.7 archives;
 * then Z = A·diag(x), which needs `x.txt`), which is known before streaming for a path or bytes
 * but not for a stream. EXIOBASE's Z has a few tiny negative flows: they are set to 0 with one
 * warning (see `negativeZ` in {@link ExiobaseOptions}).
 *
 * What it returns: countries are the region codes (`AT`, …, `WA`–`WM`), sectors the product or
 * industry names; `Y` sums the seven categories, which `meta.finalDemand` keeps (country-major,
 * names as in the file); gross output is `x.txt` (checked against the row sums), value added is
 * x − column sums of Z; the value-added rows of the satellite `F` (taxes less subsidies on
 * products, other net taxes on production, compensation of employees, operating surplus) are kept
 * in `meta.valueAdded`; `meta.satellite` holds every stressor with its unit, `F` (k×n) and `FY`
 * (k×(G·7)).
 *
 * @param source - the zip archive (a path, bytes or a stream), the path of the extracted folder,
 *   or the files one by one ({@link ExiobaseFiles})
 * @param options - see {@link ExiobaseOptions}
 * @returns the table, deeply frozen, with `meta` (release `EXIOBASE 3`, edition, year, unit
 *   `M.EUR`, final demand, value added, satellite) and, when negative flows were set to 0, one
 *   warning in `warnings`
 * @throws {GvcError} `INVALID_INPUT` listing every problem at `FILE:LINE:COLUMN` (a file of the
 *   wrong layout is one problem saying which layout it looks like; a missing file names the files
 *   found); `NOT_FOUND` for a path with nothing there; `UNSUPPORTED` for a path where there is no file
 *   system (a browser: pass the archive as a Blob/File, bytes or a stream)
 * @example
 * ```ts
 * const t = await readExiobase({
 *   Z: { text: 'region\t\tAT\tAT\nsector\t\tfood\tsteel\nAT\tfood\t1\t2\nAT\tsteel\t3\t4\n' },
 *   Y: { text: 'region\t\tAT\ncategory\t\tFinal consumption expenditure by households\nAT\tfood\t7\nAT\tsteel\t3\n' },
 * });
 * [t.countries, t.sectors, Array.from(t.x), Array.from(t.va)];
 * //=> [['AT'], ['food', 'steel'], [10, 10], [6, 4]]
 * ```
 */
export async function readExiobase(
  source: TableSource | ExiobaseFiles,
  options?: ExiobaseOptions,
): Promise<Icio> {
  const opts = validateOptions(ExiobaseOptions, options);
  if ((opts.delimiter ?? '\t') === (opts.decimal ?? '.')) {
    throw new GvcError('INVALID_INPUT', 'invalid options', [
      {
        path: 'options.decimal',
        message: `expected a decimal mark other than the delimiter, found ${quote(opts.decimal ?? '.')}`,
      },
    ]);
  }
  const sat = opts.satellite === undefined ? 'satellite' : opts.satellite;
  const single = TableSource.safeParse(source);
  const name = opts.fileName ?? (single.success ? sourceName(single.data) : filesName(source));
  const problems = new ReadProblems(name, WHAT);
  const collected: Collected = { found: [] };
  const ctxOf = (file: string): FileContext => ({
    name: file,
    problems,
    delimiter: opts.delimiter ?? '\t',
    decimal: opts.decimal ?? '.',
  });
  const sinkFor = (role: Role, file: string): ByteSink =>
    makeSink(collected, role, ctxOf(file), opts.negativeZ);
  if (!single.success) {
    const files = validate(ExiobaseFiles, source, 'source', 'invalid EXIOBASE 3 source');
    if (files.Z === undefined && files.A === undefined) {
      throw new GvcError('INVALID_INPUT', 'invalid EXIOBASE 3 source', [
        { path: 'source.Z', message: 'expected Z (or A with x), found neither' },
      ]);
    }
    for (const key of ['Z', 'A', 'Y', 'x', 'F', 'F_Y', 'unit'] as const) {
      const src = files[key];
      if (src === undefined || (key === 'A' && files.Z !== undefined)) continue;
      const base = sourceName(src);
      const file = base === 'input' || base === 'text' ? `${key}.txt` : base;
      collected.found.push(file);
      await pump(src, sinkFor(key === 'unit' ? 'anyUnit' : key, file));
    }
  } else if (isPathSource(single.data) && (await isFolder(single.data))) {
    await readFolder(single.data, name, sat, collected, sinkFor);
  } else {
    await readArchive(single.data, name, sat, collected, sinkFor, problems);
  }
  return assembleExiobase(collected, problems, opts, name);
}

function makeSink(
  collected: Collected,
  role: Role,
  ctx: FileContext,
  negativeZ?: 'clip' | 'error',
): ByteSink {
  switch (role) {
    case 'Z':
    case 'A': {
      const { sink, file } = matrixSink(ctx, {
        headers: ['region', 'sector'],
        indexCols: 2,
        square: true,
        negatives: role === 'Z' ? (negativeZ ?? 'clip') : 'clip',
      });
      collected[role] = { ctx, file };
      return sink;
    }
    case 'Y':
    case 'F_Y': {
      const { sink, file } = matrixSink(ctx, {
        headers: ['region', 'category'],
        indexCols: role === 'Y' ? 2 : 'auto',
      });
      collected[role] = { ctx, file };
      return sink;
    }
    case 'F': {
      const { sink, file } = matrixSink(ctx, { headers: ['region', 'sector'], indexCols: 'auto' });
      collected.F = { ctx, file };
      return sink;
    }
    case 'meta': {
      let text = '';
      return lineSink((line) => {
        text += `${line}\n`;
        collected.meta = text;
        return text.length < 1 << 20;
      });
    }
    default: {
      const { sink, table } = textTableSink(ctx);
      collected[role] = { ctx, table };
      return sink;
    }
  }
}

/** The name of a table passed file by file: its Z (or A) file's. */
function filesName(source: unknown): string {
  const files = source !== null && typeof source === 'object' ? (source as Record<string, unknown>) : {};
  for (const key of ['Z', 'A']) {
    const src = TableSource.safeParse(Object.hasOwn(files, key) ? files[key] : undefined);
    if (src.success) {
      const base = sourceName(src.data);
      return base === 'input' || base === 'text' ? `${key}.txt` : base;
    }
  }
  return 'input';
}

async function pump(src: TableSource, sink: ByteSink): Promise<void> {
  for await (const chunk of byteChunks(src)) sink.push(chunk);
  sink.end();
}

async function isFolder(path: string | URL): Promise<boolean> {
  const fs = await nodeBuiltin<typeof import('node:fs/promises')>('node:fs/promises');
  if (fs === undefined) return false; // byteChunks reports a path without a file system
  try {
    return (await fs.stat(path)).isDirectory();
  } catch {
    return false; // byteChunks reports a missing file as NOT_FOUND
  }
}

/** The role of a file of an archive or folder by its path (`IOT_2011_pxp/satellite/F.txt`). */
function roleOf(entry: string, sat: string | false): Role | undefined {
  if (entry.startsWith('__MACOSX/') || entry.endsWith('/')) return undefined;
  const parts = entry.split('/');
  const base = parts.pop()!;
  if (parts.length <= 1 && (parts.length === 0 || parts[0] !== sat)) {
    const core: Record<string, Role> = {
      'Z.txt': 'Z',
      'A.txt': 'A',
      'Y.txt': 'Y',
      'x.txt': 'x',
      'unit.txt': 'unit',
      'metadata.json': 'meta',
    };
    return Object.hasOwn(core, base) ? core[base] : undefined;
  }
  if (sat !== false && parts.length >= 1 && parts.length <= 2 && parts[parts.length - 1] === sat) {
    const ext: Record<string, Role> = {
      'F.txt': 'F',
      'F_Y.txt': 'F_Y',
      'F_hh.txt': 'F_Y',
      'unit.txt': 'satUnit',
    };
    return Object.hasOwn(ext, base) ? ext[base] : undefined;
  }
  return undefined;
}

async function readFolder(
  folder: string | URL,
  name: string,
  sat: string | false,
  collected: Collected,
  sinkFor: (role: Role, file: string) => ByteSink,
): Promise<void> {
  const fs = await fileSystemModule<typeof import('node:fs/promises')>('node:fs/promises');
  const path = await fileSystemModule<typeof import('node:path')>('node:path');
  const { fileURLToPath } = await fileSystemModule<typeof import('node:url')>('node:url');
  const dir = typeof folder === 'string' ? folder : fileURLToPath(folder);
  const rel = ['Z.txt', 'A.txt', 'Y.txt', 'x.txt', 'unit.txt', 'metadata.json'];
  if (sat !== false) rel.push(`${sat}/F.txt`, `${sat}/F_Y.txt`, `${sat}/F_hh.txt`, `${sat}/unit.txt`);
  const present = new Set<string>();
  for (const r of rel) {
    try {
      if ((await fs.stat(path.join(dir, r))).isFile()) present.add(r);
    } catch {
      // absent
    }
  }
  if (present.has('Z.txt')) present.delete('A.txt');
  if (present.has(`${sat}/F_Y.txt`)) present.delete(`${sat}/F_hh.txt`);
  for (const r of rel) {
    if (!present.has(r)) continue;
    const role = roleOf(r, sat)!;
    collected.found.push(r);
    await pump(path.join(dir, r), sinkFor(role, `${name}/${r}`));
  }
}

async function readArchive(
  src: TableSource,
  name: string,
  sat: string | false,
  collected: Collected,
  sinkFor: (role: Role, file: string) => ByteSink,
  problems: ReadProblems,
): Promise<void> {
  const listed = await listEntries(src);
  const hasZ = listed?.some((e) => roleOf(e, sat) === 'Z') ?? true;
  const taken = new Set<Role>();
  const scan = await streamZip(byteChunks(src), (entry) => {
    const role = roleOf(entry, sat);
    if (role === undefined || taken.has(role) || (role === 'A' && hasZ)) return undefined;
    taken.add(role);
    collected.found.push(entry);
    return sinkFor(role, `${name}/${entry}`);
  });
  if (!scan.isZip) {
    const head = new TextDecoder().decode(scan.firstBytes);
    const looks = describeLayout(head.split(/\r?\n/, 1)[0]!.replace(/^\uFEFF/, ''), scan.firstBytes);
    problems.addPath(
      name,
      `expected an EXIOBASE 3 zip archive (IOT_2011_pxp.zip) or its folder, found ${
        scan.firstBytes.length === 0
          ? 'an empty file'
          : looks
            ? `a file that looks like ${looks}`
            : `text starting ${quote(head.slice(0, 40))}`
      }${looks?.includes('readExiobase') ? '; pass the folder, or the files as { Z, Y, x, F, F_Y, unit }' : ''}`,
    );
    problems.throwIfAny();
  }
  for (const p of scan.problems) problems.addPath(p.entry === '' ? name : `${name}/${p.entry}`, p.message);
  // A broken archive is one fault: what was not read is not reported as missing as well.
  if (scan.problems.length > 0) problems.throwIfAny();
  collected.entries = scan.names;
}

/** The entry names from the central directory, for a file or bytes; `undefined` for streams. */
async function listEntries(src: TableSource): Promise<string[] | undefined> {
  if (src instanceof Uint8Array || src instanceof ArrayBuffer) {
    const b = src instanceof Uint8Array ? src : new Uint8Array(src);
    return listZip(async (p, l) => b.subarray(p, p + l), b.length);
  }
  if (!isPathSource(src)) return undefined;
  const fs = await nodeBuiltin<typeof import('node:fs/promises')>('node:fs/promises');
  if (fs === undefined) return undefined; // byteChunks reports a path without a file system
  let fh: Awaited<ReturnType<typeof fs.open>> | undefined;
  try {
    fh = await fs.open(src, 'r');
    const size = (await fh.stat()).size;
    const h = fh;
    return await listZip(async (p, l) => {
      const buf = new Uint8Array(l);
      await h.read(buf, 0, l, p);
      return buf;
    }, size);
  } catch {
    return undefined; // streaming reports a missing or unreadable file
  } finally {
    await fh?.close();
  }
}
