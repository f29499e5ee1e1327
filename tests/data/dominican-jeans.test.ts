import { describe, expect, it } from 'vitest';
import { dominicanJeans } from '../../src/data/index.js';
import { classifyGrowthPath, GrowthSeries } from '../../src/index.js';

describe('dominicanJeans (Kaplinsky 2015, after Kaplinsky 1993)', () => {
  it('is the series of the paper and parses with the growth model', () => {
    expect(GrowthSeries.parse(dominicanJeans.series)).toEqual(dominicanJeans.series);
    expect(dominicanJeans.series.map((o) => [o.volume, o.unitPrice])).toEqual([
      [9000, 2.18],
      [5000, 2.0],
      [3000, 1.87],
      [0, undefined],
    ]);
    expect(dominicanJeans.investment).toEqual({ amount: 150_000, year: 1989 });
    expect(dominicanJeans.source.citation).toMatch(/Kaplinsky, R\. \(2015\)/);
    expect(dominicanJeans.source.citation).toMatch(/Kaplinsky, R\. \(1993\)/);
  });

  it('reads declining, declining, then exclusion — not immiserising: the firm shrank', () => {
    // Weekly income by hand: 9,000 × 2.18 = 19,620; 5,000 × 2.00 = 10,000; 3,000 × 1.87 = 5,610; then 0.
    const r = classifyGrowthPath(dominicanJeans.series);
    const incomes = r.points.map((p) => p.income);
    for (const [i, x] of [19_620, 10_000, 5_610, 0].entries()) expect(incomes[i]).toBeCloseTo(x, 9); // tolerance 1e-9
    expect(r.transitions.map((t) => t.path)).toEqual(['declining', 'declining', 'exclusion']);
    expect(r.overall).toBe('exclusion');
  });
});
