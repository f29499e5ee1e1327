import { describe, expect, it } from 'vitest';
import { readCsv, run } from './helpers.js';

/*
 * A folder that is itself one table (an extracted EXIOBASE 3 archive, one Eora26 year) is read as
 * that table, not as a folder of yearly files. The EXIOBASE folder and its zip hold the same table
 * (tests/fixtures/exiobase/README.md), so both must print the same records; gross exports of AT
 * are its sales to DE, worked by hand in tests/io/readers/exiobase.test.ts.
 */
describe('gvckit io on a folder that is one table', () => {
  it('reads an extracted EXIOBASE archive as the archive itself', async () => {
    const folder = await run([
      'io',
      'tests/fixtures/exiobase/IOT_2011_pxp',
      '--release',
      'exiobase',
      '--indicator',
      'vax',
      '--format',
      'csv',
    ]);
    const zip = await run([
      'io',
      'tests/fixtures/exiobase/IOT_2011_pxp.zip',
      '--release',
      'exiobase',
      '--indicator',
      'vax',
      '--format',
      'csv',
    ]);
    expect(folder.err).toBe('');
    expect(folder.code).toBe(0);
    expect(zip.code).toBe(0);
    expect(folder.out).toBe(zip.out);
    expect(readCsv(folder.out).rows.map((r) => r.country)).toEqual(['AT', 'DE']);
  });

  it('reads an Eora26 year folder as one table, and a folder of yearly files as a panel', async () => {
    const one = await run(['io', 'tests/fixtures/eora26', '--release', 'eora26', '--indicator', 'vax']);
    expect(one.err).toBe('');
    expect(one.code).toBe(0);
    const withYears = await run([
      'io',
      'tests/fixtures/eora26',
      '--release',
      'eora26',
      '--years',
      '2015',
      '--indicator',
      'vax',
      '--format',
      'csv',
      '--workers',
      '0',
    ]);
    expect(withYears.code).toBe(0);
    expect(readCsv(withYears.out).rows.map((r) => r.year)).toEqual([2015, 2015, 2015]);
  });
});
