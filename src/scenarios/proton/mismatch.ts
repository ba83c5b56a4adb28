// idempotency:token-mismatch (inferred) — a creation, then its clientToken again with other parameters
// (another spec, or another name): ValidationException (IdempotentParameterMismatch), and no instance of
// the other name appears.
import fc from 'fast-check';
import { profileOf } from '../../profiles/index.ts';
import { modelRun, pickFrom, type Family } from '../family.ts';
import { describe, isOk } from '../session.ts';
import type { ProtonPrepared } from '../types.ts';
import { create, getServiceInstance, VARIANTS } from './calls.ts';
import { createdSlots, createSlot, freeSlots, newModel, SLOTS, type Command, type Ctx, type Model } from './model.ts';

const ID = 'idempotency:token-mismatch';
// What a token reused with other parameters answers: the profile's word (the emulator and state model read it too).
const CODE = profileOf('proton#CreateServiceInstance').idempotency!.mismatch.codes[0]!;

class Create implements Command {
  constructor(readonly pick: number, readonly variant: number) {}
  check(m: Readonly<Model>): boolean { return freeSlots(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> { await createSlot(m, ctx, pickFrom(freeSlots(m), this.pick)!, this.variant, { scenario: ID }); }
  toString(): string { return `create(${this.pick}, v${this.variant})`; }
}

class Mismatch implements Command {
  constructor(readonly pick: number, readonly change: 'spec' | 'name') {}
  check(m: Readonly<Model>): boolean { return createdSlots(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const { name, created: c } = m.slots[pickFrom(createdSlots(m), this.pick)!];
    const p = ctx.env.prepared;
    const other = this.change === 'spec' ? { name, variant: (c!.variant + 1) % VARIANTS } : { name: `${name}-m`, variant: c!.variant };
    const s = ctx.session;
    const o = await s.send(create(p, { ...other, token: c!.token }));
    const what = `clientToken ${String(c!.token)} reused with ${this.change === 'spec' ? 'another spec' : 'another name'}`;
    if (isOk(o)) s.fail(ID, o, `${what} was accepted (${describe(o)}); expected ${CODE} (IdempotentParameterMismatch)`);
    if (o.code !== CODE) s.fail(ID, o, `${what} answered ${describe(o)}; expected ${CODE} (IdempotentParameterMismatch)`);
    if (this.change === 'name') {
      const g = await s.send(getServiceInstance(p.serviceName, other.name));
      if (isOk(g)) s.fail(ID, g, `after the refused ${what}, GetServiceInstance finds ${other.name}`);
    }
  }
  toString(): string { return `mismatch(${this.pick}, ${this.change})`; }
}

const pick = fc.nat(SLOTS - 1);
const variant = fc.nat(VARIANTS - 1);
const mismatchArb = fc.tuple(pick, fc.constantFrom<'spec' | 'name'>('spec', 'name')).map(([k, c]) => new Mismatch(k, c));

/** A creation and its token reused with other parameters, then creations and more reuses. */
export const mismatchFamily: Family<ProtonPrepared, [Command, Command, Iterable<Command>]> = {
  tag: 'mm',
  scenarios: [ID],
  arbitrary: () => fc.tuple(
    variant.map((v) => new Create(0, v)),
    mismatchArb,
    fc.commands<Model, Ctx, false>([fc.tuple(pick, variant).map(([k, v]) => new Create(k, v)), mismatchArb], { maxCommands: 3 }),
  ),
  run: ([first, key, commands], ctx) => modelRun(newModel(ctx), ctx, [first, key], commands),
};
