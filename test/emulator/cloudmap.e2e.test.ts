// Cloud Map through the emulator over real loopback HTTP: every documented behaviour of section 2.
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startEmulator, type ManualClock } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { cloudMapContexts } from '../../src/profiles/servicediscovery/contexts.ts';
import { expect as oracle } from '../../src/oracle/index.ts';
import { cloudMap, ok, outputErrors, waitForOperation } from './helpers.ts';

const DELAY = 1000;
let em: RunningEmulator | undefined;
let clock: ManualClock;

afterEach(async () => {
  await em?.close();
  em = undefined;
});

async function start(o: Parameters<typeof startEmulator>[0] = {}) {
  clock = manualClock(Date.UTC(2026, 2, 1));
  em = await startEmulator({ clock, operationDelayMs: DELAY, seed: 'cloudmap-e2e', ...o });
  return em.url;
}

/** Namespace through the API: create, let the operation complete, read its id from GetOperation. */
async function namespace(url: string, op = 'CreateHttpNamespace', input: Record<string, unknown> = { Name: 'team' }): Promise<string> {
  const { OperationId } = ok(await cloudMap(url, op, input));
  clock.advance(DELAY);
  const o = ok(await cloudMap(url, 'GetOperation', { OperationId })).Operation;
  expect(o.Status).toBe('SUCCESS');
  return o.Targets.NAMESPACE;
}

async function service(url: string, input: Record<string, unknown> = {}): Promise<{ Id: string; Arn: string }> {
  const NamespaceId = input.NamespaceId ?? (await namespace(url));
  return ok(await cloudMap(url, 'CreateService', { Name: 'backend', NamespaceId, ...input })).Service;
}

const register = (url: string, ServiceId: string, InstanceId: string, Attributes: Record<string, string>, extra: Record<string, unknown> = {}) =>
  cloudMap(url, 'RegisterInstance', { ServiceId, InstanceId, Attributes, ...extra });

