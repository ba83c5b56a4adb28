// idempotency:token-mismatch (inferred) — a completed registration, then its CreatorRequestId again with
// other parameters (other attributes, or another InstanceId): refused with a conflict-class error, and the
// instance keeps what it had.
import fc from 'fast-check';
import { profileOf } from '../../profiles/index.ts';
import type { Outcome } from '../../contract/outcome.ts';
import { modelRun, pickFrom, type Family } from '../family.ts';
import { describe, isOk } from '../session.ts';
import type { CloudMapPrepared } from '../types.ts';
import { attributeDiff, attributesFor, attributesOf, getInstance, register, VARIANTS, type Attributes } from './calls.ts';
import { last, newModel, registered, registerSlot, SLOTS, type Command, type Ctx, type Model } from './model.ts';

const ID = 'idempotency:token-mismatch';
// What a token reused with other parameters answers: the profile's word (the emulator and state model read it too).
const CONFLICT: readonly string[] = profileOf('servicediscovery#RegisterInstance').idempotency!.mismatch.codes;

/** GetInstance, and the attributes it shows. */
async function shown(ctx: Ctx, instanceId: string): Promise<{ outcome: Outcome; attributes: Attributes | undefined }> {
  const outcome = await ctx.session.send(getInstance(ctx.env.prepared.serviceId, instanceId));
  return { outcome, attributes: isOk(outcome) ? attributesOf((outcome.body as { Instance?: unknown } | undefined)?.Instance) : undefined };
}

class Register implements Command {
  constructor(readonly slot: number, readonly variant: number) {}
  check(): boolean { return true; }
  async run(m: Model, ctx: Ctx): Promise<void> { await registerSlot(m, ctx, this.slot, this.variant, { scenario: ID }); }
  toString(): string { return `register(${this.slot}, v${this.variant})`; }
}

class Mismatch implements Command {
  constructor(readonly pick: number, readonly change: 'attributes' | 'instance') {}
  check(m: Readonly<Model>): boolean { return registered(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const slot = pickFrom(registered(m), this.pick)!;
    const r = last(slot)!;
    const s = ctx.session;
    const { serviceId, config } = ctx.env.prepared;
    const other = this.change === 'attributes'
      ? register(serviceId, slot.instanceId, attributesFor(config, (r.variant + 1) % VARIANTS), r.token)
      : register(serviceId, `${slot.instanceId}-m`, r.attributes, r.token);
    const before = this.change === 'attributes' ? await shown(ctx, slot.instanceId) : undefined;
    const o = await s.send(other);
    const what = `CreatorRequestId ${String(r.token)} reused with ${this.change === 'attributes' ? 'other attributes' : 'another InstanceId'}`;
    if (isOk(o)) s.fail(ID, o, `${what} was accepted (${describe(o)}); expected ${CONFLICT.join(' or ')}`);
    if (o.code === undefined || !CONFLICT.includes(o.code)) s.fail(ID, o, `${what} answered ${describe(o)}; expected ${CONFLICT.join(' or ')}`);
    // Refused means nothing changed: the instance shows what it showed before; no other instance appeared.
    if (this.change === 'attributes') {
      const after = await shown(ctx, slot.instanceId);
      const diff = before?.attributes && after.attributes ? attributeDiff(before.attributes, after.attributes) : '';
      if (diff !== '') s.fail(ID, after.outcome, `after the refused ${what}, GetInstance changed: ${diff}`);
    } else {
      const g = await s.send(getInstance(serviceId, `${slot.instanceId}-m`));
      if (isOk(g)) s.fail(ID, g, `after the refused ${what}, GetInstance finds instance ${slot.instanceId}-m`);
    }
  }
  toString(): string { return `mismatch(${this.pick}, ${this.change})`; }
}

const slot = fc.nat(SLOTS - 1);
const variant = fc.nat(VARIANTS - 1);
const mismatchArb = fc.tuple(slot, fc.constantFrom<'attributes' | 'instance'>('attributes', 'instance')).map(([k, c]) => new Mismatch(k, c));

/** A registration and its token reused with other parameters, then registrations and more reuses. */
export const mismatchFamily: Family<CloudMapPrepared, [Command, Command, Iterable<Command>]> = {
  tag: 'mm',
  scenarios: [ID],
  arbitrary: () => fc.tuple(
    variant.map((v) => new Register(0, v)),
    mismatchArb,
    fc.commands<Model, Ctx, false>([fc.tuple(slot, variant).map(([i, v]) => new Register(i, v)), mismatchArb], { maxCommands: 3 }),
  ),
  run: ([first, key, commands], ctx) => modelRun(newModel(ctx), ctx, [first, key], commands),
};
