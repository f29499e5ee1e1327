import * as z from 'zod/mini';
import { validate } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';
import { fileSystemModule, isPathSource, sourceName, TableSource } from './source.js';

/**
 * Finding the files of an Eora26 year: in a folder by their names, or as given one by one.
 *
 * @internal
 * @packageDocumentation
 */

/** The files of one Eora26 year, each a {@link TableSource}; `Q`, `QY` and `labelsQ` are optional. */
export const Eora26FileSet = z.strictObject({
  T: TableSource,
  FD: TableSource,
  VA: TableSource,
  labelsT: TableSource,
  labelsFD: TableSource,
  labelsVA: TableSource,
  Q: z.optional(TableSource),
  QY: z.optional(TableSource),
  labelsQ: z.optional(TableSource),
});
/** The files of one Eora26 year. */
export type Eora26FileSet = z.output<typeof Eora26FileSet>;

/** The files found, with the name each goes by in error paths, and the year and price read from the names. */
export interface EoraFound {
  readonly files: Eora26FileSet;
  readonly names: Readonly<Record<keyof Eora26FileSet, string>>;
  readonly year?: number;
}

const BLOCK = /^Eora26_(\d{4})_(bp|pp)_(T|FD|VA|Q|QY)\.txt$/;

/**
 * The files of a year: a folder path (`string` or `file:` URL) is listed and the files named
 * `Eora26_{year}_{price}_{T,FD,VA,Q,QY}.txt`, `labels_{T,FD,VA,Q}.txt` are taken; an object is
 * validated as an {@link Eora26FileSet}.
 */
export async function findEoraFiles(
  files: unknown,
  year: number | undefined,
  price: 'bp' | 'pp',
): Promise<EoraFound> {
  if (typeof files === 'string' || files instanceof URL) return fromFolder(files, year, price);
  const set = validate(Eora26FileSet, files, 'files', 'invalid Eora26 files');
  const names = {} as Record<keyof Eora26FileSet, string>;
  for (const key of Object.keys(set) as (keyof Eora26FileSet)[]) {
    const s = set[key];
    if (s !== undefined) names[key] = isPathSource(s) ? sourceName(s) : key;
  }
  const fromName = /Eora26_(\d{4})_/.exec(names.T);
  return { files: set, names, ...(fromName ? { year: Number(fromName[1]) } : {}) };
}

async function fromFolder(
  folder: string | URL,
  year: number | undefined,
  price: 'bp' | 'pp',
): Promise<EoraFound> {
  const fail = (message: string, code: 'INVALID_INPUT' | 'NOT_FOUND' = 'INVALID_INPUT') =>
    new GvcError(code, 'invalid Eora26 files', [{ path: 'files', message }]);
  if (typeof folder === 'string' && folder === '')
    throw fail('expected a folder path, found an empty string');
  const fs = await fileSystemModule<typeof import('node:fs/promises')>('node:fs/promises', 'files');
  const { fileURLToPath } = await fileSystemModule<typeof import('node:url')>('node:url', 'files');
  const dir = typeof folder === 'string' ? folder : fileURLToPath(folder);
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    throw fail(
      `expected a readable folder, found ${code === 'ENOENT' ? 'none' : String(code ?? 'an error')} at ${JSON.stringify(dir)}`,
      code === 'ENOENT' ? 'NOT_FOUND' : 'INVALID_INPUT',
    );
  }
  const years = new Set<number>();
  for (const e of entries) {
    const m = BLOCK.exec(e);
    if (m && m[2] === price) years.add(Number(m[1]));
  }
  const y = year ?? (years.size === 1 ? [...years][0] : undefined);
  if (y === undefined) {
    throw fail(
      years.size === 0
        ? `expected files named Eora26_{year}_${price}_T.txt in ${JSON.stringify(dir)}, found none`
        : `expected one year in the folder or options.year, found ${[...years].sort().join(', ')}`,
    );
  }
  const want: Record<keyof Eora26FileSet, string> = {
    T: `Eora26_${y}_${price}_T.txt`,
    FD: `Eora26_${y}_${price}_FD.txt`,
    VA: `Eora26_${y}_${price}_VA.txt`,
    labelsT: 'labels_T.txt',
    labelsFD: 'labels_FD.txt',
    labelsVA: 'labels_VA.txt',
    Q: `Eora26_${y}_${price}_Q.txt`,
    QY: `Eora26_${y}_${price}_QY.txt`,
    labelsQ: 'labels_Q.txt',
  };
  const have = new Set(entries);
  const missing = (['T', 'FD', 'VA', 'labelsT', 'labelsFD', 'labelsVA'] as const).filter(
    (k) => !have.has(want[k]),
  );
  if (missing.length > 0) {
    throw fail(
      `expected ${missing.map((k) => want[k]).join(', ')} in ${JSON.stringify(dir)}, found no such file`,
      'NOT_FOUND',
    );
  }
  const sep = dir.endsWith('/') || dir.endsWith('\\') ? '' : '/';
  const files = {} as Record<string, string>;
  const names = {} as Record<keyof Eora26FileSet, string>;
  const satellites = have.has(want.Q) && have.has(want.QY) && have.has(want.labelsQ);
  for (const key of Object.keys(want) as (keyof Eora26FileSet)[]) {
    if (!satellites && (key === 'Q' || key === 'QY' || key === 'labelsQ')) continue;
    files[key] = `${dir}${sep}${want[key]}`;
    names[key] = want[key];
  }
  return { files: files as unknown as Eora26FileSet, names, year: y };
}
