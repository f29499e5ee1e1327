// Tidy output: the wide records of several indicators turned into long records that join on their
// codes (year, country, partner, sector, term), stacked, and written as CSV and as an Apache Arrow
// IPC file for DuckDB, Polars, pandas, R or Observable.
// Run: npm run example -- examples/tidy-output.ts
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleIcio } from 'gvckit/data';
import {
  createIcio,
  gvcParticipation,
  kwwDecomposition,
  rasmussenLinkages,
  recordsToArrow,
  recordsToCsv,
  tidyRecords,
  valueAddedExports,
} from 'gvckit/io';

// One table (the made-up Ghana–Netherlands–United States table), treated as the year 2020.
const icio = createIcio(exampleIcio);
const year = 2020;
const long = [
  ...tidyRecords(valueAddedExports(icio, { level: 'bilateral' }), { year, indicator: 'vax' }),
  ...tidyRecords(kwwDecomposition(icio), { year, indicator: 'kww' }),
  // position is null where it is not defined: the row stays, with an empty value.
  ...tidyRecords(gvcParticipation(icio, { level: 'sector' }), { year, indicator: 'gvc' }),
  // The linkage class is a string, not a term: keep it as a column of its rows.
  ...tidyRecords(rasmussenLinkages(icio), { year, indicator: 'rasmussen', keep: ['linkage'] }),
];
console.log(`${long.length} tidy records; the first two:`);
console.log(long.slice(0, 2));

// CSV: the header is the union of the keys in first-seen order (sector would come after value
// here, since the first records are country-level), so name the columns; null is an empty field.
const columns = ['indicator', 'year', 'country', 'partner', 'sector', 'linkage', 'term', 'value'];
const csv = recordsToCsv(long, { columns });
console.log(csv.split('\n').slice(0, 4).join('\n'));

// Arrow IPC file (.arrow, Feather v2): Utf8 codes, Int32 year, Float64 values, nulls in a bitmap.
const dir = tmpdir();
writeFileSync(join(dir, 'gvckit-tidy.csv'), csv);
const arrow = recordsToArrow(long, { columns });
writeFileSync(join(dir, 'gvckit-tidy.arrow'), arrow);
console.log(`wrote ${csv.length} characters of CSV and ${arrow.length} bytes of Arrow to ${dir}`);
// In Python: polars.read_ipc('gvckit-tidy.arrow'); in R: arrow::read_feather('gvckit-tidy.arrow');
// the stream format (recordsToArrow(long, { format: 'stream' })) suits pipes and sockets.
