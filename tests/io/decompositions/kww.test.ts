import { describe, expect, it } from 'vitest';
import { GvcError } from '../../../src/core/errors.js';
import { KwwRecord, kwwDecomposition } from '../../../src/io/decompositions/index.js';
import { createIcio } from '../../../src/io/model.js';
import { REFERENCE } from '../fixtures/decompositions-reference.js';
import { fixtureIcio } from '../fixtures/icio-4x2.js';
import { expectPrinted, leatherIcio, parsePrinted } from '../fixtures/leather.js';
import { cloneIcio, expectClose, freezeIcio, HAND_TABLE } from './helpers.js';

const KEYS = [
  'DVA_FIN',
  'DVA_INT',
  'DVA_INTrex',
  'RDV_FIN',
  'RDV_INT',
  'DDC',
  'FVA_FIN',
  'FVA_INT',
  'FDC',
] as const;

describe('kwwDecomposition', () => {
  it('matches the numpy transcription of KWW (2014) eq. (36) to 1e-8 relative', () => {
    // Expected: tests/io/fixtures/decompositions_reference.py (KWW block), printed output pasted in
    // tests/io/fixtures/decompositions-reference.ts.
    const got = kwwDecomposition(fixtureIcio());
    expect(got.map((r) => r.country)).toEqual(['AAA', 'BBB', 'CCC', 'DDD']);
    REFERENCE.kww.forEach((row, s) => {
      REFERENCE.kwwKeys.forEach((key, c) => {
        expectClose(got[s]![key as keyof KwwRecord] as number, row[c]!, `${got[s]!.country}.${key}`);
      });
    });
  });

  it('sums the nine terms to gross exports (KWW identity), for every country', () => {
    for (const r of kwwDecomposition(fixtureIcio())) {
      const sum = KEYS.reduce((a, k) => a + r[k], 0);
      expectClose(sum, r.GEXP, `${r.country} nine terms vs GEXP`, 1e-12);
    }
  });

  it('agrees with a hand calculation on a two-country, one-sector table', () => {
    // x = (100, 150), A = [[0.2, 1/15], [0.3, 4/15]], v = (0.5, 2/3), det(I − A) = 8.5/15,
    // B = [[11, 1], [4.5, 12]] / 8.5, L_AA = 1.25, L_BB = 15/11. Exporter A: E_A* = 10 + 20 = 30.
    // DVA_FIN = v_A B_AA Y_AB = 0.5·(11/8.5)·20 = 110/8.5 = 12.941176…
    // DDC = v_A B_AB A_BA L_AA E_A* = 0.5·(1/8.5)·0.3·1.25·30 = 5.625/8.5 = 0.661764…
    // FVA_FIN = v_B B_BA Y_AB = (2/3)(4.5/8.5)·20 = 60/8.5 = 7.058823…
    // FVA_INT = v_B B_BA A_AB L_BB Y_BB = (3/8.5)(1/15)(15/11)·70 = 210/93.5 = 2.245989…
    const [a] = kwwDecomposition(createIcio(HAND_TABLE));
    expect(a!.GEXP).toBe(30);
    expectClose(a!.DVA_FIN, 110 / 8.5, 'DVA_FIN');
    expectClose(a!.DDC, 5.625 / 8.5, 'DDC');
    expectClose(a!.FVA_FIN, 60 / 8.5, 'FVA_FIN');
    expectClose(a!.FVA_INT, 210 / 93.5, 'FVA_INT');
    // With two countries nothing can be re-exported to a third country.
    expectClose(a!.DVA_INTrex, 0, 'DVA_INTrex', 1e-12);
  });

  it('returns records that satisfy its schema', () => {
    for (const r of kwwDecomposition(fixtureIcio())) expect(KwwRecord.parse(r)).toEqual(r);
  });

  it('does not mutate the table', () => {
    const t = freezeIcio(fixtureIcio());
    const before = cloneIcio(t);
    kwwDecomposition(t);
    expect(cloneIcio(t)).toEqual(before);
  });

  it('rejects a one-country table and a malformed one with INVALID_INPUT', () => {
    const one = createIcio({ countries: ['A'], sectors: ['s'], Z: [[1]], Y: [[2]] });
    expect(() => kwwDecomposition(one)).toThrow(GvcError);
    try {
      kwwDecomposition(one);
    } catch (e) {
      expect((e as GvcError).code).toBe('INVALID_INPUT');
      expect((e as GvcError).issues).toEqual([
        { path: 'icio.G', message: 'expected at least 2 countries, found 1' },
      ]);
    }
    const bad = { ...fixtureIcio(), Z: new Float64Array(3) };
    expect(() => kwwDecomposition(bad)).toThrow(
      /icio\.Z: expected a Float64Array of 64 entries, found 3 entries/,
    );
  });
});

describe('kwwDecomposition against decompr (R) on its leather example', () => {
  // Printed by decompr's `kww(load_tables_vectors(leather))` in the Examples of its reference page
  // (SebKrantz/decompr, reference/kww.md, decompr 6.x–8.x, Sebastian Krantz's implementation), and
  // identically by the successor package icio's `kww(load_icio(leather))` (SebKrantz/icio,
  // reference/kww.md). Pasted verbatim. decompr's kww() returns the nine terms per exporting country
  // with KWW (2014) eq. (36)'s definitions (R/kww.R: DVA_INT = v_s Σ_r B_sr Y_rr, DVA_INTrex as the
  // rest of VAX, FDC as the residual), the same as ours; its code notes that only the country level
  // is correct, and that is the only level it prints. R prints 7 significant digits; each value must
  // round to the printed one (half a unit in the last printed decimal, ≤ 5e-7 relative).
  const printed = `
#>     Country  DVA_FIN  DVA_INT DVA_INTrex   RDV_FIN   RDV_INT       DDC
#> 1 Argentina 19.34940 18.97119   8.411491  5.259501 0.8259724 0.8723949
#> 2    Turkey 43.39461 26.20678   7.740053 10.475795 2.0075781 2.6369363
#> 3   Germany 78.73101 15.23967   2.748464  5.689669 4.4335916 4.4481800
#>     FVA_FIN  FVA_INT      FDC
#> 1  3.450595 3.388617 3.770832
#> 2 10.205386 5.359698 5.573163
#> 3 26.668992 4.455024 5.185401
`;

  it('matches the nine printed terms for every country to the printed digits', () => {
    const rows = parsePrinted(printed);
    const got = kwwDecomposition(leatherIcio());
    expect(rows.map((r) => r.Country)).toEqual(['Argentina', 'Turkey', 'Germany']);
    expect(got.map((r) => r.country)).toEqual(['Argentina', 'Turkey', 'Germany']);
    rows.forEach((row, s) => {
      for (const key of KEYS) expectPrinted(got[s]![key], row[key]!, `${row.Country}.${key}`);
    });
  });
});
