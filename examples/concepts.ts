// The Concepts guide (docs/guides/concepts.md), runnable: one call per idea of the field — rents,
// immiserising growth, the two chain families, upgrading, governance, thinning and thickening, clusters.
// Run: npm run example -- examples/concepts.ts
import {
  classifyDriver,
  classifyDynamism,
  classifyGovernance,
  classifyGrowthPath,
  classifyUpgrading,
  fitLinkageCurve,
  linkageCurveChart,
  policyConflicts,
  projectLinkageCurve,
  rentOutlook,
  thinningChart,
  thinningProfile,
} from 'gvckit';
import { africanClusters, cocoa, dominicanJeans, iphone3g } from 'gvckit/data';

// Rents: a protected brand is a sustainable rent; a resource rent without barriers is none.
console.log('Rents');
console.log(
  '  brand, high protected barriers:',
  rentOutlook({ family: 'endogenous', kind: 'marketing', barriers: 'high', protected: true }),
);
console.log('  resource, low barriers:', rentOutlook({ family: 'resource', barriers: 'low' }));

// Immiserising growth: the Dominican jeans assembler (Kaplinsky 2015).
const jeans = classifyGrowthPath(dominicanJeans.series);
console.log(
  'Dominican jeans assembler:',
  jeans.transitions.map((t) => t.path).join(', then '),
  '; overall:',
  jeans.overall,
);

// The two families of chains, and their drivers.
console.log('Chains');
for (const chain of [iphone3g, cocoa])
  console.log(`  ${chain.name}: ${chain.family}, ${chain.driver}-driven`);
console.log(
  '  a brand marketer lead firm:',
  classifyDriver({ leadFirm: 'brand-marketer', coreCompetence: 'design-and-marketing' }).driver,
);

// Upgrading (Humphrey & Schmitz 2000) along OEA → OEM → ODM → OBM.
console.log('Upgrading');
console.log(
  '  OEA → OEM:',
  classifyUpgrading({ chain: 'apparel', position: 'OEA' }, { chain: 'apparel', position: 'OEM' }),
);
console.log(
  '  OEM → OBM:',
  classifyUpgrading({ chain: 'apparel', position: 'OEM' }, { chain: 'apparel', position: 'OBM' }),
);
console.log(
  '  TV tubes → monitors:',
  classifyUpgrading({ chain: 'tv-tubes', position: 'OBM' }, { chain: 'monitors', position: 'OEM' }),
);

// Governance (Gereffi, Humphrey & Sturgeon 2005).
const governance = classifyGovernance({
  complexity: 'high',
  codifiability: 'low',
  supplierCapability: 'high',
});
console.log('Governance, complex tacit transactions with capable suppliers:', governance.type);
const undefinedCase = classifyGovernance({
  complexity: 'low',
  codifiability: 'low',
  supplierCapability: 'high',
});
console.log('  a combination the table does not define:', undefinedCase.type, '—', undefinedCase.reason);

// Thinning: an incumbent that thins out with upgrading, then rebuilds (illustrative data).
const observations = [
  {
    period: 1985,
    valueAddedShare: 0.6,
    functions: ['assembly', 'component-manufacture', 'design', 'branding'],
  },
  { period: 1992, valueAddedShare: 0.35, functions: ['component-manufacture', 'design', 'branding'] },
  { period: 1998, valueAddedShare: 0.2, functions: ['design', 'branding'] },
  { period: 2004, valueAddedShare: 0.205, functions: ['design', 'branding'] },
  { period: 2010, valueAddedShare: 0.3, functions: ['design', 'branding', 'services'] },
];
const profile = thinningProfile(observations);
console.log('Thinning profile');
for (const t of profile.transitions) {
  console.log(`  ${t.from}→${t.to}: ${t.kind}${t.withUpgrading ? ' (with upgrading)' : ''}`);
}
console.log('  overall:', profile.overall);
const thinningSpec = thinningChart(observations, profile);
console.log('  chart: a Vega-Lite spec of', JSON.stringify(thinningSpec).length, 'characters');

// Thickening: a market-led linkage curve and a deepening policy (illustrative data).
const linkages = [0.05, 0.08, 0.13, 0.19, 0.26, 0.32].map((domesticShare, i) => ({
  period: 2000 + 2 * i,
  domesticShare,
}));
const fit = fitLinkageCurve(linkages);
console.log(
  `Linkage curve: ceiling ${fit.ceiling.toFixed(3)}, rate ${fit.rate.toFixed(3)}, midpoint ${fit.midpoint.toFixed(1)}, R² ${fit.quality.rSquared?.toFixed(4)}`,
);
const periods = [2010, 2015, 2020, 2025, 2030];
const deepen = projectLinkageCurve(fit, { name: 'deepen', periods, depth: 0.2 });
console.log(
  '  deepening policy in 2030:',
  deepen.points.at(-1)?.domesticShare.toFixed(3),
  deepen.policies.join('+'),
);
linkageCurveChart({
  observations: linkages,
  fitted: projectLinkageCurve(fit, { periods }),
  scenarios: [deepen],
});

// The trade-regime conflict of pursuing both agendas at once.
console.log(
  'Policy conflict, small economy:',
  policyConflicts(['export-processing-zones', 'local-content-rules'], { size: 'small' }).resolution,
);

// Clusters: dynamism of the 25 African clusters (Kaplinsky & Morris 2014a).
const counts = new Map<string, number>();
for (const c of africanClusters) {
  const d = classifyDynamism(c.dynamism);
  counts.set(d, (counts.get(d) ?? 0) + 1);
}
console.log('Dynamism of the 25 African clusters:', Object.fromEntries(counts));
