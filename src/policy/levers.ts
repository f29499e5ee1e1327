import type { Source } from '../core/primitives.js';
import type { PolicyFamily, PolicyLever } from './model.js';

const kaplinsky2015 = (page: string): Source => ({
  citation:
    'Kaplinsky, R. (2015) Technological upgrading in global value chains and clusters and their contribution to sustaining economic growth in low and middle income economies, UNU-MERIT Working Paper 2015-027',
  page,
});

/**
 * All policy levers of both families, in a fixed order (the ten core levers, vertically specialised
 * first, then the seven of the extended catalogue), built afresh
 * on each call (nothing is computed at module load); the public functions freeze what they return.
 *
 * @internal
 */
export function policyLevers(): PolicyLever[] {
  const vs = kaplinsky2015('policy for vertically specialised GVCs');
  const add = kaplinsky2015('policy for additive GVCs (after Morris, Kaplinsky & Kaplan 2012)');
  return [
    {
      id: 'trade-facilitation',
      description:
        'Trade facilitation: efficient customs, ports and logistics so that imported components and exports move quickly and cheaply',
      family: 'vertically-specialised',
      families: ['vertically-specialised'],
      tier: 'core',
      tradeRegime: 'open',
      source: vs,
    },
    {
      id: 'export-processing-zones',
      description:
        'Export processing zones and special economic zones: duty-free import of inputs for processing and re-export',
      family: 'vertically-specialised',
      families: ['vertically-specialised'],
      tier: 'core',
      tradeRegime: 'open',
      examples: ["China's special economic zones", 'Dominican Republic export processing zones'],
      source: vs,
      fits: { ownership: ['foreign'] },
      notes:
        'fits foreign-owned firms: the paper observes that top-down zones have had little local ownership (Kaplinsky 2015, inclusion and sustainability; paraphrased)',
    },
    {
      id: 'innovation-systems',
      description: 'Firm-level upgrading support: national and sectoral innovation systems',
      family: 'vertically-specialised',
      families: ['vertically-specialised'],
      tier: 'core',
      tradeRegime: 'neutral',
      source: vs,
    },
    {
      id: 'skills',
      description: 'Firm-level upgrading support: skills development for production, design and marketing',
      family: 'vertically-specialised',
      families: ['vertically-specialised'],
      tier: 'core',
      tradeRegime: 'neutral',
      source: vs,
    },
    {
      id: 'rd-incentives',
      description: 'Firm-level upgrading support: incentives for research and development',
      family: 'vertically-specialised',
      families: ['vertically-specialised'],
      tier: 'core',
      tradeRegime: 'neutral',
      source: vs,
    },
    {
      id: 'local-content-rules',
      description: 'Local content rules requiring lead firms to source inputs and services domestically',
      family: 'additive',
      families: ['additive'],
      tier: 'core',
      tradeRegime: 'restrictive',
      source: add,
      fits: { ownership: ['domestic'], needsLeadFirm: true },
      complements: ['linkage-development-zones', 'supplier-development'],
      notes:
        'fits the domestically owned suppliers it favours, and needs lead firms to source from them (gvckit’s reading of Morris, Kaplinsky & Kaplan 2012)',
    },
    {
      id: 'imported-input-limits',
      description: 'Limits on imported inputs, to open the market to domestic suppliers (backward linkages)',
      family: 'additive',
      families: ['additive'],
      tier: 'core',
      tradeRegime: 'restrictive',
      source: add,
      conflictsWith: [{ lever: 'trade-preferences', reason: AGOA_FABRIC }],
    },
    {
      id: 'raw-material-export-restrictions',
      description:
        'Export taxes or bans on unprocessed raw materials, to keep processing at home (forward linkages)',
      family: 'additive',
      families: ['additive'],
      tier: 'core',
      tradeRegime: 'restrictive',
      examples: ['Ethiopia: leather', 'Indonesia'],
      source: add,
    },
    {
      id: 'resource-infrastructure',
      description: 'Infrastructure specific to the resource sector and its processing',
      family: 'additive',
      families: ['additive'],
      tier: 'core',
      tradeRegime: 'neutral',
      source: add,
    },
    {
      id: 'resource-skills',
      description: 'Skills specific to the resource sector, its suppliers and its processors',
      family: 'additive',
      families: ['additive'],
      tier: 'core',
      tradeRegime: 'neutral',
      source: add,
    },
    ...extendedLevers(),
  ];
}

/** The reason trade preferences and limits on imported inputs conflict (recorded on both levers). */
const AGOA_FABRIC =
  "AGOA's third-country fabric provision rests on imported fabric: limiting imported inputs removes the preference's advantage (Morris, Staritz & Barnes 2011)";

