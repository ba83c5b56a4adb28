// The item created again with a fresh token, as the profile's `creates.again` says:
// - `update` (state:read-after-write, then the subject's `updates` id, e.g. state:re-register-updates): each
//   create is `shift` variants on from the item's last one (0: the same again) and waited for; the read then
//   shows what was sent last, the listing the item once. The first create of an item is a read-after-write check.
// - `conflict` (the profile's `againState`, e.g. state:name-conflict): refused with that state's code, and the
//   read still shows the original item.
import fc from 'fast-check';
import { stateIn } from '../catalogue.ts';
import { pickFrom, type Env, type Family } from '../family.ts';
import { describe, isOk, type Session } from '../session.ts';
import { createdSlots, createSlot, draws, differs, keyed, last, openSlots, request, runKeyed, type Command, type Ctx, type Keyed, type Model } from './model.ts';
import { READ_AFTER_WRITE } from './readAfterWrite.ts';
import { expectWritten, readAndList, readItem, type ReadAndList } from './reads.ts';

class Update implements Command {
  constructor(readonly slot: number, readonly shift: number) {}
  check(): boolean { return true; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const slot = m.slots[this.slot]!;
    const id = slot.history.length > 0 ? ctx.env.subject.updates! : READ_AFTER_WRITE;
    const variant = ((last(slot)?.variant ?? 0) + this.shift) % ctx.env.subject.variants;
    let early: Promise<ReadAndList> | undefined;
    const c = await createSlot(m, ctx, this.slot, variant, { scenario: id, along: () => (early = readAndList(ctx, slot.id)) });
    const what = slot.history.length > 1 ? `after ${ctx.env.operation} of ${slot.id} again with v${variant}` : `after ${ctx.env.operation} of ${slot.id}`;
    await expectWritten(ctx, id, c, slot.id, what, early);
  }
  toString(): string { return `create(${this.slot}, +${this.shift})`; }
}

class Create implements Command {
  constructor(readonly scenario: string, readonly pick: number, readonly variant: number) {}
  check(m: Readonly<Model>): boolean { return openSlots(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> { await createSlot(m, ctx, pickFrom(openSlots(m), this.pick)!, this.variant, { scenario: this.scenario }); }
  toString(): string { return `create(${this.pick}, v${this.variant})`; }
}

class CreateAgain implements Command {
  constructor(readonly scenario: string, readonly pick: number, readonly sameVariant: boolean) {}
  check(m: Readonly<Model>): boolean { return createdSlots(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const slot = m.slots[pickFrom(createdSlots(m), this.pick)!]!;
    const c = last(slot)!;
    const { profile, subject, operation } = ctx.env;
    const code = stateIn(profile, this.scenario).code;
    const s: Session = ctx.session;
    const o = await s.send(request(ctx, slot.id, this.sameVariant ? c.variant : (c.variant + 1) % subject.variants, ctx.ids.token()));
    const what = `${operation} of the existing ${profile.creates!.idMember} ${slot.id} with another ${profile.idempotency?.tokenMember ?? 'token'}${this.sameVariant ? '' : ' and other parameters'}`;
    if (isOk(o)) s.fail(this.scenario, o, `${what} was accepted (${describe(o)}); expected ${code}`);
    if (o.code !== code) s.fail(this.scenario, o, `${what} answered ${describe(o)}; expected ${code}`);
    if (!subject.read) return;
    const r = await readItem(ctx, slot.id);
    if (!isOk(r.outcome)) s.fail(this.scenario, r.outcome, `after the refused ${what}, ${subject.read.call.operation} answered ${describe(r.outcome)}`);
    const changed = c.item ? differs(c.item, r.item, Object.keys(c.identity), `no ${subject.read.item}`) : '';
    if (changed !== '') s.fail(this.scenario, r.outcome, `after the refused ${what}, ${subject.read.call.operation} shows ${changed}`);
  }
  toString(): string { return `createAgain(${this.pick}${this.sameVariant ? '' : ', other parameters'})`; }
}

function updates(env: Env<unknown>) {
  const { slots, variants } = env.subject;
  const shift = fc.nat(variants - 1);
  return keyed(shift.map((v) => new Update(0, v)), fc.integer({ min: 1, max: variants - 1 }).map((v) => new Update(0, v)),
    [fc.tuple(fc.nat(slots - 1), shift).map(([i, v]) => new Update(i, v))], 2);
}

function conflicts(env: Env<unknown>) {
  const id = env.profile.creates!.againState;
  const { slot: pick, variant } = draws(env.subject);
  const againArb = fc.tuple(pick, fc.boolean()).map(([k, same]) => new CreateAgain(id, k, same));
  return keyed(variant.map((v) => new Create(id, 0, v)), againArb, [fc.tuple(pick, variant).map(([k, v]) => new Create(id, k, v)), againArb], 3);
}

/** The family for a profile: an update (tag rr) or a conflict (tag nc). */
export function againFamily(env: Pick<Env<unknown>, 'profile' | 'subject'>): Family<unknown, Keyed> {
  const update = env.profile.creates?.again === 'update';
  const completes = env.subject.completes ? [env.subject.completes.scenario] : [];
  return {
    tag: update ? 'rr' : 'nc',
    scenarios: update ? [READ_AFTER_WRITE, env.subject.updates!, ...completes] : [env.profile.creates!.againState],
    arbitrary: (e) => (update ? updates(e) : conflicts(e)),
    run: runKeyed,
  };
}
