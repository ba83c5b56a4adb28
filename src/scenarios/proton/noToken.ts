// idempotency:no-token — creations without clientToken (SDKs fill one in; raw callers may not): each is
// accepted and returns the instance it was asked for, so a second one is a new request, not a replay.
import fc from 'fast-check';
import { modelRun, pickFrom, type Family } from '../family.ts';
import type { ProtonPrepared } from '../types.ts';
import { VARIANTS } from './calls.ts';
import { createSlot, freeSlots, newModel, SLOTS, type Command, type Ctx, type Model } from './model.ts';

const ID = 'idempotency:no-token';

class CreateWithoutToken implements Command {
  constructor(readonly pick: number, readonly variant: number) {}
  check(m: Readonly<Model>): boolean { return freeSlots(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const i = pickFrom(freeSlots(m), this.pick)!;
    const c = await createSlot(m, ctx, i, this.variant, { scenario: ID, token: 'none' });
    const name = m.slots[i].name;
    if (c.instance.name !== name) {
      ctx.session.fail(ID, c.reply, `CreateServiceInstance ${name} without a clientToken returned instance ${JSON.stringify(c.instance.name)}: treated as a replay`);
    }
  }
  toString(): string { return `createWithoutToken(${this.pick}, v${this.variant})`; }
}

const createArb = fc.tuple(fc.nat(SLOTS - 1), fc.nat(VARIANTS - 1)).map(([k, v]) => new CreateWithoutToken(k, v));

/** Two token-less creations, then maybe a third. */
export const noTokenFamily: Family<ProtonPrepared, [Command, Command, Iterable<Command>]> = {
  tag: 'nt',
  scenarios: [ID],
  arbitrary: () => fc.tuple(createArb, createArb, fc.commands<Model, Ctx, false>([createArb], { maxCommands: 1 })),
  run: ([first, key, commands], ctx) => modelRun(newModel(ctx), ctx, [first, key], commands),
};
