import {
  backwardDepth,
  fitLinkageCurve,
  type LinkageScenario,
  linkageBreadth,
  projectLinkageCurve,
  thinningProfile,
} from '../../src/index.js';
import type { DemoSection } from './sections.js';

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`.padStart(6);
const pp = (x: number): string => `${x > 0 ? '+' : ''}${(100 * x).toFixed(1)} pp`.padStart(9);

/** An illustrative supplier that thins out of own design and brand, then rebuilds (Kaplinsky 2015). */
function profile(): string {
  const p = thinningProfile([
    {
      period: 1985,
      valueAddedShare: 0.55,
      functions: ['component-manufacture', 'assembly', 'design', 'branding'],
    },
    { period: 1995, valueAddedShare: 0.12, functions: ['component-manufacture', 'assembly'] },
    {
      period: 2000,
      valueAddedShare: 0.08,
      functions: ['design', 'component-manufacture'],
      valueAddedPerUnit: 9,
    },
    { period: 2005, valueAddedShare: 0.06, functions: ['design'], valueAddedPerUnit: 11 },
    {
      period: 2012,
      valueAddedShare: 0.18,
      functions: ['design', 'branding', 'marketing'],
      valueAddedPerUnit: 14,
    },
  ]);
  const lines = p.transitions.map(
    (t) =>
      `${t.from}→${t.to}  ${pp(t.shareChange)}  ${t.kind.padEnd(13)}${t.withUpgrading ? 'with upgrading' : ''}`,
  );
  lines.push(`overall: ${p.overall} (net ${pp(p.netChange).trim()})`);
  return lines.join('\n');
}

/** An illustrative mining sector's backward linkages and a fitted market-led linkage curve. */
function linkages(): string {
  const inputs = {
    sector: 'mining',
    inputs: [
      { category: 'fuel', domesticValue: 2, importedValue: 48 },
      { category: 'catering', domesticValue: 9, importedValue: 1 },
      { category: 'explosives', domesticValue: 6, importedValue: 14 },
      { category: 'engineering services', domesticValue: 12, importedValue: 8 },
    ],
  };
  const depth = backwardDepth(inputs);
  const breadth = linkageBreadth(inputs, { minDomesticShare: 0.25 });
  const observed = [0.03, 0.05, 0.08, 0.13, 0.18, 0.23].map((domesticShare, i) => ({
    period: 2000 + 2 * i,
    domesticShare,
  }));
  const fit = fitLinkageCurve(observed);
  const q = fit.quality;
  const periods = [2012, 2015, 2020, 2025, 2030];
  const scenarios: LinkageScenario[] = [
    { name: 'market-led', periods },
    { name: 'speed ×2', periods, speed: 2 },
    { name: 'slow ×0.5', periods, speed: 0.5 },
    { name: 'deepen +0.25 (core)', periods, depth: 0.25 },
    { name: 'reverse −0.2', periods, depth: -0.2 },
  ];
  const lines = [
    `backward depth ${pct(depth.share).trim()} of inputs; breadth ${breadth.breadth} of ${breadth.totalCategories} categories (domestic share ≥ 25%)`,
    `market-led curve: K = ${fit.ceiling.toFixed(3)}, r = ${fit.rate.toFixed(3)}, t0 = ${fit.midpoint.toFixed(1)}`,
    `  fit: n = ${q.n}, RSS = ${q.rss.toExponential(2)}, R² = ${q.rSquared?.toFixed(4)}, RMSE = ${q.rmse.toFixed(4)}, ${q.iterations} iterations, converged: ${q.converged}`,
    `${'scenario'.padEnd(22)}${periods.map((p) => String(p).padStart(7)).join('')}   policies`,
  ];
  for (const s of scenarios) {
    const p = projectLinkageCurve(fit, s);
    lines.push(
      `${(s.name ?? '').padEnd(22)}${p.points.map((pt) => pct(pt.domesticShare).padStart(7)).join('')}   ${p.policies.join(', ')}`,
    );
  }
  return lines.join('\n');
}

/** A thinning profile, linkage metrics and a fitted linkage curve with policy scenarios. */
export const thickeningSection: DemoSection = {
  title:
    'Thinning and thickening: a thinning profile and a linkage curve with policy scenarios (illustrative)',
  render: () => [profile(), '', linkages()].join('\n'),
};
