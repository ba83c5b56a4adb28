// Waiting for a registration: poll GetOperation (first after `intervalMs`, growing ×1.5 up to 250 ms, at most
// `timeoutMs` and 200 polls) until it leaves SUBMITTED/PENDING. Only the last poll is recorded as a step.
import type { Outcome } from '../../contract/outcome.ts';
import type { Env } from '../family.ts';
import { describe, isOk, type Session } from '../session.ts';
import { getOperation } from './calls.ts';

export const OPERATION_COMPLETES = 'state:operation-completes';
const MAX_POLLS = 200;
const MAX_INTERVAL_MS = 250;

interface Waited {
  outcome: Outcome;
  operation: Record<string, unknown> | undefined;
  /** Still SUBMITTED/PENDING when time ran out. */
  pending: boolean;
}

const record = (v: unknown): Record<string, unknown> | undefined =>
  (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

async function waitFor(s: Session, operationId: string, poll: Env<unknown>['poll']): Promise<Waited> {
  const call = getOperation(operationId);
  const deadline = Date.now() + poll.timeoutMs;
  let interval = poll.intervalMs;
  for (let polls = 1; ; polls++) {
    await s.pause(interval);
    const outcome = await s.raw(call);
    const operation = record(record(outcome.body)?.Operation);
    const pending = isOk(outcome) && (operation?.Status === 'SUBMITTED' || operation?.Status === 'PENDING');
    if (!pending || polls >= MAX_POLLS || Date.now() >= deadline) {
      s.record(call, outcome);
      return { outcome, operation, pending };
    }
    interval = Math.min(Math.ceil(interval * 1.5), MAX_INTERVAL_MS);
  }
}

/** The registration's operation reaches SUCCESS, is a REGISTER_INSTANCE and targets `instanceId`; else a finding. */
export async function expectCompleted(s: Session, env: Env<unknown>, operationId: string, instanceId: string): Promise<void> {
  const { outcome, operation: op, pending } = await waitFor(s, operationId, env.poll);
  const where = `GetOperation(${operationId})`;
  if (!isOk(outcome)) s.fail(OPERATION_COMPLETES, outcome, `${where} answered ${describe(outcome)}`);
  if (!op) s.fail(OPERATION_COMPLETES, outcome, `${where} returned no Operation`);
  if (pending) s.fail(OPERATION_COMPLETES, outcome, `${where} still ${String(op.Status)} after ${env.poll.timeoutMs} ms`);
  if (op.Status !== 'SUCCESS') {
    s.fail(OPERATION_COMPLETES, outcome, `${where} ended ${String(op.Status)}${typeof op.ErrorMessage === 'string' ? `: ${op.ErrorMessage}` : ''}`);
  }
  if (op.Type !== 'REGISTER_INSTANCE') s.fail(OPERATION_COMPLETES, outcome, `${where} has Type ${String(op.Type)}, expected REGISTER_INSTANCE`);
  const target = record(op.Targets)?.INSTANCE;
  if (target !== instanceId) s.fail(OPERATION_COMPLETES, outcome, `${where} targets INSTANCE ${String(target)}, expected ${instanceId}`);
}

/** Waits for an operation without judging it (concurrent requests: some ids may be refused or unknown); true when it reached SUCCESS. */
export async function settle(s: Session, env: Env<unknown>, operationId: string): Promise<boolean> {
  const w = await waitFor(s, operationId, env.poll);
  return isOk(w.outcome) && w.operation?.Status === 'SUCCESS';
}
