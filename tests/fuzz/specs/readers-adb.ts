/** The fuzz spec of `readAdbMrio`: the fixture workbook, and random tables written in the ADB MRIO layout. */
import { readFileSync } from 'node:fs';
import { adbSheet, type Cell, writeXlsx } from '../../../scripts/make-xlsx-fixture.js';
import { type TableInput, tableArb } from '../arbitraries.js';
import { IO_BOUND_MS, type Spec } from '../spec.js';

const fixture = () =>
  new Uint8Array(readFileSync(new URL('../../fixtures/adb/ADB-MRIO-2022_Mar2022.xlsx', import.meta.url)));

/** A random table as an ADB MRIO workbook: final demand in F1, value added in r64, output in r69. */
function workbook(t: TableInput): Uint8Array {
  const G = t.countries.length;
  const N = t.sectors.length;
  const n = G * N;
  const x = t.Z.map((row, i) => row.reduce((a, b) => a + b, 0) + t.Y[i]!.reduce((a, b) => a + b, 0));
  const colZ = Array.from({ length: n }, (_, j) => t.Z.reduce((a, row) => a + row[j]!, 0));
  const tail = ['r60', 'r99', 'r61', 'r62', 'r63', 'r64', 'trs', 'r69'];
  const cell = (i: number, j: number): Cell => {
    if (i < n) {
      if (j < n) return t.Z[i]![j]!;
      if (j < n + 5 * G) return (j - n) % 5 === 0 ? t.Y[i]![Math.floor((j - n) / 5)]! : null;
      return x[i]!;
    }
    if (j >= n) return null;
    const code = tail[i - n];
    return code === 'r60' ? colZ[j]! : code === 'r64' ? x[j]! - colZ[j]! : code === 'r69' ? x[j]! : null;
  };
  const rows = adbSheet(t.countries, N, cell, [
    'Multiregional Input-Output Table 2020',
    `${G} economies`,
    'In millions of US$',
  ]);
  return writeXlsx([{ name: 'ADB MRIO 2020', rows }]);
}

/** How `readAdbMrio` is fuzzed. */
export const adbSpecs: Record<string, Spec> = {
  readAdbMrio: {
    seeds: () => [
      [fixture()],
      [fixture(), { year: 2022, edition: 'Mar2022' }],
      [fixture(), { sheet: 1, decimal: ',' }],
    ],
    valid: () => tableArb({ maxG: 3, maxN: 3 }).map((t) => [workbook(t), { tolerance: 1e-6 }]),
    boundMs: IO_BOUND_MS,
  },
};
