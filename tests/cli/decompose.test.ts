import { describe, expect, it } from 'vitest';
import { iphone3g } from '../../src/data/index.js';
import { expectRecords, type Row, readCsv, readTable, run, STACK } from './helpers.js';

/*
 * A three-stage chain worked by hand. Seed (NLD, $1/kg) → Grow (GHA, $2/kg, 0.5 kg of seed per kg)
 * → Make (CHE, $10/kg, 1.5 kg of cocoa per kg), one kg of chocolate:
 *   full depth: Make adds 10 − 1.5·2 = 7; Grow 1.5 kg × (2 − 0.5·1) = 2.25; Seed 0.75 kg × 1 = 0.75;
 *   first round at Make: Make keeps 7, the cocoa it buys counts whole for Ghana, 1.5·2 = 3 (Seed drops out).
 *   Income (per kg of output: Grow wages 1, profit 0.5; Make wages 4, taxes 1, profit 2; Seed none):
 *   full: wages 1.5·1 + 4 = 5.5, profit 1.5·0.5 + 2 = 2.75, taxes 1, undistributed (Seed) 0.75;
 *   first round at Make: wages 4, chain inputs 3, profit 2, taxes 1.
 */
const chocolate = {
  id: 'bar',
  name: 'Chocolate',
  family: 'additive',
  currency: 'USD',
  finalStage: 'make',
  actors: [
    { id: 'breeder', name: 'Seed breeder', country: 'NLD' },
    { id: 'farm', name: 'Cocoa farm', country: 'GHA' },
    { id: 'factory', name: 'Chocolate factory', country: 'CHE' },
  ],
  stages: [
    {
      id: 'seed',
      name: 'Seed',
      function: 'inputs',
      actor: 'breeder',
      country: 'NLD',
      output: { unit: 'kg', unitPrice: 1 },
    },
    {
      id: 'grow',
      name: 'Grow',
      function: 'production',
      actor: 'farm',
      country: 'GHA',
      output: { unit: 'kg', unitPrice: 2 },
      inputs: [{ stage: 'seed', quantity: 0.5 }],
      distribution: { wages: 1, profit: 0.5 },
    },
    {
      id: 'make',
      name: 'Make',
      function: 'processing',
      actor: 'factory',
      country: 'CHE',
      output: { unit: 'kg', unitPrice: 10 },
      inputs: [{ stage: 'grow', quantity: 1.5 }],
      distribution: { wages: 4, taxes: 1, profit: 2 },
    },
  ],
};
const files = {
  'choc.json': JSON.stringify(chocolate),
  'iphone.json': JSON.stringify(iphone3g),
  'plain.json': JSON.stringify({ ...chocolate, stages: chocolate.stages.map(({ distribution, ...s }) => s) }),
};

/** Hand values of the chain above: [key, value added] by grouping, at full depth and first round. */
const full: Record<string, Array<[string, number]>> = {
  country: [
    ['CHE', 7],
    ['GHA', 2.25],
    ['NLD', 0.75],
  ],
  stage: [
    ['seed', 0.75],
    ['grow', 2.25],
    ['make', 7],
  ],
  actor: [
    ['factory', 7],
    ['farm', 2.25],
    ['breeder', 0.75],
  ],
  function: [
    ['processing', 7],
    ['production', 2.25],
    ['inputs', 0.75],
  ],
  income: [
    ['wages', 5.5],
    ['profit', 2.75],
    ['taxes', 1],
    ['undistributed', 0.75],
  ],
};
const firstRound: Record<string, Array<[string, number]>> = {
  country: [
    ['CHE', 7],
    ['GHA', 3],
  ],
  income: [
    ['wages', 4],
    ['chain-inputs', 3],
    ['profit', 2],
    ['taxes', 1],
  ],
};

/** The column of value added: as people read it (`--format table`), and in csv and jsonl. */
const VA_TABLE = 'value added (USD)';
const VA = 'value_added_usd';

/**
 * The printed rows: one per group (shares of the final value 10), then the total when asked (always
 * in the table format, with --totals in csv), under the value-added column `va`.
 */
function rowsOf(by: string, groups: Array<[string, number]>, total = false, va = VA): Row[] {
  return [
    ...groups.map(([key, v]): Row => ({ [by]: key, [va]: v, share: v / 10 })),
    ...(total ? [{ [by]: 'total', [va]: 10, share: 1 }] : []),
  ];
}

/** The rows printed, less the income types no stage reports (0, printed after the others). */
function nonZero(rows: Row[]): Row[] {
  return rows.filter((r) => r[VA] !== 0 && r[VA_TABLE] !== 0);
}