describe('namespaces and services', () => {
  it('creates each namespace type through an operation: SUBMITTED, PENDING, then SUCCESS', async () => {
    const url = await start();
    const cases: [string, Record<string, unknown>][] = [
      ['CreateHttpNamespace', { Name: 'http-ns' }],
      ['CreatePrivateDnsNamespace', { Name: 'internal.local', Vpc: 'vpc-0abc' }],
      ['CreatePublicDnsNamespace', { Name: 'example.com' }],
    ];
    for (const [op, input] of cases) {
      const created = await cloudMap(url, op, input);
      expect(outputErrors('servicediscovery', op, ok(created))).toEqual([]);
      const id = created.body.OperationId;
      expect(id).toMatch(/^[a-z0-9]{32}-[a-z0-9]{8}$/);
      const states: string[] = [];
      for (const step of [0, DELAY / 2, DELAY / 2]) {
        clock.advance(step);
        const got = await cloudMap(url, 'GetOperation', { OperationId: id });
        expect(outputErrors('servicediscovery', 'GetOperation', ok(got))).toEqual([]);
        expect(got.body.Operation).toMatchObject({ Id: id, Type: 'CREATE_NAMESPACE' });
        expect(got.body.Operation.Targets.NAMESPACE).toMatch(/^ns-[a-z0-9]{16}$/);
        states.push(got.body.Operation.Status);
      }
      expect(states).toEqual(['SUBMITTED', 'PENDING', 'SUCCESS']);
    }
  });

  it('creates services with DNS records, routing policy and health checks, and reads them back', async () => {
    const url = await start();
    const ns = await namespace(url, 'CreatePublicDnsNamespace', { Name: 'example.com' });
    const input = {
      Name: 'web', NamespaceId: ns, CreatorRequestId: 'svc-1', Description: 'front',
      DnsConfig: { RoutingPolicy: 'WEIGHTED', DnsRecords: [{ Type: 'A', TTL: 60 }, { Type: 'AAAA', TTL: 60 }] },
      HealthCheckConfig: { Type: 'HTTPS', ResourcePath: '/health', FailureThreshold: 3 },
    };
    const created = await cloudMap(url, 'CreateService', input);
    expect(outputErrors('servicediscovery', 'CreateService', ok(created))).toEqual([]);
    const s = created.body.Service;
    expect(s.Id).toMatch(/^srv-[a-z0-9]{16}$/);
    expect(s).toMatchObject({
      Arn: `arn:aws:servicediscovery:us-east-1:123456789012:service/${s.Id}`, Name: 'web', NamespaceId: ns, Type: 'DNS_HTTP',
      DnsConfig: input.DnsConfig, HealthCheckConfig: input.HealthCheckConfig, InstanceCount: 0, CreatorRequestId: 'svc-1',
    });
    expect(typeof s.CreateDate).toBe('number');
    const got = await cloudMap(url, 'GetService', { Id: s.Arn });
    expect(outputErrors('servicediscovery', 'GetService', ok(got))).toEqual([]);
    expect(got.body.Service).toEqual(s);

    const custom = await cloudMap(url, 'CreateService', { Name: 'custom', NamespaceId: ns, Type: 'HTTP', HealthCheckCustomConfig: { FailureThreshold: 1 }, Description: null });
    expect(outputErrors('servicediscovery', 'CreateService', ok(custom))).toEqual([]);
    expect(custom.body.Service).toMatchObject({ Type: 'HTTP', HealthCheckCustomConfig: { FailureThreshold: 1 } });
    expect(custom.body.Service).not.toHaveProperty('Description'); // null is absent

    const cname = await cloudMap(url, 'CreateService', { Name: 'alias', NamespaceId: ns, DnsConfig: { DnsRecords: [{ Type: 'CNAME', TTL: 60 }] } });
    expect([cname.status, cname.code]).toEqual([400, 'InvalidInput']);
    const dup = await cloudMap(url, 'CreateService', { Name: 'web', NamespaceId: ns });
    expect([dup.status, dup.code, dup.body.ServiceId]).toEqual([400, 'ServiceAlreadyExists', s.Id]);
    const noNs = await cloudMap(url, 'CreateService', { Name: 'x', NamespaceId: 'ns-aaaaaaaaaaaaaaaa' });
    expect([noNs.status, noNs.code]).toEqual([404, 'NamespaceNotFound']);
  });

  it('accepts every service configuration the generators ask the runner to create', async () => {
    const url = await start();
    const ops = { HTTP: 'CreateHttpNamespace', DNS_PRIVATE: 'CreatePrivateDnsNamespace', DNS_PUBLIC: 'CreatePublicDnsNamespace' } as const;
    const ns = {
      HTTP: await namespace(url, ops.HTTP, { Name: 'cf-http' }),
      DNS_PRIVATE: await namespace(url, ops.DNS_PRIVATE, { Name: 'cf.internal', Vpc: 'vpc-1' }),
      DNS_PUBLIC: await namespace(url, ops.DNS_PUBLIC, { Name: 'cf.example.com' }),
    };
    const configs = cloudMapContexts().map((c) => c.context.cloudMap!).filter((c) => c.service !== null);
    expect(configs.length).toBeGreaterThan(3);
    for (const { serviceId, service: c } of configs) {
      const input: Record<string, unknown> = { Name: serviceId, NamespaceId: ns[c!.namespaceType] };
      if (c!.dnsRecords.length) input.DnsConfig = { RoutingPolicy: c!.routingPolicy ?? 'MULTIVALUE', DnsRecords: c!.dnsRecords.map((Type) => ({ Type, TTL: 60 })) };
      else if (c!.namespaceType !== 'HTTP') input.Type = 'HTTP';
      if (c!.healthCheck) input.HealthCheckConfig = { Type: 'HTTP', ResourcePath: '/', FailureThreshold: 1 };
      if (c!.healthCheckCustom) input.HealthCheckCustomConfig = {};
      const r = await cloudMap(url, 'CreateService', input);
      expect([serviceId, r.status, r.text.slice(0, 200)]).toEqual([serviceId, 200, expect.any(String)]);
      // The emulator hands the oracle back exactly the configuration the runner asked for.
      expect(em!.emulator.cloudMap.serviceConfig(r.body.Service.Id)).toEqual(c);
    }
  });

  it('answers ServiceNotFound (404, Message) for unknown services', async () => {
    const url = await start();
    for (const [op, input] of [
      ['GetService', { Id: 'srv-aaaaaaaaaaaaaaaa' }],
      ['RegisterInstance', { ServiceId: 'srv-aaaaaaaaaaaaaaaa', InstanceId: 'i', Attributes: {} }],
      ['GetInstance', { ServiceId: 'srv-aaaaaaaaaaaaaaaa', InstanceId: 'i' }],
      ['ListInstances', { ServiceId: 'srv-aaaaaaaaaaaaaaaa' }],
      ['DeregisterInstance', { ServiceId: 'srv-aaaaaaaaaaaaaaaa', InstanceId: 'i' }],
      ['DeleteService', { Id: 'srv-aaaaaaaaaaaaaaaa' }],
    ] as const) {
      const r = await cloudMap(url, op, input);
      expect([op, r.status, r.code, r.body.__type, r.body.Message]).toEqual([op, 404, 'ServiceNotFound', 'ServiceNotFound', 'Service not found: srv-aaaaaaaaaaaaaaaa']);
    }
  });
});

