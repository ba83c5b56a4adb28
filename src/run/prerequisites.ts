// Creates what the generated cases need on a target, through the public API (one code path for the
// builtin emulator, moto, LocalStack and AWS): Cloud Map namespaces and one service per coverage context,
// a Proton environment and service. Or takes the user's existing ones (--service-id / --proton-service).
// Each operation is prepared on its own: a target that implements Cloud Map and not Proton still has its
// RegisterInstance tested, and CreateServiceInstance is reported as not tested (with the call that failed).
import { HarnessError } from '../errors.ts';
import type { NamedContext } from '../generate/index.ts';
import type { Outcome } from '../contract/outcome.ts';
import type { Call } from '../contract/call.ts';
import type { Target } from '../targets/target.ts';
import { profileOf } from '../profiles/index.ts';
import type { Prerequisite, UndoCall } from '../profiles/recipe.ts';
import { serviceConfigOf, type DescribedService } from '../profiles/servicediscovery/serviceConfig.ts';
import { emptyBinding, type Binding } from './binding.ts';
import { call, PrerequisiteError } from './prerequisiteCall.ts';
import { isThrottled } from '../protocol/throttling.ts';
import { fill, fillSlots, send, undo, undoEach, type Slots } from './recipe.ts';
import type { RunNonce } from './nonce.ts';
import { caseCreations, UPKEEP, type UndoSummary } from './caseCreations.ts';
import { knownItems } from './knownItems.ts';
import { release, type Drained } from './release.ts';

/** An operation whose prerequisites the target could not create: the call and what it answered. */
export interface NotPrepared {
  operation: string;
  call: Call;
  answer: { status: number; code?: string; message?: string };
  /** The one line saying so. */
  line: string;
  /** Still throttled after the retries (`attempts` of them): the target is there but slowing the run down. */
  throttled?: { attempts: number };
}

export interface Prepared {
  binding: Binding;
  /** Contexts to generate in, per operation (narrowed to the user's service when one was given). */
  contexts: Record<string, NamedContext[]>;
  /** Operations that cannot run on this target (their prerequisites could not be created). */
  notPrepared: NotPrepared[];
  /** Removes what this run created (instances it registered in a service the user supplied too, not the
   * service itself); returns the problems met. */
  cleanup(): Promise<string[]>;
  /** Sees every call the run sends and its answer: what it registers in the user's service is the run's, and
   * what a model-only create makes (undone by cleanup). */
  track(call: Call, outcome: Outcome): void;
  /** Model-only creates of the run: how they are undone and how many were (after cleanup), or why not. */
  undoSummary(): UndoSummary;
  /** Undoes only what model-only creates made (cleanup does it too): a replay leaves the prerequisites. */
  undoCreated(): Promise<string[]>;
  /** Undoes the items the run left in what cleanup drains for `operation`, in the scopes `which` takes (once its cases
   * are done, all but where its scenarios create; that one once they are done), so cleanup has fewer left
   * (src/run/release.ts). Not on a target that takes one step at a time. */
  release(operation: string, which: (scope: string) => boolean): Promise<void>;
}

export interface PrepareOptions {
  operations: string[];
  contexts: Record<string, NamedContext[]>;
  /** Short tag making names unique per run (the run nonce's tag). */
  runTag: string;
  /** Goes into what the cases create (binding.ts); absent: cases are sent as generated. */
  nonce?: RunNonce;
  serviceId?: string;
  protonService?: string;
  pollIntervalMs?: number;
  pollTimeoutMs?: number;
  signal?: AbortSignal;
  /** What model-only creates make is remembered and undone: past a bound as the run goes, the rest at cleanup (a
   * long-lived target, without --keep). Off: nothing is remembered (a target the run started goes away whole). */
  undoCreates?: boolean;
}

type Json = Record<string, unknown>;
/** An undo, with how deep in its recipe the step was (what a later step made lives in what an earlier one made). */
type Undo = ((later?: Array<() => Promise<void>>) => Promise<void>) & { depth?: number };

const REGISTER = profileOf('servicediscovery#RegisterInstance');

/** GetService of a prerequisite the user named: when the target says no, the user's value is what is wrong
 * (one line, exit 2), never the target (no not-tested finding, no rejected-valid ones). */
async function named(target: Target, flag: string, value: string, service: string, input: Json): Promise<Json> {
  try {
    return await call(target, service, 'GetService', input);
  } catch (e) {
    throw e instanceof PrerequisiteError ? new HarnessError('CF_ERR_PREREQUISITE', `${flag} ${value}: ${e.message}`) : e;
  }
}

