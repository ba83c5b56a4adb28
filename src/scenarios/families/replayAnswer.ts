// idempotency:token-replay for an operation known from its model only (a derived profile with an idempotency
// token): a valid request with a fresh token; when the target accepts it, the very same request again must be
// accepted with the same answer ("a replay answers as the original request", the profile's `idempotency.replay`).
// Only this family runs for such an operation, because only it holds against a stateless validating mock (the
// builtin target for model-only operations answers a request by its content alone): the mock cannot refuse a
// token reused with other parameters, nor tell two token-less requests apart, nor read a created item back, so
// mismatch, no-token and state families would report the mock's statelessness as findings.
import { isDeepStrictEqual } from 'node:util';
import type { Call } from '../../contract/call.ts';
import { valid } from '../../generate/index.ts';
import { expect as judge } from '../../oracle/index.ts';
import type { ModelPrepared } from '../../profiles/scenario.ts';
import type { Family } from '../family.ts';
import { describe, isOk, type Session } from '../session.ts';

const ID = 'idempotency:token-replay';

export const replayAnswerFamily: Family<unknown, Record<string, unknown>> = {
  tag: 'ra',
  scenarios: [ID],
  arbitrary: (env) => valid(env.profile.key, (env.prepared as ModelPrepared).context).map((c) => c.input as Record<string, unknown>),
  async run(input, ctx) {
    const { profile } = ctx.env;
    const context = (ctx.env.prepared as ModelPrepared).context;
    const tokenMember = profile.idempotency!.tokenMember;
    const payload = { ...input, [tokenMember]: ctx.ids.token() };
    // The run's token may break the member's own constraints (a shorter maximum, a pattern): nothing to replay then.
    if (judge(profile.key, payload, context).outcome === 'error') return;
    const call: Call = { service: profile.service, operation: profile.operation, input: payload };
    const s: Session = ctx.session;
    const first = await s.send(call);
    // Refused: the run cannot know why (what it references may not exist); a replay of a refusal proves nothing.
    if (!isOk(first)) return;
    const again = await s.send(call);
    const when = `a replay of ${profile.operation} (same ${tokenMember} and parameters)`;
    if (!isOk(again)) s.fail(ID, again, `${when} answered ${describe(again)}; the original was accepted`);
    if (!isDeepStrictEqual(again.body, first.body)) s.fail(ID, again, `${when} returned another answer than the original request`);
  },
};
