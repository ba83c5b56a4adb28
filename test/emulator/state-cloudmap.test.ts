// Unit tests of the Cloud Map state module: no network, no validator, a manual clock.
import { beforeEach, describe, expect, it } from 'vitest';
import { manualClock, type ManualClock } from '../../src/emulator/clock.ts';
import { createIds, fingerprint } from '../../src/emulator/ids.ts';
import { CloudMapState, type CreateServiceInput } from '../../src/emulator/state/cloudmap.ts';

const DELAY = 100;
let clock: ManualClock;
let cm: CloudMapState;

const make = (instanceLimit?: number) =>
  new CloudMapState({ clock, ids: createIds('unit'), operationDelayMs: DELAY, region: 'us-east-1', accountId: '123456789012', instanceLimit });

function value<T>(r: { value: T } | { error: unknown }): T {
  if ('error' in r) throw new Error(`unexpected error ${JSON.stringify(r.error)}`);
  return r.value;
}
function error(r: { value: unknown } | { error: { code: string; message: string; extra?: Record<string, unknown> } }) {
  if (!('error' in r)) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
}

let nsCount = 0;
function httpService(over: Partial<CreateServiceInput> = {}, state: CloudMapState = cm) {
  const ns = value(state.seedNamespace('HTTP', { Name: `ns-${++nsCount}` }));
  return value(state.createService({ Name: 'svc', NamespaceId: ns.id, ...over }));
}

beforeEach(() => {
  clock = manualClock(Date.UTC(2026, 0, 1));
  cm = make();
});

describe('CloudMapState namespaces', () => {
  it('creates a namespace only when its operation completes, with SUBMITTED → PENDING → SUCCESS', () => {
    const { operationId } = value(cm.createNamespace('HTTP', { Name: 'team' }));
    const nsId = cm.getOperation(operationId)!.op.targets.NAMESPACE!;
    expect(nsId).toMatch(/^ns-[a-z0-9]{16}$/);
    expect(cm.getOperation(operationId)!.status).toBe('SUBMITTED');
    expect(cm.getNamespace(nsId)).toBeUndefined();
    clock.advance(DELAY / 2);
    expect(cm.getOperation(operationId)!.status).toBe('PENDING');
    expect(cm.getNamespace(nsId)).toBeUndefined();
    clock.advance(DELAY / 2);
    const done = cm.getOperation(operationId)!;
    expect(done.status).toBe('SUCCESS');
    expect(done.op.type).toBe('CREATE_NAMESPACE');
    expect(cm.getNamespace(nsId)?.name).toBe('team');
    expect(cm.getNamespace(cm.getNamespace(nsId)!.arn)?.id).toBe(nsId);
  });

  it('refuses a second namespace of the same type and name, even while the first is pending', () => {
    value(cm.createNamespace('HTTP', { Name: 'dup' }));
    expect(error(cm.createNamespace('HTTP', { Name: 'dup' })).code).toBe('NamespaceAlreadyExists');
    clock.advance(DELAY);
    const e = error(cm.createNamespace('HTTP', { Name: 'dup', CreatorRequestId: 'other' }));
    expect(e.code).toBe('NamespaceAlreadyExists');
    expect(e.extra?.NamespaceId).toMatch(/^ns-/);
  });

  it('replays a namespace creation with the same CreatorRequestId and parameters', () => {
    const a = value(cm.createNamespace('HTTP', { Name: 'idem', CreatorRequestId: 't1' }));
    const b = value(cm.createNamespace('HTTP', { Name: 'idem', CreatorRequestId: 't1' }));
    expect(b.operationId).toBe(a.operationId);
    expect(error(cm.createNamespace('HTTP', { Name: 'other', CreatorRequestId: 't1' })).code).toBe('DuplicateRequest');
  });

  it('refuses to delete a namespace that still has services, then deletes it asynchronously', () => {
    const s = httpService();
    expect(error(cm.deleteNamespace(s.namespaceId)).code).toBe('ResourceInUse');
    value(cm.deleteService(s.id));
    const { operationId } = value(cm.deleteNamespace(s.namespaceId));
    expect(error(cm.deleteNamespace(s.namespaceId)).extra?.DuplicateOperationId).toBe(operationId);
    clock.advance(DELAY);
    expect(cm.getNamespace(s.namespaceId)).toBeUndefined();
    expect(cm.getOperation(operationId)!.op.type).toBe('DELETE_NAMESPACE');
    expect(error(cm.deleteNamespace(s.namespaceId)).code).toBe('NamespaceNotFound');
  });
});

