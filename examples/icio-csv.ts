// Load an inter-country input–output table in the OECD ICIO CSV layout and print a short TiVA
// summary. Run: npm run example -- examples/icio-csv.ts
import { readFileSync } from 'node:fs';
import { valueAddedChart } from 'gvckit';
import { exampleIcio } from 'gvckit/data';
import {
  aggregateIcio,
  createIcio,
  gvcParticipation,
  kwwDecomposition,
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

// Merge China and the United States into one region, CHNUSA (a label without "_", the separator of
// COUNTRY_SECTOR labels): trade between them becomes domestic.
const merged = aggregateIcio(icio, { countries: { AUS: ['AUS'], CHNUSA: ['CHN', 'USA'] } });
for (const r of valueAddedExports(merged))
  console.log(`${r.country}: VAX ${r.VAX.toFixed(2)} of exports ${r.GEXP.toFixed(2)}`);

// The guide's table (docs/guides/icio.md): the made-up Ghana–Netherlands–United States table of
// gvckit/data, echoing the cocoa chain. VAX ratio, the KWW split of gross exports, and position.
const cocoaIcio = createIcio(exampleIcio);
const position = gvcParticipation(cocoaIcio);
for (const [s, r] of kwwDecomposition(cocoaIcio).entries()) {
  const dvaAbroad = r.DVA_FIN + r.DVA_INT + r.DVA_INTrex;
  const fva = r.FVA_FIN + r.FVA_INT;
  console.log(
    `${r.country}: gross exports ${r.GEXP.toFixed(1)}, domestic value added absorbed abroad ${(dvaAbroad / r.GEXP).toFixed(3)}, ` +
      `foreign value added ${(fva / r.GEXP).toFixed(3)}, position ${position[s]?.position?.toFixed(3) ?? 'not defined'}`,
  );
}
//=> GHA: gross exports 77.0, domestic value added absorbed abroad 0.895, foreign value added 0.067, position 0.085
//=> NLD: gross exports 81.0, domestic value added absorbed abroad 0.700, foreign value added 0.252, position -0.193
//=> USA: gross exports 72.0, domestic value added absorbed abroad 0.817, foreign value added 0.033, position 0.133

// The guide's chart, a Vega-Lite spec: each country's gross exports by origin of value added.
const parts = (r: ReturnType<typeof kwwDecomposition>[number]): Array<[string, number]> => [
  ['domestic value added absorbed abroad', r.DVA_FIN + r.DVA_INT + r.DVA_INTrex],
  ['domestic value added returning home', r.RDV_FIN + r.RDV_INT],
  ['foreign value added', r.FVA_FIN + r.FVA_INT],
  ['double counting', r.DDC + r.FDC],
];
const spec = valueAddedChart(
  kwwDecomposition(cocoaIcio).map((r) => ({
    finalValue: r.GEXP,
    currency: 'XXX', // ISO 4217 "no currency": the table is in an arbitrary unit
    byStage: parts(r).map(([key, value]) => ({ key, valueAdded: value, share: value / r.GEXP })),
  })),
  { by: 'stage', measure: 'share', labels: [...cocoaIcio.countries], legendTitle: 'part of gross exports' },
);
console.log(`chart: ${JSON.stringify(spec).length} characters of Vega-Lite`);
