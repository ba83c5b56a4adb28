// Which id prefix a run uses. Given one, that one. Otherwise the seed's (stable: same seed, same ids) —
// unless this target already holds the first resource a run with it creates (the same seed run before
// against a target that keeps state: `serve`, moto, AWS): then the next of a few deterministic variants,
// so an earlier run's instances and 8-hour tokens never look like this run's misbehaviour.
import { HarnessError } from '../errors.ts';
import { getInstance } from './cloudmap/calls.ts';
import { checkPrefix, defaultPrefix, runIds } from './ids.ts';
import { getServiceInstance } from './proton/calls.ts';
import { isOk } from './session.ts';
import type { CloudMapPrepared, ProtonPrepared, ScenarioOptions } from './types.ts';

const ATTEMPTS = 4;

export async function choosePrefix(o: ScenarioOptions, firstTag: string): Promise<string> {
  if (o.idPrefix !== undefined) return checkPrefix(o.idPrefix);
  const cloudMap = o.operation === 'RegisterInstance';
  const scope = cloudMap ? (o.prepared as CloudMapPrepared).serviceId : (o.prepared as ProtonPrepared).serviceName;
  const base = defaultPrefix(o.seed, `${o.operation}/${scope}`);
  for (let i = 0; i < ATTEMPTS; i++) {
    const prefix = i === 0 ? base : `${base}r${i}`;
    const first = runIds(prefix, firstTag, 0).slot(0);
    if (o.signal?.aborted) return prefix;
    o.onRequest?.();
    const call = cloudMap ? getInstance(scope, first) : getServiceInstance(scope, first);
    const seen = await o.target.send(call, o.signal ? { signal: o.signal } : {});
    if (!isOk(seen)) return prefix;
  }
  throw new HarnessError('CF_ERR_PREREQUISITE', `${o.target.name} already holds the resources of seed ${o.seed}'s scenarios ${ATTEMPTS} times over: pass another seed or an idPrefix`);
}
