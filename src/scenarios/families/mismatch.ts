// idempotency:token-mismatch — a completed create, then its token again with other parameters (another variant
// of the same item, or another item): refused with the profile's mismatch codes, and nothing changes: the item
// shows what it showed before, no other item appears.
import fc from 'fast-check';
import { pickFrom, type Family } from '../family.ts';
import { describe, isOk, type Session } from '../session.ts';
import { createdSlots, createSlot, draws, keyed, last, openSlots, request, runKeyed, type Command, type Ctx, type Keyed, type Model } from './model.ts';
import { changed, readItem, writtenDiff } from './reads.ts';

const ID = 'idempotency:token-mismatch';

type Read = Awaited<ReturnType<typeof readItem>>;
/** Eagerly (RunContext.eager): the item's last read in a run, taken after a refused reuse. */
const lastReads = new WeakMap<Session, { id: string; sent: number; read: Read }>();
/** That read, when it was of `id` and nothing was sent since: the next reuse's read before would show the same. */
const lastRead = (ctx: Ctx, id: string): Read | undefined => {
  const r = lastReads.get(ctx.session);
  return r && r.id === id && r.sent === ctx.session.sent ? r.read : undefined;
};

class Create implements Command {
  constructor(readonly pick: number, readonly variant: number) {}
  check(m: Readonly<Model>): boolean { return openSlots(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const slot = m.slots[pickFrom(openSlots(m), this.pick)!]!;
    let along: Promise<Read> | undefined;
    const c = await createSlot(m, ctx, m.slots.indexOf(slot), this.variant, { scenario: ID, along: () => (along = readItem(ctx, slot.id)) });
    // Eagerly, read along with the wait: a reuse next takes it as its read before, unless it may have raced the
    // completion (it does not show what was written): then the reuse reads again.
    const early = along && (await along);
    if (early && isOk(early.outcome) && writtenDiff(ctx, c, early.item) === '') lastReads.set(ctx.session, { id: slot.id, sent: ctx.session.sent, read: early });
  }
  toString(): string { return `create(${this.pick}, v${this.variant})`; }
}

class Mismatch implements Command {
  constructor(readonly pick: number, readonly change: 'variant' | 'item') {}
  check(m: Readonly<Model>): boolean { return createdSlots(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const slot = m.slots[pickFrom(createdSlots(m), this.pick)!]!;
    const c = last(slot)!;
    const { profile, subject } = ctx.env;
    const codes = profile.idempotency!.mismatch.codes;
    const s: Session = ctx.session;
    const otherId = `${slot.id}-m`;
    const other = this.change === 'variant'
      ? request(ctx, slot.id, (c.variant + 1) % subject.variants, c.token)
      : request(ctx, otherId, c.variant, c.token);
    const before = this.change === 'variant' && subject.read ? (lastRead(ctx, slot.id) ?? await readItem(ctx, slot.id)) : undefined;
    const o = await s.send(other);
    const what = `${profile.idempotency!.tokenMember} ${String(c.token)} reused with ${this.change === 'variant' ? 'other parameters' : `another ${profile.creates?.idMember ?? 'item'}`}`;
    if (isOk(o)) s.fail(ID, o, `${what} was accepted (${describe(o)}); expected ${codes.join(' or ')}`);
    if (o.code === undefined || !codes.includes(o.code)) s.fail(ID, o, `${what} answered ${describe(o)}; expected ${codes.join(' or ')}`);
    if (!subject.read) return;
    // Refused means nothing changed: the item shows what it showed before; no other item appeared.
    const readOp = subject.read.call.operation;
    if (before) {
      const after = await readItem(ctx, slot.id);
      if (ctx.eager) lastReads.set(s, { id: slot.id, sent: s.sent, read: after });
      const diff = before.item && after.item ? changed(ctx, before.item, after.item) : '';
      if (diff !== '') s.fail(ID, after.outcome, `after the refused ${what}, ${readOp} changed: ${diff}`);
    } else {
      const g = await readItem(ctx, otherId);
      if (isOk(g.outcome)) s.fail(ID, g.outcome, `after the refused ${what}, ${readOp} finds ${otherId}`);
    }
  }
  toString(): string { return `mismatch(${this.pick}, ${this.change})`; }
}

/** A create and its token reused with other parameters, then creates and more reuses. */
export const mismatchFamily: Family<unknown, Keyed> = {
  tag: 'mm',
  scenarios: [ID],
  arbitrary: (env) => {
    const { slot, variant } = draws(env.subject);
    const mismatchArb = fc.tuple(slot, fc.constantFrom<'variant' | 'item'>('variant', 'item')).map(([k, c]) => new Mismatch(k, c));
    return keyed(variant.map((v) => new Create(0, v)), mismatchArb, [fc.tuple(slot, variant).map(([i, v]) => new Create(i, v)), mismatchArb], 3);
  },
  run: runKeyed,
};
