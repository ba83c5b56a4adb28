// The Cloud Map model the scenario commands run against: per instance slot, what was registered last and
// with which token. The real side is the run context (session, ids, prepared service).
import type fc from 'fast-check';
import type { Outcome } from '../../contract/outcome.ts';
import type { Call } from '../../contract/call.ts';
import type { RunContext } from '../family.ts';
import { describe, isOk } from '../session.ts';
import type { CloudMapPrepared } from '../types.ts';
import { attributesFor, operationIdOf, register, type Attributes } from './calls.ts';
import { expectCompleted } from './operation.ts';

export const SLOTS = 2;

export interface Registration {
  /** The request as sent: a replay sends it again. */
  call: Call;
  /** What the target answered to it. */
  reply: Outcome;
  token: string | undefined;
  variant: number;
  attributes: Attributes;
  operationId: string;
}

export interface Slot {
  instanceId: string;
  /** Completed registrations of this instance, in order. */
  registrations: Registration[];
}

export interface Model {
  slots: Slot[];
}

export type Ctx = RunContext<CloudMapPrepared>;
export type Command = fc.AsyncCommand<Model, Ctx>;

export const newModel = (ctx: Ctx): Model => ({
  slots: Array.from({ length: SLOTS }, (_, i) => ({ instanceId: ctx.ids.slot(i), registrations: [] })),
});

export const last = (slot: Slot): Registration | undefined => slot.registrations[slot.registrations.length - 1];
/** Slots registered at least once. */
export const registered = (m: Readonly<Model>): Slot[] => m.slots.filter((s) => s.registrations.length > 0);

/** The OperationId of an accepted registration, or a finding under `scenario`. */
export function accepted(ctx: Ctx, scenario: string, o: Outcome, what: string): string {
  if (!isOk(o)) ctx.session.fail(scenario, o, `${what} answered ${describe(o)}`);
  const id = operationIdOf(o);
  if (id === undefined) ctx.session.fail(scenario, o, `${what} returned no OperationId`);
  return id;
}

export interface RegisterOptions {
  /** A fresh token (default), none, or this one. */
  token?: 'fresh' | 'none';
  /** The scenario a refusal is reported under. */
  scenario: string;
  /** Sent again with the same token before the operation completes (a retry in flight). */
  afterSend?(call: Call, operationId: string, reply: Outcome): Promise<void>;
}

/** Registers variant `variant` of slot `i`, waits until its operation completes, and records it in the model. */
export async function registerSlot(m: Model, ctx: Ctx, i: number, variant: number, o: RegisterOptions): Promise<Registration> {
  const slot = m.slots[i];
  const token = o.token === 'none' ? undefined : ctx.ids.token();
  const attributes = attributesFor(ctx.env.prepared.config, variant);
  const call = register(ctx.env.prepared.serviceId, slot.instanceId, attributes, token);
  const reply = await ctx.session.send(call);
  const operationId = accepted(ctx, o.scenario, reply, `RegisterInstance of ${slot.instanceId}${token === undefined ? ' without a token' : ' with a fresh token'}`);
  await o.afterSend?.(call, operationId, reply);
  await expectCompleted(ctx.session, ctx.env, operationId, slot.instanceId);
  const r: Registration = { call, reply, token, variant, attributes, operationId };
  slot.registrations.push(r);
  return r;
}
