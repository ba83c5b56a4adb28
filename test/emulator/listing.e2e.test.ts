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

describe('Cloud Map ListOperations', () => {
  it('lists operations by service, type, status and update time, paged', async () => {
    const ns = ok(await cloudMap(em.url, 'CreateHttpNamespace', { Name: 'ops' }));
    const namespaceId = (await waitForOperation(em.url, ns.OperationId)).Targets.NAMESPACE as string;
    const svc = (id: string) => ({ Name: id, NamespaceId: namespaceId });
    const [a, b] = [ok(await cloudMap(em.url, 'CreateService', svc('a'))).Service.Id as string, ok(await cloudMap(em.url, 'CreateService', svc('b'))).Service.Id as string];
    const registered: string[] = [];
    for (const [s, id] of [[a, 'x'], [a, 'y'], [a, 'z'], [b, 'x']] as const) registered.push(ok(await cloudMap(em.url, 'RegisterInstance', { ServiceId: s, InstanceId: id, Attributes: {} })).OperationId);
    const gone = ok(await cloudMap(em.url, 'DeregisterInstance', { ServiceId: a, InstanceId: 'y' })).OperationId as string;
    const f = (Name: string, Values: string[], Condition = 'EQ') => ({ Name, Values, Condition });
    const ids = async (Filters: unknown[], extra: Record<string, unknown> = {}) => (await list('servicediscovery', 'ListOperations', { Filters, ...extra })).Operations.map((o: { Id: string }) => o.Id);

    expect(await ids([f('SERVICE_ID', [a])])).toEqual([...registered.slice(0, 3), gone]);
    expect(await ids([f('SERVICE_ID', [a]), f('TYPE', ['DEREGISTER_INSTANCE']), f('STATUS', ['SUCCESS'])])).toEqual([gone]);
    expect(await ids([f('SERVICE_ID', [b]), f('TYPE', ['REGISTER_INSTANCE', 'DEREGISTER_INSTANCE'], 'IN')])).toEqual([registered[3]]);
    const now = Math.floor(Date.now() / 1000);
    expect(await ids([f('SERVICE_ID', [a]), f('UPDATE_DATE', [String(now - 60), String(now + 60)], 'BETWEEN')])).toHaveLength(4);
    expect(await ids([f('SERVICE_ID', [a]), f('UPDATE_DATE', [String(now - 7200), String(now - 3600)], 'BETWEEN')])).toEqual([]);
    const first = await list('servicediscovery', 'ListOperations', { Filters: [f('SERVICE_ID', [a])], MaxResults: 3 });
    expect(first.Operations).toEqual(registered.slice(0, 3).map((Id) => ({ Id, Status: 'SUCCESS' })));
    const second = await list('servicediscovery', 'ListOperations', { Filters: [f('SERVICE_ID', [a])], MaxResults: 3, NextToken: first.NextToken });
    expect(second.Operations).toEqual([{ Id: gone, Status: 'SUCCESS' }]);
    expect(second.NextToken).toBeUndefined();
    expect((await cloudMap(em.url, 'ListOperations', { NextToken: 'nonsense' })).code).toBe('InvalidInput');
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
