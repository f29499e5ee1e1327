import { africanClusters, publishedClusterTables } from '../../src/data/index.js';
import {
  assessDynamism,
  type ClusterTables,
  checkTableConsistency,
  clusterTables,
  compareTables,
  jointActionAssociation,
  type TableDifference,
} from '../../src/index.js';
import type { DemoSection } from './sections.js';

type AnyRow = {
  key: string;
  clusters: number;
  growth?: number;
  upgrading?: number;
  growthAndUpgrading?: number;
};

const titles: Record<
  keyof Pick<
    ClusterTables,
    'marketOrientation' | 'collectiveAction' | 'externalEconomies' | 'institutionalSupport'
  >,
  string
> = {
  marketOrientation: 'Table 2 — market orientation vs dynamism (growth, upgrading, both, clusters)',
  externalEconomies: 'Table 3 — external economies (clusters)',
  collectiveAction: 'Table 4 — collective action vs dynamism (growth, upgrading, both, clusters)',
  institutionalSupport: 'Table 5 — institutional support (clusters)',
};

function cells(row: AnyRow | undefined, dynamism: boolean): string {
  if (row === undefined) return dynamism ? '   —   —   —   —' : '   —';
  const values = dynamism
    ? [row.growth, row.upgrading, row.growthAndUpgrading, row.clusters]
    : [row.clusters];
  return values.map((v) => String(v ?? '').padStart(4)).join('');
}

function sideBySide(table: keyof typeof titles, computed: ClusterTables, published: ClusterTables): string {
  const dynamism = table === 'marketOrientation' || table === 'collectiveAction';
  const a = computed[table] as AnyRow[];
  const b = new Map((published[table] as AnyRow[]).map((r) => [r.key, r]));
  const width = 38;
  const lines = [
    titles[table],
    `  ${'row'.padEnd(width)}${'recomputed'.padStart(dynamism ? 16 : 10)}   ${'published'.padStart(dynamism ? 16 : 9)}`,
  ];
  for (const row of a) {
    const mark = cells(row, dynamism) === cells(b.get(row.key), dynamism) ? ' ' : '≠';
    lines.push(
      `${mark} ${row.key.padEnd(width)}${cells(row, dynamism).padStart(dynamism ? 16 : 10)}   ${cells(b.get(row.key), dynamism).padStart(dynamism ? 16 : 9)}`,
    );
  }
  return lines.join('\n');
}

function difference(d: TableDifference): string {
  const show = (v: number | null) => (v === null ? 'not printed' : String(v));
  return `  ${d.table} / ${d.key} / ${d.column}: recomputed ${show(d.computed)}, published ${show(d.published)}`;
}

/** The cluster section of `npm run demo`: Tables 2–5 recomputed from Table 1 beside the printed ones. */
export const clustersSection: DemoSection = {
  title: 'Clusters: Tables 2–5 of Kaplinsky (2015) recomputed from the 25 African clusters of Table 1',
  render: () => {
    const computed = clusterTables(africanClusters);
    const tables = (
      ['marketOrientation', 'externalEconomies', 'collectiveAction', 'institutionalSupport'] as const
    ).map((t) => sideBySide(t, computed, publishedClusterTables));
    const differences = compareTables(computed, publishedClusterTables).map(difference);
    const contradictions = checkTableConsistency(publishedClusterTables).map(
      (i) =>
        `  ${i.table}${i.key === undefined ? '' : ` / ${i.key}`}${i.column === undefined ? '' : ` / ${i.column}`}: ${i.message}`,
    );
    const survivalists = africanClusters.filter((c) => assessDynamism(c).survivalist).map((c) => c.name);
    const association = (['learning', 'marketing', 'logistics'] as const).map((action) => {
      const r = jointActionAssociation(africanClusters, action);
      return `  ${action.padEnd(10)} table ${JSON.stringify(r.table)}  odds ratio ${r.oddsRatio.toFixed(2)}  Fisher p ${r.pValue.toFixed(3)}`;
    });
    return [
      tables.join('\n\n'),
      [`Cells where the printed tables differ from Table 1 (${differences.length}):`, ...differences].join(
        '\n',
      ),
      [`Contradictions within the printed tables (${contradictions.length}):`, ...contradictions].join('\n'),
      `Survivalist clusters (static, local markets only): ${survivalists.join(', ')}`,
      ['Joint action and dynamism (growth or upgrading): association, not causation', ...association].join(
        '\n',
      ),
    ].join('\n\n');
  },
};
