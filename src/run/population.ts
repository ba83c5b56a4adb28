// Keeps what a run registers bounded: after each case, the instances the state model wants gone
// (src/run/stateModel.ts `evictions`) are deregistered through the target's public API, each under its
// instance's key lock so no case on that instance overlaps, and the model learns whether they are gone.
// Housekeeping, not a test: an answer here is never a finding.
//
// Confirming costs requests too: GetOperation is one per deregistration. A sweep first sends all its
// deregistrations, then asks the waiter's list call (ListOperations) for the finished ones, up to a page's worth
// per request; what the list does not show finished is polled with GetOperation as before. The list only ever
// says "gone" where GetOperation would have (the same operation, SUCCESS); a target without it, or whose list
// shows none of ours, is not asked again this run.
import type { Outcome } from '../contract/outcome.ts';
import { profileOf } from '../profiles/index.ts';
import type { RecipeCall } from '../profiles/recipe.ts';
import type { Target } from '../targets/target.ts';
import type { KeyLock } from './keyLock.ts';
import type { ListingGuard } from '../listingGuard.ts';
import { fill, valueAt as at } from './recipe.ts';
import { listedDone } from './listedOperations.ts';
import type { Eviction, StateModel } from './stateModel.ts';

/** Deregistrations in flight at once for one sweep. */
const SWEEP_CONCURRENCY = 8;
/** Polls of GetOperation before an unconfirmed deregistration is left as "leaving" (in progress, maybe). */
const POLLS = 40;
const POLL_MS = 25;
/** Times the list is asked for one sweep's still unconfirmed deregistrations before they are polled one by one. */
const LIST_ROUNDS = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ok = (o: Outcome) => o.status >= 200 && o.status < 300;

type Result = 'gone' | 'leaving' | 'kept';
/** Undefined when there is nothing to deregister (after almost every case): the caller skips an await. */
export type KeepPopulation = () => Promise<void> | undefined;

export function keepPopulation(target: Target, state: StateModel, lock: KeyLock, signal?: AbortSignal, guard?: ListingGuard): KeepPopulation {
  const removing = <T>(scope: string, change: () => Promise<T>): Promise<T> => (guard ? guard.removing(scope, change) : change());
  // How a registration is undone, and how its operation is waited for: the profile's recipe call.
  const undo = profileOf('servicediscovery#RegisterInstance').creates!.undo!;
  const waiter = undo.awaits!.waiter;
  // Housekeeping answers are read here and never kept: no scrubbing (a wrapper that cannot defer it still scrubs).
  const send = (call: RecipeCall, slots: Record<string, unknown>) =>
    target.send({ service: call.service, operation: String(fill(call.operation, slots)), input: fill(call.input, slots) }, { signal, unscrubbed: true });

  let waitFirst = false;
  let listing = waiter.listed !== undefined; // false once the target showed the list does not help
  /** Asks for the deregistration; its operation id when there is one to wait for, else what it already says. */
  const deregister = async (e: Eviction): Promise<Result | { operationId: string }> => {
    const answer = await send(undo, { scope: e.service, id: e.id });
    // Not there (a token replay the target answered without registering again): nothing to wait for, but the
    // id may still appear if its registration is in progress, so "leaving", not "gone".
    if (answer.code === 'InstanceNotFound') return 'leaving';
    if (!ok(answer)) return 'kept';
    const operationId = at(answer.body, undo.awaits!.id);
    return typeof operationId === 'string' ? { operationId } : 'leaving';
  };
  // Cloud Map deregisters asynchronously: the instance is gone (and its id free) once the operation succeeds.
  const poll = async (operationId: string): Promise<Result> => {
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
  /** The operation ids among `wanted` the list shows finished (SUCCESS), per service, between `from` and now. */
  const listedDoneIn = async (service: string, wanted: Set<string>, from: number): Promise<Set<string>> => {
    const r = await listedDone(send, waiter, service, wanted, from, signal);
    if (!r.listed) listing = false;
    return r.done;
  };

  return () => {
    const queue = state.evictions();
    return queue.length === 0 ? undefined : sweep(queue);
  };

  async function sweep(queue: Eviction[]): Promise<void> {
    const since = Date.now();
    // Deregistered, waiting to be confirmed: each still holds its instance's key lock until `settle`.
    const waiting: Array<{ e: Eviction; operationId: string; settle: (r: Result) => void }> = [];
    const held: Array<Promise<unknown>> = [];
    const worker = async () => {
      for (let e = queue.shift(); e; e = queue.shift()) {
        const job = e;
        // The next deregistration starts once this one is answered; its confirmation comes with the batch's.
        await new Promise<void>((answered) => {
          // Not while a scenario walks this service's listing page by page (src/listingGuard.ts): held until confirmed.
          held.push(lock.run([job.key], () => removing(job.service, async () => {
            let result: Result = 'leaving';
            try {
              const first = await deregister(job);
              // Waiting for the batch's confirmation before the worker moves on, so the batch knows every one.
              result = typeof first === 'string' ? first : await new Promise<Result>((settle) => { waiting.push({ e: job, operationId: first.operationId, settle }); answered(); });
            } finally {
              answered();
              state.evicted(job, result);
            }
          })).catch(() => undefined)); // a failed deregistration leaves the instance "leaving": counted, never blamed
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(SWEEP_CONCURRENCY, queue.length) }, worker));
    try {
      await confirm(waiting, since);
    } finally {
      for (const w of waiting) w.settle('leaving'); // only the first settle counts: this is for a confirmation that threw
      await Promise.all(held);
    }
  }

  async function confirm(waiting: Array<{ e: Eviction; operationId: string; settle: (r: Result) => void }>, since: number): Promise<void> {
    let rest = waiting;
    // The last deregistrations may still be running when the list is first asked: a few rounds, each asking only
    // for what is still unconfirmed, a poll's wait apart.
    for (let round = 0; listing && rest.length > 0 && round < LIST_ROUNDS && !signal?.aborted; round++) {
      if (round > 0) await sleep(POLL_MS);
      const byService = new Map<string, Set<string>>();
      for (const w of rest) (byService.get(w.e.service) ?? byService.set(w.e.service, new Set()).get(w.e.service)!).add(w.operationId);
      const done = new Set<string>();
      for (const [service, wanted] of byService) {
        if (!listing) break;
        for (const id of await listedDoneIn(service, wanted, since)) done.add(id);
      }
      // A list that showed none of ours (another kind of target, a slow one, a clock far off): not asked again this run.
      if (done.size === 0) { if (round === 0) listing = false; break; }
      for (const w of rest) if (done.has(w.operationId)) w.settle('gone');
      rest = rest.filter((w) => !done.has(w.operationId));
    }
    // What the list did not show finished: one GetOperation poll each, as many at once as deregistrations.
    const queue = [...rest];
    const worker = async () => {
      for (let w = queue.shift(); w; w = queue.shift()) {
        let result: Result = 'leaving';
        try { result = await poll(w.operationId); } catch { /* unconfirmed: leaving */ } finally { w.settle(result); }
      }
    };
    await Promise.all(Array.from({ length: Math.min(SWEEP_CONCURRENCY, queue.length) }, worker));
  }
}
