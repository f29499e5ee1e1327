// Read the WIOD 2016 release (R data) and the long-run WIOD (flat CSV), and print what they hold.
// Run: npm run example -- examples/loading-wiod.ts
// The fixtures are 3-country (AUS, CHN, ROW) × 2-industry tables in the layouts of the releases; a
// real WIOT2014_October16_ROW.RData (44 × 56) or lr_wiod_wiot_final_filled.csv is read the same way.
import { fileURLToPath } from 'node:url';
import { readLongRunWiod, readWiod, valueAddedExports } from 'gvckit/io';

const wiod = await readWiod(
  fileURLToPath(new URL('../tests/fixtures/wiod/WIOT2014_October16_ROW.RData', import.meta.url)),
);
const meta = wiod.meta!;
console.log(`${meta.release} ${meta.edition}, ${meta.year}, ${meta.unit}`);
console.log(`countries ${wiod.countries.join(', ')}; industries ${wiod.sectors.join(', ')}`);
for (const [code, name] of Object.entries(meta.sectorNames ?? {})) console.log(`  ${code}: ${name}`);
console.log(`final demand categories ${meta.finalDemand?.categories.join(', ')}`);
for (const row of meta.valueAdded ?? []) {
  const total = row.values.reduce((a, b) => a + b, 0);
  console.log(
    `  ${row.code.padEnd(8)} ${row.kind.padEnd(11)} ${String(total).padStart(6)}  ${row.name ?? ''}`,
  );
}
console.log(`gross output ${Array.from(wiod.x).join(', ')}`);
for (const r of valueAddedExports(wiod)) console.log(`${r.country}: VAX ratio ${r.VAXratio.toFixed(3)}`);

const lr = await readLongRunWiod(
  fileURLToPath(new URL('../tests/fixtures/lrwiod/lr_wiod_wiot_final_filled.csv', import.meta.url)),
  { year: 2000 },
);
console.log(
  `\n${lr.meta!.release} ${lr.meta!.edition}, ${lr.meta!.year}: ${lr.countries.join(', ')} × ${lr.sectors.join(', ')}`,
);
console.log(`gross output ${Array.from(lr.x).join(', ')}`);