async function undoAll(created: Undo[]): Promise<string[]> {
  const problems: string[] = [];
  // Deepest steps first (services before their namespaces, a Proton service before its environment); the undos
  // of one depth side by side (against a slow target, one after the other adds up). Undos without a depth (the
  // user's instances) go first, in reverse order of creation.
  const depths = [...new Set(created.map((u) => u.depth ?? Infinity))].sort((a, b) => b - a);
  const later: Array<() => Promise<void>> = []; // waits until gone the undos of this depth left (UndoHow.later)
  let waits: Array<() => Promise<void>> = []; // those of the depth before
  const noteRejected = (settled: PromiseSettledResult<void>[]) => {
    for (const r of settled) if (r.status === 'rejected') problems.push((r.reason as Error).message);
  };
  const awaitAll = async (w: Array<() => Promise<void>>) => noteRejected(await Promise.allSettled(w.map((f) => f())));
  for (const depth of depths) {
    const stage = created.filter((u) => (u.depth ?? Infinity) === depth).reverse();
    const run = depth === Infinity ? stage.map((u) => () => u()) : stage;
    if (depth === Infinity) {
      for (const undo of run) { try { await undo(); } catch (e) { problems.push((e as Error).message); } }
      continue;
    }
    // What a deeper step left waiting until gone (a Proton service) is not waited for first: against a slow target
    // that is a round trip before the step it blocks (its environment), which usually succeeds at once. Only when
    // one of this depth fails are they waited for, and the failed ones tried again; once all succeeded, nothing is
    // left that they block.
    const settled = await Promise.allSettled(run.map((undo) => undo(later)));
    const failed = run.filter((_, k) => settled[k]!.status === 'rejected');
    if (failed.length > 0 && waits.length > 0) {
      await awaitAll(waits);
      noteRejected(await Promise.allSettled(failed.map((undo) => undo(later))));
    } else {
      noteRejected(settled);
    }
    waits = later.splice(0);
  }
  await awaitAll(waits); // the shallowest ones block nothing here: waited for as before
  return problems;
}

/** Runs `steps` side by side (one after another when `inTurn`); once all have settled, the first failure (in the
 * given order) is thrown, so what the others created is kept before anyone undoes it. */
async function allOrFirstError<T>(steps: Array<() => Promise<T>>, inTurn = false): Promise<T[]> {
  const settled: PromiseSettledResult<T>[] = [];
  if (inTurn) for (const step of steps) settled.push(...(await Promise.allSettled([step()])));
  else settled.push(...(await Promise.allSettled(steps.map((step) => step()))));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
}

/** A target whose ids come from the seed in creation order (builtin; a recording or its replay): one step at a time. */
const createsInTurn = (target: Target): boolean => {
  const t = target as { fresh?: boolean; runTag?: string };
  return t.fresh === true || t.runTag !== undefined;
};

/** The VPC private DNS namespaces go into: the user's (real AWS), else one of this run's own. */
export const vpcFor = (runTag: string): string => process.env.CONTRACT_FUZZ_VPC_ID ?? `vpc-${runTag}`;

