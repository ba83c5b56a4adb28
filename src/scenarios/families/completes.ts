// Waiting for an asynchronous operation, as the profile's waiter describes it (Cloud Map: GetOperation until it
// leaves SUBMITTED/PENDING): first after `intervalMs`, growing ×1.5 up to 250 ms, at most `timeoutMs` and 200
// polls. Only the last poll is recorded as a step.
import type { Call } from '../../contract/call.ts';
import type { Outcome } from '../../contract/outcome.ts';
import type { Waiter } from '../../profiles/recipe.ts';
import { fill, valueAt } from '../../profiles/template.ts';
import type { Env, RunContext } from '../family.ts';
import { describe, isOk, type Session } from '../session.ts';

const MAX_POLLS = 200;
const MAX_INTERVAL_MS = 250;

interface Waited {
  outcome: Outcome;
  operation: Record<string, unknown> | undefined;
  /** Still running when time ran out. */
  pending: boolean;
}

const record = (v: unknown): Record<string, unknown> | undefined =>
  (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** The member holding the operation (`Operation`), and the status inside it (`Status`). */
const split = (path: string): [string, string] => {
  const at = path.lastIndexOf('.');
  return [path.slice(0, at), path.slice(at + 1)];
};

export const waiterCall = (w: Waiter, operationId: string): Call =>
  ({ service: w.call.service, operation: w.call.operation, input: fill(w.call.input, { operationId }) });

async function waitFor(s: Session, w: Waiter, operationId: string, poll: Env<unknown>['poll']): Promise<Waited> {
  const call = waiterCall(w, operationId);
  const [holder, status] = split(w.status);
  const deadline = Date.now() + poll.timeoutMs;
  let interval = poll.intervalMs;
  for (let polls = 1; ; polls++) {
    await s.pause(interval);
    const outcome = await s.raw(call);
    const operation = record(valueAt(outcome.body, holder));
    const pending = isOk(outcome) && (w.pending ?? []).includes(operation?.[status] as string);
    if (!pending || polls >= MAX_POLLS || Date.now() >= deadline) {
      s.record(call, outcome);
      return { outcome, operation, pending };
    }
    interval = Math.min(Math.ceil(interval * 1.5), MAX_INTERVAL_MS);
  }
}

/** The operation reaches success, is of the profile's type and targets `itemId`; else a finding. */
export async function expectCompleted(ctx: RunContext<unknown>, operationId: string, itemId: string): Promise<void> {
  const c = ctx.env.subject.completes!;
  const s: Session = ctx.session;
  const w = c.waiter;
  const [holder, status] = split(w.status);
  const { outcome, operation: op, pending } = await waitFor(s, w, operationId, ctx.env.poll);
  const where = `${w.call.operation}(${operationId})`;
  if (!isOk(outcome)) s.fail(c.scenario, outcome, `${where} answered ${describe(outcome)}`);
  if (!op) s.fail(c.scenario, outcome, `${where} returned no ${holder}`);
  if (pending) s.fail(c.scenario, outcome, `${where} still ${String(op[status])} after ${ctx.env.poll.timeoutMs} ms`);
  if (op[status] !== w.success) {
    const reason = w.reason === undefined ? undefined : valueAt(outcome.body, w.reason);
    s.fail(c.scenario, outcome, `${where} ended ${String(op[status])}${typeof reason === 'string' ? `: ${reason}` : ''}`);
  }
  const type = valueAt(outcome.body, c.type.path);
  if (type !== c.type.value) s.fail(c.scenario, outcome, `${where} has ${split(c.type.path)[1]} ${String(type)}, expected ${c.type.value}`);
  const target = valueAt(outcome.body, c.target);
  if (target !== itemId) s.fail(c.scenario, outcome, `${where} targets ${split(c.target)[1]} ${String(target)}, expected ${itemId}`);
}

/** Waits for an operation without judging it (concurrent requests: some ids may be refused or unknown); true when it succeeded. */
export async function settle(ctx: RunContext<unknown>, operationId: string): Promise<boolean> {
  const w = ctx.env.subject.completes!.waiter;
  const r = await waitFor(ctx.session, w, operationId, ctx.env.poll);
  return isOk(r.outcome) && r.operation?.[split(w.status)[1]] === w.success;
}

/** Re-reading a completed operation once: it still shows success and the profile's type ("" when it does). */
export async function stillCompleted(ctx: RunContext<unknown>, operationId: string, deferRecording = false): Promise<{ call: Call; outcome: Outcome; shows: string }> {
  const c = ctx.env.subject.completes!;
  const call = waiterCall(c.waiter, operationId);
  const o = deferRecording ? await ctx.session.raw(call) : await ctx.session.send(call);
  const status = valueAt(o.body, c.waiter.status);
  const type = valueAt(o.body, c.type.path);
  const fine = isOk(o) && status === c.waiter.success && type === c.type.value;
  return { call, outcome: o, shows: fine ? '' : isOk(o) ? `${String(type)} ${String(status)}` : describe(o) };
}
