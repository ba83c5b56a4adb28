// Valid cases: every model constraint and documented rule holds in the context. One in sixteen carries an
// unknown extra member, which the oracle ignores (AWS JSON convention, confidence inferred); such cases
// name UNKNOWN_MEMBER in `exercises`.
import fc from 'fast-check';
import { HarnessError } from '../errors.ts';
import type { OracleContext } from '../contract/context.ts';
import type { Case } from '../contract/case.ts';
import { NONE, toCase } from './draft.ts';
import { specOf } from './registry.ts';
import { ALNUM } from './strings/chars.ts';
import { classString } from './strings/classString.ts';

/** Not in the oracle's catalogue: unknown members are ignored, so there is no constraint to break. */
export const UNKNOWN_MEMBER = 'protocol:unknown-member';

const extra = fc.tuple(classString({ min: 1, max: 12, rest: ALNUM }), fc.oneof(fc.integer(), classString({ min: 0, max: 8, rest: ALNUM }), fc.constant(null)));

export function valid(operation: string, ctx: OracleContext, contextName?: string): fc.Arbitrary<Case> {
  const op = specOf(operation);
  if (!op.exists(ctx)) throw new HarnessError('CF_ERR_CONFIG', `valid ${operation} cases need a context whose service exists`);
  const base = op.input(ctx);
  const known = new Set(op.sites(ctx).filter((s) => s.role === 'member' && s.member === s.path).map((s) => s.path));
  const finish = toCase(operation, ctx, contextName);
  const withExtra = fc.tuple(base, extra).map(([input, [name, value]]) => {
    const key = known.has(`Fuzz${name}`) ? `Fuzz${name}X` : `Fuzz${name}`;
    return finish({ input: { ...input, [key]: value }, breaks: NONE, exercises: [UNKNOWN_MEMBER] });
  });
  return fc.oneof(
    { arbitrary: base.map((input) => finish({ input, breaks: NONE, exercises: NONE })), weight: 15 },
    { arbitrary: withExtra, weight: 1 },
  );
}
