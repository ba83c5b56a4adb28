// runScenarios: every idempotency and state scenario family of one operation against one target, each as
// its own fast-check property with the given seed. Returns one finding per failing scenario id (the
// smallest step list when two families show the same one), in catalogue order.
import { HarnessError } from '../errors.ts';
import { scenariosOf } from './catalogue.ts';
import { CLOUD_MAP_FAMILIES, checkPrepared as checkCloudMap } from './cloudmap/index.ts';
import { runFamily, type Env, type Family } from './family.ts';
import { forEachConcurrent } from '../pool.ts';
import { checkPrefix } from './ids.ts';
import { choosePrefix } from './prefix.ts';
import { PROTON_FAMILIES, checkPrepared as checkProton } from './proton/index.ts';
import type { Budget } from './session.ts';
import type { CloudMapPrepared, Prepared, ProtonPrepared, ScenarioFinding, ScenarioOptions } from './types.ts';

export const DEFAULT_MAX_RUNS_PER_FAMILY = 5;
/** Requests one family may send, shrinking included: a bound, not a target (a default run uses far fewer). */
export const FAMILY_REQUEST_BUDGET = 400;
const DEFAULT_POLL = { intervalMs: 10, timeoutMs: 5_000 };

const isCloudMap = (p: Prepared): p is CloudMapPrepared => typeof (p as CloudMapPrepared).serviceId === 'string' && typeof (p as CloudMapPrepared).config === 'object';
const isProton = (p: Prepared): p is ProtonPrepared => typeof (p as ProtonPrepared).serviceName === 'string';

// `any`: each family has its own value type.
function familiesFor(operation: string, prepared: Prepared): readonly Family<any, any>[] {
  if (operation === 'RegisterInstance') {
    if (!isCloudMap(prepared)) throw new HarnessError('CF_ERR_USAGE', 'RegisterInstance scenarios need a prepared {serviceId, config}');
    checkCloudMap(prepared);
    return CLOUD_MAP_FAMILIES;
  }
  if (operation === 'CreateServiceInstance') {
    if (!isProton(prepared)) throw new HarnessError('CF_ERR_USAGE', 'CreateServiceInstance scenarios need a prepared {serviceName}');
    checkProton(prepared);
    return PROTON_FAMILIES;
  }
  throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `no idempotency/state scenarios for ${operation}`);
}

export async function runScenarios(o: ScenarioOptions): Promise<ScenarioFinding[]> {
  const keep = o.keep ?? (() => true);
  const families = familiesFor(o.operation, o.prepared).filter((f) => f.scenarios.some(keep));
  if (o.idPrefix !== undefined) checkPrefix(o.idPrefix);
  const numRuns = Math.min(Math.max(0, Math.floor(o.runs)), o.maxRunsPerFamily ?? DEFAULT_MAX_RUNS_PER_FAMILY);
  if (numRuns === 0 || families.length === 0 || o.signal?.aborted) return [];
  const prefix = await choosePrefix(o, families[0].tag);
  const env: Env<Prepared> = { operation: o.operation, prepared: o.prepared, poll: { ...DEFAULT_POLL, ...o.poll }, ...(o.listing ? { listing: o.listing } : {}) };
  const found = new Map<string, ScenarioFinding>();
  // Families create disjoint ids (each its own tag): with concurrency they run side by side, each with its
  // share of the slots for its own runs. Results are taken in family order whatever finished first.
  const concurrency = Math.max(1, Math.floor(o.concurrency ?? 1));
  const perFamily = Math.max(1, Math.floor(concurrency / families.length));
  const results: Array<ScenarioFinding | undefined> = new Array(families.length);
  await forEachConcurrent(families.entries(), Math.min(concurrency, families.length), async ([i, family]) => {
    if (o.signal?.aborted) return;
    const budget: Budget = { left: FAMILY_REQUEST_BUDGET, signal: o.signal, onRequest: o.onRequest };
    results[i] = await runFamily(family, { env, target: o.target, seed: o.seed, numRuns, prefix, budget, keep, concurrency: perFamily });
  }, o.signal);
  for (const f of results) {
    const had = f && found.get(f.constraint);
    if (f && keep(f.constraint) && (!had || f.steps.length < had.steps.length)) found.set(f.constraint, f);
  }
  const order = scenariosOf(o.operation).map((s) => s.id);
  return [...found.values()].sort((a, b) => order.indexOf(a.constraint) - order.indexOf(b.constraint));
}
