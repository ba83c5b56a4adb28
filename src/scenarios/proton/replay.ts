// idempotency:token-replay (inferred) — a creation, then the identical request again (same clientToken,
// same parameters): success returning the original instance (same arn, createdAt), and GetServiceInstance
// still shows that one (nothing created twice).
import fc from 'fast-check';
import { modelRun, pickFrom, type Family } from '../family.ts';
import { describe, isOk } from '../session.ts';
import type { ProtonPrepared } from '../types.ts';
import { differs, getServiceInstance, instanceOf, VARIANTS } from './calls.ts';
import { createdSlots, createSlot, freeSlots, newModel, SLOTS, type Command, type Ctx, type Model } from './model.ts';

const ID = 'idempotency:token-replay';
const ORIGINAL = ['arn', 'createdAt'] as const;

class Create implements Command {
  constructor(readonly pick: number, readonly variant: number) {}
  check(m: Readonly<Model>): boolean { return freeSlots(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> { await createSlot(m, ctx, pickFrom(freeSlots(m), this.pick)!, this.variant, { scenario: ID }); }
  toString(): string { return `create(${this.pick}, v${this.variant})`; }
}

class Replay implements Command {
  constructor(readonly pick: number) {}
  check(m: Readonly<Model>): boolean { return createdSlots(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const { name, created: c } = m.slots[pickFrom(createdSlots(m), this.pick)!];
    const s = ctx.session;
    const o = await s.send(c!.call);
    if (!isOk(o)) s.fail(ID, o, `a replay of CreateServiceInstance ${name} (same clientToken and parameters) answered ${describe(o)}`);
    const replayed = differs(c!.instance, instanceOf(o), ORIGINAL);
    if (replayed !== '') s.fail(ID, o, `a replay of CreateServiceInstance ${name} returned another instance: ${replayed}`);
    const g = await s.send(getServiceInstance(ctx.env.prepared.serviceName, name));
    if (!isOk(g)) s.fail(ID, g, `after a replay, GetServiceInstance ${name} answered ${describe(g)}`);
    const shown = differs(c!.instance, instanceOf(g), ORIGINAL);
    if (shown !== '') s.fail(ID, g, `after a replay, GetServiceInstance ${name} shows another instance: ${shown}`);
  }
  toString(): string { return `replay(${this.pick})`; }
}

const pick = fc.nat(SLOTS - 1);
const variant = fc.nat(VARIANTS - 1);
const createArb = fc.tuple(pick, variant).map(([k, v]) => new Create(k, v));
const replayArb = pick.map((k) => new Replay(k));

/** A creation and its replay, then creations and replays. */
export const replayFamily: Family<ProtonPrepared, [Command, Command, Iterable<Command>]> = {
  tag: 'rp',
  scenarios: [ID],
  arbitrary: () => fc.tuple(variant.map((v) => new Create(0, v)), replayArb, fc.commands<Model, Ctx, false>([createArb, replayArb], { maxCommands: 3 })),
  run: ([first, key, commands], ctx) => modelRun(newModel(ctx), ctx, [first, key], commands),
};
