// The Clusters and dynamism guide (docs/guides/clusters.md), runnable: the 25 African clusters of
// Kaplinsky & Morris (2014a), the paper's four tables recomputed from Table 1, the cells that differ
// from the printed tables, the printed tables' internal contradictions, and joint action against dynamism.
// Run: npm run example -- examples/clusters.ts
import {
  assessDynamism,
  checkTableConsistency,
  clusterHeatmap,
  clusterTables,
  compareTables,
  jointActionAssociation,
} from 'gvckit';
import { africanClusters, publishedClusterTables } from 'gvckit/data';

const survivalist = africanClusters.filter((c) => assessDynamism(c).survivalist).map((c) => c.name);
console.log(
  `${africanClusters.length} clusters; survivalist (static, local markets only): ${survivalist.join(', ') || 'none'}`,
);

const tables = clusterTables(africanClusters);
console.log('\nMarket orientation and dynamism (recomputed from Table 1)');
console.log('  row                          clusters growth upgrading both');
for (const r of tables.marketOrientation) {
  console.log(
    `  ${r.key.padEnd(28)} ${String(r.clusters).padStart(8)} ${String(r.growth).padStart(6)} ${String(r.upgrading).padStart(9)} ${String(r.growthAndUpgrading).padStart(4)}`,
  );
}

console.log('\nCells that differ from the published tables (Kaplinsky 2015, Tables 2–5)');
for (const d of compareTables(tables, publishedClusterTables)) {
  console.log(
    `  ${d.table} / ${d.key} / ${d.column}: recomputed ${d.computed}, published ${d.published ?? 'no row'}`,
  );
}

console.log('\nContradictions within the published tables');
for (const issue of checkTableConsistency(publishedClusterTables)) {
  console.log(`  ${issue.table}${issue.key ? ` / ${issue.key}` : ''}: ${issue.message}`);
}

console.log('\nJoint action and dynamism (growth or upgrading); association, not causation');
for (const action of ['learning', 'marketing', 'logistics'] as const) {
  const a = jointActionAssociation(africanClusters, action);
  console.log(
    `  ${action.padEnd(10)} table ${JSON.stringify(a.table)}  odds ratio ${a.oddsRatio.toFixed(2)}  Fisher p ${a.pValue.toFixed(3)}`,
  );
}

// The heat map of the guide, as a Vega-Lite spec: paste it into https://vega.github.io/editor
const spec = clusterHeatmap(tables.marketOrientation, { rowTitle: 'end markets' });
console.log(`\nHeat map: a Vega-Lite spec with ${(spec.data as { values: unknown[] }).values.length} cells`);
