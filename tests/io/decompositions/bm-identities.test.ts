import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  type BmCountryRecord,
  type BmPerspectiveOptions,
  bmDecomposition,
  bmPerspectiveDecomposition,
} from '../../../src/io/decompositions/index.js';
import { createIcio } from '../../../src/io/model.js';
import type { Icio } from '../../../src/io/types.js';
import { tableArb } from '../../fuzz/arbitraries.js';
import { expectClose } from './helpers.js';

type Terms = Omit<BmCountryRecord, 'country'>;
const KEYS: readonly (keyof Terms)[] = [
  'GEXP',
  'DC',
  'DVA',
  'VAX',
  'DAVAX',
  'REF',
  'DDC',
  'FC',
  'FVA',
  'FDC',
  'GVC',
  'GVCB',
  'GVCF',
];

/** The identities of Borin & Mancini (2023) that every record of every perspective satisfies. */
function checkIdentities(r: Terms, scale: number, what: string): void {
  const close = (a: number, b: number, name: string) =>
    expectClose(a / scale, b / scale, `${what}: ${name}`, 1e-9);
  close(r.DVA + r.DDC + r.FVA + r.FDC, r.GEXP, 'DVA + DDC + FVA + FDC = GEXP');
  close(r.DAVAX + r.GVCB + r.GVCF, r.GEXP, 'DAVAX + GVCB + GVCF = GEXP');
  close(r.DVA + r.DDC, r.DC, 'DC = DVA + DDC');
  close(r.FVA + r.FDC, r.FC, 'FC = FVA + FDC');
  close(r.VAX + r.REF, r.DVA, 'VAX + REF = DVA');
  close(r.GVCB + r.GVCF, r.GVC, 'GVC = GVCB + GVCF');
  // a balanced table: v·B = 1, so domestic and foreign content exhaust exports
  close(r.DC + r.FC, r.GEXP, 'DC + FC = GEXP');
}

const PERSPECTIVES: readonly BmPerspectiveOptions[] = [
  { approach: 'sink', level: 'sector' },
  { perspective: 'sector' },
  { perspective: 'bilateral', level: 'sector' },
  { perspective: 'bilateral-sector' },
  { perspective: 'world', level: 'sector' },
];

const tables = tableArb({ minG: 2, maxG: 4, maxN: 3 }).map((t) => createIcio(t));
const scaleOf = (t: Icio) => Math.max(1, ...t.x);

describe('Borin–Mancini perspectives: identities on random tables (fast-check)', () => {
  it('every record of every perspective satisfies the identities', () => {
    fc.assert(
      fc.property(tables, (t) => {
        const scale = scaleOf(t);
        for (const options of PERSPECTIVES) {
          for (const r of bmPerspectiveDecomposition(t, options))
            checkIdentities(r, scale, JSON.stringify(options));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('source and sink give the same country totals, term by term', () => {
    fc.assert(
      fc.property(tables, (t) => {
        const scale = scaleOf(t);
        const src = bmDecomposition(t);
        bmPerspectiveDecomposition(t, { approach: 'sink' }).forEach((r, s) => {
          for (const key of KEYS)
            expectClose(r[key] / scale, src[s]![key] / scale, `${r.country} ${key}`, 1e-9);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('country records are the sums of the sector breakdown (exporter/sink, world, bilateral)', () => {
    fc.assert(
      fc.property(tables, (t) => {
        const scale = scaleOf(t);
        const { N } = t;
        for (const options of [{ approach: 'sink' }, { perspective: 'world' }] as const) {
          const bySector = bmPerspectiveDecomposition(t, { ...options, level: 'sector' });
          bmPerspectiveDecomposition(t, options).forEach((r, s) => {
            for (const key of KEYS) {
              let sum = 0;
              for (let k = 0; k < N; k++) sum += bySector[s * N + k]![key];
              expectClose(r[key] / scale, sum / scale, `${options} ${r.country} ${key}`, 1e-9);
            }
          });
        }
        const pairs = bmPerspectiveDecomposition(t, { perspective: 'bilateral' });
        const cells = bmPerspectiveDecomposition(t, { perspective: 'bilateral', level: 'sector' });
        pairs.forEach((r, i) => {
          for (const key of KEYS) {
            let sum = 0;
            for (let k = 0; k < N; k++) sum += cells[i * N + k]![key];
            expectClose(r[key] / scale, sum / scale, `bilateral ${r.country}→${r.partner} ${key}`, 1e-9);
          }
        });
      }),
      { numRuns: 40 },
    );
  });

  it('gross exports, contents and DAVAX of the bilateral cells sum over partners to the exporter’s', () => {
    fc.assert(
      fc.property(tables, (t) => {
        const scale = scaleOf(t);
        const ex = bmDecomposition(t, { level: 'sector' });
        const cells = bmPerspectiveDecomposition(t, { perspective: 'bilateral-sector' });
        const { G, N } = t;
        ex.forEach((r, i) => {
          const s = Math.floor(i / N);
          const k = i % N;
          for (const key of ['GEXP', 'DC', 'FC', 'DAVAX'] as const) {
            let sum = 0;
            for (let j = 0; j < G - 1; j++) sum += cells[(s * (G - 1) + j) * N + k]![key];
            expectClose(sum / scale, r[key] / scale, `${r.country}/${r.sector} ${key}`, 1e-9);
          }
        });
      }),
      { numRuns: 40 },
    );
  });
});
