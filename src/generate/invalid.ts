// Invalid cases. Default: one target a case, chosen among every target applicable in the context, each
// breaking one constraint (or the few a single value cannot help breaking together, named all).
// Combined: two or three model violations on distinct top-level members of one valid input; wrong JSON
// types are left out there (the oracle then reports only the type errors, as a deserializer would).
import fc from 'fast-check';
import type { OracleContext } from '../contract/context.ts';
import type { Case } from '../contract/case.ts';
import { modelTargets, type Mutation } from './constraints/index.ts';
import { HarnessError } from '../errors.ts';
import { toCase, type Draft } from './draft.ts';
import { specOf } from './registry.ts';
import { draftTargets } from './targets.ts';

export interface InvalidOptions {
  combined?: boolean;
  /** Only ids this keeps are broken (--include/--exclude). */
  keep?: (id: string) => boolean;
}

export function invalid(operation: string, ctx: OracleContext, options: InvalidOptions = {}, contextName?: string): fc.Arbitrary<Case> {
  const a = invalidAmong(operation, ctx, options, contextName);
  if (!a) throw new HarnessError('CF_ERR_CONFIG', `no ${operation} constraint can be broken in this context`);
  return a;
}

/** As `invalid`, breaking only the ids `options.keep` keeps; undefined when none of them can be broken here. */
export function invalidAmong(operation: string, ctx: OracleContext, options: InvalidOptions = {}, contextName?: string): fc.Arbitrary<Case> | undefined {
  const finish = toCase(operation, ctx, contextName);
  const keep = options.keep ?? (() => true);
  if (!options.combined) {
    const kept = draftTargets(specOf(operation), ctx).filter((t) => keep(t.id));
    return kept.length ? fc.oneof(...kept.map((t) => t.invalid)).map(finish) : undefined;
  }
  return combined(operation, ctx, keep)?.map(finish);
}

function combined(operation: string, ctx: OracleContext, keep: (id: string) => boolean): fc.Arbitrary<Draft> | undefined {
  const op = specOf(operation);
  const byMember = new Map<string, fc.Arbitrary<Mutation>[]>();
  for (const t of modelTargets(op.model, op.sites(ctx))) {
    if (t.kind === 'type' || !keep(t.id)) continue;
    const list = byMember.get(t.member) ?? [];
    list.push(t.invalid);
    byMember.set(t.member, list);
  }
  const groups = [...byMember.values()].map((l) => (l.length === 1 ? l[0]! : fc.oneof(...l)));
  if (groups.length < 2) return undefined;
  const picks = fc.subarray(groups.map((_, i) => i), { minLength: 2, maxLength: Math.min(3, groups.length) });
  return fc.tuple(op.input(ctx, { lean: true }), picks, fc.tuple(...groups)).map(([input, chosen, mutations]): Draft => {
    let out = input;
    const breaks = new Set<string>();
    for (const i of chosen) {
      const m = mutations[i]!;
      out = m.apply(out);
      for (const b of m.breaks) breaks.add(b);
    }
    return { input: out, breaks: [...breaks], exercises: [] };
  });
}