describe('RegisterInstance', () => {
  it('completes asynchronously: GetOperation SUBMITTED, PENDING, SUCCESS with type and targets; then GetInstance shows it', async () => {
    const url = await start();
    const s = await service(url);
    const r = await register(url, s.Id, 'web-1', { AWS_INSTANCE_IPV4: '192.0.2.44', AWS_INSTANCE_PORT: '80' });
    expect(outputErrors('servicediscovery', 'RegisterInstance', ok(r))).toEqual([]);
    const opId = r.body.OperationId;
    const op = async () => ok(await cloudMap(url, 'GetOperation', { OperationId: opId })).Operation;
    expect(await op()).toMatchObject({ Status: 'SUBMITTED', Type: 'REGISTER_INSTANCE', Targets: { INSTANCE: 'web-1', SERVICE: s.Id } });
    const before = await cloudMap(url, 'GetInstance', { ServiceId: s.Id, InstanceId: 'web-1' });
    expect([before.status, before.code]).toEqual([404, 'InstanceNotFound']);
    clock.advance(DELAY / 2);
    expect((await op()).Status).toBe('PENDING');
    clock.advance(DELAY / 2);
    const done = await op();
    expect(done.Status).toBe('SUCCESS');
    expect(done.UpdateDate - done.CreateDate).toBeCloseTo(DELAY / 1000);
    const got = await cloudMap(url, 'GetInstance', { ServiceId: s.Id, InstanceId: 'web-1' });
    expect(outputErrors('servicediscovery', 'GetInstance', ok(got))).toEqual([]);
    expect(got.body.Instance).toMatchObject({ Id: 'web-1', Attributes: { AWS_INSTANCE_IPV4: '192.0.2.44', AWS_INSTANCE_PORT: '80' } });
  });

  it('completes on the real clock after operationDelayMs', async () => {
    em = await startEmulator({ operationDelayMs: 250 }); // long enough that the first GetOperation sees it in flight
    const url = em.url;
    const { OperationId } = ok(await cloudMap(url, 'CreateHttpNamespace', { Name: 'real' }));
    const nsOp = await waitForOperation(url, OperationId);
    const s = ok(await cloudMap(url, 'CreateService', { Name: 'svc', NamespaceId: nsOp.Targets.NAMESPACE })).Service;
    const r = ok(await register(url, s.Id, 'i-1', { k: 'v' }));
    const first = ok(await cloudMap(url, 'GetOperation', { OperationId: r.OperationId })).Operation.Status;
    expect(['SUBMITTED', 'PENDING']).toContain(first);
    expect((await waitForOperation(url, r.OperationId)).Status).toBe('SUCCESS');
    expect(ok(await cloudMap(url, 'GetInstance', { ServiceId: s.Id, InstanceId: 'i-1' })).Instance.Attributes).toEqual({ k: 'v' });
  });

  it('answers DuplicateRequest with DuplicateOperationId while a request for the same instance is in flight', async () => {
    em = await startEmulator({ operationDelayMs: 60_000 }); // real clock, long delay: the first stays in flight
    const url = em.url;
    const ns = em.emulator.cloudMap.seedNamespace('HTTP', { Name: 'n' });
    if ('error' in ns) throw new Error('seed failed');
    const s = ok(await cloudMap(url, 'CreateService', { Name: 'svc', NamespaceId: ns.value.id })).Service;
    const first = ok(await register(url, s.Id, 'i-1', { v: '1' }));
    const second = await register(url, s.Id, 'i-1', { v: '2' });
    expect([second.status, second.code, second.body.__type]).toEqual([409, 'DuplicateRequest', 'DuplicateRequest']);
    expect(second.body.DuplicateOperationId).toBe(first.OperationId);
    expect(second.body.Message).toContain(first.OperationId);
    expect(ok(await cloudMap(url, 'GetOperation', { OperationId: first.OperationId })).Operation.Status).toBe('SUBMITTED');
    // A different instance of the same service is not blocked.
    ok(await register(url, s.Id, 'i-2', { v: '1' }));
  });

  it('concurrent requests for one instance: one accepted, the rest DuplicateRequest, never 5xx, one instance', async () => {
    const url = await start();
    const s = await service(url);
    const replies = await Promise.all(Array.from({ length: 16 }, (_, i) => register(url, s.Id, 'same', { n: String(i) })));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(15);
    const accepted = replies.find((r) => r.status === 200)!.body.OperationId;
    for (const r of replies.filter((x) => x.status === 409)) expect(r.body.DuplicateOperationId).toBe(accepted);
    clock.advance(DELAY);
    const list = ok(await cloudMap(url, 'ListInstances', { ServiceId: s.Id }));
    expect(list.Instances).toHaveLength(1);
  });

  it('a retry with the same CreatorRequestId and parameters returns the original OperationId and executes nothing', async () => {
    const url = await start();
    const s = await service(url);
    const input = { CreatorRequestId: 'retry-token-1' };
    const first = ok(await register(url, s.Id, 'i-1', { a: '1' }, input));
    const opsAfterFirst = em!.emulator.cloudMap.operations.size;
    // While in flight: the retry is recognised, not refused as a duplicate.
    const inFlight = await register(url, s.Id, 'i-1', { a: '1' }, input);
    expect(ok(inFlight).OperationId).toBe(first.OperationId);
    clock.advance(DELAY);
    // After completion, and after another registration changed the instance: still nothing executed again.
    ok(await register(url, s.Id, 'i-1', { a: 'changed' }));
    clock.advance(DELAY);
    const late = ok(await register(url, s.Arn, 'i-1', { a: '1' }, input));
    expect(late.OperationId).toBe(first.OperationId);
    clock.advance(DELAY);
    expect(ok(await cloudMap(url, 'GetInstance', { ServiceId: s.Id, InstanceId: 'i-1' })).Instance.Attributes).toEqual({ a: 'changed' });
    expect(em!.emulator.cloudMap.operations.size).toBe(opsAfterFirst + 1);
  });

  it('the same CreatorRequestId with different parameters is a DuplicateRequest (inferred) naming the original operation', async () => {
    const url = await start();
    const s = await service(url);
    const first = ok(await register(url, s.Id, 'i-1', { a: '1' }, { CreatorRequestId: 'tok' }));
    clock.advance(DELAY);
    const r = await register(url, s.Id, 'i-2', { a: '1' }, { CreatorRequestId: 'tok' });
    expect([r.status, r.code, r.body.DuplicateOperationId]).toEqual([409, 'DuplicateRequest', first.OperationId]);
    clock.advance(DELAY);
    expect((await cloudMap(url, 'GetInstance', { ServiceId: s.Id, InstanceId: 'i-2' })).code).toBe('InstanceNotFound');
  });

  it('re-registering an existing InstanceId updates it: new attributes, one entry in ListInstances', async () => {
    const url = await start();
    const s = await service(url);
    ok(await register(url, s.Id, 'i-1', { color: 'blue', size: 'L' }));
    clock.advance(DELAY);
    ok(await register(url, s.Id, 'i-1', { color: 'red' }));
    clock.advance(DELAY);
    const got = ok(await cloudMap(url, 'GetInstance', { ServiceId: s.Id, InstanceId: 'i-1' }));
    expect(got.Instance.Attributes).toEqual({ color: 'red' });
    const list = await cloudMap(url, 'ListInstances', { ServiceId: s.Id });
    expect(outputErrors('servicediscovery', 'ListInstances', ok(list))).toEqual([]);
    expect(list.body.Instances).toEqual([{ Id: 'i-1', Attributes: { color: 'red' }, CreatedByAccount: '123456789012' }]);
    expect(ok(await cloudMap(url, 'GetService', { Id: s.Id })).Service.InstanceCount).toBe(1);
  });

  it('refuses the 1,001st instance of a service with ResourceLimitExceeded', async () => {
    const url = await start({ operationDelayMs: 0 });
    const s = await service(url);
    for (let batch = 0; batch < 1000; batch += 50) {
      const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => register(url, s.Id, `i-${batch + i}`, { n: '1' })));
      expect(replies.every((r) => r.status === 200)).toBe(true);
    }
    const over = await register(url, s.Id, 'i-1000', { n: '1' });
    expect([over.status, over.code, over.body.__type]).toEqual([400, 'ResourceLimitExceeded', 'ResourceLimitExceeded']);
    // Updating one of the 1,000 is still allowed.
    expect((await register(url, s.Id, 'i-7', { n: '2' })).status).toBe(200);
    expect(ok(await cloudMap(url, 'GetService', { Id: s.Id })).Service.InstanceCount).toBe(1000);
  });

  it('answers validation errors with InvalidInput and the exact AWS-style message', async () => {
    const url = await start();
    const s = await service(url);
    const long = 'x'.repeat(65);
    const r = await register(url, s.Id, long, { k: 'v' });
    const message = `1 validation error detected: Value '${long}' at 'instanceId' failed to satisfy constraint: Member must have length less than or equal to 64`;
    expect([r.status, r.code, r.body.__type, r.body.Message]).toEqual([400, 'InvalidInput', 'InvalidInput', message]);
    const missing = await cloudMap(url, 'RegisterInstance', { ServiceId: s.Id, InstanceId: 'i' });
    expect(missing.body.Message).toBe("1 validation error detected: Value null at 'attributes' failed to satisfy constraint: Member must not be null");
    // The same payload through the reference validator gives the same answer (one source of truth).
    const e = oracle('RegisterInstance', { ServiceId: s.Id, InstanceId: long, Attributes: { k: 'v' } }, {});
    expect(e.outcome === 'error' && [e.codes[0], e.message]).toEqual(['InvalidInput', message]);
  });

  it('applies the service-dependent attribute rules from the service configuration', async () => {
    const url = await start();
    const ns = await namespace(url, 'CreatePrivateDnsNamespace', { Name: 'corp.local', Vpc: 'vpc-1' });
    const srv = ok(await cloudMap(url, 'CreateService', {
      Name: 'srv', NamespaceId: ns, DnsConfig: { DnsRecords: [{ Type: 'SRV', TTL: 30 }] },
    })).Service;
    const a = ok(await cloudMap(url, 'CreateService', { Name: 'a', NamespaceId: ns, DnsConfig: { DnsRecords: [{ Type: 'A', TTL: 30 }] } })).Service;
    const noIp = await register(url, a.Id, 'i', { AWS_INSTANCE_PORT: '80' });
    expect([noIp.status, noIp.code, noIp.body.Message]).toEqual([400, 'InvalidInput', 'AWS_INSTANCE_IPV4 is required because the service includes settings for an A record.']);
    const noPort = await register(url, srv.Id, 'i', { AWS_INSTANCE_IPV4: '10.0.0.1' });
    expect([noPort.code, noPort.body.Message]).toEqual(['InvalidInput', 'A valid port number must be supplied.']);
    const ec2 = await register(url, a.Id, 'i', { AWS_EC2_INSTANCE_ID: 'i-0123' });
    expect(ec2.code).toBe('InvalidInput'); // HTTP namespaces only
    expect((await register(url, srv.Id, 'i', { AWS_INSTANCE_IPV6: '2001:db8::1', AWS_INSTANCE_PORT: '443' })).status).toBe(200);
    const tooMany = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, 'v']));
    expect((await register(url, srv.Id, 'j', { ...tooMany, AWS_INSTANCE_IPV4: '10.0.0.1', AWS_INSTANCE_PORT: '1' })).code).toBe('InvalidInput');
  });
});

