/**
 * The browser example (examples/web) in headless Chromium: builds the bundle from the built package,
 * serves the page cross-origin isolated, and checks the numbers on the page and that every chart drew.
 * Uses Debian's `chromium` (or GVCKIT_CHROMIUM) through playwright-core, with no browser download; when
 * either is absent the tests are skipped with the reason printed. With UPDATE_SCREENSHOTS=1 it also
 * writes the guide's screenshot, docs/guides/screenshots/web-example.png; otherwise it writes nothing
 * in the repository.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript script, without types
import { buildWebExample, serveWebExample } from '../../scripts/build-web-example.mjs';
import { exampleIcio, iphone3g } from '../../src/data/index.js'; // data only: the page runs dist/

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const executablePath = process.env.GVCKIT_CHROMIUM ?? '/usr/bin/chromium';

// Flags for a headless Chromium on a machine without network: without them it waits on connections.
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

type Playwright = typeof import('playwright-core');
let playwright: Playwright | undefined;
let skipReason: string | undefined;
if (!existsSync(executablePath)) {
  skipReason = `no Chromium at ${executablePath} (install Debian's chromium, or set GVCKIT_CHROMIUM)`;
} else {
  try {
    playwright = await import('playwright-core');
  } catch (error) {
    skipReason = `playwright-core is not installed (${(error as Error).message.split('\n')[0]})`;
  }
}
if (skipReason !== undefined) console.warn(`SKIPPED tests/consumer/web.test.ts: ${skipReason}`);

/** Solves A·X = B by Gauss–Jordan elimination with partial pivoting (an independent check). */
function solve(A: number[][], B: number[][]): number[][] {
  const n = A.length;
  const M = A.map((row, i) => [...row, ...B[i]!]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(M[i]![k]!) > Math.abs(M[p]![k]!)) p = i;
    [M[k], M[p]] = [M[p]!, M[k]!];
    const pivot = M[k]![k]!;
    M[k] = M[k]!.map((x) => x / pivot);
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const f = M[i]![k]!;
      M[i] = M[i]!.map((x, j) => x - f * M[k]![j]!);
    }
  }
  return M.map((row) => row.slice(n));
}

/**
 * Output multipliers (column sums of L = (I − A)⁻¹) and value-added exports (Johnson & Noguera 2012:
 * VAX_s = Σ_{i∈s} v_i Σ_{d≠s} (L·Y)_{i,d}) of a table, computed here from Z and Y alone.
 */
function reference(Z: number[][], Y: number[][], countries: string[], sectors: number) {
  const n = Z.length;
  const x = Z.map((row, i) => row.reduce((a, b) => a + b, 0) + Y[i]!.reduce((a, b) => a + b, 0));
  const IminusA = Z.map((row, i) => row.map((z, j) => (i === j ? 1 : 0) - z / x[j]!));
  const identity = Z.map((_, i) => Z.map((__, j) => (i === j ? 1 : 0)));
  const L = solve(IminusA, identity);
  const multipliers = Z.map((_, j) => L.reduce((sum, row) => sum + row[j]!, 0));
  const v = Z.map((_, j) => 1 - Z.reduce((sum, row) => sum + row[j]!, 0) / x[j]!);
  const LY = solve(IminusA, Y);
  const vax = countries.map((_, s) => {
    let total = 0;
    for (let i = s * sectors; i < (s + 1) * sectors; i++) {
      for (let d = 0; d < countries.length; d++) if (d !== s) total += v[i]! * LY[i]![d]!;
    }
    return total;
  });
  return { multipliers, vax, n };
}

it("examples/web/chain.json is the shipped iPhone 3G chain (gvckit/data's iphone3g)", () => {
  expect(JSON.parse(readFileSync(join(root, 'examples/web/chain.json'), 'utf8'))).toEqual(iphone3g);
});

