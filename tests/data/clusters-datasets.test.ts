import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { africanClusters, africanClustersSource, publishedClusterTables } from '../../src/data/index.js';
import { Cluster, ClusterTables, readClustersTsv } from '../../src/index.js';

/** Transcriptions of Kaplinsky (2015) Tables 1–5, kept in the repository (`tests/fixtures/`, see its README). */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsvPath = path.resolve(repoRoot, 'tests/fixtures/african-clusters-table1.tsv');

function readTable1(): string {
  if (!existsSync(tsvPath)) {
    throw new Error(`Table 1 transcription not found at ${tsvPath}: it belongs in tests/fixtures/`);
  }
  return readFileSync(tsvPath, 'utf8');
}

describe('africanClusters', () => {
  it('is 25 valid clusters with unique ids, each with the Table 1 source', () => {
    expect(africanClusters).toHaveLength(25);
    for (const c of africanClusters) {
      expect(Cluster.safeParse(c).success).toBe(true);
      expect(c.source).toEqual(africanClustersSource);
    }
    expect(new Set(africanClusters.map((c) => c.id)).size).toBe(25);
  });

  it('equals the Table 1 transcription, field by field', () => {
    const fromTsv = readClustersTsv(readTable1(), { source: africanClustersSource });
    expect(fromTsv).toHaveLength(africanClusters.length);
    fromTsv.forEach((expected, i) => {
      const actual = africanClusters[i];
      expect(actual, `cluster ${i}`).toBeDefined();
      for (const field of Object.keys(Cluster.shape) as Array<keyof Cluster>) {
        expect(actual?.[field], `${expected.name}.${field}`).toEqual(expected[field]);
      }
    });
  });

  it('keeps names as printed and maps the country names to ISO 3166-1 alpha-3', () => {
    // Country column of Table 1 → code, checked by hand against ISO 3166-1.
    const iso: Record<string, string> = {
      Egypt: 'EGY',
      Ethiopia: 'ETH',
      Ghana: 'GHA',
      Kenya: 'KEN',
      Nigeria: 'NGA',
      Mauritius: 'MUS',
      'South Africa': 'ZAF',
      Tanzania: 'TZA',
      Uganda: 'UGA',
    };
    const rows = readTable1()
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    rows.forEach((cells, i) => {
      expect(africanClusters[i]?.name).toBe(cells[1]);
      expect(africanClusters[i]?.country).toBe(iso[cells[0] ?? '']);
    });
    expect(africanClusters[0]?.name).toBe('Dormiatt Furniture (Domestic)');
  });
});

describe('publishedClusterTables', () => {
  const jsonPath = path.resolve(repoRoot, 'tests/fixtures/published-tables.json');

  it('is valid ClusterTables with its source and notes', () => {
    expect(ClusterTables.safeParse(publishedClusterTables).success).toBe(true);
    expect(publishedClusterTables.source?.citation).toMatch(/Kaplinsky, R\. \(2015\)/);
    expect(publishedClusterTables.notes?.length).toBeGreaterThan(0);
    expect(publishedClusterTables.clusters).toBe(25);
  });

  it('holds exactly the values of the transcription of Tables 2-5, row by row as printed', () => {
    if (!existsSync(jsonPath)) {
      throw new Error(
        `published tables transcription not found at ${jsonPath}: it belongs in tests/fixtures/`,
      );
    }
    const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as Record<
      string,
      Record<string, number | number[]>
    >;
    const dynamismRows = (printed: Record<string, number | number[]>) =>
      Object.entries(printed).map(([label, v]) => {
        const [growth, upgrading, growthAndUpgrading, clusters] = v as number[];
        return { label, growth, upgrading, growthAndUpgrading, clusters };
      });
    const countRows = (printed: Record<string, number | number[]>) =>
      Object.entries(printed).map(([label, clusters]) => ({ label, clusters }));
    const strip = (rows: ReadonlyArray<{ key: string }>) => rows.map(({ key: _key, ...rest }) => rest);
    expect(strip(publishedClusterTables.marketOrientation)).toEqual(
      dynamismRows(json.table2_marketOrientationVsDynamism ?? {}),
    );
    expect(strip(publishedClusterTables.externalEconomies)).toEqual(
      countRows(json.table3_externalEconomies ?? {}),
    );
    expect(strip(publishedClusterTables.collectiveAction)).toEqual(
      dynamismRows(json.table4_collectiveActionVsDynamism ?? {}),
    );
    expect(strip(publishedClusterTables.institutionalSupport)).toEqual(
      countRows(json.table5_institutionalSupport ?? {}),
    );
  });
});
