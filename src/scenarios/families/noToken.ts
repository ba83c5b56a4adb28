// idempotency:no-token — creates without the token (SDKs fill one in; raw callers may not): each is accepted
// (and completes), and a second one is a new request, not a replay of an earlier one: its answer is its own.
import fc from 'fast-check';
import { pickFrom, type Env, type Family } from '../family.ts';
import { createSlot, differs, draws, keyed, openSlots, runKeyed, type Command, type Ctx, type Keyed, type Model } from './model.ts';

const ID = 'idempotency:no-token';

class CreateWithoutToken implements Command {
  constructor(readonly pick: number, readonly variant: number) {}
  check(m: Readonly<Model>): boolean { return openSlots(m).length > 0; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const earlier = m.slots.flatMap((x) => x.history.map((c) => c.identity));
    const i = pickFrom(openSlots(m), this.pick)!;
    await createSlot(m, ctx, i, this.variant, {
      scenario: ID,
      token: 'none',
      afterSend: async (c) => {
        const same = earlier.find((e) => differs(e, c.identity, Object.keys(e)) === '');
        if (same) {
          ctx.session.fail(ID, c.reply, `a ${ctx.env.operation} of ${m.slots[i]!.id} without a token answered ${JSON.stringify(same)}, the answer to an earlier token-less request: treated as its replay`);
        }
      },
    });
  }
  toString(): string { return `createWithoutToken(${this.pick}, v${this.variant})`; }
}

/** Two token-less creates (of one item or two), then maybe one more. */
export const noTokenFamily = (env: Pick<Env<unknown>, 'subject'>): Family<unknown, Keyed> => ({
  tag: 'nt',
  // An asynchronous operation's completion is checked on every create.
  scenarios: [ID, ...(env.subject.completes ? [env.subject.completes.scenario] : [])],
  arbitrary: (env) => {
    const { slot, variant } = draws(env.subject);
    const createArb = fc.tuple(slot, variant).map(([k, v]) => new CreateWithoutToken(k, v));
    return keyed(variant.map((v) => new CreateWithoutToken(0, v)), createArb, [createArb], 1);
  },
  run: runKeyed,
});
