// idempotency:no-token — registrations without CreatorRequestId (SDKs fill one in; raw callers may not):
// each is accepted and completes, and a second one is a new request, not a replay of the first.
import fc from 'fast-check';
import { modelRun, type Family } from '../family.ts';
import type { CloudMapPrepared } from '../types.ts';
import { VARIANTS } from './calls.ts';
import { newModel, registerSlot, SLOTS, type Command, type Ctx, type Model } from './model.ts';

const ID = 'idempotency:no-token';

class RegisterWithoutToken implements Command {
  constructor(readonly slot: number, readonly variant: number) {}
  check(): boolean { return true; }
  async run(m: Model, ctx: Ctx): Promise<void> {
    const earlier = new Set(m.slots.flatMap((x) => x.registrations.map((r) => r.operationId)));
    await registerSlot(m, ctx, this.slot, this.variant, {
      scenario: ID,
      token: 'none',
      afterSend: async (_call, operationId, reply) => {
        if (earlier.has(operationId)) {
          ctx.session.fail(ID, reply, `a RegisterInstance without a token returned OperationId ${operationId}, the answer to an earlier token-less request: treated as its replay`);
        }
      },
    });
  }
  toString(): string { return `registerWithoutToken(${this.slot}, v${this.variant})`; }
}

const variant = fc.nat(VARIANTS - 1);
const registerArb = fc.tuple(fc.nat(SLOTS - 1), variant).map(([i, v]) => new RegisterWithoutToken(i, v));

/** Two token-less registrations (of one instance or two), then maybe one more. */
export const noTokenFamily: Family<CloudMapPrepared, [Command, Command, Iterable<Command>]> = {
  tag: 'nt',
  scenarios: [ID, 'state:operation-completes'],
  arbitrary: () => fc.tuple(variant.map((v) => new RegisterWithoutToken(0, v)), registerArb, fc.commands<Model, Ctx, false>([registerArb], { maxCommands: 1 })),
  run: ([first, key, commands], ctx) => modelRun(newModel(ctx), ctx, [first, key], commands),
};
