/**
 * The zod-free checks of classifyDriver and describeDriver (DriverEvidenceCheck, ChainDriverCheck in
 * src/governance/check.ts) against the zod schemas they mirror: zod is the reference, and for valid
 * evidence and random changes of it the check must give exactly zod's result (success, issues with
 * path and message in order, output with key order and undefined-valued keys).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChainDriverCheck, DriverEvidenceCheck } from '../../src/governance/check.js';
import { DriverEvidence } from '../../src/governance/driver.js';
import { ChainDriver } from '../../src/governance/model.js';
import { agrees, disagreement, targeted } from '../check-differential.js';

const seeds = [
  {},
  { leadFirm: 'retailer' },
  { leadFirm: 'manufacturer', coreCompetence: 'production-technology', barriersToEntry: 'scale' },
  {
    leadFirm: 'brand-marketer',
    coreCompetence: 'design-and-marketing',
    barriersToEntry: 'scope',
    networkLinks: 'trade',
  },
];

const item = fc.constantFrom<unknown>(
  undefined,
  'manufacturer',
  'retailer',
  'brand-marketer',
  'production-technology',
  'design-and-marketing',
  'scale',
  'scope',
  'investment',
  'trade',
  'Retailer',
  '',
  1,
  null,
  [],
  {},
);
const randomEvidence = fc.record(
  {
    leadFirm: item,
    coreCompetence: item,
    barriersToEntry: item,
    networkLinks: item,
    extra: item,
  },
  { requiredKeys: [] },
);

describe('DriverEvidenceCheck and ChainDriverCheck agree with their zod schemas', () => {
  it('on the valid evidence and on each kind of value', () => {
    for (const x of [...seeds, undefined, null, 'buyer', 'producer', 'Buyer', 1, [], { constructor: 'x' }]) {
      expect(disagreement(DriverEvidence, DriverEvidenceCheck, x)).toBe('');
      expect(disagreement(ChainDriver, ChainDriverCheck, x)).toBe('');
    }
  });

  it('on 2,500 random evidence objects and 2,500 targeted changes of valid ones', () => {
    agrees(DriverEvidence, DriverEvidenceCheck, randomEvidence, 2031);
    agrees(DriverEvidence, DriverEvidenceCheck, fc.constantFrom(...seeds).chain(targeted), 2032);
  });
});
