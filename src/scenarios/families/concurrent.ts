// idempotency:concurrent-same-instance — N creates of one item in flight at once (all with one token, or each
// with its own), optionally over an existing item. fast-check's scheduler picks the order the requests are
// started in (and shrinks it). Every answer is 2xx or the profile's in-progress code, never 5xx; once everything
// accepted has settled, the listing shows the item at most once (exactly once if a create succeeded).
import fc from 'fast-check';
import type { Outcome } from '../../contract/outcome.ts';
import type { Family } from '../family.ts';
import { describe, isOk } from '../session.ts';
import { settle } from './completes.ts';
import { createSlot, identityOf, newModel, request, type Ctx } from './model.ts';
import { listed } from './reads.ts';
import { inProgressCode } from './replay.ts';

const ID = 'idempotency:concurrent-same-instance';

interface Race {
  requests: number;
  sameToken: boolean;
  existing: boolean;
  variants: number[];
}

async function race(s: fc.Scheduler, p: Race, ctx: Ctx): Promise<void> {
  const { operation, subject } = ctx.env;
  const allowed = inProgressCode(ctx);
  const model = newModel(ctx);
  const id = model.slots[0]!.id;
  if (p.existing) await createSlot(model, ctx, 0, 0, { scenario: ID });
  const shared = ctx.ids.token();
  const calls = p.variants.slice(0, p.requests).map((v, i) =>
    request(ctx, id, p.sameToken ? p.variants[0]! : v, p.sameToken ? shared : i === 0 ? shared : ctx.ids.token()));
  const started: number[] = [];
  const replies = calls.map((call, i) => s.schedule(Promise.resolve(i), `${operation} #${i}`).then(() => {
    started.push(i);
    return ctx.session.raw(call, { together: true });
  }));
  await s.waitNext(calls.length);
  const outcomes: Outcome[] = await Promise.all(replies);
  for (const i of started) ctx.session.record(calls[i]!, outcomes[i]!);

  const bad = started.find((i) => !isOk(outcomes[i]!) && outcomes[i]!.code !== allowed);
  if (bad !== undefined) {
    ctx.session.fail(ID, outcomes[bad]!, `request #${bad} of ${calls.length} concurrent ${operation} requests for ${id} answered ${describe(outcomes[bad]!)}; allowed: 2xx or ${allowed}`);
  }
  let succeeded = p.existing;
  if (subject.completes) {
    const ids = outcomes.map((o) => identityOf(subject, o)?.[subject.completes!.id]).filter((x): x is string => typeof x === 'string');
    for (const operationId of new Set(ids)) if (await settle(ctx, operationId)) succeeded = true;
  } else if (outcomes.some(isOk)) {
    succeeded = true;
  }
  const listOp = subject.list!.call.operation;
  const l = await listed(ctx, id);
  if (!isOk(l.outcome)) ctx.session.fail(ID, l.outcome, `${listOp} answered ${describe(l.outcome)} after concurrent ${operation} requests`);
  // Never two; and once a create succeeded, exactly one.
  if (l.entries.length > 1 || (succeeded && l.entries.length !== 1)) {
    ctx.session.fail(ID, l.outcome, `after ${calls.length} concurrent ${operation} requests, ${listOp} shows item ${id} ${l.entries.length} times`);
  }
}

export const concurrentFamily: Family<unknown, [fc.Scheduler, Race]> = {
  tag: 'cc',
  scenarios: [ID],
  arbitrary: (env) => fc.tuple(fc.scheduler(), fc.record({
    requests: fc.integer({ min: 2, max: 4 }),
    sameToken: fc.boolean(),
    existing: fc.boolean(),
    variants: fc.array(fc.nat(env.subject.variants - 1), { minLength: 4, maxLength: 4 }),
  })),
  run: ([s, p], ctx) => race(s, p, ctx),
};
