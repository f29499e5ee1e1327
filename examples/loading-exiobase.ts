// Read a monetary EXIOBASE 3 table as it is downloaded (IOT_{year}_{pxp|ixi}.zip from Zenodo) and
// print what it holds. Run: npm run example -- examples/loading-exiobase.ts
// The fixture is a 2-region (AT, DE) × 2-product table in the exact layout of the release; a real
// archive (IOT_2022_pxp.zip, 49 regions × 200 products) is read the same way.
import { fileURLToPath } from 'node:url';
import { readExiobase } from 'gvckit/io';

const dir = new URL('../tests/fixtures/exiobase/', import.meta.url);
const icio = await readExiobase(fileURLToPath(new URL('IOT_2011_pxp.zip', dir)));
const meta = icio.meta!;

console.log(`${meta.release} ${meta.edition}, ${meta.year}, ${meta.unit}`);
console.log(`regions ${icio.countries.join(', ')}; products ${icio.sectors.join(', ')}`);
console.log(`final demand categories:\n  ${meta.finalDemand?.categories.join('\n  ')}`);
console.log(`gross output ${Array.from(icio.x).join(', ')}; value added ${Array.from(icio.va).join(', ')}`);
for (const row of meta.valueAdded ?? []) {
  console.log(`  ${row.kind.padEnd(6)} ${Array.from(row.values).join(', ').padEnd(20)} ${row.code}`);
}
const sat = meta.satellite!;
const n = icio.countries.length * icio.sectors.length;
sat.stressors.forEach((s, k) => {
  if (s.unit === 'M.EUR') return;
  const total = sat.F.subarray(k * n, k * n + n).reduce((a, b) => a + b, 0);
  console.log(`stressor ${s.name} (${s.unit}): ${total} by industries`);
});
