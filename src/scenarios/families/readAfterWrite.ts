// state:read-after-write — creates (a fresh token; the profile's optional members sent or not): the answer
// describes the item asked for, and the read shows what was written (reads.ts expectWritten).
import fc from 'fast-check';
import { modelRun, pickFrom, type Family } from '../family.ts';
import { createSlot, draws, newModel, openSlots, type Command, type Ctx, type Model } from './model.ts';
import { expectWritten, readAndList, type ReadAndList } from './reads.ts';

export const READ_AFTER_WRITE = 'state:read-after-write';

class Create implements Command {
  constructor(readonly pick: number, readonly variant: number, readonly extras: boolean) {}
  check(m: Readonly<Model>): boolean { return openSlots(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const i = pickFrom(openSlots(m), this.pick)!;
    let early: Promise<ReadAndList> | undefined;
    const c = await createSlot(m, ctx, i, this.variant, { scenario: READ_AFTER_WRITE, extras: this.extras, along: () => (early = readAndList(ctx, m.slots[i]!.id)) });
    await expectWritten(ctx, READ_AFTER_WRITE, c, m.slots[i]!.id, `after ${ctx.env.operation} of ${m.slots[i]!.id}`, early);
  }
  toString(): string { return `create(${this.pick}, v${this.variant}${this.extras ? ', optional members' : ''})`; }
}

/** A create read back, then maybe more. */
export const readAfterWriteFamily: Family<unknown, [Command, Iterable<Command>]> = {
  tag: 'rw',
  scenarios: [READ_AFTER_WRITE],
  arbitrary: (env) => {
    const { slot, variant } = draws(env.subject);
    const createArb = fc.tuple(slot, variant, env.subject.extras ? fc.boolean() : fc.constant(false))
      .map(([k, v, extras]) => new Create(k, v, extras));
    return fc.tuple(createArb, fc.commands<Model, Ctx, false>([createArb], { maxCommands: 2 }));
  },
  run: ([first, commands], ctx) => modelRun(newModel(ctx), ctx, [first], commands),
};
