// runScenarios as an API: same seed ⇒ same requests and findings; ids from the seed (or idPrefix); the
// signal, `runs` and the polling bound are honoured; bad input fails with a typed harness error; any
// Target works (the AWS SDK one included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HarnessError } from '../../src/errors.ts';
import { runScenarios, type ScenarioFinding } from '../../src/scenarios/index.ts';
import { createSdkTarget } from '../../src/targets/sdk.ts';
import type { Call } from '../../src/contract/call.ts';
import type { SendWrapper } from '../../src/targets/target.ts';
import * as faults from '../support/faults.ts';
import { startLab, type Lab } from './harness.ts';

let lab: Lab;
beforeAll(async () => { lab = await startLab(); });
afterAll(async () => { await lab?.close(); });

const recorder = (calls: Call[]): SendWrapper => (send) => (call, o) => {
  calls.push(call);
  return send(call, o);
};

describe('determinism', () => {
  // Two fresh emulators: their ids (services, operations, arns) come from the same id seed.
  const withoutOperationIds = (v: unknown): unknown =>
    JSON.parse(JSON.stringify(v, (k, x: unknown) => (/OperationId$/.test(k) && typeof x === 'string' ? '<operation id>' : x)));

  async function twice(run: (l: Lab) => Promise<{ findings: ScenarioFinding[]; calls: Call[] }>) {
    const results = [];
    for (let i = 0; i < 2; i++) {
      const l = await startLab();
      try { results.push(await run(l)); } finally { await l.close(); }
    }
    return results;
  }

  it('the same seed sends the same requests and reports the same findings (Cloud Map)', async () => {
    const [a, b] = await twice(async (l) => {
      const calls: Call[] = [];
      const prepared = await l.cloudMapService('dns-a');
      const findings = await runScenarios({ operation: 'RegisterInstance', target: l.faulty(recorder(calls), faults.reregisterNotUpdated()).target, prepared, seed: 99, runs: 5 });
      return { findings, calls: calls.filter((c) => c.operation !== 'GetOperation') }; // polls depend on timing
    });
    expect(a.findings.map((f) => f.constraint)).toEqual(['state:re-register-updates']);
    // The emulator draws an operation id per operation it makes; whether a registration retried in flight made
    // one depends on timing (as the polls do), so the ids in the steps are compared by position, not by value.
    expect(withoutOperationIds(b.findings)).toEqual(withoutOperationIds(a.findings));
    expect(b.calls).toEqual(a.calls);
  });

  it('the same seed sends the same requests and reports the same findings (Proton)', async () => {
    const [a, b] = await twice(async (l) => {
      const calls: Call[] = [];
      const prepared = await l.protonService();
      const findings = await runScenarios({ operation: 'CreateServiceInstance', target: l.faulty(recorder(calls), faults.protonReplayNewArn()).target, prepared, seed: 99, runs: 5 });
      return { findings, calls };
    });
    expect(a.findings.map((f) => f.constraint)).toEqual(['idempotency:token-replay']);
    expect(b.findings).toEqual(a.findings);
    expect(b.calls).toEqual(a.calls);
  });

  it('ids come from the seed and the service, or from idPrefix', async () => {
    const prepared = await lab.protonService();
    const names = async (o: { seed: number; idPrefix?: string }) => {
      const calls: Call[] = [];
      await runScenarios({ operation: 'CreateServiceInstance', target: lab.faulty(recorder(calls)).target, prepared, runs: 1, ...o });
      return new Set(calls.map((c) => (c.input as { name: string }).name.replace(/-.*/, '')));
    };
    const seeded = await names({ seed: 1 });
    expect(seeded.size).toBe(1);
    expect([...seeded][0]).toMatch(/^cf[0-9a-z]+$/);
    const other = await names({ seed: 2 });
    expect(other).not.toEqual(seeded);
    expect(await names({ seed: 3, idPrefix: 'nightly7' })).toEqual(new Set(['nightly7']));
  });

  it('the same seed again on a target that kept the first run\'s resources moves to another prefix and still passes', async () => {
    const prepared = await lab.cloudMapService('http');
    const prefixes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const calls: Call[] = [];
      expect(await runScenarios({ operation: 'RegisterInstance', target: lab.faulty(recorder(calls)).target, prepared, seed: 5, runs: 2 })).toEqual([]);
      const registered = calls.filter((c) => c.operation === 'RegisterInstance').map((c) => (c.input as { InstanceId: string }).InstanceId);
      prefixes.push(registered[0].replace(/-.*/, ''));
    }
    expect(prefixes[1]).toBe(`${prefixes[0]}r1`);
  });
});