export async function prepare(target: Target, o: PrepareOptions): Promise<Prepared> {
  const binding: Binding = { ...emptyBinding(), ...(o.nonce ? { nonce: o.nonce } : {}) };
  const contexts: Record<string, NamedContext[]> = { ...o.contexts };
  const created: Undo[] = [];
  const notPrepared: NotPrepared[] = [];
  const registered = new Set<string>(); // InstanceIds this run registered in the user's --service-id
  const made = new Map<string, Promise<Slots>>(); // a step made once per run (per `once` key, or per `run` recipe) → its slots
  const inTurn = createsInTurn(target);
  // What the run registers in the services it drains at cleanup: deregistered there without listing them first.
  const known = knownItems();
  const knownIn = (u: UndoCall, slots: Slots): string[] | undefined => (u.drain?.scope === undefined ? undefined : known.of(String(fill(u.drain.scope, slots))));
  const drained: Drained[] = []; // what cleanup drains, per operation: released early once its cases are done
  // The operations are prepared side by side (against a slow target, one after the other adds up); those that
  // reference the same kind of resource one after another, in their order (a later one binds to what an earlier
  // one made). Judged in the operations' order once all are done, whichever finished first.
  // A target this run started (builtin) answers at once and draws its ids from one seeded sequence in the order
  // things are created: one after another there, so the same seed gives the same ids (recordings depend on it).
  const kind = (op: string) => profileOf(op).reference?.binding;
  const mine = o.operations.map((): Undo[] => []);
  const failures = new Map<number, unknown>();
  await allOrFirstError([...new Set(o.operations.map(kind))].map((k) => async () => {
    for (const [i, operation] of o.operations.entries()) {
      if (kind(operation) !== k) continue;
      try {
        // What to create is the operation's profile's prerequisite recipe; the user may name an existing one.
        const { reference: ref, prerequisite: recipe } = profileOf(operation);
        const map = ref ? binding[ref.binding] : undefined;
        if (ref?.binding === 'serviceIds' && o.serviceId) await useCloudMapService(target, o.serviceId, contexts, operation, o.contexts[operation] ?? []);
        else if (ref?.binding === 'serviceNames' && o.protonService) await useProtonService(target, o.protonService, binding, o.contexts[operation] ?? []);
        else if (recipe && map) await make(target, recipe, map, o.contexts[operation] ?? [], { runTag: o.runTag, runVpc: vpcFor(o.runTag) }, o, made, mine[i]!, inTurn, knownIn, (d) => drained.push({ ...d, operation }));
      } catch (e) {
        // A half-prepared operation must not leave resources behind (on AWS they cost money).
        await undoAll(mine[i]!);
        failures.set(i, e);
      }
    }
  }), inTurn);
  let fatal: { error: unknown } | undefined;
  for (const [i, operation] of o.operations.entries()) {
    if (!failures.has(i)) { created.push(...mine[i]!); continue; }
    const e = failures.get(i);
    if (e instanceof PrerequisiteError) {
      const { status, code, message } = e.outcome;
      notPrepared.push({ operation, call: e.call, answer: { status, ...(code ? { code } : {}), ...(message ? { message } : {}) }, line: e.message,
        ...(isThrottled(e.outcome) ? { throttled: { attempts: e.outcome.attempts ?? 1 } } : {}) });
    } else fatal ??= { error: e };
  }
  if (fatal) {
    await undoAll(created);
    throw fatal.error;
  }
  const preparable = o.operations.filter((op) => profileOf(op).reference !== undefined);
  if (preparable.length > 0 && notPrepared.length === preparable.length && !notPrepared.some((n) => n.throttled)) {
    // Nothing to test on this target: one line, exit 2. Not when it throttled: that is the target's answer (not
    // tested, a finding each, exit 1), not a usage or configuration error.
    await undoAll(created);
    throw new HarnessError('CF_ERR_PREREQUISITE', notPrepared[0]!.line);
  }
  const registration = REGISTER.creates!.undo!;
  if (o.serviceId && o.operations.includes('RegisterInstance')) {
    const serviceId = o.serviceId;
    created.unshift(() => undoEach(target, registration, [...registered].map((id) => ({ scope: serviceId, id })), o));
  }
  // What model-only creates make is undone first: it may live in what the recipes made.
  const cases = caseCreations(target, o.operations, { ...(o.pollIntervalMs === undefined ? {} : { pollIntervalMs: o.pollIntervalMs }), pollTimeoutMs: o.pollTimeoutMs ?? 60_000 }, UPKEEP);
  return {
    binding, contexts, notPrepared,
    cleanup: async () => [...(await cases.undoAll()), ...(await undoAll(created))],
    undoSummary: () => cases.summary(),
    undoCreated: () => cases.undoAll(),
    release: (operation, which) => (inTurn ? Promise.resolve() : release(target, drained, operation, which, (scope) => known.of(scope), o)),
    track(c, outcome) {
      if (o.undoCreates) cases.track(c, outcome);
      known.track(c, outcome);
      const input = c.input as Json | null;
      if (o.serviceId === undefined || outcome.status < 200 || outcome.status >= 300) return;
      if (typeof input !== 'object' || input === null || input.ServiceId !== o.serviceId || typeof input.InstanceId !== 'string') return;
      // The run deregisters some as it goes (src/run/population.ts): cleanup must not ask again.
      if (c.operation === REGISTER.operation) registered.add(input.InstanceId);
      if (c.operation === registration.operation) registered.delete(input.InstanceId);
    },
  };
}

