/**
 * Zod-free checkers of the upgrading schemas (src/upgrading/model.ts), written line for line beside
 * them, so that `assessUpgrading`, `classifyUpgrading` and `upgradingTrajectory` check their
 * arguments without bundling zod (issue #19: a classifier bundles to ≤ 20 KB). Each gives exactly the
 * zod schema's result, issues and output (tests/upgrading/check-differential.test.ts). The values of
 * the enums and the messages of the refinement live here, once, and the zod schemas use them.
 *
 * @internal
 * @packageDocumentation
 */
import {
  array,
  boolean,
  type Check,
  checks,
  enumOf,
  gt,
  gte,
  lte,
  minLength,
  number,
  type Out,
  optional,
  type Payload,
  strictObject,
  string,
  superRefine,
  withDefault,
} from '../core/check.js';
import { gvcErrorMap } from '../core/issues.js';
import { IdCheck, PeriodCheck } from '../core/primitives-check.js';

/** The four kinds of upgrading (the values of `UpgradingKind`). @internal */
export const upgradingKinds = ['process', 'product', 'functional', 'chain'] as const;
/** The four kinds of upgrading, or downgrading (the values of `MovementKind`). @internal */
export const movementKinds = ['process', 'product', 'functional', 'chain', 'downgrading'] as const;
/** The positions OEA → OBM (the values of `Position`). @internal */
export const positions = ['OEA', 'OEM', 'ODM', 'OBM'] as const;
/** What a change of chain needs (the values of `UpgradingOptions.chainEvidence`). @internal */
export const chainEvidenceValues = ['required', 'presumed'] as const;

/** How a refinement reports an issue: zod's `ctx.addIssue`, or the checker's. @internal */
export interface IssueSink {
  addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string }): void;
}

/**
 * The refinement of `ChainPosition`: the two flags of a pair may not both be true (the second one is
 * reported).
 *
 * @internal
 */
export function contradictoryFlags(
  p: {
    efficiencyGain?: boolean | undefined;
    efficiencyLoss?: boolean | undefined;
    productUpgrade?: boolean | undefined;
    productDowngrade?: boolean | undefined;
  },
  ctx: IssueSink,
): void {
  if (p.efficiencyGain === true && p.efficiencyLoss === true) {
    ctx.addIssue({
      code: 'custom',
      path: ['efficiencyLoss'],
      message: 'expected efficiencyGain or efficiencyLoss, found both true',
    });
  }
  if (p.productUpgrade === true && p.productDowngrade === true) {
    ctx.addIssue({
      code: 'custom',
      path: ['productDowngrade'],
      message: 'expected productUpgrade or productDowngrade, found both true',
    });
  }
}

/** `UpgradingKind`. @internal */
export const UpgradingKindCheck = enumOf(upgradingKinds);
/** `MovementKind`. @internal */
export const MovementKindCheck = enumOf(movementKinds);
/** `Position`. @internal */
export const PositionCheck = enumOf(positions);

const name = () => checks(string(), minLength(1));

/** `ChainPosition`. @internal */
export const ChainPositionCheck = checks(
  strictObject({
    chain: IdCheck,
    position: PositionCheck,
    efficiencyGain: optional(boolean()),
    functions: optional(array(name())),
    efficiencyLoss: optional(boolean()),
    unitCost: optional(checks(number(), gt(0))),
    unitValue: optional(checks(number(), gt(0))),
    productUpgrade: optional(boolean()),
    productDowngrade: optional(boolean()),
    competences: optional(array(name())),
  }),
  superRefine(contradictoryFlags),
);
/** A checked chain position. @internal */
export type CheckedChainPosition = Out<typeof ChainPositionCheck>;

/** `UpgradingEvent`. @internal */
export const UpgradingEventCheck = strictObject({
  subject: IdCheck,
  from: ChainPositionCheck,
  to: ChainPositionCheck,
  kind: MovementKindCheck,
  period: PeriodCheck,
});

/**
 * A record of string keys (zod's `z.record(key, value)` with a key schema that lists no values, as
 * `z.string()`): a plain object (zod's `isPlainObject`), each own enumerable key but `__proto__`
 * checked (a failing key is one `invalid_key` issue at it), each value checked under its key.
 *
 * @internal
 */
export function record<V>(key: Check<string>, value: Check<V>): Check<Record<string, V>> {
  return (p: Payload) => {
    const input = p.value;
    if (!isPlainObject(input)) {
      p.issues.push({
        code: 'invalid_type',
        path: [],
        message: gvcErrorMap({ code: 'invalid_type', expected: 'record', input }),
      });
      return p;
    }
    const out: Record<PropertyKey, unknown> = {};
    for (const k of Reflect.ownKeys(input)) {
      if (k === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, k)) continue;
      const kr = key({ value: k, issues: [] });
      if (kr.issues.length > 0) {
        p.issues.push({
          code: 'invalid_key',
          path: [k],
          message: gvcErrorMap({ code: 'invalid_key', origin: 'record', input: k }),
        });
        continue;
      }
      const vr = value({ value: (input as Record<PropertyKey, unknown>)[k], issues: [] });
      for (const i of vr.issues) {
        i.path.unshift(k);
        p.issues.push(i);
      }
      out[kr.value as PropertyKey] = vr.value;
    }
    p.value = out;
    return p;
  };
}

/** zod's `isPlainObject`: an object that is not an array, made by `Object` (or without a prototype). */
function isPlainObject(o: unknown): o is object {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return false;
  const ctor = (o as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  if (typeof proto !== 'object' || proto === null || Array.isArray(proto)) return false;
  return Object.hasOwn(proto, 'isPrototypeOf');
}

/** `UpgradingOptions`. @internal */
export const UpgradingOptionsCheck = strictObject({
  tolerance: withDefault(checks(number(), gte(0), lte(1)), 0.01),
  chainEvidence: withDefault(enumOf(chainEvidenceValues), 'required'),
  valueScale: withDefault(record(name(), number()), {}),
});
