import type { ValueChain } from '../chains/model.js';
import { deepFreeze } from '../core/freeze.js';
import { cocoa } from './cocoa.js';

/**
 * **A scenario**: the cocoa → chocolate chain of `cocoa`, with the beans ground to cocoa liquor in
 * Ghana instead of the Netherlands — the contrast Kaplinsky (2015) draws between a producing country
 * whose policy built capabilities and infrastructure so that grinders moved processing there (Ghana)
 * and one that ships mostly raw beans with thin domestic value added (Cameroon). `cocoa` is the
 * raw-bean case; this is the grinding-at-home case.
 *
 * **Nothing is invented**: every stage, price, conversion ratio and distribution is `cocoa`'s (the
 * value distribution of a 100 g milk-chocolate bar in Fountain & Huetz-Adams, *Cocoa Barometer 2015*,
 * section 5; the ICCO conversion factor of 1.25 kg of beans per kg of liquor; the 25% dry cocoa
 * solids of Directive 2000/36/EC; and the approximations `cocoa` documents). The one change is where
 * the `grind` stage is — `country: 'GHA'`, by the actor `grinder-gha` — and the one assumption is
 * that grinding at origin earns the grinders' Barometer share of the bar (7.6%): the same margin, in
 * another country. No published per-bar value distribution of a chain grinding at origin was
 * available; the observed alternative is FAO & BASIC (2020) *Comparative study on the distribution of
 * value in European chocolate chains* (country chapters on Côte d'Ivoire, Ghana and Cameroon), whose
 * tables a later version could use. The grinder has no `ownership`: the sources here do not say whose
 * plants grind at origin (typically subsidiaries of multinational grinders).
 *
 * **What it shows** (per bar, retail price USD 1.00): Ghana's value added rises from 0.130 (growing
 * 0.050, fermenting and drying 0.016, export trading 0.064) to 0.206 (plus grinding 0.076), from 13.0%
 * to 20.6% of the retail price — a forward linkage, thickening the chain; the Netherlands' 0.076
 * disappears; the United Kingdom keeps 0.794 (manufacture 0.120, its purchases 0.080, branding
 * 0.152, retail 0.442).
 *
 * Built from `cocoa` itself (so the two cannot drift apart): the same record with the grinder and
 * the `grind` stage moved, and the source and notes extended.
 *
 * Deeply frozen, like everything gvckit returns or ships. Copy it to edit it (`structuredClone(x)`,
 * or the chain-edit functions).
 *
 * @example
 * ```ts
 * import { domesticValueAddedShares } from 'gvckit';
 * domesticValueAddedShares([cocoa, cocoaGhanaGrinding], 'GHA').map((e) => e.share);
 * //=> [0.13, 0.206]
 * ```
 */
export const cocoaGhanaGrinding: ValueChain = /* @__PURE__ */ deepFreeze({
  ...cocoa,
  id: 'cocoa-chocolate-ghana-grinding',
  name: 'Cocoa to milk chocolate, ground in Ghana (scenario)',
  actors: cocoa.actors.map((a) =>
    a.id === 'grinder' ? { ...a, id: 'grinder-gha', name: 'Cocoa grinder in Ghana', country: 'GHA' } : a,
  ),
  stages: cocoa.stages.map((s) =>
    s.id === 'grind'
      ? { ...s, name: 'Grinding to cocoa liquor (in Ghana)', actor: 'grinder-gha', country: 'GHA' }
      : s,
  ),
  source: {
    ...cocoa.source,
    citation: `${cocoa.source?.citation}; Kaplinsky, R. (2015) UNU-MERIT Working Paper 2015-027 (grinding moved to Ghana under its cocoa policy; Cameroon ships raw beans)`,
  },
  notes:
    'Scenario: the chain of `cocoa` with grinding located in Ghana. All prices, conversion ratios and shares are those of `cocoa` (Cocoa Barometer 2015, ICCO, Directive 2000/36/EC); the only assumption is that grinding at origin earns the grinders’ share of the bar (7.6%). Not an observed Ghanaian chain: for observed value distributions by origin see FAO & BASIC (2020).',
});
