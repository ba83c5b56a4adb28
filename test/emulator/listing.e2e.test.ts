// The emulator's list calls over real loopback HTTP (issue 7 §1): what a target holds, paged and filtered,
// each answer valid against the operation's output shape in models/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { cloudMap, ok, outputErrors, proton, waitForOperation } from './helpers.ts';

let em: RunningEmulator;
beforeAll(async () => { em = await startEmulator({ operationDelayMs: 0, seed: 'listing' }); });
afterAll(async () => { await em.close(); });

const list = async (service: 'servicediscovery' | 'proton', op: string, input: Record<string, unknown> = {}) => {
  const body = ok(await (service === 'proton' ? proton : cloudMap)(em.url, op, input));
  expect(outputErrors(service, op, body)).toEqual([]);
  return body;
};

describe('Cloud Map ListNamespaces / ListServices', () => {
  it('lists nothing on a fresh emulator, then what was created: paged, filtered', async () => {
    expect((await list('servicediscovery', 'ListNamespaces')).Namespaces).toEqual([]);
    expect((await list('servicediscovery', 'ListServices')).Services).toEqual([]);
    const ids: string[] = [];
    for (const [op, input] of [['CreateHttpNamespace', { Name: 'one' }], ['CreateHttpNamespace', { Name: 'two' }], ['CreatePrivateDnsNamespace', { Name: 'p.internal', Vpc: 'vpc-1' }]] as const) {
      const started = ok(await cloudMap(em.url, op, input));
      ids.push((await waitForOperation(em.url, started.OperationId)).Targets.NAMESPACE);
    }
    ok(await cloudMap(em.url, 'CreateService', { Name: 's1', NamespaceId: ids[0] }));
    ok(await cloudMap(em.url, 'CreateService', { Name: 's2', NamespaceId: ids[1] }));

    const first = await list('servicediscovery', 'ListNamespaces', { MaxResults: 2 });
    expect(first.Namespaces.map((n: { Name: string }) => n.Name)).toEqual(['one', 'two']);
    const second = await list('servicediscovery', 'ListNamespaces', { MaxResults: 2, NextToken: first.NextToken });
    expect(second.Namespaces.map((n: { Name: string }) => n.Name)).toEqual(['p.internal']);
    expect(second.NextToken).toBeUndefined();
    const privateOnly = await list('servicediscovery', 'ListNamespaces', { Filters: [{ Name: 'TYPE', Values: ['DNS_PRIVATE'], Condition: 'EQ' }] });
    expect(privateOnly.Namespaces).toMatchObject([{ Id: ids[2], Type: 'DNS_PRIVATE', ServiceCount: 0 }]);

    const inTwo = await list('servicediscovery', 'ListServices', { Filters: [{ Name: 'NAMESPACE_ID', Values: [ids[1]], Condition: 'EQ' }] });
    expect(inTwo.Services.map((s: { Name: string }) => s.Name)).toEqual(['s2']);
    expect((await list('servicediscovery', 'ListServices')).Services).toHaveLength(2);
    expect((await cloudMap(em.url, 'ListServices', { NextToken: 'nonsense' })).code).toBe('InvalidInput');
  });
});

describe('Proton ListEnvironments / ListServices / ListServiceInstances', () => {
  it('lists what exists; an unknown service is ResourceNotFoundException', async () => {
    const t = { templateName: 't', templateMajorVersion: '1' };
    ok(await proton(em.url, 'CreateEnvironment', { name: 'dev', spec: 'proton: EnvironmentSpec\n', ...t }));
    ok(await proton(em.url, 'CreateService', { name: 'api', spec: 'proton: ServiceSpec\ninstances:\n  - name: first\n    environment: dev\n', ...t }));
    ok(await proton(em.url, 'CreateServiceInstance', { name: 'i1', serviceName: 'api', spec: 'a: 1\n' }));
    ok(await proton(em.url, 'CreateServiceInstance', { name: 'i2', serviceName: 'api', spec: 'a: 1\n' }));
    expect((await list('proton', 'ListEnvironments')).environments.map((e: { name: string }) => e.name)).toEqual(['dev']);
    expect((await list('proton', 'ListServices')).services.map((s: { name: string }) => s.name)).toEqual(['api']);
    const page = await list('proton', 'ListServiceInstances', { serviceName: 'api', maxResults: 1 });
    expect(page.serviceInstances).toMatchObject([{ name: 'i1', serviceName: 'api', environmentName: 'dev' }]);
    const rest = await list('proton', 'ListServiceInstances', { serviceName: 'api', nextToken: page.nextToken });
    expect(rest.serviceInstances.map((i: { name: string }) => i.name)).toEqual(['i2']);
    expect((await proton(em.url, 'ListServiceInstances', { serviceName: 'nope' })).code).toBe('ResourceNotFoundException');
    ok(await proton(em.url, 'DeleteService', { name: 'api' }));
    expect((await list('proton', 'ListServiceInstances')).serviceInstances).toEqual([]);
  });
});
