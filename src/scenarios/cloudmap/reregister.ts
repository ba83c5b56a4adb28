// state:read-after-write, state:re-register-updates, state:operation-completes — registrations of a few
// instances, each with a fresh token and attributes `shift` variants on from the instance's last ones
// (0: the same again), each waited for: GetOperation
// reaches SUCCESS (REGISTER_INSTANCE, the instance as target); then GetInstance shows the attributes last
// sent and ListInstances lists the instance once, with them. The first registration of an instance is a
// read-after-write check, every later one a re-register.
import fc from 'fast-check';
import { modelRun, type Family } from '../family.ts';
import { describe, isOk } from '../session.ts';
import type { CloudMapPrepared } from '../types.ts';
import { attributeDiff, attributesOf, getInstance, listed, VARIANTS } from './calls.ts';
import { last, newModel, registerSlot, SLOTS, type Command, type Ctx, type Model } from './model.ts';

const READ = 'state:read-after-write';
const UPDATE = 'state:re-register-updates';

class Register implements Command {
  constructor(readonly slot: number, readonly shift: number) {}
  check(): boolean { return true; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const slot = m.slots[this.slot];
    const id = slot.registrations.length > 0 ? UPDATE : READ;
    const variant = ((last(slot)?.variant ?? 0) + this.shift) % VARIANTS;
    const r = await registerSlot(m, ctx, this.slot, variant, { scenario: id });
    const what = slot.registrations.length > 1 ? `after re-registering ${slot.instanceId} with v${variant}` : `after registering ${slot.instanceId}`;
    const s = ctx.session;
    const { serviceId } = ctx.env.prepared;
    // Both reads come after the completed operation and neither waits for the other (against a slow target, one
    // round trip instead of two); the steps are recorded and judged in the order they always were.
    const get = getInstance(serviceId, slot.instanceId);
    const [g, l] = await Promise.all([s.raw(get), listed(s, serviceId, slot.instanceId, ctx.env.listing, true)]);
    s.record(get, g);
    if (!isOk(g)) s.fail(id, g, `${what}, GetInstance answered ${describe(g)}`);
    const diff = attributeDiff(r.attributes, attributesOf((g.body as { Instance?: unknown } | undefined)?.Instance));
    if (diff !== '') s.fail(id, g, `${what}, GetInstance shows ${diff}`);
    for (const [call, outcome] of l.pages) s.record(call, outcome);
    if (!isOk(l.outcome)) s.fail(id, l.outcome, `${what}, ListInstances answered ${describe(l.outcome)}`);
    if (l.entries.length !== 1) s.fail(id, l.outcome, `${what}, ListInstances shows the instance ${l.entries.length} times`);
    // Summaries may carry fewer attributes than GetInstance: only the ones listed are compared.
    const listedDiff = attributeDiff(r.attributes, attributesOf(l.entries[0]), { onlyShown: true });
    if (listedDiff !== '') s.fail(id, l.outcome, `${what}, ListInstances shows ${listedDiff}`);
  }
  toString(): string { return `register(${this.slot}, +${this.shift})`; }
}

const shift = fc.nat(VARIANTS - 1);

/** A registration and a re-registration of the same instance with other attributes, then registrations of either instance. */
export const reregisterFamily: Family<CloudMapPrepared, [Command, Command, Iterable<Command>]> = {
  tag: 'rr',
  scenarios: [READ, UPDATE, 'state:operation-completes'],
  arbitrary: () => fc.tuple(
    shift.map((v) => new Register(0, v)),
    fc.integer({ min: 1, max: VARIANTS - 1 }).map((v) => new Register(0, v)),
    fc.commands<Model, Ctx, false>([fc.tuple(fc.nat(SLOTS - 1), shift).map(([i, v]) => new Register(i, v))], { maxCommands: 2 }),
  ),
  run: ([first, key, commands], ctx) => modelRun(newModel(ctx), ctx, [first, key], commands),
};
