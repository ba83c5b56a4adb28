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
import { invalidAmong } from './invalid.ts';
import type { NamedContext } from './operation.ts';
import { specOf } from './registry.ts';
import type { Variant } from './constraints/mutation.ts';
import { inShard, type Shard } from './shard.ts';
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
  /** `--shard i/n`: only this shard's positions are generated and yielded (indices stay those of the whole). */
  shard?: Shard;
  /**
   * Run filters (--include/--exclude, src/run/filters.ts): ids not kept get no coverage case, and no case that
   * breaks one is generated (invalid fill cases are drawn among the kept ids). Valid fill cases are unaffected.
   */
  keep?: (id: string) => boolean;
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
  /** Fill phase: the position in the random phase (so `--runs fill + 1` reaches this case again). */
  fill?: number;
}

/** A case's stable id: the same seed and options give the same case under it, whole or sharded. */
export const caseId = (operation: string, index: number): string => `${operation}:${index}`;

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
  fill?: number;
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

/** A plan: its size known up front (coverage steps are enumerated once, no case generated), its cases lazily. */
export interface Plan {
  /** Cases of the coverage phase (state sequences included). */
  coverage: number;
  /** Every case the plan yields: coverage + runs. */
  total: number;
  items: Generator<PlanItem, void, undefined>;
}

export function planned(operation: string, options: PlanOptions): Plan {
  const op = specOf(operation);
  const contexts = options.contexts ?? op.contexts();
  if (contexts.length === 0) return { coverage: 0, total: 0, items: (function* () { /* nothing to plan */ })() };
  const steps: Step[] = [];
  const keep = options.keep ?? (() => true);
  if (options.coverage !== false) {
    const perContext = contexts.map((c) => ({ name: c.name, exists: op.exists(c.context), targets: targets(operation, c.context, c.name).filter((t) => keep(t.id)) }));
    steps.push(...coverageSteps(perContext));
    for (const c of contexts) {
      for (const t of sequenceTargets(operation, c.context, c.name)) {
        if (!keep(t.id)) continue;
        steps.push({ arbitrary: t.first, contextName: c.name, phase: 'coverage', target: t.id, boundary: 'first request' });
        steps.push({ arbitrary: t.then, contextName: c.name, phase: 'coverage', target: t.id, boundary: 'second request', follows: true });
      }
    }
  }
  return { coverage: steps.length, total: steps.length + Math.max(0, options.runs), items: cases(operation, options, contexts, steps) };
}

export function* plan(operation: string, options: PlanOptions): Generator<PlanItem, void, undefined> {
  yield* planned(operation, options).items;
}

function* cases(operation: string, options: PlanOptions, contexts: readonly NamedContext[], coverage: Step[]): Generator<PlanItem, void, undefined> {
  const op = specOf(operation);
  let index = 0;
  let previousSeed = 0;
  const emit = (s: Step): PlanItem | undefined => {
    // Another shard's position: skipped without generating it (a following request goes where its first went).
    if (options.shard && !inShard(options.shard, s.follows ? index - 1 : index)) return void index++;
    const seed = s.follows ? previousSeed : caseSeed(options.seed, index);
    previousSeed = seed;
    const value = generateCase(s.arbitrary, seed);
    const item: PlanItem = { index: index++, seed, case: value.value, value, arbitrary: s.arbitrary, phase: s.phase, contextName: s.contextName };
    // Only the members the step has (no `target: undefined`), without an object spread per member.
    if (s.target) item.target = s.target;
    if (s.boundary) item.boundary = s.boundary;
    if (s.follows) item.dependsOn = index - 2;
    if (s.fill !== undefined) item.fill = s.fill;
    return item;
  };
  const keep = options.keep ?? (() => true);
  const kept = (item: PlanItem | undefined): item is PlanItem => item !== undefined && item.case.breaks.every(keep);
  // What this shard takes of each step (everything, unsharded), and what the run filters keep.
  for (const s of coverage) {
    const item = emit(s);
    if (kept(item)) yield item;
  }
  const fills = contexts.map((c) => {
    const exists = op.exists(c.context);
    return {
      name: c.name,
      valid: exists ? valid(operation, c.context, c.name) : undefined,
      invalid: invalidAmong(operation, c.context, { keep }, c.name),
      combined: options.combined ? invalidAmong(operation, c.context, { combined: true, keep }, c.name) : undefined,
    };
  });
  // valid and invalid cases alternate; each side takes its contexts in turn (valid ones only where the service
  // exists, invalid ones where a kept id can be broken); a side with none leaves its turns to the other.
  const withValid = fills.filter((f) => f.valid);
  const withInvalid = fills.filter((f) => f.invalid);
  if (withValid.length + withInvalid.length === 0) return;
  for (let i = 0; i < options.runs; i++) {
    const k = i >> 1;
    let item: PlanItem | undefined;
    if ((i % 2 === 0 && withValid.length) || !withInvalid.length) {
      const f = withValid[k % withValid.length]!;
      item = emit({ arbitrary: f.valid!, contextName: f.name, phase: 'fill', fill: i });
    } else {
      const f = withInvalid[k % withInvalid.length]!;
      item = emit({ arbitrary: f.combined && k % 4 === 3 ? f.combined : f.invalid!, contextName: f.name, phase: 'fill', fill: i });
    }
    if (kept(item)) yield item;
  }
}
