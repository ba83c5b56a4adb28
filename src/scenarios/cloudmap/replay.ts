// idempotency:token-replay — a registration, then the identical request again (same CreatorRequestId, same
// parameters), in flight or after completion: the same OperationId, that operation still a completed
// REGISTER_INSTANCE, the instance listed once.
import fc from 'fast-check';
import type { Call } from '../../contract/call.ts';
import { modelRun, pickFrom, type Family } from '../family.ts';
import { describe, isOk } from '../session.ts';
import type { CloudMapPrepared } from '../types.ts';
import { duplicateOperationIdOf, getOperation, listed, VARIANTS } from './calls.ts';
import { accepted, last, newModel, registered, registerSlot, SLOTS, type Command, type Ctx, type Model } from './model.ts';

const ID = 'idempotency:token-replay';

async function resend(ctx: Ctx, call: Call, original: string, inFlight: boolean): Promise<void> {
  const s = ctx.session;
  const o = await s.send(call);
  const when = inFlight ? 'a retry in flight' : 'a replay after completion';
  // In flight, "one RegisterInstance request must complete before…" allows DuplicateRequest — of that same operation.
  if (inFlight && !isOk(o) && o.code === 'DuplicateRequest') {
    const dup = duplicateOperationIdOf(o);
    if (dup !== undefined && dup !== original) s.fail(ID, o, `${when} was refused as a duplicate of operation ${dup}, not of ${original}`);
    return;
  }
  const id = accepted(ctx, ID, o, `${when} (same CreatorRequestId and parameters)`);
  if (id !== original) s.fail(ID, o, `${when} returned OperationId ${id}; the original request returned ${original}`);
}

class Register implements Command {
  constructor(readonly slot: number, readonly variant: number, readonly retryInFlight: boolean) {}
  check(): boolean { return true; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const afterSend = this.retryInFlight ? (call: Call, op: string) => resend(ctx, call, op, true) : undefined;
    await registerSlot(m, ctx, this.slot, this.variant, { scenario: ID, afterSend });
  }
  toString(): string { return `register(${this.slot}, v${this.variant}${this.retryInFlight ? ', retried in flight' : ''})`; }
}

class Replay implements Command {
  constructor(readonly pick: number) {}
  check(m: Readonly<Model>): boolean { return registered(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const slot = pickFrom(registered(m), this.pick)!;
    const r = last(slot)!;
    const s = ctx.session;
    await resend(ctx, r.call, r.operationId, false);
    // Re-reading after completion is stable: the one operation is still a completed registration. Both reads
    // at once (one round trip against a slow target), recorded and judged in the order they always were.
    const get = getOperation(r.operationId);
    const [o, l] = await Promise.all([s.raw(get), listed(s, ctx.env.prepared.serviceId, slot.instanceId, ctx.env.listing, true)]);
    s.record(get, o);
    const op = (o.body as { Operation?: { Status?: unknown; Type?: unknown } } | undefined)?.Operation;
    if (!isOk(o) || op?.Status !== 'SUCCESS' || op.Type !== 'REGISTER_INSTANCE') {
      s.fail(ID, o, `after the replay, GetOperation(${r.operationId}) shows ${isOk(o) ? `${String(op?.Type)} ${String(op?.Status)}` : describe(o)}, was REGISTER_INSTANCE SUCCESS`);
    }
    for (const [call, outcome] of l.pages) s.record(call, outcome);
    if (!isOk(l.outcome)) s.fail(ID, l.outcome, `ListInstances answered ${describe(l.outcome)} after a replay`);
    if (l.entries.length !== 1) s.fail(ID, l.outcome, `after a replay, ListInstances shows instance ${slot.instanceId} ${l.entries.length} times`);
  }
  toString(): string { return `replay(${this.pick})`; }
}

const slot = fc.nat(SLOTS - 1);
const variant = fc.nat(VARIANTS - 1);

const registerArb = fc.tuple(slot, variant, fc.boolean()).map(([i, v, r]) => new Register(i, v, r));
const replayArb = fc.nat(SLOTS - 1).map((k) => new Replay(k));

/** A registration and a replay of it, then a sequence of registrations and replays. */
export const replayFamily: Family<CloudMapPrepared, [Command, Command, Iterable<Command>]> = {
  tag: 'rp',
  scenarios: [ID],
  arbitrary: () => fc.tuple(
    fc.tuple(variant, fc.boolean()).map(([v, r]) => new Register(0, v, r)),
    replayArb,
    fc.commands<Model, Ctx, false>([registerArb, replayArb], { maxCommands: 3 }),
  ),
  run: ([first, key, commands], ctx) => modelRun(newModel(ctx), ctx, [first, key], commands),
};
