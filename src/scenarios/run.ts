// runScenarios: every idempotency and state scenario family of one operation against one target, each as
// its own fast-check property with the given seed. Returns one finding per failing scenario id (the
// smallest step list when two families show the same one), in catalogue order.
import { HarnessError } from '../errors.ts';
import { scenariosIn } from './catalogue.ts';
import { runFamily, type Env } from './family.ts';
import { forEachConcurrent } from '../pool.ts';
import { checkPrefix } from './ids.ts';
import { choosePrefix } from './prefix.ts';
import { familiesOf, type AnyFamily } from './families/index.ts';
import { expect as judge } from '../oracle/index.ts';
import { hasProfile, profileOf, type Profile } from '../profiles/index.ts';
import type { ScenarioSubject } from '../profiles/scenario.ts';
import type { Budget } from './session.ts';
import type { ScenarioFinding, ScenarioOptions } from './types.ts';

export const DEFAULT_MAX_RUNS_PER_FAMILY = 5;
/** Requests one family may send, shrinking included: a bound, not a target (a default run uses far fewer). */
export const FAMILY_REQUEST_BUDGET = 400;
const DEFAULT_POLL = { intervalMs: 10, timeoutMs: 5_000 };

/** The operation's profile, its scenario data and families; a prepared world of another shape is a usage error. */
export function scenarioSetup(operation: string, prepared: unknown, given?: Profile): { profile: Profile; subject: ScenarioSubject<unknown>; families: readonly AnyFamily[] } {
  const profile = given ?? (hasProfile(operation) ? profileOf(operation) : undefined);
  const subject = profile?.scenarios;
  if (!profile || !subject) throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `no idempotency/state scenarios for ${operation}`);
  if (!subject.fits(prepared)) throw new HarnessError('CF_ERR_USAGE', `${operation} scenarios need ${subject.shape}`);
  checkPrepared(profile.key, subject, prepared);
  return { profile, subject, families: familiesOf({ profile, subject }) };
}

/** Throws CF_ERR_PREREQUISITE when the contract would refuse what the scenarios create in `prepared`. */
function checkPrepared(operation: string, subject: ScenarioSubject<unknown>, prepared: unknown): void {
  if (!subject.request) return;
  for (let v = 0; v < subject.variants; v++) {
    const { input } = subject.request(prepared, { id: 'cfcheck', variant: v, token: 'cf-check', extras: true });
    const e = judge(operation, input, subject.context(prepared));
    if (e.outcome === 'error') {
      throw new HarnessError('CF_ERR_PREREQUISITE', `idempotency scenarios cannot create in ${subject.scope(prepared)}: ${e.violations[0]?.constraint ?? e.codes[0]} (${e.message})`);
    }
  }
}

export async function runScenarios(o: ScenarioOptions): Promise<ScenarioFinding[]> {
  const keep = o.keep ?? (() => true);
  const setup = scenarioSetup(o.operation, o.prepared, o.profile);
  const families = setup.families.filter((f) => f.scenarios.some(keep));
  if (o.idPrefix !== undefined) checkPrefix(o.idPrefix);
  const numRuns = Math.min(Math.max(0, Math.floor(o.runs)), o.maxRunsPerFamily ?? DEFAULT_MAX_RUNS_PER_FAMILY);
  if (numRuns === 0 || families.length === 0 || o.signal?.aborted) return [];
  const env: Env<unknown> = {
    operation: o.operation, profile: setup.profile, subject: setup.subject, prepared: o.prepared, poll: { ...DEFAULT_POLL, ...o.poll },
    ...(o.listing ? { listing: o.listing } : {}),
  };
  const prefix = await choosePrefix(o, env, families[0]!.tag);
  const found = new Map<string, ScenarioFinding>();
  // Families create disjoint ids (each its own tag): with concurrency they run side by side, each with its
  // share of the slots for its own runs. Results are taken in family order whatever finished first.
  const concurrency = Math.max(1, Math.floor(o.concurrency ?? 1));
  const perFamily = Math.max(1, Math.floor(concurrency / families.length));
  const results: Array<ScenarioFinding | undefined> = new Array<ScenarioFinding | undefined>(families.length);
  await forEachConcurrent(families.entries(), Math.min(concurrency, families.length), async ([i, family]) => {
    if (o.signal?.aborted) return;
    const budget: Budget = { left: FAMILY_REQUEST_BUDGET, signal: o.signal, onRequest: o.onRequest };
    results[i] = await runFamily(family, { env, target: o.target, seed: o.seed, numRuns, prefix, budget, keep, concurrency: perFamily, ...(o.eager ? { eager: true } : {}) });
  }, o.signal);
  for (const f of results) {
    const had = f && found.get(f.constraint);
    if (f && keep(f.constraint) && (!had || f.steps.length < had.steps.length)) found.set(f.constraint, f);
  }
  const order = scenariosIn(setup.profile).map((s) => s.id);
  return [...found.values()].sort((a, b) => order.indexOf(a.constraint) - order.indexOf(b.constraint));
}