const mkk2012 =
  'Morris, M., Kaplinsky, R. & Kaplan, D. (2012) One Thing Leads to Another: Promoting Industrialisation by Making the Most of the Commodity Boom in Sub-Saharan Africa';

/** The seven levers of the paper's wider catalogue, in a fixed order. */
function extendedLevers(): PolicyLever[] {
  return [
    {
      id: 'marketing-institutions',
      description:
        'Marketing boards and commodity institutions that buy from smallholders, set quality grades and market exports',
      family: 'additive',
      families: ['additive'],
      tier: 'extended',
      tradeRegime: 'neutral',
      examples: ["Ghana's Cocoa Board (COCOBOD)"],
      source: kaplinsky2015(`cocoa in Ghana; policy for additive GVCs (after ${mkk2012})`),
      fits: { size: ['micro', 'small'] },
      complements: ['standards-and-certification'],
      notes:
        'fits micro and small producers, formal or informal (formality is therefore not a stated dimension); gvckit’s reading of the source',
    },
    {
      id: 'linkage-development-zones',
      description:
        'Zones or parks co-locating suppliers and processors with the resource sector, to build backward and forward linkages',
      family: 'additive',
      families: ['additive'],
      tier: 'extended',
      tradeRegime: 'neutral',
      source: kaplinsky2015(`policy for additive GVCs (after ${mkk2012})`),
      fits: { ownership: ['domestic'], needsLeadFirm: true },
      complements: ['local-content-rules', 'supplier-development'],
      notes: 'fits domestically owned suppliers around a lead firm; gvckit’s reading of the source',
    },
    {
      id: 'standards-and-certification',
      description:
        'Quality infrastructure and certification (GlobalGAP, Fairtrade, organic) that open demanding end markets',
      family: 'additive',
      families: ['additive', 'vertically-specialised'],
      tier: 'extended',
      tradeRegime: 'neutral',
      source: kaplinsky2015(
        'northern end markets raise standards; Dolan, C. & Humphrey, J. (2000) Journal of Development Studies 37(2), 147–176',
      ),
      fits: {
        conditions: [
          'group certification and extension support where producers are micro or informal, whom standards can exclude (Dolan & Humphrey 2000)',
        ],
      },
      complements: ['marketing-institutions', 'skills-programmes'],
    },
    {
      id: 'skills-programmes',
      description: 'Cluster- and sector-level skills programmes for small firms, learning as joint action',
      family: 'additive',
      families: ['additive', 'vertically-specialised'],
      tier: 'extended',
      tradeRegime: 'neutral',
      source: kaplinsky2015('clusters: learning as joint action; policy for clusters'),
      fits: { size: ['micro', 'small', 'medium'] },
      complements: ['standards-and-certification'],
    },
    {
      id: 'offsets',
      description:
        'Offsets: requirements that foreign suppliers of large public purchases invest or source locally (local content on procurement)',
      family: 'vertically-specialised',
      families: ['vertically-specialised'],
      tier: 'extended',
      tradeRegime: 'restrictive',
      source: kaplinsky2015('policy discussion'),
      fits: { ownership: ['foreign'], needsLeadFirm: true },
      notes:
        'no source documents a pairwise conflict; its clash with open-regime levers is the trade-regime rule of policyConflicts',
    },
    {
      id: 'supplier-development',
      description:
        'Lead firms’ programmes that build local suppliers’ capabilities (mining houses, automotive)',
      family: 'additive',
      families: ['additive', 'vertically-specialised'],
      tier: 'extended',
      tradeRegime: 'neutral',
      source: kaplinsky2015(`policy discussion; ${mkk2012} (supplier development in mining)`),
      fits: { size: ['small', 'medium'], needsLeadFirm: true },
      complements: ['local-content-rules', 'linkage-development-zones'],
      notes: 'reaches small and medium suppliers, not smallholders; gvckit’s reading of the source',
    },
    {
      id: 'trade-preferences',
      description:
        'Preferential market access, such as the US African Growth and Opportunity Act (AGOA, 2000) and its third-country fabric provision',
      family: 'vertically-specialised',
      families: ['vertically-specialised'],
      tier: 'extended',
      tradeRegime: 'open',
      examples: ['AGOA: clothing from Lesotho and Swaziland'],
      source: kaplinsky2015(
        'AGOA; Morris, M., Staritz, C. & Barnes, J. (2011) International Journal of Technological Learning, Innovation and Development 4(1–3), 96–119',
      ),
      fits: { ownership: ['foreign', 'domestic'] },
      conflictsWith: [{ lever: 'imported-input-limits', reason: AGOA_FABRIC }],
    },
  ];
}

/**
 * Whether a lever serves a family: its `families` (or, when absent, its `family`) contains it.
 *
 * @internal
 */
export function servesFamily(lever: PolicyLever, family: PolicyFamily): boolean {
  return (lever.families ?? [lever.family]).includes(family);
}