describe('CloudMapState services', () => {
  it('creates services with AWS-looking ids, found by id and by ARN', () => {
    const s = httpService();
    expect(s.id).toMatch(/^srv-[a-z0-9]{16}$/);
    expect(s.arn).toBe(`arn:aws:servicediscovery:us-east-1:123456789012:service/${s.id}`);
    expect(cm.getService(s.arn)).toBe(s);
    expect(s.type).toBe('HTTP');
  });

  it('enforces the documented CreateService combinations', () => {
    const dnsNs = value(cm.seedNamespace('DNS_PUBLIC', { Name: 'example.com' }));
    const privNs = value(cm.seedNamespace('DNS_PRIVATE', { Name: 'internal', Vpc: 'vpc-1' }));
    const httpNs = value(cm.seedNamespace('HTTP', { Name: 'h' }));
    const dns = (types: string[], RoutingPolicy?: 'MULTIVALUE' | 'WEIGHTED') =>
      ({ DnsRecords: types.map((Type) => ({ Type: Type as 'A', TTL: 60 })), ...(RoutingPolicy ? { RoutingPolicy } : {}) });
    const bad = (input: Omit<CreateServiceInput, 'Name'>) => error(cm.createService({ Name: 'x', ...input })).code;
    expect(bad({ NamespaceId: dnsNs.id, DnsConfig: dns(['CNAME', 'A'], 'WEIGHTED') })).toBe('InvalidInput');
    expect(bad({ NamespaceId: dnsNs.id, DnsConfig: dns(['A', 'A']) })).toBe('InvalidInput');
    expect(bad({ NamespaceId: dnsNs.id, DnsConfig: dns([]) })).toBe('InvalidInput');
    expect(bad({ NamespaceId: dnsNs.id, DnsConfig: dns(['CNAME']) })).toBe('InvalidInput'); // needs WEIGHTED
    expect(bad({ NamespaceId: dnsNs.id, DnsConfig: dns(['CNAME'], 'WEIGHTED'), HealthCheckConfig: { Type: 'HTTP' } })).toBe('InvalidInput');
    expect(bad({ NamespaceId: httpNs.id, DnsConfig: dns(['A']) })).toBe('InvalidInput');
    expect(bad({ NamespaceId: privNs.id, DnsConfig: dns(['A']), HealthCheckConfig: { Type: 'TCP' } })).toBe('InvalidInput');
    expect(bad({ NamespaceId: httpNs.id, HealthCheckConfig: { Type: 'HTTP' }, HealthCheckCustomConfig: {} })).toBe('InvalidInput');
    expect(bad({ NamespaceId: 'ns-doesnotexist0000' })).toBe('NamespaceNotFound');
    // A and SRV together: not in the documented list, but used in practice (ECS service discovery).
    expect(value(cm.createService({ Name: 'a-srv', NamespaceId: dnsNs.id, DnsConfig: dns(['A', 'SRV'], 'WEIGHTED'), HealthCheckConfig: { Type: 'HTTP' } })).type).toBe('DNS_HTTP');
    const ok = value(cm.createService({ Name: 'both', DnsConfig: { ...dns(['AAAA', 'A']), NamespaceId: dnsNs.id } }));
    expect(ok.type).toBe('DNS_HTTP');
    expect(ok.dnsConfig?.RoutingPolicy).toBe('MULTIVALUE');
    expect(cm.serviceConfig(ok.id)).toEqual({
      namespaceType: 'DNS_PUBLIC', dnsRecords: ['AAAA', 'A'], routingPolicy: 'MULTIVALUE', healthCheck: false, healthCheckCustom: false,
    });
  });

  it('answers ServiceAlreadyExists for a taken name, and replays a same-token creation', () => {
    const s = httpService({ CreatorRequestId: 'c1' });
    const again = value(cm.createService({ Name: 'svc', NamespaceId: s.namespaceId, CreatorRequestId: 'c1' }));
    expect(again.id).toBe(s.id);
    const e = error(cm.createService({ Name: 'SVC', NamespaceId: s.namespaceId }));
    expect(e.code).toBe('ServiceAlreadyExists');
    expect(e.extra).toMatchObject({ ServiceId: s.id, ServiceArn: s.arn, CreatorRequestId: 'c1' });
    expect(cm.services.size).toBe(1);
  });

  it('has no configuration for an unknown service', () => {
    expect(cm.serviceConfig('srv-nope')).toBeNull();
  });
});

