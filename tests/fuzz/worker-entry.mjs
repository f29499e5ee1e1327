// Loads the TypeScript worker through tsx's ESM API: a Worker's `--import tsx` flag does not load
// the hooks before the entry point on Node 20, so the entry point registers them itself.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
