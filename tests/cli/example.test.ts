import { describe, expect, it } from 'vitest';
import { readClustersTsv } from '../../src/clusters/index.js';
import { africanClusters, africanClustersSource, exampleIcio } from '../../src/data/index.js';
import { createIcio, readIcioCsv } from '../../src/io/index.js';
import { expectRecords, type Row, readCsv, run, tsv } from './helpers.js';

/** What `gvckit example <name>` printed, as the text of a file (the line feed the CLI adds kept). */
async function example(name: string): Promise<string> {
  const r = await run(['example', name]);
  expect([r.code, r.err]).toEqual([0, '']);
  return r.out;
}

describe('gvckit example', () => {
  it('lists the examples on stdout', async () => {
    const r = await run(['example']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(
      r.out
        .trimEnd()
        .split('\n')
        .map((l) => l.split(' ')[0]),
    ).toEqual(['chain', 'clusters', 'icio']);
  });

  it('refuses an unknown example and a second name: exit 2 with the help', async () => {
    const unknown = await run(['example', 'wiod']);
    expect([unknown.code, unknown.out]).toEqual([2, '']);
    expect(unknown.err.split('\n')[0]).toBe(
      'gvckit example: expected one of chain, clusters, icio, found "wiod"',
    );
    expect(unknown.err).toContain('gvckit example <name>');
    const two = await run(['example', 'chain', 'icio']);
    expect(two.code).toBe(2);
    expect(two.err.split('\n')[0]).toBe('gvckit example: expected one example name, found 2');
  });

  it('chain: the README command `gvckit decompose chain.json` gives the iPhone figures of Xing & Detert (2010)', async () => {
    const files = { 'chain.json': await example('chain') };
    const r = await run(['decompose', 'chain.json', '--format', 'csv', '--totals'], files);
    expect(r.code).toBe(0);
    // Published (Xing & Detert 2010, Table 1; tests/chains/decompose.test.ts): Japan 60.60, Germany
    // 30.15, Korea 22.96, others 48.00, China 6.50; the USA 10.75 + Apple's 500 − 178.96 = 331.79.
    const usd = (country: string, v: number): Row => ({ country, value_added_usd: v, share: v / 500 });
    expectRecords(
      readCsv(r.out).rows,
      [
        usd('USA', 331.79),
        usd('JPN', 60.6),
        usd('ROW', 48),
        usd('DEU', 30.15),
        usd('KOR', 22.96),
        usd('CHN', 6.5),
        { country: 'total', value_added_usd: 500, share: 1 },
      ],
      1e-9,
    );
    const first = await run(
      ['decompose', 'chain.json', '--depth', 'first-round', '--at', 'assembly', '--format', 'jsonl'],
      files,
    );
    // Xing & Detert (2010): China's value added (assembly) is $6.50 of the $178.96 ex-factory cost.
    const china = first.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Row)
      .find((g) => g.country === 'CHN');
    expect(china?.value_added_usd).toBeCloseTo(6.5, 10);
  });

  it('clusters: Table 1 of Kaplinsky (2015), read back as the dataset and tabulated as the transcribed file is', async () => {
    const text = await example('clusters');
    expect(readClustersTsv(text, { source: africanClustersSource })).toEqual(africanClusters);
    const r = await run(['clusters', 'african-clusters-table1.tsv', '--tables', '--format', 'csv'], {
      'african-clusters-table1.tsv': text,
    });
    expect(r.code).toBe(0);
    // The same cross-tabulations as the independent transcription tests/fixtures/african-clusters-table1.tsv,
    // whose counts clusters.test.ts checks against the hand count of tests/clusters/tables.test.ts.
    expect(r.out).toBe((await run(['clusters', tsv, '--tables', '--format', 'csv'])).out);
    // Hand count (tests/clusters/tables.test.ts): local-only 7, domestic 6, domestic-and-regional 4,
    // domestic-and-international 5, international-only 3 clusters.
    const orientation = readCsv(r.out).rows.filter((row) => row.table === 'market_orientation');
    expect(orientation.map((row) => row.clusters)).toEqual([7, 6, 4, 5, 3]);
  });

  it('icio: the made-up table of gvckit/data in the OECD ICIO CSV layout, with the guide figures', async () => {
    const text = await example('icio');
    const icio = readIcioCsv(text);
    const built = createIcio(exampleIcio);
    expect([icio.countries, icio.sectors]).toEqual([built.countries, built.sectors]);
    // Gross output as documented with the dataset: x = Z·1 + Y·1.
    expect(Array.from(icio.x)).toEqual([90, 59, 85, 81, 165, 261, 244, 783, 1742]);
    const r = await run(['io', 'icio.csv', '--indicator', 'vax', '--format', 'csv'], { 'icio.csv': text });
    expect(r.code).toBe(0);
    // docs/guides/icio.md: [['GHA', 77, '0.895'], ['NLD', 81, '0.700'], ['USA', 72, '0.817']]; GHA's
    // 77 by hand: its rows' sales to NLD and USA, 46 + 7 + 4 in Z and 2 + 15 + 3 in Y.
    expectRecords(
      readCsv(r.out).rows,
      [
        { country: 'GHA', GEXP: 77, VAXratio: 0.895 },
        { country: 'NLD', GEXP: 81, VAXratio: 0.7 },
        { country: 'USA', GEXP: 72, VAXratio: 0.817 },
      ],
      5e-4,
    );
  });
});
