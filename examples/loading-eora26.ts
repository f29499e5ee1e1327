// Read one year of Eora26 from its folder of tab-separated files and print what it holds.
// Run: npm run example -- examples/loading-eora26.ts
// The fixture is a 3-region (AUS, CHN, USA) × 2-sector year in the layout of the release, with
// Eora's statistical-discrepancy region ROW and two satellite rows; a real year (189 regions × 26
// sectors, Eora26_2015_bp_*.txt with the labels_*.txt of indices.zip) is read the same way.
import { fileURLToPath } from 'node:url';
import { readEora26, valueAddedExports } from 'gvckit/io';

const icio = await readEora26(fileURLToPath(new URL('../tests/fixtures/eora26/', import.meta.url)));
const meta = icio.meta!;

console.log(`${meta.release} ${meta.year}, ${meta.unit}`);
console.log(`regions ${icio.countries.map((c) => `${c} (${meta.countryNames?.[c]})`).join(', ')}`);
console.log(`sectors ${icio.sectors.join(', ')}; final demand ${meta.finalDemand?.categories.join(', ')}`);
for (const row of meta.valueAdded ?? []) {
  const total = row.values.reduce((a, b) => a + b, 0);
  console.log(`  ${row.code.padEnd(5)} ${String(total).padStart(5)}  ${row.name ?? ''}`);
}
for (const s of meta.satellite?.stressors ?? [])
  console.log(`satellite: ${s.name} (${s.unit}), ${s.compartment}`);
for (const r of valueAddedExports(icio)) console.log(`${r.country}: VAX ratio ${r.VAXratio.toFixed(3)}`);
