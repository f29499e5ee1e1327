// The Clusters and dynamism guide (docs/guides/clusters.md), runnable: the 25 African clusters of
// Kaplinsky & Morris (2014a), the paper's four tables recomputed from Table 1, the cells that differ
// from the printed tables, the printed tables' internal contradictions, joint action against dynamism,
// the dynamism rules (real growth, dying and survivalist clusters) and what the counts support.
// Run: npm run example -- examples/clusters.ts
import {
  assessDynamism,
  type Cluster,
  checkTableConsistency,
  clusterDynamism,
  clusterHeatmap,
  clusterTables,
  compareTables,
  exactTableTest,
  jointActionAssociation,
  jointActionTrend,
  marketOrientationTest,
} from 'gvckit';
import { africanClusters, publishedClusterTables } from 'gvckit/data';

const survivalist = africanClusters.filter((c) => assessDynamism(c).survivalist).map((c) => c.name);
console.log(
  `${africanClusters.length} clusters; survivalist (static, local markets only): ${survivalist.join(', ') || 'none'}`,
);

// Dynamism: real growth, and dying or survivalist static clusters (McCormick 1999).
const gikomba = africanClusters[6] as Cluster; // Gikomba Furniture: static, local markets only
console.log(`\n${gikomba.name}`);
console.log('  as printed:', clusterDynamism(gikomba).staticKind);
const shrinking = clusterDynamism({
  ...gikomba,
  indicators: [
    { period: 2010, firms: 100, employment: 900 },
    { period: 2014, firms: 70, employment: 600 },
  ],
});
console.log('  with fewer firms and workers:', shrinking.staticKind);
const inflated = clusterDynamism(
  {
    ...gikomba,
    indicators: [
      { period: 2010, sales: 100 },
      { period: 2012, sales: 116.64 },
    ],
  },
  { deflator: { 2010: 100, 2012: 121 } },
);
console.log(
  '  sales +8% a year, prices +10% a year: real growth',
  inflated.growth.realRates.sales?.toFixed(4),
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

console.log('\nWhat the counts support');
const trend = jointActionTrend(africanClusters);
console.log(
  '  kinds of joint action 0..3, grew or upgraded:',
  trend.rows.map((r) => `${r.withOutcome}/${r.clusters}`).join(' '),
  `X² ${trend.test.statistic.toFixed(3)}, p ${trend.test.pValue.toFixed(4)}, exact p ${trend.test.exact?.pValue.toFixed(3)}`,
);
const both = jointActionTrend(africanClusters, {
  outcome: 'growth-and-upgrading',
  alternative: 'increasing',
});
console.log(
  '  grew and upgraded:',
  both.rows.map((r) => `${r.withOutcome}/${r.clusters}`).join(' '),
  `X² ${both.test.statistic.toFixed(1)}, exact one-sided p ${both.test.exact?.pValue.toFixed(4)}`,
);
const orientation = marketOrientationTest(africanClusters, { outcome: 'growth-and-upgrading' });
console.log(
  '  market orientation, grew and upgraded:',
  orientation.rows.map((r) => `${r.withOutcome}/${r.clusters}`).join(' '),
  `exact p ${orientation.exact.pValue.toFixed(7)}, trend p ${orientation.trend.pValue.toFixed(4)}`,
);
const dynamic = marketOrientationTest(africanClusters);
console.log(
  '  market orientation, grew or upgraded:',
  dynamic.rows.map((r) => `${r.withOutcome}/${r.clusters}`).join(' '),
  `exact p ${dynamic.exact.pValue.toFixed(3)}, trend p ${dynamic.trend.pValue.toFixed(4)}`,
);
console.log(
  '  beyond local (13 of 18 dynamic) against local only (3 of 7): p',
  exactTableTest([
    [13, 5],
    [3, 4],
  ]).pValue.toFixed(2),
);

// The heat map of the guide, as a Vega-Lite spec: paste it into https://vega.github.io/editor
const spec = clusterHeatmap(tables.marketOrientation, { rowTitle: 'end markets' });
console.log(`\nHeat map: a Vega-Lite spec with ${(spec.data as { values: unknown[] }).values.length} cells`);
