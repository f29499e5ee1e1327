import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { africanClusters, africanClustersSource } from '../../src/data/index.js';
import { Cluster, readClustersTsv } from '../../src/index.js';

/** The shared data folder is a sibling of the repository (`../shared/data`), in CI as here. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsvPath = path.resolve(repoRoot, '../shared/data/african-clusters-table1.tsv');

function readTable1(): string {
  if (!existsSync(tsvPath)) {
    throw new Error(
      `Table 1 transcription not found at ${tsvPath}: the shared data folder must be checked out as ../shared next to the repository`,
    );
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

  it('equals the shared Table 1 transcription, field by field', () => {
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
