/** The fuzz specs of `readWiod` and `readLongRunWiod`: the fixtures, and random tables in the long-run WIOD layout. */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { type TableInput, tableArb } from '../arbitraries.js';
import { IO_BOUND_MS, type Spec } from '../spec.js';

const fixture = (path: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));

/** A random table as the long-run WIOD flat CSV (households' final demand, one xVA row), year 2000. */
function lrwiodText(t: TableInput): string {
  const n = t.Z.length;
  const cells = t.countries.flatMap((c) => t.sectors.map((s) => [c, s] as const));
  const lines = ['year,row_country,row_isic3,col_country,col_isic3,value'];
  cells.forEach(([rc, rs], i) => {
    cells.forEach(([cc, cs], j) => {
      lines.push(`2000,${rc},${rs},${cc},${cs},${t.Z[i]![j]}`);
    });
    t.countries.forEach((c, d) => {
      lines.push(`2000,${rc},${rs},${c},xCONS_h,${t.Y[i]![d]}`);
    });
  });
  cells.forEach(([c, s], j) => {
    const x = t.Z[j]!.reduce((a, b) => a + b, 0) + t.Y[j]!.reduce((a, b) => a + b, 0);
    let inputs = 0;
    for (let i = 0; i < n; i++) inputs += t.Z[i]![j]!;
    lines.push(`2000,xTOT,xVA,${c},${s},${x - inputs}`);
  });
  return lines.join('\n');
}

/** How `readWiod` and `readLongRunWiod` are fuzzed. */
export const wiodSpecs: Record<string, Spec> = {
  readWiod: {
    seeds: () => [
      [fixture('wiod/WIOT2014_October16_ROW.RData')],
      [fixture('wiod/WIOT2000_October16_ROW.RData'), { tolerance: 1e-6 }],
      [
        zipSync({ 'WIOT2014_October16_ROW.RData': fixture('wiod/WIOT2014_October16_ROW.RData') }),
        { year: 2014 },
      ],
      [fixture('wiod/objects.RData'), { object: 'df' }],
    ],
    boundMs: IO_BOUND_MS,
  },
  readLongRunWiod: {
    seeds: () => [
      [
        {
          text: readFileSync(
            new URL('../../fixtures/lrwiod/lr_wiod_wiot_final_filled.csv', import.meta.url),
            'utf8',
          ),
        },
        { year: 2000 },
      ],
      [
        {
          text: 'year;row_country;row_isic3;col_country;col_isic3;value\n2000;A;s;A;s;1,5\n2000;A;s;A;xCONS_h;2,5',
        },
        { year: 2000, delimiter: ';', decimal: ',' },
      ],
    ],
    valid: () =>
      tableArb({ maxG: 3, maxN: 3 }).map((t) => [{ text: lrwiodText(t) }, { year: 2000, tolerance: 1e-6 }]),
    boundMs: IO_BOUND_MS,
  },
};
