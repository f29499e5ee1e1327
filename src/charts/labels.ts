import * as z from 'zod/mini';
import { safeValidate } from '../core/boundary.js';
import { deepFreeze } from '../core/freeze.js';
import { checkArguments } from './spec.js';
import type { ChartLabels } from './types.js';

/** What {@link chainLabels} reads of a chain: the ids and names of its stages and actors. */
const labelledChain = z.object({
  stages: z.array(z.object({ id: z.string().check(z.minLength(1)), name: z.string().check(z.minLength(1)) })),
  actors: z.optional(
    z.array(z.object({ id: z.string().check(z.minLength(1)), name: z.string().check(z.minLength(1)) })),
  ),
});

/**
 * The display names of a chain's stages and actors, as a {@link ChartLabels} map for a chart of the
 * chain: each stage id and `stage:<id>` (the `byActor` key of a stage without an actor) to the
 * stage's `name`, and each actor id to the actor's `name`. Compound keys such as
 * `purchases:<stageId>:<country>` need no entry: the charts name their parts one by one
 * (`purchases · Toshiba components · JPN`).
 *
 * @param chain - a value chain (of which the function reads `stages[].id`, `stages[].name` and, when
 *   present, `actors[].id` and `actors[].name`)
 * @returns the names by id, a new plain object
 * @throws {@link GvcError} `INVALID_INPUT` when a stage or actor lacks an id or a name (path rooted at
 *   `chain`: `chain.stages[2].name`)
 * @example
 * ```ts
 * chainLabels({ stages: [{ id: 'grow', name: 'Cocoa farming' }], actors: [{ id: 'coop', name: 'Kuapa Kokoo' }] });
 * //=> { grow: 'Cocoa farming', 'stage:grow': 'Cocoa farming', coop: 'Kuapa Kokoo' }
 * ```
 */
export function chainLabels(chain: {
  readonly stages: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly actors?: ReadonlyArray<{ readonly id: string; readonly name: string }> | undefined;
}): ChartLabels {
  const [data] = checkArguments('chain labels', [safeValidate(labelledChain, chain, 'chain')]);
  // Built from entries (own data properties, so an id such as `__proto__` is a label like any
  // other), and frozen like everything gvckit returns.
  const entries: [string, string][] = [];
  for (const s of data.stages) entries.push([s.id, s.name], [`stage:${s.id}`, s.name]);
  for (const a of data.actors ?? []) entries.push([a.id, a.name]);
  return deepFreeze(Object.fromEntries(entries));
}

/**
 * The display name of a key: its own entry in `labels`, else the key split at `:` and `→`, each part
 * named on its own (or kept) and the parts joined with ` · ` and ` → `.
 *
 * @internal
 */
export function displayName(key: string, labels: ChartLabels | undefined): string {
  const own = (k: string) => (labels !== undefined && Object.hasOwn(labels, k) ? labels[k] : undefined);
  const whole = own(key);
  if (whole !== undefined) return whole;
  if (!key.includes(':') && !key.includes('→')) return key;
  return key
    .split('→')
    .map((side) =>
      side
        .split(':')
        .map((part) => own(part) ?? part)
        .join(' · '),
    )
    .join(' → ');
}

/**
 * Formats an amount in a currency for a value label: `$178.96`, `€1.20`, `GHS 2.00`; the code
 * `XXX` (no currency) and codes Intl does not know give the number alone or after the code.
 *
 * @internal
 */
export function formatAmount(value: number, currency: string): string {
  const plain = value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (currency === 'XXX') return plain;
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
    }).format(value);
  } catch {
    return `${currency} ${plain}`;
  }
}

/**
 * Formats a share as a percentage with one decimal: `0.123` → `12.3%`.
 *
 * @internal
 */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/**
 * The width in pixels Vega gives a text without a canvas to measure it (its estimate: 0.8 × font
 * size per character), which is also at least the width a browser draws: a label that fits by this
 * estimate fits everywhere.
 *
 * @internal
 */
export function estimatedTextWidth(text: string, fontSize: number): number {
  return Math.ceil(0.8 * fontSize * text.length);
}

/**
 * Wraps a text at spaces into at most `maxLines` lines no wider than `maxWidth` pixels (by
 * {@link estimatedTextWidth}); what does not fit ends the last line with `…`.
 *
 * @internal
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const fits = (s: string) => estimatedTextWidth(s, fontSize) <= maxWidth;
  const cut = (s: string) => {
    let t = s;
    while (t.length > 1 && !fits(`${t}…`)) t = t.slice(0, -1);
    return `${t.trimEnd()}…`;
  };
  const lines: string[] = [];
  let line = '';
  const words = text.split(' ');
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = line === '' ? word : `${line} ${word}`;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (line !== '' && lines.length < maxLines - 1) {
      lines.push(line);
      line = word;
      if (fits(line)) continue;
    }
    lines.push(cut(line === '' ? word : next));
    return lines;
  }
  if (line !== '') lines.push(line);
  return lines;
}
