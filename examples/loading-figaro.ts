// Read a Eurostat FIGARO inter-country input–output table, in both of its CSV layouts, and print
// what it holds. Run: npm run example -- examples/loading-figaro.ts
// The fixtures are 3-country (AT, DE and FIGW1, the rest of the world) × 2-industry tables in the
// layouts of the release; a real file (matrix_eu-ic-io_ind-by-ind_23ed_2021.csv, 46 × 64) is read
// the same way.
import { fileURLToPath } from 'node:url';
import { readFigaro, valueAddedExports } from 'gvckit/io';

const dir = new URL('../tests/fixtures/figaro/', import.meta.url);
const matrix = await readFigaro(fileURLToPath(new URL('matrix_eu-ic-io_ind-by-ind_23ed_2021.csv', dir)));
const flat = await readFigaro(fileURLToPath(new URL('flatfile_eu-ic-io_ind-by-ind_23ed_2021.csv', dir)));
const meta = matrix.meta!;

console.log(`${meta.release} edition ${meta.edition}, ${meta.year}, ${meta.unit}`);
console.log(`countries ${matrix.countries.join(', ')}; industries ${matrix.sectors.join(', ')}`);
console.log(`final demand categories ${meta.finalDemand?.categories.join(', ')}`);
for (const row of meta.valueAdded ?? []) {
  const total = row.values.reduce((a, b) => a + b, 0);
  console.log(
    `  ${row.code.padEnd(8)} ${row.kind.padEnd(6)} ${String(total).padStart(5)}  ${row.name ?? ''}`,
  );
}
console.log(`gross output ${Array.from(matrix.x).join(', ')}`);
console.log(`the flat file gives the same output: ${Array.from(flat.x).every((v, i) => v === matrix.x[i])}`);
for (const r of valueAddedExports(matrix)) console.log(`${r.country}: VAX ratio ${r.VAXratio.toFixed(3)}`);
