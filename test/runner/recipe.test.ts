// Issue 10 §3: prerequisites are declarative recipes in the profiles, run by one executor. An operation with a
// recipe is prepared and cleaned up from its profile alone: the executor names no service and no operation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Call } from '../../src/contract/call.ts';
import type { Outcome } from '../../src/contract/outcome.ts';
import { profileOf } from '../../src/profiles/index.ts';
import type { Profile } from '../../src/profiles/profile.ts';
import { fill } from '../../src/run/recipe.ts';
import { prepare } from '../../src/run/prerequisites.ts';
import type { Target } from '../../src/targets/target.ts';

describe('recipe templates', () => {
  it('fills slots in text, takes a whole slot as its value, drops a member whose slot is absent', () => {
    const slots = { runTag: 't1', dns: { DnsRecords: [{ Type: 'A' }] }, 'namespace.id': 'ns-1' };
    expect(fill({ Name: 'cf-{runTag}-x', NamespaceId: '{namespace.id}', DnsConfig: '{dns}', Vpc: '{vpc}', spec: 'a: {}' }, slots))
      .toEqual({ Name: 'cf-t1-x', NamespaceId: 'ns-1', DnsConfig: { DnsRecords: [{ Type: 'A' }] }, spec: 'a: {}' });
    expect(() => fill('x-{missing}', slots)).toThrow(/missing/);
  });
});

describe('prerequisites from the profile', () => {
  it('the executor and prepare() name no service and no operation: they read the recipe', () => {
    for (const file of ['src/run/recipe.ts', 'src/run/prerequisites.ts']) {
      const code = readFileSync(file, 'utf8').split('\n').filter((l) => !/^\s*(\/\/|\*|\/\*\*)/.test(l)).join('\n');
      expect(code, file).not.toMatch(/'(CreateHttpNamespace|CreateService|CreateEnvironment|DeleteService|DeleteNamespace|ListInstances|GetOperation|DeregisterInstance)'/);
    }
  });

  it('every hand-written profile that references a resource has a recipe whose binding slot a step produces', () => {
    for (const key of ['servicediscovery#RegisterInstance', 'servicediscovery#DeregisterInstance', 'proton#CreateServiceInstance']) {
      const p: Profile = profileOf(key);
      expect(p.prerequisite, key).toBeDefined();
      const outputs = p.prerequisite!.steps.flatMap((s) => Object.keys(s.outputs ?? {}).map((o) => `${s.as}.${o}`));
      const slots = Object.keys(p.prerequisite!.slotsFor(p.key.startsWith('proton') ? { proton: { serviceName: 'svc', serviceExists: true } }
        : { cloudMap: { serviceId: 'srv-x', service: { namespaceType: 'HTTP', dnsRecords: [], healthCheck: false, healthCheckCustom: false } } }, 'x')!.slots);
      expect([...outputs, ...slots], key).toContain(p.prerequisite!.binds);
    }
  });

  it('an edited recipe is what prepare() sends, and its undo what cleanup sends', async () => {
    const calls: Call[] = [];
    const ok = (body: unknown): Outcome => ({ status: 200, headers: {}, latencyMs: 0, body });
    const target: Target = { name: 'scripted', close: async () => undefined, send: async (c) => {
      calls.push(c);
      return c.operation === 'GetService' ? { status: 404, headers: {}, latencyMs: 0, code: 'ResourceNotFoundException', body: {} } : ok({});
    } };
    const recipe = profileOf('proton#CreateServiceInstance').prerequisite!;
    const edited = { ...recipe, steps: [{ ...recipe.steps[1]!, input: { ...(recipe.steps[1]!.input as object), templateName: 'edited' } }] };
    const original = recipe.steps;
    (recipe as { steps: typeof recipe.steps }).steps = edited.steps;
    try {
      const contexts = { CreateServiceInstance: [{ name: 'main', context: { proton: { serviceName: 'svc-main', serviceExists: true } } }] };
      const prepared = await prepare(target, { operations: ['CreateServiceInstance'], contexts, runTag: 'r' });
      expect(calls.map((c) => [c.operation, (c.input as { templateName?: string }).templateName])).toEqual([['CreateService', 'edited']]);
      expect(prepared.binding.serviceNames.get('svc-main')).toBe('cf-r-svc');
      expect(await prepared.cleanup()).toEqual([]);
      expect(calls.slice(1).map((c) => c.operation)).toEqual(['DeleteService', 'GetService']);
    } finally {
      (recipe as { steps: typeof recipe.steps }).steps = original;
    }
  });

  // Regression (sdk-fidelity caught it): the run's VPC slot reached every namespace, and the SDK target refused
  // CreateHttpNamespace with a Vpc member it does not model. Only a private DNS namespace names one.
  it('names a VPC for a private DNS namespace only', async () => {
    const calls: Call[] = [];
    let n = 0;
    const ok = (body: unknown): Outcome => ({ status: 200, headers: {}, latencyMs: 0, body });
    const target: Target = { name: 'scripted', close: async () => undefined, send: async (c) => {
      calls.push(c);
      if (c.operation.endsWith('Namespace')) return ok({ OperationId: `op-${++n}` });
      if (c.operation === 'GetOperation') return ok({ Operation: { Status: 'SUCCESS', Targets: { NAMESPACE: `ns-${n}` } } });
      return ok({ Service: { Id: `srv-${++n}` } });
    } };
    const contexts = { RegisterInstance: profileOf('RegisterInstance').contexts!() };
    await prepare(target, { operations: ['RegisterInstance'], contexts, runTag: 'v' });
    const vpcOf = (op: string) => calls.filter((c) => c.operation === op).map((c) => (c.input as { Vpc?: string }).Vpc);
    expect(vpcOf('CreateHttpNamespace')).toEqual([undefined]);
    expect(vpcOf('CreatePublicDnsNamespace')).toEqual([undefined]);
    expect(vpcOf('CreatePrivateDnsNamespace')).toEqual([expect.stringMatching(/^vpc-/)]);
  });
});
