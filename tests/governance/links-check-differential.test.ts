/**
 * The zod-free checkers of governance/links (src/governance/links-check.ts) against the zod schemas
 * they mirror: for valid arguments of `classifyLinkGovernance` and random mutations of them,
 * `runCheck(XCheck, x)` must give exactly what `z.safeParse(X, x, gvcParseParams())` gives — the same
 * success, the same issues (path and message, in order) and the same output (key order, keys whose
 * value is undefined, values passed through by loose objects, prototypes). zod is the reference
 * implementation here: the expected value of every case is zod's own result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { runCheck } from '../../src/core/check.js';
import { cocoa, iphone3g } from '../../src/data/index.js';
import {
  LinkChainCheck,
  LinkDeterminantsCheck,
  LinkDeterminantsListCheck,
  LinkGovernanceOptionsCheck,
} from '../../src/governance/links-check.js';
import { LinkChain, LinkDeterminants, LinkGovernanceOptions } from '../../src/governance/links-model.js';
import { agrees, disagreement, mutated, pm, type Result } from '../check-differential.js';

const small = {
  stages: [
    { id: 'farm', actor: 'growers' },
    { id: 'mill', actor: 'miller', inputs: [{ stage: 'farm', quantity: 2 }] },
    { id: 'shop', inputs: [{ stage: 'mill' }, { stage: 'farm', note: 'direct' }], extra: [1] },
  ],
  governance: { type: 'captive', note: 'loose: kept' },
  anything: { else: true },
};
const chains = [
  structuredClone(iphone3g),
  structuredClone(cocoa),
  small,
  { stages: [{ id: 'a', inputs: [] }] },
];
const hhh = { complexity: 'high', codifiability: 'high', supplierCapability: 'high' };
const linkLists = [
  [{ from: 'assembly', to: 'retail', determinants: hhh }],
  [
    {
      from: 'farm',
      to: 'mill',
      determinants: { complexity: 'low', codifiability: 'high', supplierCapability: 'low' },
      note: 'coded by hand',
    },
    { from: 'mill', to: 'shop', determinants: hhh },
  ],
  [],
];
const optionSeeds = [{}, { withinActor: 'hierarchy' }, { withinActor: 'skip' }];

const id = fc.constantFrom<unknown>('a', 'farm', '', ' a', 'a ', 3, null, undefined);
const randomChain = fc.record(
  {
    stages: fc.oneof(
      fc.array(
        fc.record(
          {
            id,
            actor: id,
            inputs: fc.oneof(
              fc.array(fc.record({ stage: id, quantity: fc.constant(1) }, { requiredKeys: [] }), {
                maxLength: 3,
              }),
              fc.constantFrom<unknown>(undefined, null, 'farm', {}),
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      ),
      fc.constantFrom<unknown>(undefined, null, {}, 'stages'),
    ),
    governance: fc.constantFrom<unknown>(undefined, { type: 'modular' }, { type: 'x' }, {}, null, {
      type: 'market',
      k: 1,
    }),
    other: fc.constantFrom<unknown>(undefined, 1, [null]),
  },
  { requiredKeys: [] },
);
const level = fc.constantFrom<unknown>('high', 'low', 'HIGH', '', undefined, 1);
const randomLink = fc.record(
  {
    from: id,
    to: id,
    determinants: fc.oneof(
      fc.record(
        { complexity: level, codifiability: level, supplierCapability: level, extra: fc.constant(1) },
        { requiredKeys: [] },
      ),
      fc.constantFrom<unknown>(undefined, null, 'high', []),
    ),
    note: fc.constantFrom<unknown>(undefined, '', 'n', 5),
    zz: fc.constantFrom<unknown>(undefined, 0),
  },
  { requiredKeys: [] },
);
const randomOptions = fc.record(
  {
    withinActor: fc.constantFrom<unknown>('skip', 'hierarchy', 'none', undefined, null, 0),
    other: fc.constantFrom<unknown>(undefined, 1),
  },
  { requiredKeys: [] },
);

const Links = z.array(LinkDeterminants);

// 2,500 runs per property take seconds: on a loaded machine, more than the default 5 s allows.
describe('governance/links checkers agree with the zod schemas', { timeout: 120_000 }, () => {
  it('LinkChain: the seeds, random chains, and 2,500 mutations', () => {
    for (const c of chains) expect(disagreement(LinkChain, LinkChainCheck, c)).toBe('');
    agrees(LinkChain, LinkChainCheck, randomChain, 2121);
    agrees(LinkChain, LinkChainCheck, mutated(chains), 2122);
  });

  it('LinkDeterminants and lists of them: random links and 2,500 mutations', () => {
    agrees(LinkDeterminants, LinkDeterminantsCheck, randomLink, 2123);
    agrees(Links, LinkDeterminantsListCheck, fc.array(randomLink, { maxLength: 3 }), 2124);
    agrees(Links, LinkDeterminantsListCheck, mutated(linkLists), 2125);
  });

  it('LinkGovernanceOptions: random options and 2,500 mutations', () => {
    agrees(LinkGovernanceOptions, LinkGovernanceOptionsCheck, randomOptions, 2126);
    agrees(LinkGovernanceOptions, LinkGovernanceOptionsCheck, mutated(optionSeeds), 2127);
  });

  it('hand cases: the issues and output, as zod gives them', () => {
    const cases: unknown[] = [
      undefined,
      null,
      [],
      {},
      { stages: [] },
      { stages: [{ id: 'a', inputs: undefined }] },
      { stages: [{ id: 'a', actor: undefined }], governance: undefined },
      { stages: [{ id: ' a', actor: '', inputs: [{ stage: '' }, null] }], governance: { type: 'x' } },
      Object.assign(Object.create(null), { stages: [{ id: 'a' }] }),
      { stages: [{ id: 'a', inputs: [{ stage: 'a', __proto__: 1 }] }] },
    ];
    for (const c of cases) expect(disagreement(LinkChain, LinkChainCheck, c)).toBe('');
  });

  it('states the messages (hand-written, as documented)', () => {
    const r = runCheck(LinkChainCheck, { stages: [] }) as Result;
    expect(r.success).toBe(false);
    if (!r.success)
      expect(pm(r.error.issues)).toEqual([
        { path: ['stages'], message: 'expected at least one stage, found none' },
      ]);
    const ok = runCheck(LinkChainCheck, { stages: [{ id: 'a' }], x: 1 }) as Result;
    // Defaults filled in (inputs: []), other keys kept, in the order given.
    expect(ok).toEqual({ success: true, data: { stages: [{ id: 'a', inputs: [] }], x: 1 } });
  });
});
