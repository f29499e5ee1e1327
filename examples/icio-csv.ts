// Load an inter-country input–output table in the OECD ICIO CSV layout and print a short TiVA
// summary. Run: npm run example -- examples/icio-csv.ts
import { readFileSync } from 'node:fs';
import {
  aggregateIcio,
  gvcParticipation,
  leontiefDecomposition,
  readIcioCsv,
  valueAddedExports,
} from 'gvckit/io';

// A made-up 3-country × 2-sector table: industry columns CCC_SECTOR, six final-demand categories
// per country (HFCE, NPISH, GGFC, GFCF, INVNT, DPABR), an OUT column, and TLS, VA and OUT rows.
const csv = readFileSync(new URL('./data/icio-oecd-layout.csv', import.meta.url), 'utf8');
const icio = readIcioCsv(csv);
console.log(`countries ${icio.countries.join(', ')}; sectors ${icio.sectors.join(', ')}`);

const vax = valueAddedExports(icio);
const hiy = leontiefDecomposition(icio);
const gvc = gvcParticipation(icio);
for (const [s, country] of icio.countries.entries()) {
  const h = hiy[s]!;
  console.log(
    `${country}: gross exports ${h.GEXP.toFixed(1)}, VAX ratio ${vax[s]!.VAXratio.toFixed(3)}, ` +
      `foreign content ${(h.i2e / h.GEXP).toFixed(3)}, GVC participation forward ${gvc[s]!.GVCPt_f.toFixed(3)} / backward ${gvc[s]!.GVCPt_b.toFixed(3)}`,
  );
}

// Merge China and the United States into one region: trade between them becomes domestic.
const merged = aggregateIcio(icio, { countries: { AUS: ['AUS'], CHN_USA: ['CHN', 'USA'] } });
for (const r of valueAddedExports(merged))
  console.log(`${r.country}: VAX ${r.VAX.toFixed(2)} of exports ${r.GEXP.toFixed(2)}`);
