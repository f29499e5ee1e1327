// Baseline check of the harness: building a GvcError with issues, against a plain Error.
import { GvcError } from 'gvckit';
import { report, time } from './harness.js';

const issues = Array.from({ length: 20 }, (_, i) => ({ path: `stages[${i}].id`, message: 'duplicate id' }));
const baseline = time(() => {
  for (let i = 0; i < 1000; i++) new Error('invalid value chain');
});
const gvc = time(() => {
  for (let i = 0; i < 1000; i++) new GvcError('INVALID_INPUT', 'invalid value chain', issues);
});
report('errors: 1,000 errors with 20 issues each', [
  { name: 'new Error (baseline)', timing: baseline },
  { name: 'new GvcError with 20 issues', timing: gvc, baseline },
]);
