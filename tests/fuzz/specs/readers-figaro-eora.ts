/** The fuzz specs of `readFigaro` and `readEora26`: the fixtures, and random tables written in each layout. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { type TableInput, tableArb } from '../arbitraries.js';
import { IO_BOUND_MS, type Spec } from '../spec.js';

const figaro = (name: string) => new URL(`../../fixtures/figaro/${name}`, import.meta.url);
const eora = (name: string) =>
  readFileSync(new URL(`../../fixtures/eora26/${name}`, import.meta.url), 'utf8');

/** Output, column sums of Z and value added (output − inputs) of a random table. */
function accounts(t: TableInput) {
  const n = t.Z.length;
  const x = t.Z.map((row, i) => row.reduce((a, b) => a + b, 0) + t.Y[i]!.reduce((a, b) => a + b, 0));
  const va = Array.from({ length: n }, (_, j) => x[j]! - t.Z.reduce((a, row) => a + row[j]!, 0));
  return { x, va };
}

const labels = (t: TableInput) => t.countries.flatMap((c) => t.sectors.map((s) => `${c}_${s}`));

/** A random table as a FIGARO matrix CSV: households' final demand (P3_S14) and one B2A3G row. */
function figaroMatrixText(t: TableInput): string {
  const l = labels(t);
  const { va } = accounts(t);
  return [
    ['rowLabels', ...l, ...t.countries.map((c) => `${c}_P3_S14`)].join(','),
    ...l.map((r, i) => [r, ...t.Z[i]!, ...t.Y[i]!].join(',')),
    ['W2_B2A3G', ...va, ...t.countries.map(() => 0)].join(','),
  ].join('\n');
}

/** The same table as a FIGARO flat CSV, observations in reverse order. */
function figaroFlatText(t: TableInput): string {
  const l = labels(t);
  const { va } = accounts(t);
  const lines: string[] = [];
  l.forEach((r, i) => {
    l.forEach((c, j) => {
      lines.push(`${r.replace('_', ',')},${c.replace('_', ',')},${t.Z[i]![j]}`);
    });
    t.countries.forEach((c, d) => {
      lines.push(`${r.replace('_', ',')},${c},P3_S14,${t.Y[i]![d]}`);
    });
  });
  l.forEach((c, j) => {
    lines.push(`W2,B2A3G,${c.replace('_', ',')},${va[j]}`);
  });
  return ['refArea,rowPi,counterpartArea,colPi,obsValue', ...lines.reverse()].join('\n');
}

/** A random table as the Eora26 files (one final-demand category, one VA row, no ROW). */
function eoraFiles(t: TableInput) {
  const { va } = accounts(t);
  const tab = (rows: number[][]) => ({ text: rows.map((r) => r.join('\t')).join('\n') });
  return {
    T: tab(t.Z),
    FD: tab(t.Y),
    VA: tab([va]),
    labelsT: {
      text: t.countries.flatMap((c) => t.sectors.map((s) => `${c}\t${c}\tIndustries\t${s}`)).join('\n'),
    },
    labelsFD: {
      text: t.countries.map((c) => `${c}\t${c}\tFinal Demand\tHousehold final consumption P.3h`).join('\n'),
    },
    labelsVA: { text: 'Primary Inputs\tValue added' },
  };
}

const eoraSeed = () => ({
  T: { text: eora('Eora26_2015_bp_T.txt') },
  FD: { text: eora('Eora26_2015_bp_FD.txt') },
  VA: { text: eora('Eora26_2015_bp_VA.txt') },
  labelsT: { text: eora('labels_T.txt') },
  labelsFD: { text: eora('labels_FD.txt') },
  labelsVA: { text: eora('labels_VA.txt') },
});

/** How `readFigaro` and `readEora26` are fuzzed. */
export const figaroEoraSpecs: Record<string, Spec> = {
  readFigaro: {
    seeds: () => [
      [figaro('matrix_eu-ic-io_ind-by-ind_23ed_2021.csv')],
      [{ text: readFileSync(figaro('flatfile_eu-ic-io_ind-by-ind_23ed_2021.csv'), 'utf8') }, { year: 2021 }],
      [{ text: 'rowLabels;A_X;A_P3_S14\nA_X;1,5;2,25\nW2_D1;2,25;0' }, { delimiter: ';', decimal: ',' }],
    ],
    valid: () =>
      tableArb({ maxG: 3, maxN: 3 }).chain((t) =>
        fc.constantFrom<unknown[]>(
          [{ text: figaroMatrixText(t) }, { tolerance: 1e-6 }],
          [{ text: figaroFlatText(t) }, { tolerance: 1e-6 }],
        ),
      ),
    boundMs: IO_BOUND_MS,
  },
  readEora26: {
    seeds: () => [[eoraSeed()], [eoraSeed(), { negativeFlows: 'discrepancy', satellites: false }]],
    valid: () => tableArb({ maxG: 3, maxN: 3 }).map((t) => [eoraFiles(t), { tolerance: 1e-6 }]),
    boundMs: IO_BOUND_MS,
  },
};
