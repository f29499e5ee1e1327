/** The fuzz spec of `readOecdIcio`: the fixtures of each edition, and random tables in the OECD layout. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { type TableInput, tableArb, tableToCsv } from '../arbitraries.js';
import { IO_BOUND_MS, type Spec } from '../spec.js';

const fixture = (name: string) => new URL(`../../fixtures/oecd/${name}`, import.meta.url);
const text = (name: string) => readFileSync(fixture(name), 'utf8');

/**
 * A random table in the 2016 layout: final demand component-major (`HFCE_CCC`) and a zero `DISC`
 * column before the total.
 */
function componentMajor(t: TableInput): string {
  const labels = t.countries.flatMap((c) => t.sectors.map((s) => `${c}_${s}`));
  const x = labels.map((_, i) => t.Z[i]!.reduce((a, b) => a + b, 0) + t.Y[i]!.reduce((a, b) => a + b, 0));
  const lines = [['', ...labels, ...t.countries.map((c) => `HFCE_${c}`), 'DISC', 'TOTAL'].join(',')];
  labels.forEach((l, i) => {
    lines.push([l, ...t.Z[i]!, ...t.Y[i]!, 0, x[i]].join(','));
  });
  return lines.join('\n');
}

/** How `readOecdIcio` is fuzzed. */
export const oecdSpecs: Record<string, Spec> = {
  readOecdIcio: {
    seeds: () => [
      [fixture('2019.csv')],
      [fixture('2019.csv'), { keepSplit: true }],
      [{ text: text('2019_SML.csv') }, { year: 2019, edition: '2023' }],
      [{ text: text('ICIO2016_2011.csv') }],
      [{ text: text('ICIO2018_2010.csv') }, { fileName: 'ICIO2018_2010.csv' }],
      [{ text: text('decimal-comma.csv') }, { decimal: ',' }],
    ],
    valid: () =>
      tableArb({ maxG: 3, maxN: 3 }).chain((t) =>
        fc.constantFrom<unknown[]>(
          [{ text: tableToCsv(t) }, { tolerance: 1e-6 }],
          [{ text: componentMajor(t) }, { tolerance: 1e-6 }],
        ),
      ),
    boundMs: IO_BOUND_MS,
  },
};
