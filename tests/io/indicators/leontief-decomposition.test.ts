import { describe, expect, it } from 'vitest';
import { leontiefDecomposition } from '../../../src/io/index.js';
import { expectClose, icio3x2, snapshot } from '../fixture.js';
import { leatherIcio } from '../fixtures/leather.js';

// tests/io/reference/icio3x2.py printed (VBE = diag(v) @ B @ diag(E)):
//   DVA [71.07123337647187, 70.12781083055386, 40.86758379834551]
//   i2e [18.92876662352812, 15.872189169446152, 11.13241620165449]
//   e2r [15.569247518335079, 17.93303422419788, 12.431090252095803]
const DVA = [71.07123337647187, 70.12781083055386, 40.86758379834551];
const I2E = [18.92876662352812, 15.872189169446152, 11.13241620165449];
const E2R = [15.569247518335079, 17.93303422419788, 12.431090252095803];

describe('leontiefDecomposition (V·B·diag(E))', () => {
  it('matches NumPy at country level to 1e-8', () => {
    const r = leontiefDecomposition(icio3x2());
    expectClose(
      r.map((x) => x.DVA),
      DVA,
    );
    expectClose(
      r.map((x) => x.i2e),
      I2E,
    );
    expectClose(
      r.map((x) => x.e2r),
      E2R,
    );
  });
  it('identities: DVA + i2e = GEXP per exporter; Σ i2e = Σ e2r over the world', () => {
    const r = leontiefDecomposition(icio3x2());
    expectClose(
      r.map((x) => x.DVA + x.i2e),
      r.map((x) => x.GEXP),
      1e-12,
    );
    const sum = (f: 'i2e' | 'e2r') => r.reduce((a, x) => a + x[f], 0);
    expectClose([sum('i2e')], [sum('e2r')], 1e-12);
  });
  it('sector level sums to the country level', () => {
    const t = icio3x2();
    const s = leontiefDecomposition(t, { level: 'sector' });
    expect(s.map((x) => `${x.country}_${x.sector}`)).toEqual([
      'A_s1',
      'A_s2',
      'B_s1',
      'B_s2',
      'C_s1',
      'C_s2',
    ]);
    for (const [k, c] of ['A', 'B', 'C'].entries()) {
      const rows = s.filter((x) => x.country === c);
      expectClose(
        [
          rows.reduce((a, x) => a + x.DVA, 0),
          rows.reduce((a, x) => a + x.i2e, 0),
          rows.reduce((a, x) => a + x.e2r, 0),
        ],
        [DVA[k]!, I2E[k]!, E2R[k]!],
      );
    }
  });
  it('rejects unknown options', () => {
    expect(() => leontiefDecomposition(icio3x2(), { level: 'sector', extra: 1 } as never)).toThrow(
      /invalid options: options: expected only known keys, found unknown key "extra"/,
    );
  });
  it('leaves the table unchanged', () => {
    const t = icio3x2();
    const before = snapshot(t);
    leontiefDecomposition(t, { level: 'sector' });
    expect(snapshot(t)).toEqual(before);
  });
});

describe('leontiefDecomposition against decompr (R) on its leather example', () => {
  // The 3-country × 3-sector `leather` table shipped with the R package decompr (Quast & Kummritz;
  // tests/io/fixtures/leather.ts), and the matrix V·B·diag(E) that `decomp(inter, final, countries,
  // industries, out, method = "leontief")` prints for it (rows: source country–sector, columns:
  // exporting country–sector), as published in the decompr blog post "leather data set"
  // (bquast/decompr, _posts/2015-01-06-leather-data.md). The printed values have 7 to 10
  // significant digits, so the tolerance is 1e-6 relative.
  const VBE = [
    [
      28.52278143, 2.79395126, 0.35606694, 1.81066955, 3.1173841, 0.35901126, 1.2364172, 1.30283802,
      4.1208736,
    ],
    [
      1.06206936, 19.12053186, 0.41813924, 0.48370042, 1.8329024, 0.43058635, 0.5937041, 1.15375958,
      4.7490351,
    ],
    [0.21043693, 0.14228369, 1.06369578, 0.03329456, 0.0790545, 0.04024626, 0.0231846, 0.07482343, 0.1932621],
    [0.71952151, 1.34237213, 0.11504126, 34.92704803, 6.999497, 1.47711579, 2.5543089, 1.52213499, 6.1806254],
    [0.41201175, 1.38523849, 0.11764036, 2.69291816, 40.167141, 1.31799873, 1.1093993, 1.15207241, 9.5069032],
    [0.03482652, 0.08553139, 0.0266753, 0.81210167, 0.9075189, 3.16041392, 0.1151191, 0.07448266, 0.6464733],
    [
      0.92530356, 2.25142713, 0.16222512, 2.31122022, 2.0595825, 0.51211484, 29.8763359, 5.24719728,
      9.6006931,
    ],
    [0.6466656, 0.72785683, 0.08244379, 1.53837777, 2.5488967, 0.63316614, 1.4593583, 18.9586811, 8.158315],
    [
      0.66638333, 0.65080723, 0.25807221, 1.29066963, 1.4880228, 0.56934671, 1.7321726, 1.51401054,
      34.7438192,
    ],
  ];
  const country = (k: number) => Math.floor(k / 3);
  const sum = (pick: (i: number, j: number) => boolean) =>
    VBE.reduce((a, row, i) => a + row.reduce((b, v, j) => b + (pick(i, j) ? v : 0), 0), 0);

  it('sector level: DVA and i2e by exporting sector, e2r by source sector (1e-6)', () => {
    const r = leontiefDecomposition(leatherIcio(), { level: 'sector' });
    const k9 = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    expectClose(
      r.map((x) => x.DVA),
      k9.map((j) => sum((i, jj) => jj === j && country(i) === country(j))),
      1e-6,
    );
    expectClose(
      r.map((x) => x.i2e),
      k9.map((j) => sum((i, jj) => jj === j && country(i) !== country(j))),
      1e-6,
    );
    expectClose(
      r.map((x) => x.e2r),
      k9.map((i) => sum((ii, j) => ii === i && country(j) !== country(i))),
      1e-6,
    );
  });
  it('country level: DVA, i2e and e2r (1e-6)', () => {
    const r = leontiefDecomposition(leatherIcio());
    expectClose(
      r.map((x) => x.DVA),
      [0, 1, 2].map((s) => sum((i, j) => country(i) === s && country(j) === s)),
      1e-6,
    );
    expectClose(
      r.map((x) => x.i2e),
      [0, 1, 2].map((s) => sum((i, j) => country(i) !== s && country(j) === s)),
      1e-6,
    );
    expectClose(
      r.map((x) => x.e2r),
      [0, 1, 2].map((s) => sum((i, j) => country(i) === s && country(j) !== s)),
      1e-6,
    );
  });
});
