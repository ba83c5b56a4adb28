// The one executor of prerequisite recipes (src/profiles/recipe.ts): fills a call's input from slots, sends it,
// waits for the asynchronous operation it started, reads its outputs into slots; and undoes what a step made
// (draining what lives in it first, or waiting until it is gone). Preparation, cleanup and the run's population
// upkeep all send through here, so each operation's calls are written once, in its profile.
import { HarnessError } from '../errors.ts';
import type { RecipeCall, Template, UndoCall, Waiter } from '../profiles/recipe.ts';
import { fill, valueAt } from '../profiles/template.ts';
import type { Target } from '../targets/target.ts';
import { call, nonEmptyString, PREPARING, PrerequisiteError, type Poll } from './prerequisiteCall.ts';
import { listedDone } from './listedOperations.ts';

type Json = Record<string, unknown>;
/** Slot name → value; an output is `step.output`. */
export type Slots = Readonly<Record<string, unknown>>;
export { fill, valueAt };

/** Slot values may name the run's slots (`cf-{runTag}`, `{runVpc}`): filled once, before the steps read them. A run
 * slot is in every step's reach too, so a member a recipe sends only sometimes must name its own slot. */
export const fillSlots = (own: Readonly<Record<string, Template | undefined>>, run: Slots): Json =>
  Object.fromEntries(Object.entries(own).flatMap(([k, v]) => (v === undefined ? [] : [[k, fill(v, run)]])));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends one recipe call; returns its answer (the awaited operation's, with `awaits`) and its outputs. */
export async function send(target: Target, rc: RecipeCall, slots: Slots, poll: Poll): Promise<{ answer: Json; outputs: Json }> {
  const operation = fill(rc.operation, slots) as string;
  const input = fill(rc.input, slots) as Json;
  const outputs = Object.entries(rc.outputs ?? {});
  const needs = rc.awaits ? [rc.awaits.id] : outputs.map(([, path]) => path);
  let answer: Json;
  for (let attempt = 0; ; attempt++) {
    try {
      answer = await call(target, rc.service, operation, input, needs, poll.during);
      break;
    } catch (e) {
      if (!(e instanceof PrerequisiteError) || !rc.retryOn?.includes(e.outcome.code ?? '') || attempt >= 40) throw e;
      await sleep(poll.pollIntervalMs ?? 25);
    }
  }
  if (rc.awaits) answer = await wait(target, rc.awaits.waiter, String(valueAt(answer, rc.awaits.id)), poll);
  const read: Json = {};
  for (const [name, path] of outputs) {
    const v = valueAt(answer, path);
    if (!nonEmptyString(v)) throw new HarnessError('CF_ERR_PREREQUISITE', `${target.name}: ${rc.awaits ? rc.awaits.waiter.call.operation : operation} answered without ${path} while ${poll.during ?? PREPARING}`);
    read[name] = v;
  }
  return { answer, outputs: read };
}

/** Polls an asynchronous operation until the service says it succeeded. */
export async function wait(target: Target, w: Waiter, operationId: string, o: Poll): Promise<Json> {
  const deadline = Date.now() + (o.pollTimeoutMs ?? 120_000);
  const slots = { operationId };
  for (;;) {
    const answer = await call(target, w.call.service, w.call.operation, fill(w.call.input, slots) as Json, [w.status], o.during);
    const status = valueAt(answer, w.status);
    if (status === w.success) return answer;
    if (status === w.failure) throw new HarnessError('CF_ERR_PREREQUISITE', `${target.name}: operation ${operationId} failed: ${String((w.reason && valueAt(answer, w.reason)) ?? '')}`);
    if (Date.now() > deadline || o.signal?.aborted) throw new HarnessError('CF_ERR_PREREQUISITE', `${target.name}: operation ${operationId} did not complete in time`);
    await sleep(o.pollIntervalMs ?? 25);
  }
}

// Cleanup runs after an interrupted run too: it must not be cut by the run's abort signal.
const unsignalled = (o: Poll): Poll => ({ ...(o.pollIntervalMs === undefined ? {} : { pollIntervalMs: o.pollIntervalMs }), pollTimeoutMs: o.pollTimeoutMs ?? 60_000, during: 'cleaning up' });

/** Removes what a step made: what lives in it first (drain), then the call, then waits until it is gone. */
export async function undo(target: Target, u: UndoCall, slots: Slots, o: Poll, how: UndoHow = {}): Promise<void> {
  const poll = unsignalled(o);
  const since = Date.now();
  // The drained items' undos are sent, not waited for one by one: against a slow target each wait is a round trip
  // per depth of cleanup (issue 11 §6). A step that says when it is still in use is sent at once; only when it
  // says so are they confirmed (a page of the waiter's list per drain, else one poll each), and it is sent again.
  // The items the run knows it left (src/run/knownItems.ts) are undone without listing them first.
  // One at a time as before on a target whose answers must not depend on timing (`inTurn`: a recording is made
  // of what is sent, and a confirmation only when the service is still in use would depend on it).
  const waitEach = u.drain?.inUse === undefined || how.inTurn === true;
  const known = how.inTurn ? undefined : how.known;
  const started = !u.drain ? []
    : known !== undefined && !waitEach ? [...(how.started ?? []), ...(await undoKnown(target, u.drain, slots, known, poll))]
      : await drain(target, u.drain, slots, poll, true, waitEach);
  try {
    await send(target, u, slots, poll);
  } catch (e) {
    // The undos still running, or something the one-page listing did not show (eventual consistency): wait for
    // those sent, drain to an empty listing (waiting for each), then again.
    if (!(u.drain?.inUse !== undefined && e instanceof PrerequisiteError && e.outcome.code === u.drain.inUse)) throw e;
    await confirm(target, started, u.drain.scope === undefined ? undefined : String(fill(u.drain.scope, slots)), since, poll);
    await drain(target, u.drain, slots, poll, false, true);
    await send(target, u, slots, poll);
  }
  const gone = u.untilGone;
  if (gone && how.later) how.later.push(() => untilGone(target, u, gone, slots, poll));
  else if (gone) await untilGone(target, u, gone, slots, poll);
}

/** How an undo goes: the items the run knows it left in what it drains (and the undos of some of them started
 * earlier, `started`: confirmed with the others when the call says in use); `inTurn`: a step at a time, each waited for. */
export interface UndoHow {
  known?: readonly string[] | undefined;
  inTurn?: boolean;
  started?: readonly Started[];
  /** The wait until it is gone (`untilGone`) is not made here but pushed: what it blocks is tried first. */
  later?: Array<() => Promise<void>>;
}

/** An undo sent whose asynchronous operation was not waited for. */
export interface Started { operationId: string; waiter: Waiter }

/** Sends a call that starts an asynchronous operation without waiting for it: its operation id. */
async function start(target: Target, rc: RecipeCall & { awaits: NonNullable<RecipeCall['awaits']> }, slots: Slots, poll: Poll): Promise<Started> {
  const { awaits, ...call } = rc;
  const { outputs } = await send(target, { ...call, outputs: { operationId: awaits.id } }, slots, poll);
  return { operationId: String(outputs.operationId), waiter: awaits.waiter };
}

/** Starts the undo of each known item. One the target refuses is skipped: it may be gone already, or was never
 * made by a target that said it was; the call that follows (refused while in use) is what tells. */
export async function undoKnown(target: Target, d: NonNullable<UndoCall['drain']>, slots: Slots, known: readonly string[], poll: Poll): Promise<Started[]> {
  const each = d.each;
  const started = await Promise.all(known.map(async (item): Promise<Started | undefined> => {
    try {
      if (each.awaits) return await start(target, { ...each, awaits: each.awaits }, { ...slots, item }, poll);
      await send(target, each, { ...slots, item }, poll);
    } catch (e) {
      if (!(e instanceof PrerequisiteError)) throw e;
    }
    return undefined;
  }));
  return started.filter((x): x is Started => x !== undefined);
}

/** Waits until the started operations have succeeded: those a page of the waiter's list shows finished at once,
 * the rest polled one by one (a target without the list, or one that is slower to finish them). */
async function confirm(target: Target, started: readonly Started[], scope: string | undefined, since: number, poll: Poll): Promise<void> {
  let rest = started;
  const waiter = started[0]?.waiter;
  if (waiter?.listed && scope !== undefined) {
    const sendRaw = (rc: RecipeCall, s: Record<string, unknown>) => target.send({ service: rc.service, operation: String(fill(rc.operation, s)), input: fill(rc.input, s) });
    const { done } = await listedDone(sendRaw, waiter, scope, new Set(started.map((x) => x.operationId)), since);
    rest = started.filter((x) => !done.has(x.operationId));
  }
  await Promise.all(rest.map((x) => wait(target, x.waiter, x.operationId, poll)));
}

/** Sends `each` for the given items at once (a run leaves tens to hundreds per service). */
export async function undoEach(target: Target, each: RecipeCall, items: readonly Json[], o: Poll): Promise<void> {
  await Promise.all(items.map((slots) => send(target, each, slots, unsignalled(o))));
}

/** Undoes every item the listing shows; `waitEach`: each undo's operation is waited for, else they are returned. */
async function drain(target: Target, d: NonNullable<UndoCall['drain']>, slots: Slots, poll: Poll, trustLastPage: boolean, waitEach: boolean): Promise<Started[]> {
  // The first page again and again (undone items leave it, so paging on would skip some). An item listed again
  // after it was undone (eventual consistency) is not sent twice; a page of only those ends the loop. A page that
  // says it is the last (no next token) ends it too, once its items are undone: against a slow target the listing
  // that only confirms "empty" is a round trip per depth of cleanup (the caller drains again if the call says in use).
  const done = new Set<string>();
  const started: Started[] = [];
  const each = d.each;
  for (;;) {
    const page = (await send(target, d.list, slots, poll)).answer;
    const items = ((valueAt(page, d.items) as Json[] | undefined) ?? []).map((i) => String(i[d.id])).filter((id) => !done.has(id));
    if (items.length === 0) return started;
    for (const id of items) done.add(id);
    const itemSlots = items.map((item) => ({ ...slots, item }));
    if (waitEach || !each.awaits) await undoEach(target, each, itemSlots, poll);
    else { const awaited = { ...each, awaits: each.awaits }; started.push(...(await Promise.all(itemSlots.map((x) => start(target, awaited, x, poll))))); }
    const next = d.next === undefined ? undefined : valueAt(page, d.next);
    if (trustLastPage && d.next !== undefined && (next === undefined || next === null || next === '')) return started;
  }
}

async function untilGone(target: Target, u: UndoCall, g: NonNullable<UndoCall['untilGone']>, slots: Slots, poll: Poll): Promise<void> {
  const deadline = Date.now() + (poll.pollTimeoutMs ?? 60_000);
  for (;;) {
    try {
      await send(target, g.call, slots, poll);
    } catch (e) {
      if (e instanceof PrerequisiteError && e.outcome.code === g.code) return;
      throw e;
    }
    if (Date.now() > deadline) throw new Error(`${target.name}: ${JSON.stringify(fill(u.input, slots))} still exists after ${u.operation}`);
    await sleep(poll.pollIntervalMs ?? 25);
  }
}
