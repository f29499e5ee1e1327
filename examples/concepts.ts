// The Concepts guide (docs/guides/concepts.md), runnable: one call per idea of the field — rents and
// their magnitudes, immiserising growth, the two chain families, upgrading, governance, thinning and
// thickening, policy, clusters.
// Run: npm run example -- examples/concepts.ts
import {
  assessDriver,
  assessUpgrading,
  classifyDriver,
  classifyDynamism,
  classifyGovernance,
  classifyGrowthPath,
  classifyLinkGovernance,
  classifyUpgrading,
  fitErosionRate,
  fitLinkageCurve,
  governanceShift,
  inferChainFamily,
  linkageCurveChart,
  measureRents,
  policyAgenda,
  policyConflicts,
  policyFit,
  projectLinkageCurve,
  projectRentErosion,
  rentOutlook,
  resourceRent,
  thinningChart,
  thinningFromChains,
  thinningProfile,
} from 'gvckit';
import { africanClusters, cocoa, cocoaGhanaGrinding, dominicanJeans, iphone3g } from 'gvckit/data';

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

// Rents with magnitudes: value captured above a normal return, resource rents, and their erosion.
const rents = measureRents(cocoa, { normalReturn: { basis: 'none' } });
console.log(
  'Cocoa rents per bar: resource',
  rents.byFamily.resource.amount,
  '; endogenous',
  rents.byFamily.endogenous.amount,
);
const lands = resourceRent([
  { id: 'land-1', unitCost: 0.8, quantity: 100 },
  { id: 'land-2', unitCost: 80 / 90, quantity: 90 },
  { id: 'land-3', unitCost: 1, quantity: 80 },
]);
console.log(
  '  differential rents of three lands:',
  lands.byProducer.map((p) => Number(p.rent.toFixed(6))),
);
const { rate } = fitErosionRate([2.18, 2.0, 1.87]); // the Dominican jeans prices
const erosion = projectRentErosion(
  { amount: 10 },
  Array.from({ length: 11 }, (_, period) => ({ period, barriers: 'low' as const })),
  { erosionRates: { high: 0, medium: 0.03, low: -rate } },
);
console.log(
  '  jeans price change per step:',
  rate.toFixed(4),
  '; a rent eroding at that rate halves by step',
  erosion.halfLife,
);

// The two families of chains, and their drivers.
console.log('Chains');
for (const chain of [iphone3g, cocoa])
  console.log(`  ${chain.name}: ${chain.family}, ${chain.driver}-driven`);
console.log(
  '  a brand marketer lead firm:',
  classifyDriver({ leadFirm: 'brand-marketer', coreCompetence: 'design-and-marketing' }).driver,
);
console.log(
  '  a retailer that designs and owns production (Zara):',
  assessDriver({
    leadFirm: 'retailer',
    coreCompetence: 'design-and-marketing',
    networkLinks: 'investment',
    ownsProduction: true,
  }).driver,
);
// The family inferred from the chain's structure (Kaplinsky 2015).
console.log('  cocoa, inferred family:', inferChainFamily(cocoa).family);
console.log(
  '  iPhone, reasons:',
  inferChainFamily(iphone3g)
    .reasons.map((r) => r.id)
    .join(', '),
);
console.log(
  '  iPhone declared additive, consistent?',
  inferChainFamily({ ...iphone3g, family: 'additive' }).consistentWithDeclared,
);

// Upgrading (Humphrey & Schmitz 2002) along OEA → OEM → ODM → OBM, and its downgrading.
console.log('Upgrading');
console.log(
  '  OEA → OEM:',
  classifyUpgrading({ chain: 'apparel', position: 'OEA' }, { chain: 'apparel', position: 'OEM' }),
);
console.log(
  '  OEM → OBM:',
  classifyUpgrading({ chain: 'apparel', position: 'OEM' }, { chain: 'apparel', position: 'OBM' }),
);
const dropDesign = assessUpgrading(
  { chain: 'apparel', position: 'OEM', functions: ['assembly', 'design'] },
  { chain: 'apparel', position: 'OEM', functions: ['assembly'] },
);
console.log(
  '  OEM drops design:',
  dropDesign.primary,
  dropDesign.moves.map((m) => m.rule),
);
console.log(
  '  TV tubes → monitors:',
  classifyUpgrading(
    { chain: 'tv-tubes', position: 'OBM', competences: ['cathode-ray tubes'] },
    { chain: 'monitors', position: 'OEM', competences: ['cathode-ray tubes', 'PC interfaces'] },
  ),
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
// Governance per link, and how it shifts.
const phone = classifyLinkGovernance(iphone3g, [
  {
    from: 'assembly',
    to: 'retail',
    determinants: { complexity: 'high', codifiability: 'high', supplierCapability: 'high' },
  },
]);
console.log(
  '  iPhone links:',
  phone.links.map((l) => `${l.supplier} → ${l.buyer}: ${l.type}`),
  `; ${phone.unclassified.length} links not described`,
);
const beans = classifyLinkGovernance(cocoa, [
  {
    from: 'ferment-dry',
    to: 'export',
    determinants: { complexity: 'low', codifiability: 'high', supplierCapability: 'high' },
  },
]);
console.log('  cocoa beans to the exporter:', beans.links[0]?.type);
console.log(
  '  shift:',
  governanceShift(
    { complexity: 'high', codifiability: 'low', supplierCapability: 'low' },
    { complexity: 'high', codifiability: 'high', supplierCapability: 'high' },
  ).explanation.text,
);

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

// Thickening, from two snapshots of the chain: grinding moved to Ghana.
const ghana = thinningFromChains(
  [
    { period: 2015, chain: cocoa },
    { period: 2016, chain: cocoaGhanaGrinding },
  ],
  { country: 'GHA' },
);
console.log(
  "Ghana's share of the bar:",
  ghana.observations.map((o) => Number(o.valueAddedShare.toFixed(3))),
  ghana.overall,
  ghana.transitions[0]?.functionsAdded,
  ghana.transitions[0]?.rule,
);

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
// The full catalogue, the conflicts between two levers, and the levers that fit the chain's firms.
console.log(
  "  additive levers in the paper's full catalogue:",
  policyAgenda('additive', { catalogue: 'full' }).length,
);
console.log(
  '  conflicting levers:',
  policyConflicts(['trade-preferences', 'imported-input-limits'], { size: 'small' }).pairs[0]?.levers,
);
const cocoaFit = policyFit(cocoa);
for (const lever of ['marketing-institutions', 'supplier-development']) {
  const l = cocoaFit.levers.find((x) => x.lever === lever);
  console.log(`  ${lever}: fits ${l?.fits}; ${l?.reasons.join('; ')}`);
}

// Clusters: dynamism of the 25 African clusters (Kaplinsky & Morris 2014a).
const counts = new Map<string, number>();
for (const c of africanClusters) {
  const d = classifyDynamism(c.dynamism);
  counts.set(d, (counts.get(d) ?? 0) + 1);
}
console.log('Dynamism of the 25 African clusters:', Object.fromEntries(counts));
