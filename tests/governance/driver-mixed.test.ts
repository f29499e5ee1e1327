import { describe, expect, it } from 'vitest';
import { assessDriver, classifyDriver, GvcError } from '../../src/index.js';
import { errorOf, isDeepFrozen } from '../helpers.js';

// The sides of each item follow Gereffi (1999, Table 1): manufacturer, production technology,
// economies of scale, investment-based (vertical) networks → producer-driven; retailer or brand
// marketer, design and marketing, economies of scope, trade-based (horizontal) networks → buyer-driven.
// The codings of each firm are ours, read from the cited descriptions. Expected values by hand:
// weights 1 each; mixed when the lighter side holds ≥ 1/3 of the total.
describe('assessDriver: cases from the literature', () => {
  // D1 — Zara, cited by the issue from Kaplinsky (2015) (the section was not checked here): a
  // retailer (buyer) with design-led competences (buyer) that owns and runs much of its production
  // close to its market (investment, ownsProduction: producer). Hand: buyer 2, producer 2 → share
  // 2/4 = 0.5 ≥ 1/3 → mixed.
  it('D1 Zara is mixed (2 vs 2); classifyDriver still answers buyer on the first three items', () => {
    const r = assessDriver({
      leadFirm: 'retailer',
      coreCompetence: 'design-and-marketing',
      networkLinks: 'investment',
      ownsProduction: true,
    });
    expect(r.driver).toBe('mixed');
    expect(r.rule).toBe('mixed');
    expect(r.score).toEqual({ buyer: 2, producer: 2 });
    expect(r.evidence).toEqual({
      buyer: ['leadFirm: retailer', 'coreCompetence: design-and-marketing'],
      producer: ['networkLinks: investment', 'ownsProduction: true'],
    });
    // unchanged answer of the majority vote (2 buyer, 1 producer)
    const old = classifyDriver({
      leadFirm: 'retailer',
      coreCompetence: 'design-and-marketing',
      networkLinks: 'investment',
    });
    expect(old.driver).toBe('buyer');
    expect(old.votes).toEqual({ buyer: 2, producer: 1 });
  });

  // D2 — Walmart, cited by the issue from Kaplinsky (2015): a retailer (buyer) sourcing through trade
  // (buyer) whose advantage rests on scale in logistics and purchasing (scale: a producer trait in
  // Gereffi 1999). Hand: buyer 2, producer 1 → share 1/3 ≥ 1/3 → mixed; with mixedShare 0.4,
  // 1/3 < 0.4 → buyer by majority.
  it('D2 Walmart is mixed at the default share, buyer (majority) with mixedShare 0.4', () => {
    const walmart = { leadFirm: 'retailer', barriersToEntry: 'scale', networkLinks: 'trade' } as const;
    const r = assessDriver(walmart);
    expect([r.driver, r.rule]).toEqual(['mixed', 'mixed']);
    expect(r.score).toEqual({ buyer: 2, producer: 1 });
    const strict = assessDriver(walmart, { mixedShare: 0.4 });
    expect([strict.driver, strict.rule]).toEqual(['buyer', 'majority']);
  });

  // D3 — Nike: Gereffi (1994) on buyer-driven chains (brand marketers that design and market but
  // subcontract manufacture); Kaplinsky (2015) lists Nike among buyer-driven lead firms
  // (describeDriver's examples). Hand: buyer 5, producer 0 → unanimous.
  it('D3 Nike is buyer-driven, unanimous', () => {
    const r = assessDriver({
      leadFirm: 'brand-marketer',
      coreCompetence: 'design-and-marketing',
      barriersToEntry: 'scope',
      networkLinks: 'trade',
      outsourcesManufacture: true,
    });
    expect([r.driver, r.rule]).toEqual(['buyer', 'unanimous']);
    expect(r.score).toEqual({ buyer: 5, producer: 0 });
  });

  // D4 — Toyota: Gereffi (1999, Table 1), automobiles as the producer-driven industry; Kaplinsky
  // (2015) lists Ford and Toyota among producer-driven lead firms. Hand: producer 5, buyer 0.
  it('D4 Toyota is producer-driven, unanimous', () => {
    const r = assessDriver({
      leadFirm: 'manufacturer',
      coreCompetence: 'production-technology',
      barriersToEntry: 'scale',
      networkLinks: 'investment',
      ownsProduction: true,
    });
    expect([r.driver, r.rule]).toEqual(['producer', 'unanimous']);
    expect(r.score).toEqual({ buyer: 0, producer: 5 });
  });

  // D5 — no evidence: no driver (the function does not guess).
  it('D5 no evidence gives null, rule no-evidence', () => {
    const r = assessDriver({});
    expect([r.driver, r.rule]).toEqual([null, 'no-evidence']);
    expect(r.explanation.rules).toEqual(['no-evidence']);
  });

  // D6 — Zara again with the ownership items weighted 0 (a caller who discounts them): buyer 2,
  // producer 1 (networkLinks) → share 1/3 → still mixed; with networkLinks also 0 → buyer, unanimous.
  it('D6 weights move the answer: discounting the producer items leaves a buyer-driven chain', () => {
    const zara = {
      leadFirm: 'retailer',
      coreCompetence: 'design-and-marketing',
      networkLinks: 'investment',
      ownsProduction: true,
    } as const;
    expect(assessDriver(zara, { weights: { ownsProduction: 0 } }).driver).toBe('mixed');
    const r = assessDriver(zara, { weights: { ownsProduction: 0, networkLinks: 0 } });
    expect([r.driver, r.rule]).toEqual(['buyer', 'unanimous']);
    expect(r.explanation.notes).toContain('ownsProduction has weight 0');
  });
});

describe('assessDriver: edges and contract', () => {
  it('false ownership items point to neither side', () => {
    const r = assessDriver({ ownsProduction: false, outsourcesManufacture: false });
    expect([r.driver, r.rule]).toEqual([null, 'no-evidence']);
    expect(r.evidence).toEqual({ buyer: [], producer: [] });
  });

  it('a 3-to-1 majority is below the default mixed share (1/4 < 1/3)', () => {
    const r = assessDriver({
      leadFirm: 'manufacturer',
      coreCompetence: 'production-technology',
      barriersToEntry: 'scale',
      networkLinks: 'trade',
    });
    expect([r.driver, r.rule]).toEqual(['producer', 'majority']);
  });

  it('reports problems in evidence and options at once', () => {
    const e = errorOf(() =>
      assessDriver(
        { leadFirm: 'wholesaler' } as never,
        { mixedShare: 0.7, weights: { leadFirm: -1 } } as never,
      ),
    );
    expect(e).toBeInstanceOf(GvcError);
    expect(e.code).toBe('INVALID_INPUT');
    const paths = e.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['evidence.leadFirm', 'options.mixedShare', 'options.weights.leadFirm']),
    );
  });

  it('freezes the result and leaves the arguments untouched', () => {
    const ev = { leadFirm: 'retailer' as const };
    const opts = { weights: { leadFirm: 2 } };
    const r = assessDriver(ev, opts);
    expect(ev).toEqual({ leadFirm: 'retailer' });
    expect(opts).toEqual({ weights: { leadFirm: 2 } });
    expect(r.score).toEqual({ buyer: 2, producer: 0 });
    expect(isDeepFrozen(r)).toBe(true);
  });
});
