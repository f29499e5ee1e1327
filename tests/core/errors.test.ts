import { describe, expect, it } from 'vitest';
import { GvcError, isGvcError } from '../../src/index.js';

describe('GvcError', () => {
  it('carries its code and every issue, and lists them in the message', () => {
    const e = new GvcError('INVALID_INPUT', 'invalid value chain', [
      { path: 'stages[3].inputs[0].stage', message: 'unknown stage "grind"' },
      { path: 'finalStage', message: 'expected a stage id, found "shop"' },
    ]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('GvcError');
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toHaveLength(2);
    expect(e.message).toBe(
      'invalid value chain:\n  stages[3].inputs[0].stage: unknown stage "grind"\n  finalStage: expected a stage id, found "shop"',
    );
  });

  it('puts a single issue on one line and omits an empty path', () => {
    expect(new GvcError('NOT_FOUND', 'lookup failed', [{ path: '', message: 'no stage "x"' }]).message).toBe(
      'lookup failed: no stage "x"',
    );
    expect(new GvcError('UNSUPPORTED', 'no issues').message).toBe('no issues');
  });

  it('isGvcError narrows by class and by code', () => {
    const e = new GvcError('SINGULAR_MATRIX', 'singular');
    expect(isGvcError(e)).toBe(true);
    expect(isGvcError(e, 'SINGULAR_MATRIX')).toBe(true);
    expect(isGvcError(e, 'INVALID_INPUT')).toBe(false);
    expect(isGvcError(new Error('x'))).toBe(false);
  });
});
