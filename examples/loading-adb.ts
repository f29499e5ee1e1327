// Read an ADB MRIO workbook (Asian Development Bank multi-regional input–output table) and print
// what it holds. Run: npm run example -- examples/loading-adb.ts
// The fixture is a 4-economy × 2-sector workbook in the exact layout of the release; a real one
// (ADB-MRIO62-2023_June2023.xlsx, 63 economies × 35 sectors) is read the same way.
import { fileURLToPath } from 'node:url';
import { readAdbMrio, valueAddedExports } from 'gvckit/io';

const file = fileURLToPath(new URL('../tests/fixtures/adb/ADB-MRIO-2022_Mar2022.xlsx', import.meta.url));
const icio = await readAdbMrio(file);
const meta = icio.meta!;

console.log(`${meta.release} ${meta.edition}, ${meta.year}, ${meta.unit}`);
console.log(
  `economies ${icio.countries.join(', ')}; sectors ${icio.sectors.map((s) => `${s} (${meta.sectorNames?.[s]})`).join(', ')}`,
);
console.log(`final demand categories ${meta.finalDemand?.categories.join(', ')}`);
for (const row of meta.valueAdded ?? []) {
  const total = row.values.reduce((a, b) => a + b, 0);
  console.log(`  ${row.code} ${row.kind.padEnd(11)} ${String(total).padStart(5)}  ${row.name ?? ''}`);
}
for (const r of valueAddedExports(icio)) {
  console.log(`${r.country}: VAX ratio ${r.VAXratio.toFixed(3)}`);
}
