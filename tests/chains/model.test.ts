import { describe, expect, it } from 'vitest';
import { safeParseValueChain } from '../../src/chains/parse.js';
import { type GvcIssue, ValueChain } from '../../src/index.js';
import { additiveInput, minimalChainJson, minimalInput } from './fixtures.js';

/** The issues `safeParseValueChain` reports for an input (fails the test if the input is accepted). */
function issuesOf(input: unknown): GvcIssue[] {
  const result = safeParseValueChain(input);
  if (result.success) throw new Error('expected the input to be rejected');
  expect(result.error.code).toBe('INVALID_INPUT');
  expect(result.error.message.startsWith('invalid value chain')).toBe(true);
  return result.error.issues;
}

describe('ValueChain schema', () => {
  it('accepts the minimal chain of the issue verbatim, applying defaults', () => {
    const result = ValueChain.safeParse(JSON.parse(minimalChainJson));
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.family).toBe('vertically-specialised');
    expect(result.data.stages[0]?.inputs).toEqual([]);
    expect(result.data.stages[1]?.purchases).toEqual([]);
  });

  it('runs the structural checks in its refinement too', () => {
    const input = minimalInput();
    input.stages[2].inputs[0].stage = 'asembly';
    const result = ValueChain.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(['stages', 2, 'inputs', 0, 'stage']);
  });
});