describe('bounds', () => {
  it('runs: 0 sends nothing; runs: 1 sends less than the default', async () => {
    const prepared = await lab.cloudMapService('http');
    const zero = lab.faulty();
    expect(await runScenarios({ operation: 'RegisterInstance', target: zero.target, prepared, seed: 1, runs: 0 })).toEqual([]);
    expect(zero.requests.n).toBe(0);
    const one = lab.faulty();
    const five = lab.faulty();
    await runScenarios({ operation: 'RegisterInstance', target: one.target, prepared, seed: 1, runs: 1 });
    await runScenarios({ operation: 'RegisterInstance', target: five.target, prepared, seed: 2, runs: 5 });
    expect(one.requests.n).toBeGreaterThan(0);
    expect(one.requests.n).toBeLessThan(five.requests.n);
  });

  it('onRequest counts every request', async () => {
    const { target, requests } = lab.faulty();
    let n = 0;
    await runScenarios({ operation: 'CreateServiceInstance', target, prepared: await lab.protonService(), seed: 4, runs: 2, onRequest: () => n++ });
    expect(n).toBe(requests.n);
  });

  it('an aborted signal stops the run promptly, keeping nothing half-done', async () => {
    const prepared = await lab.cloudMapService('http');
    const before = lab.faulty();
    expect(await runScenarios({ operation: 'RegisterInstance', target: before.target, prepared, seed: 1, runs: 5, signal: AbortSignal.abort() })).toEqual([]);
    expect(before.requests.n).toBe(0);
    const ac = new AbortController();
    const { target, requests } = lab.faulty((send) => (call, o) => {
      if (requests.n >= 20) ac.abort();
      return send(call, o);
    });
    const t0 = Date.now();
    expect(await runScenarios({ operation: 'RegisterInstance', target, prepared, seed: 1, runs: 5, signal: ac.signal })).toEqual([]);
    expect(requests.n).toBeLessThanOrEqual(21);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('a registration that never completes is a state:operation-completes finding after the polling bound', async () => {
    const slow = await startLab({ operationDelayMs: 60_000 });
    try {
      const t0 = Date.now();
      const findings = await runScenarios({
        operation: 'RegisterInstance', target: slow.faulty().target, prepared: await slow.cloudMapService('http'), seed: 1, runs: 1,
        poll: { intervalMs: 5, timeoutMs: 40 },
      });
      expect(findings.map((f) => f.constraint)).toEqual(['state:operation-completes']);
      expect(findings[0].detail).toMatch(/still (SUBMITTED|PENDING) after 40 ms/);
      expect(findings[0].steps.map((s) => s.call.operation)).toEqual(['RegisterInstance', 'GetOperation']);
      expect(Date.now() - t0).toBeLessThan(15_000);
    } finally {
      await slow.close();
    }
  });
});

describe('input errors are harness errors', () => {
  it.each([
    ['an operation without scenarios', { operation: 'DeleteService', prepared: { serviceName: 'x' } }, 'CF_ERR_UNKNOWN_OPERATION'],
    ['a Proton service for Cloud Map', { operation: 'RegisterInstance', prepared: { serviceName: 'x' } }, 'CF_ERR_USAGE'],
    ['a Cloud Map service for Proton', { operation: 'CreateServiceInstance', prepared: { serviceId: 'srv-1', config: { namespaceType: 'HTTP', dnsRecords: [], healthCheck: false, healthCheckCustom: false } } }, 'CF_ERR_USAGE'],
    ['an id prefix the patterns refuse', { operation: 'CreateServiceInstance', prepared: { serviceName: 'x' }, idPrefix: '-bad prefix' }, 'CF_ERR_USAGE'],
    ['a service the contract refuses', { operation: 'RegisterInstance', prepared: { serviceId: 's'.repeat(300), config: { namespaceType: 'HTTP', dnsRecords: [], healthCheck: false, healthCheckCustom: false } } }, 'CF_ERR_PREREQUISITE'],
    ['a Proton service name the contract refuses', { operation: 'CreateServiceInstance', prepared: { serviceName: 'no spaces allowed' } }, 'CF_ERR_PREREQUISITE'],
  ] as const)('%s', async (_name, o, code) => {
    const { target: t, requests } = lab.faulty();
    await expect(runScenarios({ ...(o as any), target: t, seed: 1, runs: 5 })).rejects.toMatchObject({ code });
    expect(requests.n).toBe(0);
  });
});

describe('harness failures', () => {
  it('a target that cannot send (credentials, model) fails the run with its own error, without shrinking', async () => {
    const { target, requests } = lab.faulty((send) => (call, o) => {
      if (call.operation === 'RegisterInstance') throw new HarnessError('CF_ERR_CONFIG', 'cannot sign servicediscovery requests');
      return send(call, o);
    });
    await expect(runScenarios({ operation: 'RegisterInstance', target, prepared: await lab.cloudMapService('http'), seed: 1, runs: 5 }))
      .rejects.toMatchObject({ code: 'CF_ERR_CONFIG' });
    expect(requests.n).toBe(2); // the id-prefix probe, then the first registration
  });
});

describe('any Target', () => {
  it('the AWS SDK target passes every scenario of both operations (the SDK fills in missing tokens)', async () => {
    const sdk = createSdkTarget({ endpoint: `sdk+${lab.emulator.url}`, timeoutMs: 10_000 });
    try {
      expect(await runScenarios({ operation: 'RegisterInstance', target: sdk, prepared: await lab.cloudMapService('dns-a'), seed: 8, runs: 3 })).toEqual([]);
      expect(await runScenarios({ operation: 'CreateServiceInstance', target: sdk, prepared: await lab.protonService(), seed: 8, runs: 3 })).toEqual([]);
    } finally {
      await sdk.close();
    }
  });
});
