// Read one year of the OECD Inter-Country Input-Output tables and print what it holds.
// Run: npm run example -- examples/loading-oecd.ts
// The fixture is a 4-country × 2-sector table in the exact layout of an OECD ICIO 2023 extended
// file (2019.csv: empty CHN and MEX blocks, the split blocks MX1, MX2, CN1, CN2 after ROW); a real
// one (76 economies + ROW × 45 industries, 3,465 rows once merged, ≈60 MB) is read the same way.
import { fileURLToPath } from 'node:url';
import { readOecdIcio, valueAddedExports } from 'gvckit/io';

const file = fileURLToPath(new URL('../tests/fixtures/oecd/2019.csv', import.meta.url));
const icio = await readOecdIcio(file);
const meta = icio.meta!;

console.log(`${meta.release} ${meta.edition}, ${meta.year}, ${meta.unit}`);
console.log(`countries ${icio.countries.join(', ')}; sectors ${icio.sectors.join(', ')}`);
for (const [country, blocks] of Object.entries(meta.merged ?? {})) {
  console.log(`  ${country} summed from ${blocks.join(' + ')}`);
}
console.log(`final demand categories ${meta.finalDemand?.categories.join(', ')}`);
for (const row of meta.valueAdded ?? []) {
  const total = row.values.reduce((a, b) => a + b, 0);
  console.log(`  ${row.code} ${row.kind.padEnd(11)} ${String(total).padStart(5)}`);
}
for (const r of valueAddedExports(icio)) {
  console.log(`${r.country}: VAX ratio ${r.VAXratio.toFixed(3)}`);
}

// The split blocks kept as countries of their own (CHN and MEX then have no industries).
const split = await readOecdIcio(file, { keepSplit: true });
console.log(`keepSplit: ${split.countries.join(', ')}`);
