// Which id prefix a run uses. Given one, that one. Otherwise the seed's (stable: same seed, same ids) —
// unless this target already holds the first resource a run with it creates (the same seed run before
// against a target that keeps state: `serve`, moto, AWS): then the next of a few deterministic variants,
// so an earlier run's instances and 8-hour tokens never look like this run's misbehaviour.
import { HarnessError } from '../errors.ts';
import { fill } from '../profiles/template.ts';
import type { Env } from './family.ts';
import { checkPrefix, defaultPrefix, runIds } from './ids.ts';
import { isOk } from './session.ts';
import type { ScenarioOptions } from './types.ts';

const ATTEMPTS = 4;

export async function choosePrefix(o: ScenarioOptions, env: Env<unknown>, firstTag: string): Promise<string> {
  if (o.idPrefix !== undefined) return checkPrefix(o.idPrefix);
  const scope = env.subject.scope(o.prepared);
  const base = defaultPrefix(o.seed, `${o.operation}/${scope}`);
  // An operation whose items cannot be read back (known from its model only) cannot be probed: the seed's ids.
  const read = env.subject.read?.call;
  if (!read) return base;
  for (let i = 0; i < ATTEMPTS; i++) {
    const prefix = i === 0 ? base : `${base}r${i}`;
    const first = runIds(prefix, firstTag, 0).slot(0);
    if (o.signal?.aborted) return prefix;
    o.onRequest?.();
    const call = { service: read.service, operation: read.operation, input: fill(read.input, { scope, id: first }) };
    const seen = await o.target.send(call, o.signal ? { signal: o.signal } : {});
    if (!isOk(seen)) return prefix;
  }
  throw new HarnessError('CF_ERR_PREREQUISITE', `${o.target.name} already holds the resources of seed ${o.seed}'s scenarios ${ATTEMPTS} times over: pass another seed or an idPrefix`);
}