/** The user's Cloud Map service (--service-id): learn its configuration, generate only in it (and in a missing service). */
async function useCloudMapService(target: Target, serviceId: string, contexts: Record<string, NamedContext[]>, operation: string, all: NamedContext[]): Promise<void> {
  // A service id the target does not know is the user's mistake, not an untested operation: exit 2.
  const svc = (await named(target, '--service-id', serviceId, 'servicediscovery', { Id: serviceId })).Service as DescribedService;
  const config = serviceConfigOf(svc);
  contexts[operation] = [
    { name: 'user', context: { cloudMap: { serviceId, service: config } } },
    ...all.filter((c) => c.context.cloudMap?.service === null),
  ];
}

/** The user's Proton service (--proton-service): it must exist, and every context whose service exists is it. */
async function useProtonService(target: Target, name: string, binding: Binding, all: NamedContext[]): Promise<void> {
  // A typo is a usage error (exit 2), not 37 "rejected" valid cases.
  await named(target, '--proton-service', name, 'proton', { name });
  for (const nc of all) if (nc.context.proton?.serviceExists) binding.serviceNames.set(nc.context.proton.serviceName, name);
}

/** Runs a prerequisite recipe for every context that needs one, binding each placeholder to what was made. */
async function make(target: Target, recipe: Prerequisite, map: Map<string, string>, all: NamedContext[], run: Slots, o: PrepareOptions, made: Map<string, Promise<Slots>>, created: Undo[], inTurn: boolean, knownIn: (u: UndoCall, slots: Slots) => string[] | undefined, drains: (d: Omit<Drained, 'operation'>) => void): Promise<void> {
  // The contexts side by side (one after another on a target whose ids follow the creation order); a step made
  // once (one namespace per type) is made by the first context that needs it, the others wait for it.
  const claimed = new Set<string>(); // two contexts naming one placeholder: the first makes it
  const one = async (nc: NamedContext): Promise<[string, string] | undefined> => {
    const need = recipe.slotsFor(nc.context, nc.name);
    if (!need || map.has(need.placeholder) || claimed.has(need.placeholder)) return undefined; // already made or being made
    claimed.add(need.placeholder);
    const whole = recipe.per === 'run' ? made.get(recipe.name) : undefined;
    if (whole) return [need.placeholder, String((await whole)[recipe.binds])];
    let done: (s: Slots) => void = () => undefined;
    let failed: (e: unknown) => void = () => undefined;
    if (recipe.per === 'run') {
      const p = new Promise<Slots>((resolve, reject) => { done = resolve; failed = reject; });
      p.catch(() => undefined);
      made.set(recipe.name, p);
    }
    try {
      let slots: Slots = { ...run, ...fillSlots(need.slots, run) };
      for (const [depth, step] of recipe.steps.entries()) {
        const key = step.once === undefined ? undefined : `${recipe.name}/${step.as}/${String(fill(step.once, slots))}`;
        const again = key === undefined ? undefined : made.get(key);
        if (again) { slots = { ...slots, ...(await again) }; continue; }
        const making = send(target, step, slots, o).then(({ outputs }) => Object.fromEntries(Object.entries(outputs).map(([k, v]) => [`${step.as}.${k}`, v])));
        if (key !== undefined) { made.set(key, making); making.catch(() => undefined); }
        const own = await making;
        slots = { ...slots, ...own };
        const at = slots;
        const d = { undo: step.undo, slots: at, started: [] as Drained['started'] };
        if (step.undo.drain) drains(d);
        created.push(Object.assign((later?: Array<() => Promise<void>>) => undo(target, step.undo, at, o, inTurn ? { inTurn } : { known: knownIn(step.undo, at), started: d.started, ...(later ? { later } : {}) }), { depth }));
      }
      done(slots);
      return [need.placeholder, String(slots[recipe.binds])];
    } catch (e) {
      failed(e);
      throw e;
    }
  };
  // Every context settles before a failure is thrown, so what the others made is in `created` when it is undone.
  const settled: Array<PromiseSettledResult<[string, string] | undefined>> = [];
  if (inTurn) for (const nc of all) settled.push(...(await Promise.allSettled([one(nc)])));
  else settled.push(...(await Promise.allSettled(all.map(one))));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  const bound = settled.map((r) => (r as PromiseFulfilledResult<[string, string] | undefined>).value);
  // Bound in the contexts' order, whatever order the target answered in.
  for (const b of bound) if (b) map.set(b[0], b[1]);
}