describe('instances, operations and deletion', () => {
  it('deregisters asynchronously and reports unknown instances and operations', async () => {
    const url = await start();
    const s = await service(url);
    ok(await register(url, s.Id, 'i-1', { k: 'v' }));
    clock.advance(DELAY);
    const unknown = await cloudMap(url, 'DeregisterInstance', { ServiceId: s.Id, InstanceId: 'nope' });
    expect([unknown.status, unknown.code]).toEqual([404, 'InstanceNotFound']);
    const d = await cloudMap(url, 'DeregisterInstance', { ServiceId: s.Id, InstanceId: 'i-1' });
    expect(outputErrors('servicediscovery', 'DeregisterInstance', ok(d))).toEqual([]);
    const again = await cloudMap(url, 'DeregisterInstance', { ServiceId: s.Id, InstanceId: 'i-1' });
    expect([again.code, again.body.DuplicateOperationId]).toEqual(['DuplicateRequest', d.body.OperationId]);
    clock.advance(DELAY);
    const op = ok(await cloudMap(url, 'GetOperation', { OperationId: d.body.OperationId })).Operation;
    expect(op).toMatchObject({ Type: 'DEREGISTER_INSTANCE', Status: 'SUCCESS', Targets: { INSTANCE: 'i-1', SERVICE: s.Id } });
    expect(ok(await cloudMap(url, 'ListInstances', { ServiceId: s.Id })).Instances).toEqual([]);
    const noOp = await cloudMap(url, 'GetOperation', { OperationId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-bbbbbbbb' });
    expect([noOp.status, noOp.code, noOp.body.__type]).toEqual([404, 'OperationNotFound', 'OperationNotFound']);
  });

  it('pages ListInstances with MaxResults and NextToken, and refuses a forged token', async () => {
    const url = await start({ operationDelayMs: 0 });
    const s = await service(url);
    for (let i = 0; i < 5; i++) ok(await register(url, s.Id, `i-${i}`, { n: String(i) }));
    const ids: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 10; page++) {
      const r = ok(await cloudMap(url, 'ListInstances', { ServiceId: s.Id, MaxResults: 2, ...(token ? { NextToken: token } : {}) }));
      ids.push(...r.Instances.map((i: { Id: string }) => i.Id));
      token = r.NextToken;
      if (!token) break;
    }
    expect(ids).toEqual(['i-0', 'i-1', 'i-2', 'i-3', 'i-4']);
    const forged = await cloudMap(url, 'ListInstances', { ServiceId: s.Id, NextToken: 'garbage' });
    expect([forged.status, forged.code]).toEqual([400, 'InvalidInput']);
  });

  it('refuses to delete non-empty services and namespaces (ResourceInUse), then deletes them', async () => {
    const url = await start();
    const s = await service(url);
    const nsId = ok(await cloudMap(url, 'GetService', { Id: s.Id })).Service.NamespaceId;
    ok(await register(url, s.Id, 'i-1', { k: 'v' }));
    clock.advance(DELAY);
    const inUse = await cloudMap(url, 'DeleteService', { Id: s.Id });
    expect([inUse.status, inUse.code]).toEqual([409, 'ResourceInUse']);
    const nsInUse = await cloudMap(url, 'DeleteNamespace', { Id: nsId });
    expect([nsInUse.status, nsInUse.code]).toEqual([409, 'ResourceInUse']);
    ok(await cloudMap(url, 'DeregisterInstance', { ServiceId: s.Id, InstanceId: 'i-1' }));
    clock.advance(DELAY);
    expect(ok(await cloudMap(url, 'DeleteService', { Id: s.Id }))).toEqual({});
    expect((await cloudMap(url, 'GetService', { Id: s.Id })).code).toBe('ServiceNotFound');
    const del = ok(await cloudMap(url, 'DeleteNamespace', { Id: nsId }));
    clock.advance(DELAY);
    expect(ok(await cloudMap(url, 'GetOperation', { OperationId: del.OperationId })).Operation).toMatchObject({ Type: 'DELETE_NAMESPACE', Status: 'SUCCESS' });
    expect((await cloudMap(url, 'CreateService', { Name: 'late', NamespaceId: nsId })).code).toBe('NamespaceNotFound');
    expect((await cloudMap(url, 'DeleteNamespace', { Id: nsId })).code).toBe('NamespaceNotFound');
  });
});

describe('deterministic ids', () => {
  const run = async (seed: string) => {
    const e = await startEmulator({ seed, clock: manualClock(0), operationDelayMs: 0 });
    try {
      const op = ok(await cloudMap(e.url, 'CreateHttpNamespace', { Name: 'n' })).OperationId;
      const ns = ok(await cloudMap(e.url, 'GetOperation', { OperationId: op })).Operation.Targets.NAMESPACE;
      const srv = ok(await cloudMap(e.url, 'CreateService', { Name: 's', NamespaceId: ns })).Service.Id;
      const reg = ok(await register(e.url, srv, 'i', {})).OperationId;
      e.reset();
      const afterReset = ok(await cloudMap(e.url, 'CreateHttpNamespace', { Name: 'n' })).OperationId;
      return { op, ns, srv, reg, afterReset };
    } finally {
      await e.close();
    }
  };

  it('gives the same ids for the same seed and calls, other ids for another seed; reset restarts the sequence', async () => {
    const a = await run('seed-a');
    expect(await run('seed-a')).toEqual(a);
    expect((await run('seed-b')).srv).not.toBe(a.srv);
    expect(a.afterReset).toBe(a.op);
  });
});
