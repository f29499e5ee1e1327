// A panel of years: one indicator computed for every year of a release, in one list with a `year`
// field, then written as a tidy CSV. Run: npm run example -- examples/panel.ts
// The years are the small OECD ICIO fixtures of tests/fixtures/oecd (editions 2016, 2018, 2021 and
// 2023, each a few countries × 2–3 sectors in its edition's exact layout); real yearly files
// (`2015.csv` … `2020.csv` of one edition) are given the same way, or as a folder to the CLI:
//   gvckit io ICIO2023/ --release oecd --years 2015-2020 --indicator vax --format csv
import { fileURLToPath } from 'node:url';
import { icioPanel, type PanelProgress, readOecdIcio, recordsToCsv, tidyRecords } from 'gvckit/io';

const fixture = (name: string) => fileURLToPath(new URL(`../tests/fixtures/oecd/${name}`, import.meta.url));

const progress: PanelProgress[] = [];
const records = await icioPanel(
  {
    load: {
      release: 'oecd',
      files: {
        2010: fixture('ICIO2018_2010.csv'),
        2011: fixture('ICIO2016_2011.csv'),
        2015: fixture('ICIO2021_2015.csv'),
        2019: fixture('2019.csv'),
      },
    },
    indicator: { name: 'vax', options: { level: 'country' } },
  },
  { onProgress: (p) => progress.push(p) },
);

console.log(`${records.length} records of ${new Set(records.map((r) => r.year)).size} years`);
for (const r of records) {
  console.log(`${r.year} ${String(r.country).padEnd(4)} VAX ratio ${(r.VAXratio as number).toFixed(3)}`);
}
console.log(`progress: ${progress.map((p) => `${p.year} ${p.phase}`).join(', ')}`);

// The same records, one row per term, as CSV (year, country, term, value).
console.log(recordsToCsv(tidyRecords(records)).split('\n').slice(0, 4).join('\n'));

// A loader function runs on the calling thread: here, the 2023 edition's small (merged) file.
const merged = await icioPanel({
  years: [2019],
  load: (year) => readOecdIcio(fixture(`${year}_SML.csv`)),
  indicator: 'upstreamness',
});
console.log(`${merged.length} upstreamness records of 2019 (small file)`);