describe('structural rules (each rejects a realistic malformed chain with its exact path)', () => {
  it('unknown stage in an input', () => {
    const input = minimalInput();
    input.stages[2].inputs[0].stage = 'asembly'; // a typo
    expect(issuesOf(input)).toEqual([
      {
        path: 'stages[2].inputs[0].stage',
        message: 'expected the id of a stage of the chain, found "asembly"',
      },
      // assembly no longer feeds retail, and chip only feeds assembly: both are cut off
      {
        path: 'stages[0]',
        message:
          'expected every stage to feed the final stage "retail" directly or through other stages, found stage "chip" unconnected (it would be left out of decompositions)',
      },
      {
        path: 'stages[1]',
        message:
          'expected every stage to feed the final stage "retail" directly or through other stages, found stage "assembly" unconnected (it would be left out of decompositions)',
      },
    ]);
  });

  it('unknown actor on a stage and on a rent holder', () => {
    const input = minimalInput();
    input.stages[1].actor = 'foxconn';
    input.rents = [{ family: 'endogenous', kind: 'marketing', barriers: 'high', holder: 'apple' }];
    expect(issuesOf(input)).toEqual([
      {
        path: 'stages[1].actor',
        message: `expected the id of an actor in the chain's actors, found "foxconn"`,
      },
      {
        path: 'rents[0].holder',
        message: `expected the id of an actor in the chain's actors, found "apple"`,
      },
    ]);
  });

  it('duplicate stage ids and duplicate actor ids', () => {
    const input = minimalInput();
    input.actors.push({ id: 'maker', name: 'Another maker', country: 'VNM' });
    input.stages[1].id = 'chip';
    input.stages[2].inputs[0].stage = 'chip';
    const issues = issuesOf(input);
    expect(issues).toContainEqual({
      path: 'actors[1].id',
      message: 'expected unique actor ids, found "maker" again (first at actors[0])',
    });
    expect(issues).toContainEqual({
      path: 'stages[1].id',
      message: 'expected unique stage ids, found "chip" again (first at stages[0])',
    });
  });

  it('the same upstream stage twice in one stage', () => {
    const input = minimalInput();
    input.stages[1].inputs.push({ stage: 'chip', quantity: 2 });
    expect(issuesOf(input)).toEqual([
      {
        path: 'stages[1].inputs[1].stage',
        message:
          'expected each upstream stage at most once per stage, found "chip" again (first at stages[1].inputs[0])',
      },
    ]);
  });

  it('a two-stage cycle, reported with its path in the direction value flows', () => {
    const input = minimalInput();
    input.stages[0].inputs = [{ stage: 'assembly', quantity: 1 }]; // chip uses assembly, assembly uses chip
    expect(issuesOf(input)).toEqual([
      {
        path: 'stages[1].inputs[0].stage',
        message: 'expected an acyclic chain, found the cycle chip → assembly → chip',
      },
    ]);
  });

  it('a self-loop is a cycle of one stage', () => {
    const input = minimalInput();
    input.stages[0].inputs = [{ stage: 'chip', quantity: 0.1 }];
    expect(issuesOf(input)).toEqual([
      {
        path: 'stages[0].inputs[0].stage',
        message: 'expected an acyclic chain, found the cycle chip → chip',
      },
    ]);
  });

  it('a long cycle is shortened in the message', () => {
    // s0 uses s1 uses s2 … uses s19 uses s0; final stage f uses s0
    const stages = Array.from({ length: 20 }, (_, i) => ({
      id: `s${i}`,
      name: `S${i}`,
      country: 'CHN',
      output: { unit: 'piece', unitPrice: 1 },
      inputs: [{ stage: `s${(i + 1) % 20}`, quantity: 1 }],
    }));
    const input = {
      id: 'c',
      name: 'C',
      family: 'vertically-specialised',
      currency: 'USD',
      finalStage: 'f',
      stages: [
        {
          id: 'f',
          name: 'F',
          country: 'USA',
          output: { unit: 'x', unitPrice: 1 },
          inputs: [{ stage: 's0', quantity: 1 }],
        },
        ...stages,
      ],
    };
    // DFS from f: f, s0, s1, …, s19; s19 (stages[20]) uses s0, closing the cycle. Value flows
    // s0 → s19 → s18 → … → s1 → s0; the message keeps the first five steps and the last four.
    expect(issuesOf(input)).toEqual([
      {
        path: 'stages[20].inputs[0].stage',
        message:
          'expected an acyclic chain, found the cycle s0 → s19 → s18 → s17 → s16 → s15 → … → s4 → s3 → s2 → s1 → s0',
      },
    ]);
  });

  it('a finalStage that does not exist', () => {
    const input = minimalInput();
    input.finalStage = 'shop';
    expect(issuesOf(input)).toEqual([
      { path: 'finalStage', message: 'expected the id of a stage of the chain, found "shop"' },
    ]);
  });

  it('a finalStage that some stage consumes', () => {
    const input = minimalInput();
    input.finalStage = 'assembly'; // but retail consumes assembly
    expect(issuesOf(input)).toEqual([
      {
        path: 'finalStage',
        message:
          'expected a final stage that no stage consumes, found "assembly" consumed at stages[2].inputs[0] of stage "retail"',
      },
      {
        path: 'stages[2]',
        message:
          'expected every stage to feed the final stage "assembly" directly or through other stages, found stage "retail" unconnected (it would be left out of decompositions)',
      },
    ]);
  });

  it('an additive chain with parallel inputs', () => {
    const input = minimalInput();
    input.family = 'additive'; // the phone assembles parallel components: not additive
    input.stages.splice(1, 0, {
      id: 'case',
      name: 'Case',
      country: 'CHN',
      output: { unit: 'piece', unitPrice: 5 },
    });
    input.stages[2].inputs.push({ stage: 'case', quantity: 1 });
    expect(issuesOf(input)).toEqual([
      {
        path: 'stages[2].inputs',
        message:
          'expected at most one chain input in an additive chain (value is added in sequence), found 2: "chip", "case"',
      },
    ]);
  });

  it('accepts a vertically specialised chain with the same parallel inputs', () => {
    const input = minimalInput();
    input.stages.splice(1, 0, {
      id: 'case',
      name: 'Case',
      country: 'CHN',
      output: { unit: 'piece', unitPrice: 5 },
    });
    input.stages[2].inputs.push({ stage: 'case', quantity: 1 });
    expect(safeParseValueChain(input).success).toBe(true);
  });

  it('boundary: an additive chain with exactly one input per stage is accepted', () => {
    expect(safeParseValueChain(additiveInput()).success).toBe(true);
  });

  it('a stage that does not feed the final stage is an error', () => {
    const input = additiveInput();
    input.stages.push({ id: 'sidebar', name: 'Side', country: 'GHA', output: { unit: 'kg', unitPrice: 1 } });
    expect(issuesOf(input)).toEqual([
      {
        path: 'stages[3]',
        message:
          'expected every stage to feed the final stage "retail" directly or through other stages, found stage "sidebar" unconnected (it would be left out of decompositions)',
      },
    ]);
  });

  it('boundary: a chain of one stage (the final stage) is accepted; none is rejected', () => {
    const one = { id: 'c', name: 'C', family: 'additive', currency: 'USD', finalStage: 's' };
    const stage = { id: 's', name: 'S', country: 'GHA', output: { unit: 'kg', unitPrice: 2 } };
    expect(safeParseValueChain({ ...one, stages: [stage] }).success).toBe(true);
    expect(issuesOf({ ...one, stages: [] })).toEqual([
      { path: 'stages', message: 'expected at least one stage, found none' },
      { path: 'finalStage', message: 'expected the id of a stage of the chain, found "s"' },
    ]);
  });
});
