// state:read-after-write — creations (fresh clientToken; the prepared template versions sent or not): the
// answer describes the instance asked for, and GetServiceInstance shows the same name, serviceName, arn,
// createdAt and template versions (the ones sent, when sent), and the spec sent when it returns one.
import fc from 'fast-check';
import { modelRun, pickFrom, type Family } from '../family.ts';
import { describe, isOk } from '../session.ts';
import type { ProtonPrepared } from '../types.ts';
import { differs, getServiceInstance, instanceOf, VARIANTS } from './calls.ts';
import { createSlot, freeSlots, newModel, SLOTS, type Command, type Ctx, type Model } from './model.ts';

const ID = 'state:read-after-write';
const SHOWN = ['name', 'serviceName', 'arn', 'createdAt', 'templateMajorVersion', 'templateMinorVersion'] as const;

class Create implements Command {
  constructor(readonly pick: number, readonly variant: number, readonly versions: boolean) {}
  check(m: Readonly<Model>): boolean { return freeSlots(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const i = pickFrom(freeSlots(m), this.pick)!;
    const c = await createSlot(m, ctx, i, this.variant, { scenario: ID, versions: this.versions });
    const sent = c.call.input as Record<string, unknown>;
    const s = ctx.session;
    const asked = ['name', 'serviceName', 'templateMajorVersion', 'templateMinorVersion'].filter((k) => sent[k] !== undefined);
    const answered = differs(sent, c.instance, asked);
    if (answered !== '') s.fail(ID, c.reply, `CreateServiceInstance answered ${answered} for what was sent`);
    const g = await s.send(getServiceInstance(ctx.env.prepared.serviceName, m.slots[i].name));
    if (!isOk(g)) s.fail(ID, g, `GetServiceInstance of the instance just created answered ${describe(g)}`);
    const read = instanceOf(g);
    const shown = differs(c.instance, read, SHOWN);
    if (shown !== '') s.fail(ID, g, `GetServiceInstance shows ${shown}`);
    if (read?.spec !== undefined && read.spec !== sent.spec) s.fail(ID, g, 'GetServiceInstance shows another spec than the one sent');
  }
  toString(): string { return `create(${this.pick}, v${this.variant}${this.versions ? ', template versions' : ''})`; }
}

const createArb = fc.tuple(fc.nat(SLOTS - 1), fc.nat(VARIANTS - 1), fc.boolean()).map(([k, v, versions]) => new Create(k, v, versions));

/** A creation read back, then maybe more. */
export const readAfterWriteFamily: Family<ProtonPrepared, [Command, Iterable<Command>]> = {
  tag: 'rw',
  scenarios: [ID],
  arbitrary: () => fc.tuple(createArb, fc.commands<Model, Ctx, false>([createArb], { maxCommands: 2 })),
  run: ([first, commands], ctx) => modelRun(newModel(ctx), ctx, [first], commands),
};
