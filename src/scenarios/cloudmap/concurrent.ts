// idempotency:concurrent-same-instance — N RegisterInstance requests for one InstanceId in flight at once
// (all with one token, or each with its own), optionally over an existing instance. fast-check's scheduler
// picks the order the requests are started in (and shrinks it). Every answer is 2xx or DuplicateRequest,
// never 5xx; once everything accepted has settled, ListInstances shows the instance at most once (exactly
// once if a registration reached SUCCESS).
import fc from 'fast-check';
import { profileOf } from '../../profiles/index.ts';
import type { Outcome } from '../../contract/outcome.ts';
import type { Family } from '../family.ts';
import { describe, isOk } from '../session.ts';
import type { CloudMapPrepared } from '../types.ts';
import { attributesFor, listed, operationIdOf, register, VARIANTS } from './calls.ts';
import { newModel, registerSlot, type Ctx } from './model.ts';
import { settle } from './operation.ts';

const ID = 'idempotency:concurrent-same-instance';
// A request for an instance with one in progress: the profile's in-progress state.
const REGISTER = profileOf('servicediscovery#RegisterInstance');
const ALLOWED = REGISTER.states.find((x) => x.id === REGISTER.creates!.againState)!.code; // DuplicateRequest

interface Race {
  requests: number;
  sameToken: boolean;
  existing: boolean;
  variants: number[];
}

async function race(s: fc.Scheduler, p: Race, ctx: Ctx): Promise<void> {
  const model = newModel(ctx);
  const instanceId = model.slots[0].instanceId;
  if (p.existing) await registerSlot(model, ctx, 0, 0, { scenario: ID });
  const { serviceId, config } = ctx.env.prepared;
  const shared = ctx.ids.token();
  const calls = p.variants.slice(0, p.requests).map((v, i) =>
    register(serviceId, instanceId, attributesFor(config, p.sameToken ? p.variants[0] : v), p.sameToken ? shared : i === 0 ? shared : ctx.ids.token()));
  const started: number[] = [];
  const replies = calls.map((call, i) => s.schedule(Promise.resolve(i), `RegisterInstance #${i}`).then(() => {
    started.push(i);
    return ctx.session.raw(call);
  }));
  await s.waitNext(calls.length);
  const outcomes: Outcome[] = await Promise.all(replies);
  for (const i of started) ctx.session.record(calls[i], outcomes[i]);

  const bad = started.find((i) => !isOk(outcomes[i]) && outcomes[i].code !== ALLOWED);
  if (bad !== undefined) {
    ctx.session.fail(ID, outcomes[bad], `request #${bad} of ${calls.length} concurrent registrations of ${instanceId} answered ${describe(outcomes[bad])}; allowed: 2xx or ${ALLOWED}`);
  }
  let succeeded = p.existing;
  for (const id of new Set(outcomes.map(operationIdOf).filter((x): x is string => x !== undefined))) {
    if (await settle(ctx.session, ctx.env, id)) succeeded = true;
  }
  const l = await listed(ctx.session, serviceId, instanceId, ctx.env.listing);
  if (!isOk(l.outcome)) ctx.session.fail(ID, l.outcome, `ListInstances answered ${describe(l.outcome)} after concurrent registrations`);
  // Never two; and once a registration reached SUCCESS, exactly one.
  if (l.entries.length > 1 || (succeeded && l.entries.length !== 1)) {
    ctx.session.fail(ID, l.outcome, `after ${calls.length} concurrent registrations, ListInstances shows instance ${instanceId} ${l.entries.length} times`);
  }
}

export const concurrentFamily: Family<CloudMapPrepared, [fc.Scheduler, Race]> = {
  tag: 'cc',
  scenarios: [ID],
  arbitrary: () => fc.tuple(fc.scheduler(), fc.record({
    requests: fc.integer({ min: 2, max: 4 }),
    sameToken: fc.boolean(),
    existing: fc.boolean(),
    variants: fc.array(fc.nat(VARIANTS - 1), { minLength: 4, maxLength: 4 }),
  })),
  run: ([s, p], ctx) => race(s, p, ctx),
};
