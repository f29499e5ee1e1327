import type { Source } from '../core/primitives.js';
import type { PolicyLever } from './model.js';

const kaplinsky2015 = (page: string): Source => ({
  citation:
    'Kaplinsky, R. (2015) Technological upgrading in global value chains and clusters and their contribution to sustaining economic growth in low and middle income economies, UNU-MERIT Working Paper 2015-027',
  page,
});

/**
 * All policy levers of both families, in a fixed order (vertically specialised first), built afresh
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
      tradeRegime: 'open',
      source: vs,
    },
    {
      id: 'export-processing-zones',
      description:
        'Export processing zones and special economic zones: duty-free import of inputs for processing and re-export',
      family: 'vertically-specialised',
      tradeRegime: 'open',
      examples: ["China's special economic zones", 'Dominican Republic export processing zones'],
      source: vs,
    },
    {
      id: 'innovation-systems',
      description: 'Firm-level upgrading support: national and sectoral innovation systems',
      family: 'vertically-specialised',
      tradeRegime: 'neutral',
      source: vs,
    },
    {
      id: 'skills',
      description: 'Firm-level upgrading support: skills development for production, design and marketing',
      family: 'vertically-specialised',
      tradeRegime: 'neutral',
      source: vs,
    },
    {
      id: 'rd-incentives',
      description: 'Firm-level upgrading support: incentives for research and development',
      family: 'vertically-specialised',
      tradeRegime: 'neutral',
      source: vs,
    },
    {
      id: 'local-content-rules',
      description: 'Local content rules requiring lead firms to source inputs and services domestically',
      family: 'additive',
      tradeRegime: 'restrictive',
      source: add,
    },
    {
      id: 'imported-input-limits',
      description: 'Limits on imported inputs, to open the market to domestic suppliers (backward linkages)',
      family: 'additive',
      tradeRegime: 'restrictive',
      source: add,
    },
    {
      id: 'raw-material-export-restrictions',
      description:
        'Export taxes or bans on unprocessed raw materials, to keep processing at home (forward linkages)',
      family: 'additive',
      tradeRegime: 'restrictive',
      examples: ['Ethiopia: leather', 'Indonesia'],
      source: add,
    },
    {
      id: 'resource-infrastructure',
      description: 'Infrastructure specific to the resource sector and its processing',
      family: 'additive',
      tradeRegime: 'neutral',
      source: add,
    },
    {
      id: 'resource-skills',
      description: 'Skills specific to the resource sector, its suppliers and its processors',
      family: 'additive',
      tradeRegime: 'neutral',
      source: add,
    },
  ];
}