describe('gvckit decompose: every grouping, depth and format on a chain worked by hand', () => {
  it.each(Object.keys(full).flatMap((by) => (['table', 'csv'] as const).map((format) => ({ by, format }))))(
    'full depth --by $by --format $format',
    async ({ by, format }) => {
      const r = await run(['decompose', 'choc.json', '--by', by, '--format', format], files);
      expect(r.code).toBe(0);
      const csv = format === 'csv';
      const printed = csv ? readCsv(r.out) : readTable(r.out);
      expect(printed.columns).toEqual([by, csv ? VA : VA_TABLE, 'share']);
      // The table, for people, ends with the total; csv has none unless asked (--totals).
      expectRecords(
        nonZero(printed.rows),
        rowsOf(by, full[by] ?? [], !csv, csv ? VA : VA_TABLE),
        csv ? 1e-12 : 5e-5,
      );
    },
  );

  it('--depth full is the default', async () => {
    const a = await run(['decompose', 'choc.json', '--format', 'csv'], files);
    const b = await run(['decompose', 'choc.json', '--depth', 'full', '--format', 'csv'], files);
    expect(a.out).toBe(b.out);
    expectRecords(readCsv(a.out).rows, rowsOf('country', full.country ?? []), 1e-12);
  });

  it.each([
    ['the final stage by default', []],
    ['--at make', ['--at', 'make']],
  ])('--depth first-round at %s', async (_what, at) => {
    for (const by of ['country', 'income']) {
      const r = await run(
        ['decompose', 'choc.json', '--depth', 'first-round', ...at, '--by', by, '--format', 'csv'],
        files,
      );
      expect(r.code).toBe(0);
      expectRecords(nonZero(readCsv(r.out).rows), rowsOf(by, firstRound[by] ?? []), 1e-12);
    }
  });

  it('--depth first-round --at grow: Seed counts whole for the Netherlands (here the same as full)', async () => {
    // Grow keeps its own 2.25 and Make its 7; the seed Grow buys counts whole: 0.75 kg × $1.
    const r = await run(
      ['decompose', 'choc.json', '--depth', 'first-round', '--at', 'grow', '--format', 'csv'],
      files,
    );
    expectRecords(readCsv(r.out).rows, rowsOf('country', full.country ?? []), 1e-12);
  });

  it('--format json prints the whole decomposition', async () => {
    const r = await run(['decompose', 'choc.json', '--format', 'json', '--by', 'stage'], files);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out) as {
      finalValue: number;
      currency: string;
      depth: string;
      byCountry: Array<{ key: string; valueAdded: number }>;
      byIncome: Array<{ key: string; valueAdded: number }>;
    };
    expect([d.finalValue, d.currency, d.depth]).toEqual([10, 'USD', 'full']);
    expect(d.byCountry.map((g) => [g.key, g.valueAdded])).toEqual(full.country);
    expect(d.byIncome.filter((g) => g.valueAdded !== 0).map((g) => [g.key, g.valueAdded])).toEqual(
      full.income,
    );
  });

  it('reproduces Xing & Detert (2010) at the Chinese assembler, by country', async () => {
    const r = await run(
      ['decompose', 'iphone.json', '--depth', 'first-round', '--at', 'assembly', '--format', 'json'],
      files,
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as { byCountry: Array<{ key: string; valueAdded: number }> };
    // Xing & Detert (2010), Table: China's value added (assembly) is $6.50 of $178.96.
    expect(result.byCountry.find((g) => g.key === 'CHN')?.valueAdded).toBeCloseTo(6.5, 10);
  });

  it('prints the iPhone by country in CSV, with a total line equal to the retail price only with --totals', async () => {
    const r = await run(['decompose', 'iphone.json', '--by', 'country', '--format', 'csv'], files);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('country,value_added_usd,share');
    // Six countries: JPN, DEU, KOR, USA, ROW, CHN (Xing & Detert 2010), and no total.
    expect(lines).toHaveLength(7);
    expect(lines.some((l) => l.startsWith('total,'))).toBe(false);
    const t = await run(
      ['decompose', 'iphone.json', '--by', 'country', '--format', 'csv', '--totals'],
      files,
    );
    // The iPhone 3G retailed at about $500 (Xing & Detert 2010); the dataset uses 500.
    expect(t.out.trim().split('\n').at(-1)).toBe('total,500,1');
  });
});

describe('gvckit decompose: errors', () => {
  it('--at with --depth full (the default) is a usage error, before the file is read', async () => {
    for (const argv of [
      ['decompose', 'choc.json', '--at', 'make'],
      ['decompose', 'choc.json', '--depth', 'full', '--at', 'make'],
    ]) {
      const r = await run(argv, files);
      expect(r.code).toBe(2);
      expect(r.reads).toEqual([]);
      expect(r.err.split('\n')[0]).toBe(
        'gvckit decompose: --at: expected no --at with --depth full (it names the stage of --depth first-round), found "make"',
      );
    }
  });

  it('--by income without any distribution: exit 1 saying why', async () => {
    const r = await run(['decompose', 'plain.json', '--by', 'income'], files);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(
      'gvckit decompose: cannot group by income: stages: expected a distribution of value added on the stages, found none',
    );
  });

  it('an unknown stage at --at: exit 1 naming it', async () => {
    const r = await run(['decompose', 'choc.json', '--depth', 'first-round', '--at', 'roast'], files);
    expect(r.code).toBe(1);
    expect(r.err).toContain('found "roast"');
    expect(r.err).not.toMatch(STACK);
  });

  it.each([
    ['--by', 'planet', 'country, stage, actor, function, income'],
    ['--depth', 'second-round', 'full, first-round'],
    ['--format', 'xml', 'table, json, csv, jsonl'],
  ])('%s %s: exit 2 listing the values it takes', async (flag, v, allowed) => {
    const r = await run(['decompose', 'choc.json', flag, v], files);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`gvckit decompose: ${flag}: expected one of ${allowed}, found "${v}"`);
  });

  it('reports every validation problem with its path and exits 1', async () => {
    const r = await run(['decompose', 'bad.json'], { 'bad.json': '{"id":"x","family":"additive"}' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('invalid value chain');
    expect(r.err).toContain('finalStage:');
    expect(r.err).toContain('stages:');
  });

  it('explains malformed JSON, a missing file, an unknown option and two files', async () => {
    const json = await run(['decompose', 'x.json'], { 'x.json': '{' });
    expect(json.code).toBe(1);
    expect(json.err).toContain('"x.json" is not valid JSON');
    const missing = await run(['decompose', '/nonexistent/chain.json']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('file not found');
    expect((await run(['decompose', 'choc.json', '--colour'], files)).code).toBe(2);
    const two = await run(['decompose', 'a.json', 'b.json'], files);
    expect(two.code).toBe(2);
    expect(two.err).toContain('expected one chain file, found 2');
  });
});
