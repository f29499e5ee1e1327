import { describe, expect, it } from 'vitest';
import { GvcError, readClustersTsv } from '../../src/index.js';
import { deepFreeze } from '../helpers.js';
import { tsvHeader } from './fixtures.js';

function issuesOf2(f: () => unknown): Array<{ path: string; message: string }> {
  try {
    f();
  } catch (e) {
    expect((e as GvcError).code).toBe('INVALID_INPUT');
    return (e as GvcError).issues;
  }
  throw new Error('expected a GvcError');
}

function issuesOf(text: string): Array<{ path: string; message: string }> {
  try {
    readClustersTsv(text);
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    expect((e as GvcError).code).toBe('INVALID_INPUT');
    return (e as GvcError).issues;
  }
  throw new Error('expected readClustersTsv to throw');
}

describe('readClustersTsv', () => {
  it('reads the printed wording into the model values, "none" as an empty list', () => {
    const text = [
      tsvHeader,
      'Ghana\tSuame Vehicle Repair\tlocal;regional\tnone\tavailability of suppliers;customer attraction;specialised service providers\tlearning\tgovernment;cluster/sectoral;external',
    ].join('\r\n');
    expect(readClustersTsv(text)).toEqual([
      {
        id: 'gha-suame-vehicle-repair',
        name: 'Suame Vehicle Repair',
        country: 'GHA',
        sector: 'vehicle repair',
        endMarkets: ['local', 'regional'],
        dynamism: { growth: false, upgrading: false },
        externalEconomies: ['suppliers', 'customer-attraction', 'specialised-services'],
        collectiveAction: ['learning'],
        institutionalSupport: ['government', 'cluster-sectoral', 'external'],
      },
    ]);
  });

  it('takes id, sector and origin columns when present, ISO codes, model values, any column order, and a source', () => {
    const text = [
      'id\tsector\torigin\tcluster\tcountry\tend_market\tevidence_of_dynamism\texternal_economies\tcollective_action\tinstitutional_support',
      'z1\tspecial economic zone\tpolicy-created\tEastern Zone\tETH\tInternational\tGrowth\tlabour-supply;suppliers\tnone\tcluster-sectoral',
      '',
    ].join('\n');
    expect(readClustersTsv(text, { source: { citation: 'Survey (2020)' } })).toEqual([
      {
        id: 'z1',
        name: 'Eastern Zone',
        country: 'ETH',
        sector: 'special economic zone',
        origin: 'policy-created',
        endMarkets: ['international'],
        dynamism: { growth: true, upgrading: false },
        externalEconomies: ['labour-supply', 'suppliers'],
        collectiveAction: [],
        institutionalSupport: ['cluster-sectoral'],
        source: { citation: 'Survey (2020)' },
      },
    ]);
  });

  it('derives the id and the sector where their cells are empty', () => {
    const text = [
      `${tsvHeader}\tid\tsector`,
      'Nigeria\tNnewi Auto Parts\tnational;regional\tgrowth;upgrading\tnone\tlogistics\tnone\t\t',
    ].join('\n');
    const [c] = readClustersTsv(text);
    expect([c?.id, c?.sector]).toEqual(['nga-nnewi-auto-parts', 'auto parts']);
  });

  it('names the line and the column of every bad cell', () => {
    const text = [
      tsvHeader,
      'Kenya\tNgong Furniture\tlocal\tgrowth\tlabour supply\tnone\tnone',
      'Atlantis\tGikomba Furniture\tnationl\tnone\tnone\tlearning;none\tgovernment;government',
      'Kenya\tShort line\tlocal',
      '',
      'Kenya\tMystery Works\tlocal\t\tnone\tnone\tnone',
    ].join('\n');
    expect(issuesOf(text)).toEqual([
      {
        path: 'line 3, column country',
        message:
          'expected an ISO 3166-1 alpha-3 code or one of the country names egypt, ethiopia, ghana, kenya, nigeria, mauritius, south africa, tanzania, uganda, found "Atlantis"',
      },
      {
        path: 'line 3, column end_market',
        message:
          'expected "local", "national", "regional", "international" separated by ";", or "none", found "nationl"',
      },
      {
        path: 'line 3, column collective_action',
        message: 'expected "none" alone, found it among other values in "learning;none"',
      },
      {
        path: 'line 3, column institutional_support',
        message: 'expected each value once, found "government" again',
      },
      { path: 'line 4', message: 'expected 7 tab-separated fields, found 3' },
      {
        path: 'line 6, column evidence_of_dynamism',
        message: 'expected "growth", "upgrading" separated by ";", or "none", found an empty cell',
      },
      {
        path: 'line 6, column cluster',
        message:
          'expected a name from which a sector can be derived, found "Mystery Works"; add a sector column',
      },
    ]);
  });

  it('reports missing, unknown and repeated header columns on line 1', () => {
    expect(issuesOf('country\tcluster\tcolour\tcluster')).toEqual([
      {
        path: 'line 1, column colour',
        message:
          'expected one of the columns country, cluster, end_market, evidence_of_dynamism, external_economies, collective_action, institutional_support, id, sector, origin, found "colour"',
      },
      { path: 'line 1, column cluster', message: 'expected each column once, found "cluster" again' },
      { path: 'line 1', message: 'expected a column "end_market", found none' },
      { path: 'line 1', message: 'expected a column "evidence_of_dynamism", found none' },
      { path: 'line 1', message: 'expected a column "external_economies", found none' },
      { path: 'line 1', message: 'expected a column "collective_action", found none' },
      { path: 'line 1', message: 'expected a column "institutional_support", found none' },
    ]);
    expect(issuesOf('')).toEqual([
      {
        path: 'line 1',
        message:
          'expected a header line naming the columns country, cluster, end_market, evidence_of_dynamism, external_economies, collective_action, institutional_support, found none',
      },
    ]);
  });

  it('reports duplicate ids by line, and schema problems by line and column', () => {
    const text = [
      `${tsvHeader}\tid\torigin`,
      'Kenya\tNgong Furniture\tlocal\tgrowth\tnone\tnone\tnone\tk1\t',
      'Kenya\tKibuye Furniture\tlocal\tnone\tnone\tnone\tnone\tk1\tplanned',
    ].join('\n');
    expect(issuesOf(text)).toEqual([
      {
        path: 'line 3, column origin',
        message: 'expected one of "spontaneous", "policy-created", found "planned"',
      },
      {
        path: 'line 3, column id',
        message: 'expected unique cluster ids, found "k1" again (first on line 2)',
      },
    ]);
  });

  it('does not mutate its options, and reports an invalid source under options.source', () => {
    const options = deepFreeze({ source: { citation: 'Survey (2020)', page: 4 } });
    const text = `${tsvHeader}\nKenya\tNgong Furniture\tlocal\tgrowth\tnone\tnone\tnone`;
    expect(readClustersTsv(text, options)[0]?.source).toEqual({ citation: 'Survey (2020)', page: 4 });
    expect(options).toEqual({ source: { citation: 'Survey (2020)', page: 4 } });
    expect(issuesOf2(() => readClustersTsv(text, { source: { citation: '' } }))[0]?.path).toBe(
      'options.source.citation',
    );
  });

  it('does not read anything from a non-string', () => {
    expect(() => readClustersTsv(42 as unknown as string)).toThrow(GvcError);
  });
});
