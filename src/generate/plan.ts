// A deterministic stream of cases for one operation. First the coverage phase, enumerated: for every id (in
// first-seen order) every boundary and breaker class of the id as its own case (lengths at min−1, min, max,
// max+1, each pattern breaker class, each enum value …, see Target.variants) — documented rules and state
// in every coverage context that has them, model and protocol ids spread over those contexts —, then the
// state sequences; then the random phase: `runs` cases alternating valid and invalid (each side taking the
// contexts in turn). The enumeration is the same on every seed. Case i is generated from its own
// seed (seed, i), so the stream needs no memory of earlier cases and any case can be replayed alone;
// `arbitrary.shrink(value.value_, value.context)` shrinks it.
import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Case } from '../contract/case.ts';
import { invalid } from './invalid.ts';
import type { NamedContext } from './operation.ts';
import { specOf } from './registry.ts';
import type { Variant } from './constraints/mutation.ts';
import { sequenceTargets, targets, type Target } from './targets.ts';
import { valid } from './valid.ts';

export interface PlanOptions {
  seed: number;
  /** Cases after the coverage phase. */
  runs: number;
  /** Contexts to generate in (default: coverageContexts(operation)). */
  contexts?: readonly NamedContext[];
  /** Skip the coverage phase. */
  coverage?: boolean;
  /** Every fourth invalid case of the fill phase breaks two or three constraints at once. */
  combined?: boolean;
}

export interface PlanItem {
  index: number;
  /** The case's own seed (replay: `arbitrary.generate(new fc.Random(xoroshiro128plus(seed)), undefined)`). */
  seed: number;
  case: Case;
  value: fc.Value<Case>;
  arbitrary: fc.Arbitrary<Case>;
  phase: 'coverage' | 'fill';
  contextName: string;
  /** The id the coverage phase aimed at. */
  target?: string;
  /** The boundary or breaker class of `target` this coverage case enumerates (`length 64`, `leading ' '`). */
  boundary?: string;
  /** Index of the earlier item this one must follow (same seed; state sequences such as a name conflict). */
  dependsOn?: number;
}

/** Seed of case `index` in a run seeded `seed` (murmur3 finaliser over both). */
export function caseSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export const generateCase = (arbitrary: fc.Arbitrary<Case>, seed: number): fc.Value<Case> =>
  arbitrary.generate(new fc.Random(xoroshiro128plus(seed)), undefined);

interface Step {
  arbitrary: fc.Arbitrary<Case>;
  contextName: string;
  phase: PlanItem['phase'];
  target?: string;
  boundary?: string;
  /** Reuse the seed of the previous item and follow it. */
  follows?: boolean;
}

/**
 * Coverage steps, per id (first-seen order). Ids whose meaning depends on the service configuration (rules,
 * the service's existence): every variant in every context that has the id. The others (model constraints,
 * protocol): every variant once, taking the contexts whose service exists in turn (there the variant's own
 * constraint is the only thing the target can object to), so each of them meets some of every id; a context
 * without a service gets one violating variant of each id (validation comes before the service lookup).
 */
function coverageSteps(perContext: readonly { name: string; exists: boolean; targets: Target[] }[]): Step[] {
  const ids: string[] = [];
  const where = new Map<string, { name: string; exists: boolean; target: Target }[]>();
  for (const c of perContext) {
    for (const t of c.targets) {
      let w = where.get(t.id);
      if (!w) where.set(t.id, (w = [])), ids.push(t.id);
      w.push({ name: c.name, exists: c.exists, target: t });
    }
  }
  const steps: Step[] = [];
  const step = (id: string, name: string, v: Variant<Case>): Step => ({ arbitrary: v.arbitrary, contextName: name, phase: 'coverage', target: id, boundary: v.label });
  ids.forEach((id, i) => {
    const w = where.get(id)!;
    if (w.some((x) => x.target.perContext)) {
      for (const { name, target } of w) for (const v of target.variants) steps.push(step(id, name, v));
      return;
    }
    // every variant once (first-seen order), from the next context in turn that has it, existing services first
    const keys: string[] = [];
    const by = new Map<string, { name: string; exists: boolean; variant: Variant<Case> }[]>();
    for (const { name, exists, target } of w) {
      for (const v of target.variants) {
        const key = `${v.kind}\u0000${v.label}`;
        let list = by.get(key);
        if (!list) by.set(key, (list = [])), keys.push(key);
        list.push({ name, exists, variant: v });
      }
    }
    keys.forEach((key, k) => {
      const all = by.get(key)!;
      const existing = all.filter((x) => x.exists);
      const list = existing.length ? existing : all;
      const pick = list[(i + k) % list.length]!;
      steps.push(step(id, pick.name, pick.variant));
    });
    for (const { name, exists, target } of w) {
      if (exists) continue;
      const invalid = target.variants.filter((v) => v.kind === 'invalid');
      if (invalid.length) steps.push(step(id, name, invalid[i % invalid.length]!));
    }
  });
  return steps;
}

export function* plan(operation: string, options: PlanOptions): Generator<PlanItem, void, undefined> {
  const op = specOf(operation);
  const contexts = options.contexts ?? op.contexts();
  if (contexts.length === 0) return;
  let index = 0;
  let previousSeed = 0;
  const emit = (s: Step): PlanItem => {
    const seed = s.follows ? previousSeed : caseSeed(options.seed, index);
    previousSeed = seed;
    const value = generateCase(s.arbitrary, seed);
    return {
      index: index++, seed, case: value.value, value, arbitrary: s.arbitrary, phase: s.phase, contextName: s.contextName,
      ...(s.target ? { target: s.target } : {}), ...(s.boundary ? { boundary: s.boundary } : {}), ...(s.follows ? { dependsOn: index - 2 } : {}),
    };
  };
  if (options.coverage !== false) {
    const perContext = contexts.map((c) => ({ name: c.name, exists: op.exists(c.context), targets: targets(operation, c.context, c.name) }));
    for (const s of coverageSteps(perContext)) yield emit(s);
    for (const c of contexts) {
      for (const t of sequenceTargets(operation, c.context, c.name)) {
        yield emit({ arbitrary: t.first, contextName: c.name, phase: 'coverage', target: t.id, boundary: 'first request' });
        yield emit({ arbitrary: t.then, contextName: c.name, phase: 'coverage', target: t.id, boundary: 'second request', follows: true });
      }
    }
  }
  const fills = contexts.map((c) => {
    const exists = op.exists(c.context);
    return {
      name: c.name,
      valid: exists ? valid(operation, c.context, c.name) : undefined,
      invalid: invalid(operation, c.context, {}, c.name),
      combined: options.combined ? invalid(operation, c.context, { combined: true }, c.name) : undefined,
    };
  });
  // valid and invalid cases alternate; each side takes its contexts in turn (valid ones only where the service exists)
  const withValid = fills.filter((f) => f.valid);
  for (let i = 0; i < options.runs; i++) {
    const k = i >> 1;
    if (i % 2 === 0 && withValid.length) {
      const f = withValid[k % withValid.length]!;
      yield emit({ arbitrary: f.valid!, contextName: f.name, phase: 'fill' });
    } else {
      const f = fills[k % fills.length]!;
      yield emit({ arbitrary: f.combined && k % 4 === 3 ? f.combined : f.invalid, contextName: f.name, phase: 'fill' });
    }
  }
}
