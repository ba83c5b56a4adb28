// A scenario family is one fast-check property over one target: an arbitrary (commands, a scheduler) and a
// run that throws a ScenarioViolation when a check fails. Each family runs as its own fc.check, so one
// failure hides no other. The first failure pins the scenario id; while shrinking, a candidate only counts
// as failing when it fails with that same id (it must show the same finding) in no more steps than the
// smallest failure so far (fast-check's order is structural: a "smaller" value can run commands an
// earlier failure never reached). Shrinking is bounded in runs.
import fc from 'fast-check';
import { forEachConcurrent } from '../pool.ts';
import type { ListingGuard } from '../listingGuard.ts';
import type { Profile } from '../profiles/index.ts';
import type { ScenarioSubject } from '../profiles/scenario.ts';
import type { Target } from '../targets/target.ts';
import { scenarioOf } from './catalogue.ts';
import { runIds, type RunIds } from './ids.ts';
import { ScenarioStop, ScenarioViolation, Session, type Budget } from './session.ts';
import type { ScenarioFinding } from './types.ts';

export interface Env<P> {
  operation: string;
  /** The operation's profile and its scenario data: what the generic families read. */
  profile: Profile;
  subject: ScenarioSubject<P>;
  prepared: P;
  poll: { intervalMs: number; timeoutMs: number };
  /** Listings walked page by page see nothing removed meanwhile (src/listingGuard.ts). */
  listing?: ListingGuard;
}

export interface RunContext<P> {
  session: Session;
  ids: RunIds;
  env: Env<P>;
  /** The concurrent screening pass against a target whose timing is free (FamilyRun.eager): steps the model does not
   * order go out together, and a read that may have raced a write's completion is trusted only when it shows what
   * was written (else read again after it). A failing run is judged again one step at a time, so what is reported
   * never depends on this. */
  eager?: boolean;
}

export interface Family<P, V> {
  /** Short, stable: part of every id the family creates. */
  tag: string;
  /** Scenario ids its checks may report. */
  scenarios: readonly string[];
  arbitrary(env: Env<P>): fc.Arbitrary<V>;
  run(value: V, ctx: RunContext<P>): Promise<void>;
}

export interface FamilyRun<P> {
  env: Env<P>;
  target: Target;
  seed: number;
  numRuns: number;
  prefix: string;
  budget: Budget;
  /** Run filters: a check failing on an id this does not keep proves nothing here (the family's other checks count). */
  keep?: (id: string) => boolean;
  /** Runs in flight at once before the sequential, shrinking pass (default 1: that pass only). */
  concurrency?: number;
  /** That concurrent pass runs eagerly (RunContext.eager): not against a target whose answers must not depend on
   * timing (a recording, builtin). */
  eager?: boolean;
}

/** Shrinking re-runs commands against a live target: at most this many runs after the first failure. */
export const MAX_SHRINK_RUNS = 25;

export async function runFamily<P, V>(family: Family<P, V>, o: FamilyRun<P>): Promise<ScenarioFinding | undefined> {
  let run = 0;
  if ((o.concurrency ?? 1) > 1) {
    // The property's runs, concurrently (the same values fc.check draws first for this seed, each run with its
    // own ids). All pass (the usual case against a correct target): done. One fails: fc.check below runs them
    // again one after another, with fresh ids, and shrinks, so a finding is what the sequential run reports.
    const values = fc.sample(family.arbitrary(o.env), { seed: o.seed, numRuns: o.numRuns });
    let failed = false;
    await forEachConcurrent(values.values(), o.concurrency ?? 1, async (value) => {
      const ctx: RunContext<P> = { session: new Session(o.target, o.budget), ids: runIds(o.prefix, family.tag, run++), env: o.env, ...(o.eager ? { eager: true } : {}) };
      try {
        await family.run(value, ctx);
      } catch (e) {
        if (e instanceof ScenarioStop) return;
        if (!(e instanceof ScenarioViolation)) throw e; // the harness itself failed
        failed = true;
      }
    }, o.budget.signal);
    if (!failed) return undefined;
  }
  let pinned: string | undefined;
  let fewestSteps = Number.POSITIVE_INFINITY;
  let shrinkRuns = 0;
  let fatal: { error: unknown } | undefined;
  const property = fc.asyncProperty(family.arbitrary(o.env), async (value) => {
    if (fatal || (pinned !== undefined && ++shrinkRuns > MAX_SHRINK_RUNS)) return;
    const ctx: RunContext<P> = { session: new Session(o.target, o.budget), ids: runIds(o.prefix, family.tag, run++), env: o.env };
    try {
      await family.run(value, ctx);
    } catch (e) {
      if (e instanceof ScenarioStop) return; // proves nothing: not a failure
      if (!(e instanceof ScenarioViolation)) {
        fatal = { error: e }; // the harness itself failed: no shrinking, rethrown below
        throw e;
      }
      if (o.keep && !o.keep(e.scenario)) return;
      pinned ??= e.scenario;
      if (e.scenario === pinned && e.steps.length <= fewestSteps) {
        fewestSteps = e.steps.length;
        throw e;
      }
    }
  });
  const details = await fc.check(property, { seed: o.seed, numRuns: o.numRuns });
  if (fatal) throw fatal.error;
  if (!details.failed) return undefined;
  if (!(details.errorInstance instanceof ScenarioViolation)) throw details.errorInstance ?? new Error(`scenario family ${family.tag} failed without an error`);
  return toFinding(o.env, details.errorInstance, o.seed, details.counterexamplePath ?? '');
}

export function toFinding(env: Pick<Env<unknown>, 'operation' | 'profile'>, v: ScenarioViolation, seed: number, path: string): ScenarioFinding {
  const { operation } = env;
  const s = scenarioOf(env.profile, v.scenario);
  return {
    operation,
    kind: s.kind,
    constraint: s.id,
    // Severity and confidence are separate axes: a broken idempotency or state contract is an error; how sure
    // the contract is (documented / inferred) is the confidence, which --strictness gates on.
    severity: 'error',
    source: s.source,
    confidence: s.confidence,
    expected: s.expected,
    actual: v.actual,
    detail: v.detail,
    steps: v.steps,
    seed,
    path,
  };
}

/**
 * A model-based run: the fixed commands first (the scenario's own steps, shrinkable values but always
 * there, so every run exercises the scenario), then fast-check's command sequence.
 */
export async function modelRun<M extends object, R>(model: M, real: R, fixed: fc.AsyncCommand<M, R>[], commands: Iterable<fc.AsyncCommand<M, R>>): Promise<void> {
  for (const c of fixed) if (c.check(model)) await c.run(model, real);
  await fc.asyncModelRun(() => ({ model, real }), commands);
}

/** The `pick`-th of `items`, cycling; undefined when there are none. Commands address "some existing resource" this way. */
export const pickFrom = <T>(items: readonly T[], pick: number): T | undefined => (items.length === 0 ? undefined : items[pick % items.length]);
