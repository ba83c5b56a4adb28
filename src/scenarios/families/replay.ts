// idempotency:token-replay — a create, then the identical request again (same token, same parameters), in
// flight (asynchronous operations) or after completion: the same answer (the profile's identity members), and
// nothing created twice: the operation still a completed one, the item listed once, the read showing the
// original.
import fc from 'fast-check';
import { pickFrom, type Family } from '../family.ts';
import { describe, isOk, type Session } from '../session.ts';
import { stillCompleted } from './completes.ts';
import { createdSlots, createSlot, draws, differs, identityNames, identityOf, keyed, last, openSlots, runKeyed, type Command, type Created, type Ctx, type Keyed, type Model } from './model.ts';
import { listed, readItem } from './reads.ts';
import { valueAt } from '../../profiles/template.ts';
import { stateIn } from '../catalogue.ts';

const ID = 'idempotency:token-replay';

/** The code of a refusal because the same item is still in progress (the profile's `creates.againState`). */
export function inProgressCode(ctx: Ctx): string | undefined {
  const { profile } = ctx.env;
  return profile.creates?.again === 'update' ? stateIn(profile, profile.creates.againState).code : undefined;
}

async function resend(ctx: Ctx, c: Created, id: string, inFlight: boolean): Promise<void> {
  const { subject, operation, profile } = ctx.env;
  const s: Session = ctx.session;
  const o = await s.send(c.call);
  const when = `${inFlight ? 'a retry in flight' : subject.completes ? 'a replay after completion' : 'a replay'} of ${operation} ${id} (same ${profile.idempotency?.tokenMember} and parameters)`;
  // In flight, "one request must complete before…" allows the in-progress refusal — of that same operation.
  if (inFlight && !isOk(o) && o.code !== undefined && o.code === inProgressCode(ctx) && subject.completes) {
    const dup = valueAt(o.body, subject.completes.duplicateOf);
    const original = c.identity[subject.completes.id];
    if (dup !== undefined && dup !== original) s.fail(ID, o, `${when} was refused as a duplicate of operation ${String(dup)}, not of ${String(original)}`);
    return;
  }
  if (!isOk(o)) s.fail(ID, o, `${when} answered ${describe(o)}`);
  const again = identityOf(subject, o);
  if (!again) s.fail(ID, o, `${when} returned no ${identityNames(subject)}`);
  const other = differs(c.identity, again, Object.keys(c.identity));
  if (other !== '') s.fail(ID, o, `${when} returned another answer: ${other}`);
}

class Create implements Command {
  constructor(readonly pick: number, readonly variant: number, readonly retryInFlight: boolean) {}
  check(m: Readonly<Model>): boolean { return openSlots(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const i = pickFrom(openSlots(m), this.pick)!;
    const afterSend = this.retryInFlight ? (c: Created) => resend(ctx, c, m.slots[i]!.id, true) : undefined;
    await createSlot(m, ctx, i, this.variant, { scenario: ID, ...(afterSend ? { afterSend } : {}) });
  }
  toString(): string { return `create(${this.pick}, v${this.variant}${this.retryInFlight ? ', retried in flight' : ''})`; }
}

class Replay implements Command {
  constructor(readonly pick: number) {}
  check(m: Readonly<Model>): boolean { return createdSlots(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const slot = m.slots[pickFrom(createdSlots(m), this.pick)!]!;
    const c = last(slot)!;
    const { subject } = ctx.env;
    const s: Session = ctx.session;
    await resend(ctx, c, slot.id, false);
    // Re-reading after completion is stable: the one operation is still a completed one of its type. Read and
    // listing at once (one round trip against a slow target), recorded and judged in the order they always were.
    const both = subject.completes !== undefined && subject.list !== undefined;
    const opId = subject.completes ? String(c.identity[subject.completes.id]) : '';
    const [done, listing] = await Promise.all([
      subject.completes ? stillCompleted(ctx, opId, both) : undefined,
      subject.list ? listed(ctx, slot.id, both) : undefined,
    ]);
    if (subject.completes) {
      const { call, outcome, shows } = done!;
      if (both) s.record(call, outcome);
      if (shows !== '') s.fail(ID, outcome, `after the replay, ${subject.completes.waiter.call.operation}(${opId}) shows ${shows}, was ${subject.completes.type.value} ${subject.completes.waiter.success}`);
    }
    if (subject.list) {
      const l = listing!;
      for (const [call, outcome] of l.pages) s.record(call, outcome);
      if (!isOk(l.outcome)) s.fail(ID, l.outcome, `${subject.list.call.operation} answered ${describe(l.outcome)} after a replay`);
      if (l.entries.length !== 1) s.fail(ID, l.outcome, `after a replay, ${subject.list.call.operation} shows item ${slot.id} ${l.entries.length} times`);
    }
    if (c.item && subject.read?.showsIdentity) {
      const readOp = subject.read.call.operation;
      const r = await readItem(ctx, slot.id);
      if (!isOk(r.outcome)) s.fail(ID, r.outcome, `after a replay, ${readOp} ${slot.id} answered ${describe(r.outcome)}`);
      const shown = differs(c.item, r.item, Object.keys(c.identity), `no ${subject.read.item}`);
      if (shown !== '') s.fail(ID, r.outcome, `after a replay, ${readOp} ${slot.id} shows another item: ${shown}`);
    }
  }
  toString(): string { return `replay(${this.pick})`; }
}

/** A create and a replay of it, then a sequence of creates and replays. Asynchronous operations are also retried in flight. */
export const replayFamily: Family<unknown, Keyed> = {
  tag: 'rp',
  scenarios: [ID],
  arbitrary: (env) => {
    const { slot, variant } = draws(env.subject);
    const retry = env.subject.completes ? fc.boolean() : fc.constant(false);
    const replayArb = slot.map((k) => new Replay(k));
    return keyed(fc.tuple(variant, retry).map(([v, r]) => new Create(0, v, r)), replayArb, [fc.tuple(slot, variant, retry).map(([i, v, r]) => new Create(i, v, r)), replayArb], 3);
  },
  run: runKeyed,
};
