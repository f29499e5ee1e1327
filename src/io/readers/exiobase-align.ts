/**
 * Putting the files of an EXIOBASE 3 table in one order: their column labels checked against Z's,
 * their rows placed in the order of Z's columns.
 *
 * @internal
 */
import { quote } from '../../core/preview.js';
import type { MatrixFile } from './exiobase-matrix.js';
import { type FileContext, report } from './exiobase-parse.js';

/** Checks a header's region row against `countries` (blocks of `per` columns) and its second row against `label(j)`. */
export function columnsMatch(
  ctx: FileContext,
  f: MatrixFile,
  indexCols: number,
  label: (j: number) => string,
  per: number,
  countries?: readonly string[],
): void {
  const regions = f.header[0]!;
  const second = f.header[1]!;
  if (countries) {
    const j = regions.findIndex((r, j) => r !== countries[Math.floor(j / per)]);
    if (j >= 0)
      report(
        ctx,
        1,
        indexCols + j + 1,
        `expected region ${quote(countries[Math.floor(j / per)] ?? '')} (the order of Z.txt), found ${quote(regions[j]!)}`,
      );
  } else {
    const j = regions.findIndex((r, j) => r !== regions[j - (j % per)]);
    if (j >= 0)
      report(
        ctx,
        1,
        indexCols + j + 1,
        `expected ${quote(regions[j - (j % per)]!)}, found ${quote(regions[j]!)}`,
      );
  }
  const k = second.findIndex((s, j) => s !== label(j));
  if (k >= 0)
    report(
      ctx,
      2,
      indexCols + k + 1,
      `expected ${quote(label(k))} (the order of the first region), found ${quote(second[k]!)}`,
    );
}

/**
 * Where each row of a file goes in the order of `keys` (`region\tsector`): the next position when
 * its label is the next one, the label's position when it is elsewhere, and — for an unknown label,
 * which is one problem at its line — the next position all the same, so that one bad label does not
 * blame the rows after it. Missing rows are one problem.
 */
export function alignRows(
  ctx: FileContext,
  index: string[][],
  lines: number[],
  keys: readonly string[],
  what: string,
): Int32Array {
  const n = keys.length;
  const pos = new Map<string, number>();
  keys.forEach((k, i) => {
    pos.set(k, i);
  });
  const target = new Int32Array(index.length).fill(-1);
  const filled = new Uint8Array(n);
  let last = -1;
  for (let r = 0; r < index.length; r++) {
    const key = index[r]!.join('\t');
    const p = last + 1;
    let t = -1;
    if (p < n && keys[p] === key && !filled[p]) t = p;
    else {
      const q = pos.get(key);
      if (q !== undefined && !filled[q]) t = q;
      else if (q !== undefined)
        report(ctx, lines[r]!, 1, `expected each row once, found ${quote(key.replace('\t', ' '))} again`);
      else {
        const want = p < n ? keys[p]!.split('\t') : undefined;
        const col = want && index[r]![0] === want[0] ? 2 : 1;
        report(
          ctx,
          lines[r]!,
          col,
          `expected a region and ${what} of Z.txt${want ? ` (here ${quote(want.join(' '))})` : ''}, found ${quote(index[r]!.join(' '))}`,
        );
        if (p < n && !filled[p]) t = p;
      }
    }
    if (t >= 0) {
      target[r] = t;
      filled[t] = 1;
      last = t;
    }
  }
  const missing: string[] = [];
  for (let i = 0; i < n; i++) if (!filled[i]) missing.push(keys[i]!.replace('\t', ' '));
  if (missing.length > 0) {
    ctx.problems.addPath(
      ctx.name,
      `expected a row for each of the ${n} country–sectors of Z.txt, found none for ${missing.slice(0, 3).map(quote).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}`,
    );
  }
  return target;
}

/** The rows of a (non-square) matrix file placed in the order of `keys`, n×cols row-major. */
export function placeRows(
  ctx: FileContext,
  f: MatrixFile,
  keys: readonly string[],
  n: number,
  cols: number,
): Float64Array<ArrayBuffer> {
  const t = alignRows(ctx, f.index, f.lines, keys, 'sector');
  const out = new Float64Array(n * cols);
  t.forEach((p, r) => {
    if (p >= 0) out.set(f.rows[r]!, p * cols);
  });
  return out;
}
