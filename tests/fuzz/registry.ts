/**
 * Every runtime function exported by `gvckit` (`src/index.ts`), `gvckit/io` (`src/io/index.ts`) and
 * `gvckit/data` (`src/data/index.ts`), enumerated from the modules themselves (`library.ts`), each
 * with valid seed argument lists (from the TSDoc `@example`s, the tests and the embedded datasets)
 * and, where the function takes a table, chain or matrix, a generator of random valid argument lists.
 * The specs are kept by folder in `specs/` (`seeds.ts` holds the material several share).
 *
 * A new export without an entry in `specs` makes `tests/fuzz/fuzz.test.ts` fail (see
 * {@link missingSpecs}); an entry whose function is no longer exported fails too.
 */
import { exportedFunctions } from './library.js';
import type { Entry, Spec } from './spec.js';
import { bmPerspectiveSpecs } from './specs/bm-perspectives.js';
import { chainSpecs } from './specs/chains.js';
import { chartSpecs } from './specs/charts.js';
import { clusterSpecs } from './specs/clusters.js';
import { groupsSpecs } from './specs/groups.js';
import { ioSpecs } from './specs/io.js';
import { linkageSpecs } from './specs/linkages.js';
import { otherSpecs } from './specs/others.js';
import { outputSpecs } from './specs/output.js';
import { panelSpecs } from './specs/panel.js';
import { adbSpecs } from './specs/readers-adb.js';
import { exiobaseSpecs } from './specs/readers-exiobase.js';
import { figaroEoraSpecs } from './specs/readers-figaro-eora.js';
import { oecdSpecs } from './specs/readers-oecd.js';
import { wiodSpecs } from './specs/readers-wiod.js';
import { satelliteSpecs } from './specs/satellite.js';
import { tivaSpecs } from './specs/tiva.js';

export { exportedFunctions, loadErrors, notFuzzed } from './library.js';
export { DEFAULT_BOUND_MS, type Entry, IO_BOUND_MS, type Spec } from './spec.js';

/** The spec groups, by folder: a function registered in two of them is an error. */
const groups: Record<string, Record<string, Spec>> = {
  chains: chainSpecs,
  charts: chartSpecs,
  clusters: clusterSpecs,
  linkages: linkageSpecs,
  others: otherSpecs,
  io: ioSpecs,
  groups: groupsSpecs,
  output: outputSpecs,
  'readers-adb': adbSpecs,
  'readers-exiobase': exiobaseSpecs,
  'readers-figaro-eora': figaroEoraSpecs,
  'readers-oecd': oecdSpecs,
  'readers-wiod': wiodSpecs,
  panel: panelSpecs,
  satellite: satelliteSpecs,
  'bm-perspectives': bmPerspectiveSpecs,
  tiva: tivaSpecs,
};

/** How each exported function is fuzzed. */
export const specs: Record<string, Spec> = {};
for (const [group, entries] of Object.entries(groups)) {
  for (const [name, spec] of Object.entries(entries)) {
    if (Object.hasOwn(specs, name))
      throw new Error(`fuzz registry: ${name} has a spec in two groups (${group})`);
    specs[name] = spec;
  }
}

/**
 * With FUZZ_SELF_TEST=1, three functions that misbehave on purpose (an endless loop, a Promise that
 * never settles, an allocation bomb) are added, to check the watchdog and the heap limit:
 * `FUZZ_SELF_TEST=1 npx tsx scripts/fuzz.ts --only selftest --runs 5` must report hangs, not die.
 */
function selfTestEntries(): Entry[] {
  if (process.env.FUZZ_SELF_TEST !== '1') return [];
  const loop = (n: unknown) => {
    if (n === 42) return 0;
    for (;;) {
      // never returns
    }
  };
  const bomb = () => {
    const keep: number[][] = [];
    for (;;) keep.push(new Array(1e6).fill(1.5));
  };
  const pending = () => new Promise<never>(() => {});
  return [
    { name: 'selfTestHang', folder: 'selftest', fn: loop, arity: 1, seeds: () => [[1]], boundMs: 500 },
    { name: 'selfTestPending', folder: 'selftest', fn: pending, arity: 0, seeds: () => [[]], boundMs: 500 },
    { name: 'selfTestOom', folder: 'selftest', fn: bomb, arity: 0, seeds: () => [[]] },
  ];
}

/** The registry: every exported function that has a spec. */
export function registry(): Entry[] {
  const out: Entry[] = [...selfTestEntries()];
  for (const [name, { fn, folder }] of exportedFunctions()) {
    const spec = specs[name];
    if (spec === undefined) continue;
    out.push({ ...spec, name, folder, fn, arity: Math.max(fn.length, 1) });
  }
  return out.sort((a, b) =>
    a.folder === b.folder ? a.name.localeCompare(b.name) : a.folder.localeCompare(b.folder),
  );
}

/** Exported functions without a spec (each must get one) and specs of functions no longer exported. */
export function missingSpecs(): { unregistered: string[]; stale: string[] } {
  const exported = exportedFunctions();
  return {
    unregistered: [...exported.keys()].filter((n) => !(n in specs)).sort(),
    stale: Object.keys(specs)
      .filter((n) => !exported.has(n))
      .sort(),
  };
}
