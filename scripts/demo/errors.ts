import { GvcError } from '../../src/index.js';
import type { DemoSection } from './sections.js';

export const errorsSection: DemoSection = {
  title: 'Validation errors name every problem with its path',
  render: () =>
    new GvcError('INVALID_INPUT', 'invalid value chain', [
      { path: 'stages[3].inputs[0].stage', message: 'unknown stage "grind"' },
      { path: 'stages[4].output.unitPrice', message: 'expected a finite number >= 0, found -2' },
    ]).message,
};
