// Per constraint or rule id, in one context: a boundary-valid arbitrary (the case sits on the id's edge and
// names it in `exercises`) and a violating one (`breaks` names exactly what it breaks), and the id's
// enumerated variants (each boundary and breaker class, for the coverage phase). Model constraints come
// from the model walk, rules from the operation, protocol and state ids are generic.
import fc from 'fast-check';
import type { OracleContext } from '../contract/context.ts';
import type { Case } from '../contract/case.ts';
import { modelTargets, type Mutation } from './constraints/index.ts';
import type { Variant } from './constraints/mutation.ts';
import { toCase, type Draft } from './draft.ts';
import type { Input } from './model/sites.ts';
import type { DraftTarget, OperationSpec } from './operation.ts';
import { protocolTargets } from './protocol.ts';
import { specOf } from './registry.ts';
import { stateTarget } from './state.ts';

export interface Target {
  id: string;
  valid?: fc.Arbitrary<Case>;
  invalid: fc.Arbitrary<Case>;
  /** Each boundary and breaker class of the id in this context, in a fixed order. */
  variants: Variant<Case>[];
  /** Every variant in every context (rules, state) rather than each once across contexts (see DraftTarget). */
  perContext: boolean;
}

const apply = (base: fc.Arbitrary<Input>, m: fc.Arbitrary<Mutation>): fc.Arbitrary<Draft> =>
  fc.tuple(base, m).map(([input, mu]): Draft => ({ input: mu.apply(input), breaks: mu.breaks, exercises: mu.exercises }));

/** Model constraint targets on a valid base; without an existing service only the violating side is meaningful. */
export function modelDraftTargets(op: OperationSpec, ctx: OracleContext): DraftTarget[] {
  const exists = op.exists(ctx);
  const plain = op.input(ctx, { lean: true });
  const room = op.input(ctx, { lean: true, room: true });
  return modelTargets(op.model, op.sites(ctx)).map((t) => {
    const base = t.addsEntry ? room : plain;
    // without a service, a valid payload is a not-found case: only the violating variants mean what they say
    const variants = t.variants.filter((v) => exists || v.kind === 'invalid').map((v) => ({ ...v, arbitrary: apply(base, v.arbitrary) }));
    return { id: t.id, ...(exists && t.valid ? { valid: apply(base, t.valid) } : {}), invalid: apply(base, t.invalid), variants };
  });
}

export function draftTargets(op: OperationSpec, ctx: OracleContext): DraftTarget[] {
  const exists = op.exists(ctx);
  const out = modelDraftTargets(op, ctx);
  if (exists) out.push(...op.ruleTargets(ctx));
  for (const t of protocolTargets(op.operation, op.input(ctx, { lean: true }))) {
    out.push(exists ? t : { id: t.id, invalid: t.invalid, ...(t.variants ? { variants: t.variants.filter((v) => v.kind === 'invalid') } : {}) });
  }
  if (op.serviceMember) out.push(stateTarget(op, ctx)); // an operation referencing no resource has no not-found state
  return out;
}

export interface SequenceCases {
  id: string;
  /** Generate both from the same seed and send `then` after `first` has completed. */
  first: fc.Arbitrary<Case>;
  then: fc.Arbitrary<Case>;
}

/** State ids that need an earlier request: pairs generated from one seed. */
export function sequenceTargets(operation: string, ctx: OracleContext, contextName?: string): SequenceCases[] {
  const finish = toCase(operation, ctx, contextName);
  return specOf(operation).sequenceTargets(ctx).map((t) => ({ id: t.id, first: t.first.map(finish), then: t.then.map(finish) }));
}

/** A target's variants, or its two sides once each where it has no finer enumeration. */
export const variantsOf = (t: DraftTarget): Variant<Draft>[] =>
  t.variants ?? [...(t.valid ? [{ label: 'valid', kind: 'valid' as const, arbitrary: t.valid }] : []), { label: 'invalid', kind: 'invalid' as const, arbitrary: t.invalid }];

/** Every target applicable in `ctx` (one entry per id; ids that need another context are absent). */
export function targets(operation: string, ctx: OracleContext, contextName?: string): Target[] {
  const op = specOf(operation);
  const finish = toCase(operation, ctx, contextName);
  return draftTargets(op, ctx).map((t) => ({
    id: t.id, ...(t.valid ? { valid: t.valid.map(finish) } : {}), invalid: t.invalid.map(finish),
    variants: variantsOf(t).map((v) => ({ ...v, arbitrary: v.arbitrary.map(finish) })),
    perContext: t.perContext === true,
  }));
}
