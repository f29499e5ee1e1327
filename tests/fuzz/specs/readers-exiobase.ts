/** The fuzz spec of `readExiobase`: the fixture archive, and random tables written in the EXIOBASE 3 text layout. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { type TableInput, tableArb } from '../arbitraries.js';
import { IO_BOUND_MS, type Spec } from '../spec.js';

const fixtureZip = () =>
  new Uint8Array(readFileSync(new URL('../../fixtures/exiobase/IOT_2011_pxp.zip', import.meta.url)));
const fixtureText = (name: string) => ({
  text: readFileSync(new URL(`../../fixtures/exiobase/IOT_2011_pxp/${name}`, import.meta.url), 'utf8'),
});

/** A random table as EXIOBASE 3 `Z.txt`, `Y.txt` (one category per region) and `x.txt`. */
function files(t: TableInput): { Z: string; Y: string; x: string } {
  const cols = t.countries.flatMap((c) => t.sectors.map((s) => [c, s] as const));
  const rows = (m: number[][]) => cols.map(([c, s], i) => `${c}\t${s}\t${m[i]!.join('\t')}`);
  const x = t.Z.map((row, i) => row.reduce((a, b) => a + b, 0) + t.Y[i]!.reduce((a, b) => a + b, 0));
  return {
    Z: [
      `region\t\t${cols.map((c) => c[0]).join('\t')}`,
      `sector\t\t${cols.map((c) => c[1]).join('\t')}`,
      ...rows(t.Z),
    ].join('\n'),
    Y: [
      `region\t\t${t.countries.join('\t')}`,
      `category\t\t${t.countries.map(() => 'Final consumption expenditure by households').join('\t')}`,
      ...rows(t.Y),
    ].join('\n'),
    x: ['region\tsector\tindout', ...cols.map(([c, s], i) => `${c}\t${s}\t${x[i]}`)].join('\n'),
  };
}

const enc = (s: string) => new TextEncoder().encode(s);

/** How `readExiobase` is fuzzed. */
export const exiobaseSpecs: Record<string, Spec> = {
  readExiobase: {
    seeds: () => [
      [fixtureZip()],
      [fixtureZip(), { satellite: false, year: 2011, edition: '3.8.2' }],
      [{ Z: fixtureText('Z.txt'), Y: fixtureText('Y.txt'), x: fixtureText('x.txt') }, { negativeZ: 'error' }],
    ],
    valid: () =>
      fc.tuple(tableArb({ maxG: 3, maxN: 3 }), fc.boolean()).map(([t, zipped]) => {
        const f = files(t);
        const source = zipped
          ? zipSync({
              'IOT_2000_pxp/Z.txt': enc(f.Z),
              'IOT_2000_pxp/Y.txt': enc(f.Y),
              'IOT_2000_pxp/x.txt': enc(f.x),
            })
          : { Z: { text: f.Z }, Y: { text: f.Y }, x: { text: f.x } };
        return [source, { tolerance: 1e-6 }];
      }),
    boundMs: IO_BOUND_MS,
  },
};
