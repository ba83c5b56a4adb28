// The model the generic scenario commands run against: per item slot, what was created there and with which
// token. An item is created again only where the profile says a re-create updates it (`creates.again`); else
// each slot is created once. The real side is the run context (session, ids, profile, prepared world).
import fc from 'fast-check';
import type { Call } from '../../contract/call.ts';
import type { Outcome } from '../../contract/outcome.ts';
import { valueAt } from '../../profiles/template.ts';
import type { ScenarioSubject } from '../../profiles/scenario.ts';
import { modelRun, type RunContext } from '../family.ts';
import { describe, isOk, type Session } from '../session.ts';
import { expectCompleted } from './completes.ts';

export interface Created {
  /** The request as sent: a replay sends it again. */
  call: Call;
  reply: Outcome;
  token: string | undefined;
  variant: number;
  /** What a replay must answer again (the subject's `answer.identity` members). */
  identity: Record<string, unknown>;
  /** The created item as the answer describes it (`answer.item`), if it does. */
  item?: Record<string, unknown>;
}

export interface Slot {
  id: string;
  history: Created[];
}

export interface Model {
  slots: Slot[];
  /** A re-create updates an item (`creates.again: 'update'`): every slot stays open. */
  reusable: boolean;
}

export type Ctx = RunContext<unknown>;
export type Command = fc.AsyncCommand<Model, Ctx>;

/** A family's value: a first command, the scenario's key command (always run), then up to `max` of `more`. */
export type Keyed = [Command, Command, Iterable<Command>];

export const keyed = (first: fc.Arbitrary<Command>, key: fc.Arbitrary<Command>, more: fc.Arbitrary<Command>[], max: number): fc.Arbitrary<Keyed> =>
  fc.tuple(first, key, fc.commands<Model, Ctx, false>(more, { maxCommands: max }));

/** The draws every family makes: an item slot, a parameter variant. */
export const draws = (subject: Pick<ScenarioSubject<unknown>, 'slots' | 'variants'>) =>
  ({ slot: fc.nat(subject.slots - 1), variant: fc.nat(subject.variants - 1) });

/** Runs a keyed value against a fresh model. */
export const runKeyed = ([first, key, commands]: Keyed, ctx: Ctx): Promise<void> => modelRun(newModel(ctx), ctx, [first, key], commands);

export const newModel = (ctx: Ctx): Model => ({
  slots: Array.from({ length: ctx.env.subject.slots }, (_, i) => ({ id: ctx.ids.slot(i), history: [] })),
  reusable: ctx.env.profile.creates?.again === 'update',
});

export const last = (slot: Slot): Created | undefined => slot.history[slot.history.length - 1];
/** Indexes of the slots created at least once. */
export const createdSlots = (m: Readonly<Model>): number[] => m.slots.flatMap((s, i) => (s.history.length > 0 ? [i] : []));
/** Indexes of the slots a create may address: all where a re-create updates, else the ones not created yet. */
export const openSlots = (m: Readonly<Model>): number[] => m.slots.flatMap((s, i) => (m.reusable || s.history.length === 0 ? [i] : []));

/** The subject's create request (every family but replayAnswer has one). */
export function request(ctx: Ctx, id: string, variant: number, token: string | undefined, extras?: boolean): Call {
  const { subject, prepared } = ctx.env;
  if (!subject.request) throw new Error(`${ctx.env.operation}: the scenario family needs the profile's create request`);
  return subject.request(prepared, { id, variant, ...(token === undefined ? {} : { token }), ...(extras ? { extras } : {}) });
}

const record = (v: unknown): Record<string, unknown> | undefined =>
  (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** The created item an answer describes (`answer.item`), or the answer itself. */
export const itemOf = (subject: ScenarioSubject<unknown>, body: unknown, path = subject.answer?.item): Record<string, unknown> | undefined =>
  record(path === undefined ? body : valueAt(body, path));

/** The identity members of an answer; undefined when one is missing. */
export function identityOf(subject: ScenarioSubject<unknown>, o: Outcome): Record<string, unknown> | undefined {
  const item = itemOf(subject, o.body);
  const members = subject.answer?.identity ?? [];
  if (!item || members.some((k) => item[k] === undefined)) return undefined;
  return Object.fromEntries(members.map((k) => [k, item[k]]));
}

/** "OperationId", "serviceInstance with arn and createdAt". */
export const identityNames = (subject: ScenarioSubject<unknown>): string =>
  `${subject.answer?.item ? `${subject.answer.item} with ` : ''}${(subject.answer?.identity ?? []).join(' and ')}`;

/** Members of `fields` where `b` differs from `a` ("" when none), e.g. `arn "x" (was "y")`. */
export function differs(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>> | undefined, fields: readonly string[], missing = 'no item'): string {
  if (!b) return missing;
  return fields.filter((f) => a[f] !== b[f]).map((f) => `${f} ${JSON.stringify(b[f]) ?? '(absent)'} (was ${JSON.stringify(a[f]) ?? '(absent)'})`).join(', ');
}

export interface CreateOptions {
  /** The scenario a refusal is reported under. */
  scenario: string;
  /** A fresh token (default) or none. */
  token?: 'fresh' | 'none';
  extras?: boolean;
  /** Runs once the answer is in, before the operation completes (a retry in flight, a replay check). Eagerly, along
   * with the wait for completion (it does not change what the wait shows). */
  afterSend?(created: Created): Promise<void>;
  /** Eagerly (RunContext.eager), sent along with the wait for completion: the caller's read back of the item, which
   * it then trusts only when it shows what was written (it may have raced the completion). */
  along?(): Promise<unknown>;
}

/** Creates variant `variant` of slot `i`, waits until its operation completes (asynchronous operations), and
 * records it in the model; a refusal or an answer without its identity is a finding under `scenario`. */
export async function createSlot(m: Model, ctx: Ctx, i: number, variant: number, o: CreateOptions): Promise<Created> {
  const slot = m.slots[i]!;
  const { operation, profile, subject } = ctx.env;
  const tokenMember = profile.idempotency?.tokenMember ?? 'token';
  const token = o.token === 'none' ? undefined : ctx.ids.token();
  const call = request(ctx, slot.id, variant, token, o.extras);
  const s: Session = ctx.session;
  const reply = await s.send(call);
  const what = `${operation} of ${slot.id}${token === undefined ? ` without a ${tokenMember}` : ` with a fresh ${tokenMember}`}`;
  if (!isOk(reply)) s.fail(o.scenario, reply, `${what} answered ${describe(reply)}`);
  const identity = identityOf(subject, reply);
  if (!identity) s.fail(o.scenario, reply, `${what} returned no ${identityNames(subject)}`);
  const item = subject.answer?.item ? itemOf(subject, reply.body) : undefined;
  const created: Created = { call, reply, token, variant, identity, ...(item ? { item } : {}) };
  const completes = subject.completes;
  if (ctx.eager && completes) {
    // Against a slow target each of these is a round trip: the wait, the retry in flight and the read side by side.
    o.along?.().catch(() => undefined); // the caller awaits it; a run that fails first never does
    await Promise.all([o.afterSend?.(created), expectCompleted(ctx, String(identity[completes.id]), slot.id)]);
  } else {
    await o.afterSend?.(created);
    if (completes) await expectCompleted(ctx, String(identity[completes.id]), slot.id);
  }
  slot.history.push(created);
  return created;
}
