// Country groups without merging the table: named groups with dated membership, indicators summed
// by group after computing them at full detail, and the difference with aggregateIcio.
// Run: npm run example -- examples/country-groups.ts
import { exampleIcio } from 'gvckit/data';
import {
  aggregateIcio,
  bmDecomposition,
  countryGroups,
  createIcio,
  groupMembers,
  sumByGroup,
  valueAddedExports,
} from 'gvckit/io';

// The catalogue, and membership by year: the United Kingdom left the EU on 31 January 2020.
console.log(
  countryGroups()
    .map((g) => `${g.name}${g.dated ? ' (dated)' : ''}`)
    .join(', '),
);
console.log(
  `EU 2019: ${groupMembers('EU', { year: 2019 }).length} members; EU 2020: ${groupMembers('EU', { year: 2020 }).length}`,
);
console.log(`BRICS 2024: ${groupMembers('BRICS', { year: 2024 }).join(' ')}`);

// Three countries, one sector: A sells 2 to B, B sells 4 to C; final sales by destination.
const t = createIcio({
  countries: ['A', 'B', 'C'],
  sectors: ['s'],
  Z: [
    [0, 2, 0],
    [0, 0, 4],
    [0, 0, 0],
  ],
  Y: [
    [8, 0, 1],
    [1, 5, 0],
    [0, 0, 10],
  ],
});
const AB = { name: 'AB', members: ['A', 'B'] };

// Summed after: trade between A and B stays trade (GEXP 8 = 3 + 5, VAX 6.8).
const [summed] = sumByGroup(valueAddedExports(t), AB);
console.log(
  `summed:  GEXP ${summed!.GEXP}, VAX ${summed!.VAX.toFixed(2)}, VAX ratio ${summed!.VAXratio.toFixed(3)}`,
);
// Intra- and extra-group parts, with the partners grouped too.
for (const r of sumByGroup(valueAddedExports(t, { level: 'bilateral' }), AB, { partners: [AB] }))
  console.log(`  ${r.country} → ${r.partner}: GEXP ${r.GEXP}, VAX ${r.VAX.toFixed(2)}`);
// Merged first: A→B and B→A become domestic and leave the exports (GEXP 5, VAX 5).
const [merged] = valueAddedExports(aggregateIcio(t, { countries: { AB: ['A', 'B'], C: ['C'] } }));
console.log(`merged:  GEXP ${merged!.GEXP}, VAX ${merged!.VAX.toFixed(2)}`);

// A catalogue group on a table that has only some members: the absent ones are listed in `warnings`.
const eu = sumByGroup(bmDecomposition(createIcio(exampleIcio)), ['EU27', 'USMCA']);
for (const r of eu)
  console.log(
    `${r.country}: GEXP ${r.GEXP.toFixed(1)} = DVA ${r.DVA.toFixed(1)} + DDC ${r.DDC.toFixed(1)} + FVA ${r.FVA.toFixed(1)} + FDC ${r.FDC.toFixed(1)}`,
  );
const warnings = (eu as { warnings?: readonly { path: string; message: string }[] }).warnings ?? [];
for (const w of warnings) console.log(`warning ${w.path}: ${w.message.slice(0, 90)}…`);
