import { describe, expect, it } from 'vitest';
import { coverageContexts } from '../../src/generate/index.ts';
import type { Outcome } from '../../src/contract/outcome.ts';
import { prepare } from '../../src/run/prerequisites.ts';
import type { Call } from '../../src/contract/call.ts';
import type { Target } from '../../src/targets/target.ts';

/** A target that completes Cloud Map calls at once and fails Proton's CreateService. */
function scripted() {
  const calls: Call[] = [];
  let n = 0;
  const ok = (body: unknown): Outcome => ({ status: 200, headers: {}, latencyMs: 0, body });
  const target: Target = {
    name: 'scripted',
    close: async () => undefined,
    send: async (call) => {
      calls.push(call);
      switch (call.operation) {
        case 'CreateHttpNamespace': case 'CreatePrivateDnsNamespace': case 'CreatePublicDnsNamespace': return ok({ OperationId: `op-${++n}` });
        case 'GetOperation': return ok({ Operation: { Status: 'SUCCESS', Targets: { NAMESPACE: `ns-${n}` } } });
        case 'CreateService': return call.service === 'proton'
          ? { status: 402, headers: {}, latencyMs: 0, code: 'AccessDeniedException', message: 'Proton is not accepting new customers', body: {} }
          : ok({ Service: { Id: `srv-${++n}` } });
        default: return ok({});
      }
    },
  };
  return { target, calls };
}

describe('prerequisites', () => {
  // Regression: when a later step failed (Proton past end of support refuses CreateService), the Cloud Map
  // namespaces and services created before it stayed behind: on real AWS, resources nobody deletes.
  it('an operation that cannot be prepared undoes what it created and is reported; the others stay prepared', async () => {
    const { target, calls } = scripted();
    const operations = ['RegisterInstance', 'CreateServiceInstance'];
    const contexts = Object.fromEntries(operations.map((op) => [op, coverageContexts(op)]));
    const prepared = await prepare(target, { operations, contexts, runTag: 't' });
    expect(prepared.notPrepared).toMatchObject([{ operation: 'CreateServiceInstance', call: { operation: 'CreateService' }, answer: { status: 402, code: 'AccessDeniedException' } }]);
    expect(prepared.notPrepared[0]!.line).toContain('not accepting new customers');
    expect(prepared.binding.serviceIds.size).toBeGreaterThan(0);
    expect(calls.filter((c) => c.operation === 'DeleteEnvironment')).toHaveLength(1);
    expect(calls.some((c) => c.operation === 'DeleteService' || c.operation === 'DeleteNamespace')).toBe(false);
    // Cleanup: every Cloud Map service, then the namespaces last.
    expect(await prepared.cleanup()).toEqual([]);
    const created = calls.filter((c) => c.operation === 'CreateService' && c.service === 'servicediscovery').length;
    expect(calls.filter((c) => c.operation === 'DeleteService' && c.service === 'servicediscovery')).toHaveLength(created);
    expect(calls.filter((c) => c.operation === 'DeleteNamespace')).toHaveLength(3);
    const lastDelete = calls.map((c) => c.operation).lastIndexOf('DeleteNamespace');
    expect(calls.slice(lastDelete + 1).some((c) => c.operation === 'DeleteService')).toBe(false);
  });

  it('when no operation can be prepared: one error, nothing left behind', async () => {
    const { target, calls } = scripted();
    const contexts = { CreateServiceInstance: coverageContexts('CreateServiceInstance') };
    await expect(prepare(target, { operations: ['CreateServiceInstance'], contexts, runTag: 't' })).rejects.toMatchObject({ code: 'CF_ERR_PREREQUISITE', message: expect.stringContaining('not accepting new customers') });
    expect(calls.filter((c) => c.operation === 'DeleteEnvironment')).toHaveLength(1);
  });

  it('a --service-id the target does not know is a usage error, not an untested operation', async () => {
    const { target } = scripted();
    const failing: Target = { ...target, send: async (call) => (call.operation === 'GetService'
      ? { status: 404, headers: {}, latencyMs: 0, code: 'ServiceNotFound', message: 'no such service', body: {} } : target.send(call)) };
    const operations = ['RegisterInstance', 'CreateServiceInstance'];
    const contexts = Object.fromEntries(operations.map((op) => [op, coverageContexts(op)]));
    await expect(prepare(failing, { operations, contexts, runTag: 't', serviceId: 'srv-typo', protonService: 'svc' })).rejects.toMatchObject({ code: 'CF_ERR_PREREQUISITE' });
  });
});