describe.skipIf(skipReason !== undefined)('examples/web in headless Chromium', () => {
  let browser: import('playwright-core').Browser;
  let page: import('playwright-core').Page;
  let close: () => Promise<void>;
  const buildDir = mkdtempSync(join(tmpdir(), 'gvckit-web-'));
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const built = await buildWebExample(buildDir);
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    console.log(`web example bundle: ${kb(built.bytes)} minified, of which gvckit ${kb(built.gvckitBytes)}`);
    const server = await serveWebExample({ buildDir });
    close = server.close;
    browser = await playwright!.chromium.launch({ executablePath, args, headless: true });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url);
    try {
      await page.waitForFunction("document.body.dataset.status !== 'loading'", null, { timeout: 30_000 });
    } catch (error) {
      throw new Error(`the page did not finish: ${[...pageErrors, ...consoleErrors].join('; ') || error}`);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await close?.();
    rmSync(buildDir, { recursive: true, force: true });
  });

  const value = (selector: string) =>
    page.$eval(selector, (el) => Number(el.getAttribute('data-value') ?? Number.NaN));
  const cell = (table: string, key: string, field: string) =>
    value(`#${table} tr[data-key="${key}"] td[data-field="${field}"]`);

  it('runs without errors, cross-origin isolated', async () => {
    const status = await page.getAttribute('body', 'data-status');
    const message = await page.textContent('#status');
    expect({ status, message, pageErrors, consoleErrors }).toEqual({
      status: 'ready',
      message: '',
      pageErrors: [],
      consoleErrors: [],
    });
    expect(await page.evaluate('crossOriginIsolated')).toBe(true);
  });

  it('shows the published iPhone 3G figures (Xing & Detert 2010, Table 1)', async () => {
    // Published: factory price 178.96; Japan 60.60, Germany 30.15, Korea 22.96, United States 10.75,
    // other countries 48.00, China (assembly) 6.50; retail price about $500 (used as 500).
    // Hand calculation: USA = 10.75 + (500 − 178.96) = 10.75 + 321.04 = 331.79; shares over 500.
    expect(await value('#factory-price')).toBeCloseTo(178.96, 9);
    expect(await value('#retail-price')).toBe(500);
    const published: Array<[string, number]> = [
      ['USA', 331.79],
      ['JPN', 60.6],
      ['ROW', 48],
      ['DEU', 30.15],
      ['KOR', 22.96],
      ['CHN', 6.5],
    ];
    const rows = await page.$$eval('#by-country tbody tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-key')),
    );
    expect(rows).toEqual(published.map(([c]) => c)); // largest first
    for (const [country, va] of published) {
      expect(await cell('by-country', country, 'valueAdded')).toBeCloseTo(va, 9);
      expect(await cell('by-country', country, 'share')).toBeCloseTo(va / 500, 9);
    }
    expect(await page.textContent('#by-country tr[data-key="CHN"]')).toContain('$6.50');
  });

  it('shows the ICIO numbers, checked against an independent inverse', async () => {
    const Z = exampleIcio.Z.map((r) => [...r]);
    const Y = exampleIcio.Y.map((r) => [...r]);
    const ref = reference(Z, Y, [...exampleIcio.countries], exampleIcio.sectors.length);
    // Gross exports by hand: GHA rows 1–3, columns of NLD and USA in Z and Y:
    // (1+30+0+1+14+0 + 1+1) + (0+3+1+0+2+1 + 6+9) + (0+1+1+0+1+1 + 1+2) = 48 + 22 + 7 = 77; likewise 81, 72.
    const gexp: Record<string, number> = { GHA: 77, NLD: 81, USA: 72 };
    for (const [s, country] of exampleIcio.countries.entries()) {
      expect(await cell('vax', country, 'GEXP')).toBeCloseTo(gexp[country]!, 9);
      expect(await cell('vax', country, 'VAX')).toBeCloseTo(ref.vax[s]!, 9);
      expect(await cell('vax', country, 'VAXratio')).toBeCloseTo(ref.vax[s]! / gexp[country]!, 9);
    }
    // The ICIO guide's printed VAX ratios: 0.895, 0.700, 0.817.
    expect(
      await page.$$eval('#vax td[data-field="VAXratio"]', (tds) => tds.map((td) => td.textContent)),
    ).toEqual(['0.895', '0.700', '0.817']);
    const labels = exampleIcio.countries.flatMap((c) => exampleIcio.sectors.map((s) => `${c}_${s}`));
    for (const [j, label] of labels.entries()) {
      expect(await cell('multipliers', label, 'multiplier')).toBeCloseTo(ref.multipliers[j]!, 9);
    }
  });

  it('draws every chart with vega-embed, marks included', async () => {
    const charts = await page.$$eval('.chart', (divs) =>
      divs.map((div) => ({
        id: div.id,
        svg: div.querySelectorAll('svg').length,
        rects: div.querySelectorAll('g.mark-rect path').length,
        symbols: div.querySelectorAll('g.mark-symbol path').length,
        lines: div.querySelectorAll('g.mark-line path').length,
        texts: div.querySelectorAll('text').length,
      })),
    );
    console.log('charts drawn:', JSON.stringify(charts));
    const byId = Object.fromEntries(charts.map((c) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual(['chart-icio', 'chart-smile', 'chart-value-added']);
    for (const c of charts) {
      expect(c.svg, c.id).toBeGreaterThan(0);
      expect(c.texts, c.id).toBeGreaterThan(0);
    }
    expect(byId['chart-value-added']!.rects).toBeGreaterThanOrEqual(6); // one segment per country
    expect(byId['chart-icio']!.rects).toBeGreaterThanOrEqual(12); // 3 countries × 4 parts
    expect(byId['chart-smile']!.symbols).toBeGreaterThanOrEqual(3); // components, assembly, retail
    expect(byId['chart-smile']!.lines).toBeGreaterThanOrEqual(1); // the fitted curve
  });

  it('renders a screenshot of the page (written to the guide with UPDATE_SCREENSHOTS=1)', async () => {
    const png = await page.screenshot({ fullPage: true });
    // A PNG (its 8-byte signature) of the whole page, at least as wide as the viewport.
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(page.viewportSize()?.width ?? 1);
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      const file = join(root, 'docs/guides/screenshots/web-example.png');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, png);
    }
  });
});
