// The Proton model the scenario commands run against: per name slot, the instance created there (names are
// created once; a slot is "created" after a 2xx) and the request that created it.
import type fc from 'fast-check';
import type { Outcome } from '../../contract/outcome.ts';
import type { Call } from '../../contract/call.ts';
import type { RunContext } from '../family.ts';
import { describe, isOk, type Session } from '../session.ts';
import type { ProtonPrepared } from '../types.ts';
import { create, instanceOf } from './calls.ts';

export const SLOTS = 3;

export interface Created {
  call: Call;
  reply: Outcome;
  token: string | undefined;
  variant: number;
  /** serviceInstance as the create answered it. */
  instance: Record<string, unknown>;
}

export interface Slot {
  name: string;
  created?: Created;
}

export interface Model {
  slots: Slot[];
}

export type Ctx = RunContext<ProtonPrepared>;
export type Command = fc.AsyncCommand<Model, Ctx>;

export const newModel = (ctx: Ctx): Model => ({ slots: Array.from({ length: SLOTS }, (_, i) => ({ name: ctx.ids.slot(i) })) });

export interface CreateOptions {
  scenario: string;
  token?: 'fresh' | 'none';
  versions?: boolean;
}

/** Creates slot `i` (variant `variant`); a refusal or an answer without arn/createdAt is a finding under `scenario`. */
export async function createSlot(m: Model, ctx: Ctx, i: number, variant: number, o: CreateOptions): Promise<Created> {
  const slot = m.slots[i];
  const token = o.token === 'none' ? undefined : ctx.ids.token();
  const call = create(ctx.env.prepared, { name: slot.name, variant, token, versions: o.versions });
  const s: Session = ctx.session;
  const reply = await s.send(call);
  const what = `CreateServiceInstance ${slot.name}${token === undefined ? ' without a clientToken' : ' with a fresh clientToken'}`;
  if (!isOk(reply)) s.fail(o.scenario, reply, `${what} answered ${describe(reply)}`);
  const instance = instanceOf(reply);
  if (typeof instance?.arn !== 'string' || instance.createdAt === undefined) s.fail(o.scenario, reply, `${what} returned no serviceInstance with arn and createdAt`);
  slot.created = { call, reply, token, variant, instance };
  return slot.created;
}

/** Indexes of the slots created so far, and of the ones still free (names are created once). */
export const createdSlots = (m: Readonly<Model>): number[] => m.slots.flatMap((s, i) => (s.created ? [i] : []));
export const freeSlots = (m: Readonly<Model>): number[] => m.slots.flatMap((s, i) => (s.created ? [] : [i]));
