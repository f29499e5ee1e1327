import { Immer } from 'immer';

let instance: Immer | undefined;

/**
 * The library's private Immer instance (auto-freeze on), created on first use so that nothing is
 * computed at module load and the host application's global Immer settings are never touched.
 *
 * @internal
 */
export function immer(): Immer {
  instance ??= new Immer({ autoFreeze: true });
  return instance;
}
