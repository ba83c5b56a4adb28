// Issue 8 §2: preparation that got `{}` back from a create call polled `GetOperation {"OperationId":"undefined"}`
// 4,401 times and exited after 124 s; an unreadable 200 said only "(HTTP 200)". Now: at once, one line naming
// what the answer lacked.
import { describe, expect, it } from 'vitest';
import { coverageContexts } from '../../src/generate/index.ts';
import type { Outcome } from '../../src/contract/outcome.ts';
import { prepare } from '../../src/run/prerequisites.ts';
import { undo } from '../../src/run/recipe.ts';
import { protonService } from '../../src/profiles/proton/prerequisites.ts';
import type { Call } from '../../src/contract/call.ts';
import type { Target } from '../../src/targets/target.ts';

const ok = (body: unknown, extra: Partial<Outcome> = {}): Outcome => ({ status: 200, headers: {}, latencyMs: 0, body, ...extra });

function answering(create: Outcome, getOperation: Outcome = ok({ Operation: { Status: 'SUCCESS', Targets: { NAMESPACE: 'ns-1' } } })) {
  const calls: Call[] = [];
  const target: Target = {
    name: 'odd', close: async () => undefined,
    send: async (call) => {
      calls.push(call);
      if (call.operation.startsWith('Create') && call.operation.endsWith('Namespace')) return create;
      if (call.operation === 'GetOperation') return getOperation;
      return ok({});
    },
  };
  return { target, calls };
}

const prepareCloudMap = (target: Target) =>
  prepare(target, { operations: ['RegisterInstance'], contexts: { RegisterInstance: coverageContexts('RegisterInstance') }, runTag: 't', pollTimeoutMs: 5_000 });

describe('answers preparation cannot use', () => {
  it('`{}` from CreateHttpNamespace: fails at once, naming OperationId, without polling', async () => {
    const { target, calls } = answering(ok({}));
    const started = Date.now();
    await expect(prepareCloudMap(target)).rejects.toMatchObject({ code: 'CF_ERR_PREREQUISITE', message: expect.stringMatching(/CreateHttpNamespace answered HTTP 200 without OperationId/) });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(calls.filter((c) => c.operation === 'GetOperation')).toHaveLength(0);
  });

  it('`{}` from GetOperation: fails at once, naming Operation.Status', async () => {
    const { target, calls } = answering(ok({ OperationId: 'op-1' }), ok({}));
    await expect(prepareCloudMap(target)).rejects.toMatchObject({ message: expect.stringMatching(/GetOperation answered HTTP 200 without Operation\.Status/) });
    // One poll per namespace (the namespace types are created side by side), never a second.
    const created = calls.filter((c) => c.operation.endsWith('Namespace')).length;
    expect(created).toBeGreaterThan(0);
    expect(calls.filter((c) => c.operation === 'GetOperation')).toHaveLength(created);
  });

  it('an unreadable 200 says what was wrong with it', async () => {
    const { target } = answering(ok(undefined, { bodyProblem: 'html', bodyExcerpt: '<html>gateway</html>' }));
    await expect(prepareCloudMap(target)).rejects.toMatchObject({ message: expect.stringMatching(/CreateHttpNamespace failed while preparing the run \(HTTP 200 with an unreadable body \(html\): <html>gateway/) });
  });
});

// Found trying the tool as a user: against a target answering 200 `{}` to everything, cleanup polled GetService for
// a minute ("still exists after DeleteService") after every run, and a cleanup call's failure said "while preparing
// the run".
describe('answers cleanup cannot use', () => {
  const serviceUndo = protonService.steps.find((s) => s.as === 'service')!.undo;
  const slots = { serviceName: 'cf-t-svc', environmentName: 'cf-t-env' };

  it('`{}` from the GetService that waits for the Proton service to go: one problem at once, naming service.status', async () => {
    const calls: Call[] = [];
    const target: Target = { name: 'odd', close: async () => undefined, send: async (call) => { calls.push(call); return ok({}); } };
    const started = Date.now();
    await expect(undo(target, serviceUndo, slots, { pollTimeoutMs: 60_000 })).rejects.toMatchObject({ message: expect.stringMatching(/GetService answered HTTP 200 without service\.status while cleaning up/) });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(calls.map((c) => c.operation)).toEqual(['DeleteService', 'GetService']);
  });

  it('a cleanup call the target refuses says it failed while cleaning up', async () => {
    const target: Target = { name: 'odd', close: async () => undefined, send: async () => ({ status: 400, headers: {}, latencyMs: 0, code: 'ThrottlingException', message: 'Rate exceeded' }) };
    await expect(undo(target, serviceUndo, slots, { pollTimeoutMs: 1_000 })).rejects.toMatchObject({ message: 'odd: DeleteService failed while cleaning up (ThrottlingException: Rate exceeded)' });
  });

  it('the read a Proton service is waited with still ends at ResourceNotFoundException', async () => {
    let reads = 0;
    const target: Target = {
      name: 'slowly', close: async () => undefined,
      send: async (call) => (call.operation === 'DeleteService' ? ok({ service: { name: slots.serviceName, status: 'DELETE_IN_PROGRESS' } })
        : ++reads < 3 ? ok({ service: { name: slots.serviceName, status: 'DELETE_IN_PROGRESS' } })
          : { status: 400, headers: {}, latencyMs: 0, code: 'ResourceNotFoundException' }),
    };
    await expect(undo(target, serviceUndo, slots, { pollTimeoutMs: 5_000, pollIntervalMs: 1 })).resolves.toBeUndefined();
    expect(reads).toBe(3);
  });
});
