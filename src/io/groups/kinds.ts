/**
 * The records `sumByGroup` knows how to sum: for each indicator, its additive fields and how its
 * ratios are recomputed from the summed parts.
 *
 * @internal
 * @packageDocumentation
 */

import { koopmanPosition } from '../indicators/participation.js';
import { ratio } from '../internal.js';

/** A record being summed: its numeric fields by name. */
export type Sums = Record<string, number>;

/** Ratio fields of a record, recomputed from summed additive fields (never averaged). */
export type Ratios = (s: Sums) => Record<string, number | string | null>;

/** One kind of record: the indicator that returns it, its additive fields and its ratio fields. */
export interface RecordKind {
  readonly indicator: string;
  readonly additive: readonly string[];
  /** Ratio (and other derived) fields, in record order, with how to recompute them. */
  readonly derived: readonly string[];
  /** Fields that may be absent (a `positionReason` is present only when `position` is `null`). */
  readonly optional: readonly string[];
  readonly recompute?: Ratios;
}

const words = (s: string) => s.split(' ');

/** The record kinds, each recognised by its set of numeric fields. Built on call (no work at load). */
export function recordKinds(): readonly RecordKind[] {
  return [
    {
      indicator: 'valueAddedExports',
      additive: words('GEXP VAX'),
      derived: ['VAXratio'],
      optional: [],
      recompute: (s) => ({ VAXratio: ratio(s.VAX!, s.GEXP!) }),
    },
    {
      indicator: 'gvcParticipation',
      additive: words('GEXP FV IV VA V_D V_RT V_GVC V_GVC_S V_GVC_C Y Y_D Y_RT Y_GVC Y_GVC_S Y_GVC_C'),
      derived: words('participation position positionReason GVCPt_f GVCPt_b'),
      optional: ['positionReason'],
      recompute: (s) => {
        const iv = ratio(s.IV!, s.GEXP!);
        const fv = ratio(s.FV!, s.GEXP!);
        return {
          participation: iv + fv,
          ...koopmanPosition(s.GEXP!, iv, fv),
          GVCPt_f: ratio(s.V_GVC!, s.VA!),
          GVCPt_b: ratio(s.Y_GVC!, s.Y!),
        };
      },
    },
    { indicator: 'leontiefDecomposition', additive: words('GEXP DVA i2e e2r'), derived: [], optional: [] },
    {
      indicator: 'bmDecomposition',
      additive: words('GEXP DC DVA VAX DAVAX REF DDC FC FVA FDC GVC GVCB GVCF'),
      derived: [],
      optional: [],
    },
    {
      indicator: 'kwwDecomposition',
      additive: words('GEXP DVA_FIN DVA_INT DVA_INTrex RDV_FIN RDV_INT DDC FVA_FIN FVA_INT FDC'),
      derived: [],
      optional: [],
    },
    {
      indicator: 'wwzDecomposition',
      additive: words(
        'DVA_FIN DVA_INT DVA_INTrexI1 DVA_INTrexF DVA_INTrexI2 RDV_INT RDV_FIN RDV_FIN2 OVA_FIN MVA_FIN OVA_INT MVA_INT DDC_FIN DDC_INT ODC MDC texp texpint texpfd',
      ),
      derived: [],
      optional: [],
    },
  ];
}

/** The label fields a record may carry besides its numbers; each is a grouping key. */
export const LABEL_FIELDS = ['year', 'country', 'sector', 'partner'] as const;

/**
 * The kind whose fields are exactly `keys` (label fields aside), or `undefined`.
 */
export function kindOf(keys: readonly string[]): RecordKind | undefined {
  const labels = new Set<string>(LABEL_FIELDS);
  const own = new Set(keys.filter((k) => !labels.has(k)));
  return recordKinds().find((k) => {
    const required = [...k.additive, ...k.derived].filter((f) => !k.optional.includes(f));
    if (!required.every((f) => own.has(f))) return false;
    for (const f of own) if (!k.additive.includes(f) && !k.derived.includes(f)) return false;
    return true;
  });
}