describe('CloudMapState instances', () => {
  it('registers asynchronously: the instance exists once the operation has completed', () => {
    const s = httpService();
    const { operationId, replayed } = value(cm.registerInstance({ ServiceId: s.id, InstanceId: 'i-1', Attributes: { k: 'v' } }));
    expect(replayed).toBe(false);
    expect(operationId).toMatch(/^[a-z0-9]{32}-[a-z0-9]{8}$/);
    expect(cm.getOperation(operationId)!.op.targets).toEqual({ INSTANCE: 'i-1', SERVICE: s.id });
    expect(s.instances.has('i-1')).toBe(false);
    clock.advance(DELAY);
    expect(cm.getOperation(operationId)!.status).toBe('SUCCESS');
    expect(s.instances.get('i-1')?.attributes).toEqual({ k: 'v' });
  });

  it('re-registering an instance id updates the one instance', () => {
    const s = httpService();
    value(cm.registerInstance({ ServiceId: s.id, InstanceId: 'i-1', Attributes: { k: 'v1' } }));
    clock.advance(DELAY);
    value(cm.registerInstance({ ServiceId: s.id, InstanceId: 'i-1', Attributes: { k: 'v2', extra: 'x' } }));
    clock.advance(DELAY);
    cm.settle();
    expect(s.instances.size).toBe(1);
    expect(s.instances.get('i-1')?.attributes).toEqual({ k: 'v2', extra: 'x' });
  });

  it('rejects a second request for the same instance while one is in flight, with DuplicateOperationId', () => {
    const s = httpService();
    const first = value(cm.registerInstance({ ServiceId: s.id, InstanceId: 'i-1', Attributes: {} }));
    const e = error(cm.registerInstance({ ServiceId: s.id, InstanceId: 'i-1', Attributes: { changed: 'yes' } }));
    expect(e.code).toBe('DuplicateRequest');
    expect(e.extra?.DuplicateOperationId).toBe(first.operationId);
    expect(e.message).toContain(first.operationId);
    // Another instance of the same service is not blocked.
    value(cm.registerInstance({ ServiceId: s.id, InstanceId: 'i-2', Attributes: {} }));
    clock.advance(DELAY);
    value(cm.registerInstance({ ServiceId: s.id, InstanceId: 'i-1', Attributes: { changed: 'yes' } }));
  });

  it('replays a same-token, same-parameters request without executing it again', () => {
    const s = httpService();
    const input = { ServiceId: s.id, InstanceId: 'i-1', CreatorRequestId: 'tok', Attributes: { a: '1', b: '2' } };
    const first = value(cm.registerInstance(input));
    const opsBefore = cm.operations.size;
    // Same parameters with keys in another order, still in flight: the original operation, no DuplicateRequest.
    const retry = value(cm.registerInstance({ ...input, Attributes: { b: '2', a: '1' } }));
    expect(retry).toEqual({ operationId: first.operationId, replayed: true });
    clock.advance(DELAY);
    const later = value(cm.registerInstance(input));
    expect(later.operationId).toBe(first.operationId);
    expect(cm.operations.size).toBe(opsBefore);
    // The same token with the ARN instead of the id names the same service: same parameters.
    expect(value(cm.registerInstance({ ...input, ServiceId: s.arn })).operationId).toBe(first.operationId);
  });

  it('answers DuplicateRequest for the same token with different parameters (inferred)', () => {
    const s = httpService();
    const first = value(cm.registerInstance({ ServiceId: s.id, InstanceId: 'i-1', CreatorRequestId: 'tok', Attributes: { a: '1' } }));
    clock.advance(DELAY);
    const e = error(cm.registerInstance({ ServiceId: s.id, InstanceId: 'i-1', CreatorRequestId: 'tok', Attributes: { a: '2' } }));
    expect(e.code).toBe('DuplicateRequest');
    expect(e.extra?.DuplicateOperationId).toBe(first.operationId);
    expect(s.instances.get('i-1')?.attributes).toEqual({ a: '1' });
  });

  it('counts pending registrations against the per-service instance limit', () => {
    cm = make(3);
    const s = httpService();
    for (const id of ['a', 'b', 'c']) value(cm.registerInstance({ ServiceId: s.id, InstanceId: id, Attributes: {} }));
    expect(error(cm.registerInstance({ ServiceId: s.id, InstanceId: 'd', Attributes: {} })).code).toBe('ResourceLimitExceeded');
    clock.advance(DELAY);
    // Updating an existing instance at the limit is fine.
    value(cm.registerInstance({ ServiceId: s.id, InstanceId: 'a', Attributes: { new: 'attr' } }));
    value(cm.deregisterInstance(s.id, 'b'));
    expect(error(cm.registerInstance({ ServiceId: s.id, InstanceId: 'd', Attributes: {} })).code).toBe('ResourceLimitExceeded');
    clock.advance(DELAY);
    value(cm.registerInstance({ ServiceId: s.id, InstanceId: 'd', Attributes: {} }));
  });

  it('has the documented default limit of 1,000 instances per service', () => {
    const s = httpService();
    for (let i = 0; i < 1000; i++) value(cm.registerInstance({ ServiceId: s.id, InstanceId: `i-${i}`, Attributes: {} }));
    expect(error(cm.registerInstance({ ServiceId: s.id, InstanceId: 'one-too-many', Attributes: {} })).code).toBe('ResourceLimitExceeded');
  });

  it('fills AWS_INSTANCE_IPV4 for an AWS_EC2_INSTANCE_ID registration, deterministically', () => {
    const s = httpService();
    value(cm.registerInstance({ ServiceId: s.id, InstanceId: 'ec2', Attributes: { AWS_EC2_INSTANCE_ID: 'i-0abc' } }));
    clock.advance(DELAY);
    cm.settle();
    const ip = s.instances.get('ec2')!.attributes.AWS_INSTANCE_IPV4;
    expect(ip).toMatch(/^10\.\d{1,3}\.\d{1,3}\.\d{1,3}$/);
    const other = make();
    const s2 = httpService({}, other);
    value(other.registerInstance({ ServiceId: s2.id, InstanceId: 'ec2', Attributes: { AWS_EC2_INSTANCE_ID: 'i-0abc' } }));
    clock.advance(DELAY);
    other.settle();
    expect(s2.instances.get('ec2')!.attributes.AWS_INSTANCE_IPV4).toBe(ip);
  });

  it('deregisters asynchronously; unknown instances and services are reported', () => {
    const s = httpService();
    expect(error(cm.deregisterInstance(s.id, 'nope')).code).toBe('InstanceNotFound');
    expect(error(cm.deregisterInstance('srv-nope', 'x')).code).toBe('ServiceNotFound');
    expect(error(cm.registerInstance({ ServiceId: 'srv-nope', InstanceId: 'x', Attributes: {} })).code).toBe('ServiceNotFound');
    value(cm.registerInstance({ ServiceId: s.id, InstanceId: 'i-1', Attributes: {} }));
    clock.advance(DELAY);
    expect(error(cm.deleteService(s.id)).code).toBe('ResourceInUse');
    const { operationId } = value(cm.deregisterInstance(s.id, 'i-1'));
    expect(error(cm.registerInstance({ ServiceId: s.id, InstanceId: 'i-1', Attributes: {} })).extra?.DuplicateOperationId).toBe(operationId);
    clock.advance(DELAY);
    expect(cm.getOperation(operationId)!.op.type).toBe('DEREGISTER_INSTANCE');
    expect(s.instances.size).toBe(0);
    value(cm.deleteService(s.id));
    expect(cm.getService(s.id)).toBeUndefined();
  });

  it('completes operations immediately when the delay is 0', () => {
    cm = new CloudMapState({ clock, ids: createIds(1), operationDelayMs: 0, region: 'us-east-1', accountId: '123456789012' });
    const s = httpService();
    const { operationId } = value(cm.registerInstance({ ServiceId: s.id, InstanceId: 'i', Attributes: {} }));
    expect(cm.getOperation(operationId)!.status).toBe('SUCCESS');
    expect(s.instances.has('i')).toBe(true);
  });
});

describe('ids', () => {
  it('are deterministic per seed and differ between seeds', () => {
    const a = createIds('s'), b = createIds('s'), c = createIds('t');
    const seq = (ids: ReturnType<typeof createIds>) => [ids.serviceId(), ids.namespaceId(), ids.operationId(), ids.uuid()];
    const sa = seq(a);
    expect(seq(b)).toEqual(sa);
    expect(seq(c)).not.toEqual(sa);
    expect(sa[3]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('fingerprint: same for the same parameters in any key order, null as absent; different otherwise', () => {
    expect(fingerprint({ a: '1', b: { c: [1, 'x'] } })).toBe(fingerprint({ b: { c: [1, 'x'] }, a: '1', d: null }));
    const distinct = [
      { a: '1' }, { a: '2' }, { a: 1 }, { a: true }, { a: 'bc' }, { ab: 'c' }, { a: ['x', 'y'] }, { a: ['y', 'x'] },
      { a: ['xy'] }, { a: { b: '' } }, { a: '' }, {}, { s: 'x'.repeat(51_200) }, { s: 'x'.repeat(51_199) },
    ].map(fingerprint);
    expect(new Set(distinct).size).toBe(distinct.length);
  });
});
