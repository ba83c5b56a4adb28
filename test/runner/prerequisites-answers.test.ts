// Issue 8 §2: preparation that got `{}` back from a create call polled `GetOperation {"OperationId":"undefined"}`
// 4,401 times and exited after 124 s; an unreadable 200 said only "(HTTP 200)". Now: at once, one line naming
// what the answer lacked.
import { describe, expect, it } from 'vitest';
import { coverageContexts } from '../../src/generate/index.ts';
import type { Outcome } from '../../src/contract/outcome.ts';
import { prepare } from '../../src/run/prerequisites.ts';
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
