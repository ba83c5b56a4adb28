// Keeps what a run registers bounded: after each case, the instances the state model wants gone
// (src/run/stateModel.ts `evictions`) are deregistered through the target's public API, each under its
// instance's key lock so no case on that instance overlaps, and the model learns whether they are gone.
// Housekeeping, not a test: an answer here is never a finding.
import type { Outcome } from '../contract/outcome.ts';
import { profileOf } from '../profiles/index.ts';
import type { RecipeCall } from '../profiles/recipe.ts';
import type { Target } from '../targets/target.ts';
import type { KeyLock } from './keyLock.ts';
import type { ListingGuard } from '../listingGuard.ts';
import { fill, valueAt as at } from './recipe.ts';
import type { Eviction, StateModel } from './stateModel.ts';

/** Deregistrations in flight at once for one sweep. */
const SWEEP_CONCURRENCY = 8;
/** Polls of GetOperation before an unconfirmed deregistration is left as "leaving" (in progress, maybe). */
const POLLS = 40;
const POLL_MS = 25;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ok = (o: Outcome) => o.status >= 200 && o.status < 300;

/** Undefined when there is nothing to deregister (after almost every case): the caller skips an await. */
export type KeepPopulation = () => Promise<void> | undefined;

export function keepPopulation(target: Target, state: StateModel, lock: KeyLock, signal?: AbortSignal, listing?: ListingGuard): KeepPopulation {
  // How a registration is undone, and how its operation is waited for: the profile's recipe call.
  const undo = profileOf('servicediscovery#RegisterInstance').creates!.undo!;
  const waiter = undo.awaits!.waiter;
  // Housekeeping answers are read here and never kept: no scrubbing (a wrapper that cannot defer it still scrubs).
  const send = (call: RecipeCall, slots: Record<string, unknown>) =>
    target.send({ service: call.service, operation: String(fill(call.operation, slots)), input: fill(call.input, slots) }, { signal, unscrubbed: true });

  let waitFirst = false;
  const evict = async (e: Eviction): Promise<'gone' | 'leaving' | 'kept'> => {
    const answer = await send(undo, { scope: e.service, id: e.id });
    // Not there (a token replay the target answered without registering again): nothing to wait for, but the
    // id may still appear if its registration is in progress, so "leaving", not "gone".
    if (answer.code === 'InstanceNotFound') return 'leaving';
    if (!ok(answer)) return 'kept';
    const operationId = at(answer.body, undo.awaits!.id);
    if (typeof operationId !== 'string') return 'leaving';
    // Cloud Map deregisters asynchronously: the instance is gone (and its id free) once the operation succeeds.
    for (let i = 0; i < POLLS && !signal?.aborted; i++) {
      // Once a target has shown it takes a while (a first poll still pending), the first poll waits too: each
      // poll is a request the harness pays for. A target done at once (builtin) is polled at once.
      if (i > 0 || waitFirst) await sleep(POLL_MS);
      const op = await send(waiter.call, { operationId });
      const status = ok(op) ? at(op.body, waiter.status) : undefined;
      if (status === waiter.success) return 'gone';
      if (status === waiter.failure) return 'kept';
      if (!ok(op)) return 'leaving'; // no GetOperation on this target: cannot confirm
      waitFirst = true;
    }
    return 'leaving';
  };

  return () => {
    const queue = state.evictions();
    return queue.length === 0 ? undefined : sweep(queue);
  };

  async function sweep(queue: Eviction[]): Promise<void> {
    const worker = async () => {
      for (let e = queue.shift(); e; e = queue.shift()) {
        const job = e;
        await lock.run([job.key], async () => {
          let result: 'gone' | 'leaving' | 'kept' = 'leaving';
          try {
            // Not while a scenario walks this service's listing page by page (src/listingGuard.ts).
            result = await (listing ? listing.removing(job.service, () => evict(job)) : evict(job));
          } finally {
            state.evicted(job, result);
          }
        }).catch(() => undefined); // a failed deregistration leaves the instance "leaving": counted, never blamed
      }
    };
    await Promise.all(Array.from({ length: Math.min(SWEEP_CONCURRENCY, queue.length) }, worker));
  }
}
