// state:name-conflict (inferred; the oracle's state expectation) — a creation, then the same name with
// another clientToken (same or other spec): ConflictException, and GetServiceInstance still shows the
// original instance.
import fc from 'fast-check';
import { stateOf } from '../../oracle/index.ts';
import { modelRun, pickFrom, type Family } from '../family.ts';
import { describe, isOk } from '../session.ts';
import type { ProtonPrepared } from '../types.ts';
import { create, differs, getServiceInstance, instanceOf, VARIANTS } from './calls.ts';
import { createdSlots, createSlot, freeSlots, newModel, SLOTS, type Command, type Ctx, type Model } from './model.ts';

const ID = 'state:name-conflict';
const CODE = stateOf('proton#CreateServiceInstance', ID)!.code;

class Create implements Command {
  constructor(readonly pick: number, readonly variant: number) {}
  check(m: Readonly<Model>): boolean { return freeSlots(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> { await createSlot(m, ctx, pickFrom(freeSlots(m), this.pick)!, this.variant, { scenario: ID }); }
  toString(): string { return `create(${this.pick}, v${this.variant})`; }
}

class CreateAgain implements Command {
  constructor(readonly pick: number, readonly sameSpec: boolean) {}
  check(m: Readonly<Model>): boolean { return createdSlots(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const { name, created: c } = m.slots[pickFrom(createdSlots(m), this.pick)!];
    const p = ctx.env.prepared;
    const s = ctx.session;
    const o = await s.send(create(p, { name, variant: this.sameSpec ? c!.variant : (c!.variant + 1) % VARIANTS, token: ctx.ids.token() }));
    const what = `CreateServiceInstance of the existing name ${name} with another clientToken${this.sameSpec ? '' : ' and another spec'}`;
    if (isOk(o)) s.fail(ID, o, `${what} was accepted (${describe(o)}); expected ${CODE}`);
    if (o.code !== CODE) s.fail(ID, o, `${what} answered ${describe(o)}; expected ${CODE}`);
    const g = await s.send(getServiceInstance(p.serviceName, name));
    if (!isOk(g)) s.fail(ID, g, `after the refused ${what}, GetServiceInstance answered ${describe(g)}`);
    const changed = differs(c!.instance, instanceOf(g), ['arn', 'createdAt']);
    if (changed !== '') s.fail(ID, g, `after the refused ${what}, GetServiceInstance shows ${changed}`);
  }
  toString(): string { return `createAgain(${this.pick}${this.sameSpec ? '' : ', other spec'})`; }
}

const pick = fc.nat(SLOTS - 1);
const variant = fc.nat(VARIANTS - 1);
const againArb = fc.tuple(pick, fc.boolean()).map(([k, same]) => new CreateAgain(k, same));

/** A creation and its name created again with another token, then creations and more of those. */
export const nameConflictFamily: Family<ProtonPrepared, [Command, Command, Iterable<Command>]> = {
  tag: 'nc',
  scenarios: [ID],
  arbitrary: () => fc.tuple(
    variant.map((v) => new Create(0, v)),
    againArb,
    fc.commands<Model, Ctx, false>([fc.tuple(pick, variant).map(([k, v]) => new Create(k, v)), againArb], { maxCommands: 3 }),
  ),
  run: ([first, key, commands], ctx) => modelRun(newModel(ctx), ctx, [first, key], commands),
};
