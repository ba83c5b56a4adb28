// Cloud Map in memory: namespaces, services, instances and asynchronous operations. Pure state: time comes
// from the injected clock, ids from the injected generator; no timers and no I/O. Inputs are already
// validated against the model (routes run the oracle first); this module enforces what needs state.
//
// Operations complete lazily: each has `completesAt = submitted + operationDelayMs`; every public method
// first applies the operations that are due (`settle`). Nothing can observe the difference from a timer.
import type { CloudMapServiceConfig, DnsRecordType, NamespaceType } from '../../contract/context.ts';
import { fail, type EmulatorError, type StateOptions, type StateResult } from '../types.ts';
import { profileOf, type Profile } from '../../profiles/index.ts';
import { serviceConfigOf } from '../../profiles/servicediscovery/serviceConfig.ts';
import { IdempotencyLedger } from './idempotency.ts';
import { notFoundAnswer, stateAnswer } from './stateAnswer.ts';

const REGISTER = profileOf('servicediscovery#RegisterInstance');
const DEREGISTER = profileOf('servicediscovery#DeregisterInstance');
// The three namespace creates share one token space here (a token names one request, whatever its type).
const CREATE_NAMESPACE = profileOf('servicediscovery#CreateHttpNamespace');
const CREATE_SERVICE = profileOf('servicediscovery#CreateService');

export type OperationType = 'CREATE_NAMESPACE' | 'DELETE_NAMESPACE' | 'REGISTER_INSTANCE' | 'DEREGISTER_INSTANCE';
export type OperationStatus = 'SUBMITTED' | 'PENDING' | 'SUCCESS' | 'FAIL';
export type TargetType = 'NAMESPACE' | 'SERVICE' | 'INSTANCE';

export interface NamespaceRecord {
  id: string; arn: string; name: string; type: NamespaceType;
  description?: string; creatorRequestId?: string; vpc?: string; soaTtl?: number;
  createDate: number; deleting: boolean;
}
export interface DnsRecord { Type: DnsRecordType; TTL: number }
export interface DnsConfig { NamespaceId?: string; RoutingPolicy?: 'MULTIVALUE' | 'WEIGHTED'; DnsRecords: DnsRecord[] }
export interface HealthCheckConfig { Type: 'HTTP' | 'HTTPS' | 'TCP'; ResourcePath?: string; FailureThreshold?: number }
export interface InstanceRecord { id: string; creatorRequestId?: string; attributes: Record<string, string> }
export interface ServiceRecord {
  id: string; arn: string; name: string; namespaceId: string; description?: string;
  dnsConfig?: DnsConfig; type: 'HTTP' | 'DNS_HTTP' | 'DNS';
  healthCheckConfig?: HealthCheckConfig; healthCheckCustomConfig?: { FailureThreshold?: number };
  createDate: number; creatorRequestId?: string;
  instances: Map<string, InstanceRecord>;
  /** Existing instances plus new ones being registered: what the per-service instance quota counts. */
  reserved: Set<string>;
  /** Operations in flight on this service's instances. */
  inflight: number;
}
export interface OperationRecord {
  id: string; type: OperationType; createdAt: number; completesAt: number;
  targets: Partial<Record<TargetType, string>>; done: boolean; apply: () => void;
}

export interface CreateNamespaceInput {
  Name: string; CreatorRequestId?: string; Description?: string; Vpc?: string;
  Properties?: { DnsProperties?: { SOA?: { TTL?: number } } };
}
export interface CreateServiceInput {
  Name: string; NamespaceId?: string; CreatorRequestId?: string; Description?: string; DnsConfig?: DnsConfig;
  HealthCheckConfig?: HealthCheckConfig; HealthCheckCustomConfig?: { FailureThreshold?: number }; Type?: 'HTTP';
}
export interface RegisterInstanceInput { ServiceId: string; InstanceId: string; CreatorRequestId?: string; Attributes: Record<string, string> }

export interface CloudMapStateOptions extends StateOptions {
  /** Cloud Map quota: instances per service (the profile's: 1,000). */
  instanceLimit?: number;
  /** Completed operations kept for GetOperation before the oldest are forgotten (memory bound). */
  maxOperations?: number;
}

const DONE = (): void => {};

export interface OperationView { op: OperationRecord; status: OperationStatus; updateDate: number }
/** An operation's status at `now`: submitted for the first half of its time, pending for the second, then done. */
function statusNow(op: OperationRecord, now: number): OperationView {
  if (op.done) return { op, status: 'SUCCESS', updateDate: op.completesAt };
  const half = op.createdAt + (op.completesAt - op.createdAt) / 2;
  return now < half ? { op, status: 'SUBMITTED', updateDate: op.createdAt } : { op, status: 'PENDING', updateDate: half };
}

export class CloudMapState {
  readonly namespaces = new Map<string, NamespaceRecord>();
  readonly services = new Map<string, ServiceRecord>();
  readonly operations = new Map<string, OperationRecord>();
  private readonly byArn = new Map<string, string>(); // namespace and service ARNs → id
  private readonly namespaceKeys = new Map<string, string>(); // type|name|vpc → namespace id or pending operation id
  private readonly inflight = new Map<string, string>(); // service id \0 instance id → operation id
  // Token → what the first request did: an operation id (namespaces, instances) or a service id.
  private readonly registerTokens: IdempotencyLedger<string>;
  private readonly namespaceTokens: IdempotencyLedger<string>;
  private readonly serviceTokens: IdempotencyLedger<string>;
  private pending: OperationRecord[] = [];
  private readonly instanceLimit: number;
  private readonly maxOperations: number;

  constructor(private readonly o: CloudMapStateOptions) {
    this.instanceLimit = o.instanceLimit ?? REGISTER.creates!.limit!.count;
    this.maxOperations = o.maxOperations ?? 200_000;
    const byOperation = (profile: Profile) => new IdempotencyLedger<string>(profile, o.clock, (ref) => ({ text: ` by operation ${ref}`, extra: { DuplicateOperationId: ref } }));
    this.registerTokens = byOperation(REGISTER);
    this.namespaceTokens = byOperation(CREATE_NAMESPACE);
    this.serviceTokens = new IdempotencyLedger<string>(CREATE_SERVICE, o.clock);
  }

  now(): number { return this.o.clock.now(); }
  get accountId(): string { return this.o.accountId; }

  /** Applies every operation whose completion time has come, in completion order. */
  settle(now = this.now()): void {
    let i = 0;
    while (i < this.pending.length && this.pending[i].completesAt <= now) {
      const op = this.pending[i++];
      op.done = true;
      op.apply();
      op.apply = DONE; // let the closure (and the attributes it holds) go
    }
    if (i > 0) this.pending = this.pending.slice(i);
  }

  // ---- namespaces -------------------------------------------------------------------------------

  createNamespace(type: NamespaceType, input: CreateNamespaceInput): StateResult<{ operationId: string }> {
    this.settle();
    const payload = input as unknown as Record<string, unknown>;
    const token = this.namespaceTokens.check(payload, { type });
    if (token) return 'error' in token ? token : { value: { operationId: token.replay } };
    const key = `${type}|${input.Name}|${input.Vpc ?? ''}`;
    const existing = this.namespaceKeys.get(key);
    if (existing !== undefined) {
      const ns = this.namespaces.get(existing);
      return fail('NamespaceAlreadyExists', `Namespace ${input.Name} already exists`, {
        ...(ns?.creatorRequestId !== undefined ? { CreatorRequestId: ns.creatorRequestId } : {}),
        ...(ns ? { NamespaceId: ns.id } : {}),
      });
    }
    const id = this.o.ids.namespaceId();
    const op = this.submit('CREATE_NAMESPACE', { NAMESPACE: id }, () => {
      this.addNamespace(id, type, input, op.completesAt);
    });
    this.namespaceKeys.set(key, op.id);
    this.namespaceTokens.remember(payload, op.id, { type });
    return { value: { operationId: op.id } };
  }

  /** Creates a namespace at once (emulator seeding; no operation). */
  seedNamespace(type: NamespaceType, input: CreateNamespaceInput): StateResult<NamespaceRecord> {
    this.settle();
    const key = `${type}|${input.Name}|${input.Vpc ?? ''}`;
    if (this.namespaceKeys.has(key)) return fail('NamespaceAlreadyExists', `Namespace ${input.Name} already exists`);
    return { value: this.addNamespace(this.o.ids.namespaceId(), type, input, this.now()) };
  }

  private addNamespace(id: string, type: NamespaceType, input: CreateNamespaceInput, at: number): NamespaceRecord {
    const ns: NamespaceRecord = {
      id, arn: `arn:aws:servicediscovery:${this.o.region}:${this.o.accountId}:namespace/${id}`,
      name: input.Name, type, description: input.Description, creatorRequestId: input.CreatorRequestId,
      vpc: input.Vpc, soaTtl: input.Properties?.DnsProperties?.SOA?.TTL, createDate: at, deleting: false,
    };
    this.namespaces.set(id, ns);
    this.byArn.set(ns.arn, id);
    this.namespaceKeys.set(`${type}|${input.Name}|${input.Vpc ?? ''}`, id);
    return ns;
  }

  getNamespace(idOrArn: string): NamespaceRecord | undefined {
    this.settle();
    return this.namespaces.get(this.byArn.get(idOrArn) ?? idOrArn);
  }

  deleteNamespace(idOrArn: string): StateResult<{ operationId: string }> {
    const ns = this.getNamespace(idOrArn);
    if (!ns) return fail('NamespaceNotFound', `Namespace not found: ${idOrArn}`);
    for (const s of this.services.values()) {
      if (s.namespaceId === ns.id) return fail('ResourceInUse', `Namespace ${ns.id} contains one or more services`);
    }
    const busy = this.inflight.get(`ns\0${ns.id}`);
    if (busy) return fail('DuplicateRequest', `Another operation of type DeleteNamespace and id ${busy} is in progress`, { DuplicateOperationId: busy });
    ns.deleting = true;
    const op = this.submit('DELETE_NAMESPACE', { NAMESPACE: ns.id }, () => {
      this.namespaces.delete(ns.id);
      this.byArn.delete(ns.arn);
      this.namespaceKeys.delete(`${ns.type}|${ns.name}|${ns.vpc ?? ''}`);
      this.inflight.delete(`ns\0${ns.id}`);
    });
    this.inflight.set(`ns\0${ns.id}`, op.id);
    return { value: { operationId: op.id } };
  }

  // ---- services ---------------------------------------------------------------------------------

  createService(input: CreateServiceInput): StateResult<ServiceRecord> {
    this.settle();
    const payload = input as unknown as Record<string, unknown>;
    const token = this.serviceTokens.check(payload);
    const replayed = token && 'replay' in token ? this.services.get(token.replay) : undefined;
    if (replayed) return { value: replayed }; // retry of a request that already succeeded: the same service, nothing new
    // A mismatch goes on to the checks below (ServiceAlreadyExists names the original token): declared, unlike a mismatch code.
    const nsRef = input.NamespaceId ?? input.DnsConfig?.NamespaceId;
    if (nsRef === undefined) return fail('InvalidInput', 'NamespaceId is required');
    const ns = this.getNamespace(nsRef);
    if (!ns || ns.deleting) return fail('NamespaceNotFound', `Namespace not found: ${nsRef}`);
    const problem = this.serviceConfigProblem(ns, input);
    if (problem) return fail('InvalidInput', problem);
    for (const s of this.services.values()) {
      if (s.namespaceId === ns.id && s.name.toLowerCase() === input.Name.toLowerCase()) {
        return fail('ServiceAlreadyExists', `Service already exists: ${input.Name}`, {
          ...(s.creatorRequestId !== undefined ? { CreatorRequestId: s.creatorRequestId } : {}),
          ServiceId: s.id, ServiceArn: s.arn,
        });
      }
    }
    const id = this.o.ids.serviceId();
    const dns = input.DnsConfig
      ? { ...input.DnsConfig, RoutingPolicy: input.DnsConfig.RoutingPolicy ?? 'MULTIVALUE', NamespaceId: undefined }
      : undefined;
    const svc: ServiceRecord = {
      id, arn: `arn:aws:servicediscovery:${this.o.region}:${this.o.accountId}:service/${id}`,
      name: input.Name, namespaceId: ns.id, description: input.Description, dnsConfig: dns,
      type: ns.type === 'HTTP' || input.Type === 'HTTP' || !dns ? 'HTTP' : 'DNS_HTTP',
      healthCheckConfig: input.HealthCheckConfig, healthCheckCustomConfig: input.HealthCheckCustomConfig,
      createDate: this.now(), creatorRequestId: input.CreatorRequestId,
      instances: new Map(), reserved: new Set(), inflight: 0,
    };
    this.services.set(id, svc);
    this.byArn.set(svc.arn, id);
    this.serviceTokens.remember(payload, id);
    return { value: svc };
  }

  /**
   * CreateService restrictions the documentation states as failures; null when fine. The DnsRecord docs also
   * list "combinations" (A, AAAA, A and AAAA, SRV, CNAME), but real services combine A and SRV (ECS service
   * discovery does), so only what cannot work is refused: no records, a repeated type, CNAME beside another
   * record (DNS forbids it, RFC 1034 §3.6.2).
   */
  private serviceConfigProblem(ns: NamespaceRecord, input: CreateServiceInput): string | null {
    const dns = input.DnsConfig;
    if (input.HealthCheckConfig && input.HealthCheckCustomConfig) {
      return 'You can specify either HealthCheckCustomConfig or HealthCheckConfig but not both';
    }
    if (input.HealthCheckConfig && ns.type === 'DNS_PRIVATE') {
      return 'HealthCheckConfig is supported only for public DNS and HTTP namespaces';
    }
    if (!dns) return null;
    if (ns.type === 'HTTP') return 'DnsConfig is not supported for services in an HTTP namespace';
    if (input.Type === 'HTTP') return 'DnsConfig is not supported for services of type HTTP';
    const types = new Set(dns.DnsRecords.map((r) => r.Type));
    if (types.size === 0) return 'DnsConfig must include at least one DnsRecord';
    if (types.size !== dns.DnsRecords.length) return 'DnsConfig must not include the same record type twice';
    if (types.has('CNAME') && types.size > 1) return 'A CNAME record cannot be combined with other record types';
    if (types.has('CNAME') && dns.RoutingPolicy !== 'WEIGHTED') return 'A CNAME record requires RoutingPolicy WEIGHTED';
    if (types.has('CNAME') && input.HealthCheckConfig) return 'You cannot specify both a CNAME record and HealthCheckConfig';
    return null;
  }

  getService(idOrArn: string): ServiceRecord | undefined {
    this.settle();
    return this.services.get(this.byArn.get(idOrArn) ?? idOrArn);
  }

  /** The service's configuration as the oracle's rules read it; null when there is no such service. */
  serviceConfig(idOrArn: string): CloudMapServiceConfig | null {
    const s = this.getService(idOrArn);
    if (!s) return null;
    return serviceConfigOf({ DnsConfig: s.dnsConfig, HealthCheckConfig: s.healthCheckConfig, HealthCheckCustomConfig: s.healthCheckCustomConfig },
      this.namespaces.get(s.namespaceId)?.type ?? 'HTTP');
  }

  deleteService(idOrArn: string): StateResult<ServiceRecord> {
    const s = this.getService(idOrArn);
    if (!s) return fail('ServiceNotFound', `Service not found: ${idOrArn}`);
    if (s.instances.size > 0 || s.inflight > 0) return fail('ResourceInUse', `Service ${s.id} contains registered instances`);
    this.services.delete(s.id);
    this.byArn.delete(s.arn);
    return { value: s };
  }

  // ---- instances --------------------------------------------------------------------------------

  registerInstance(input: RegisterInstanceInput): StateResult<{ operationId: string; replayed: boolean }> {
    const payload = input as unknown as Record<string, unknown>;
    const svc = this.getService(input.ServiceId);
    if (!svc) return notFoundAnswer(REGISTER, payload);
    // The ARN and the id name the same service: the token is bound to the service, not to how it was named.
    const resolved = { ServiceId: svc.id };
    const token = this.registerTokens.check(payload, resolved);
    if (token) return 'error' in token ? token : { value: { operationId: token.replay, replayed: true } };
    const key = `${svc.id}\0${input.InstanceId}`;
    const busy = this.inflight.get(key);
    if (busy) return this.duplicate(REGISTER, payload, busy);
    if (!svc.reserved.has(input.InstanceId) && svc.reserved.size >= this.instanceLimit) {
      return stateAnswer(REGISTER, REGISTER.creates!.limit!.state, payload);
    }
    const attributes = withEc2Address({ ...input.Attributes });
    const op = this.submit('REGISTER_INSTANCE', { INSTANCE: input.InstanceId, SERVICE: svc.id }, () => {
      svc.instances.set(input.InstanceId, { id: input.InstanceId, creatorRequestId: input.CreatorRequestId, attributes });
      this.release(svc, key);
    });
    svc.reserved.add(input.InstanceId);
    svc.inflight++;
    this.inflight.set(key, op.id);
    this.registerTokens.remember(payload, op.id, resolved);
    return { value: { operationId: op.id, replayed: false } };
  }

  deregisterInstance(serviceId: string, instanceId: string): StateResult<{ operationId: string }> {
    const payload = { ServiceId: serviceId, InstanceId: instanceId };
    const svc = this.getService(serviceId);
    if (!svc) return notFoundAnswer(DEREGISTER, payload);
    const key = `${svc.id}\0${instanceId}`;
    if (!svc.instances.has(instanceId)) return stateAnswer(DEREGISTER, 'state:instance-not-found', payload);
    const busy = this.inflight.get(key);
    if (busy) return this.duplicate(DEREGISTER, payload, busy);
    const op = this.submit('DEREGISTER_INSTANCE', { INSTANCE: instanceId, SERVICE: svc.id }, () => {
      svc.instances.delete(instanceId);
      svc.reserved.delete(instanceId);
      this.release(svc, key);
    });
    svc.inflight++;
    this.inflight.set(key, op.id);
    return { value: { operationId: op.id } };
  }

  // ---- operations -------------------------------------------------------------------------------

  getOperation(id: string): { op: OperationRecord; status: OperationStatus; updateDate: number } | undefined {
    const now = this.now();
    this.settle(now);
    const op = this.operations.get(id);
    return op ? statusNow(op, now) : undefined;
  }

  /** ListOperations: the operations still remembered (oldest first) that `keep` keeps, each as GetOperation sees it
   * now; `cheap` is asked first, on the record alone, so most are passed over without building their view. */
  listOperations(cheap: (op: OperationRecord) => boolean, keep: (o: OperationView) => boolean): OperationView[] {
    const now = this.now();
    this.settle(now);
    const out: OperationView[] = [];
    for (const op of this.operations.values()) {
      if (!cheap(op)) continue;
      const view = statusNow(op, now);
      if (keep(view)) out.push(view);
    }
    return out;
  }

  private submit(type: OperationType, targets: OperationRecord['targets'], apply: () => void): OperationRecord {
    const now = this.now();
    const op: OperationRecord = {
      id: this.o.ids.operationId(), type, createdAt: now, completesAt: now + this.o.operationDelayMs,
      targets, done: false, apply,
    };
    this.operations.set(op.id, op);
    let i = this.pending.length; // keep completion order even if an injected clock went backwards
    while (i > 0 && this.pending[i - 1].completesAt > op.completesAt) i--;
    this.pending.splice(i, 0, op);
    if (this.operations.size > this.maxOperations) this.forgetOldOperations();
    return op;
  }

  private forgetOldOperations(): void {
    for (const [id, op] of this.operations) {
      if (this.operations.size <= this.maxOperations * 0.9) break;
      if (op.done) this.operations.delete(id);
    }
  }

  private release(svc: ServiceRecord, key: string): void {
    svc.inflight--;
    this.inflight.delete(key);
  }

  /** "One RegisterInstance request must complete before you can submit another … same service ID and instance ID":
   * the profile's in-progress state, naming the operation in flight. */
  private duplicate(profile: Profile, payload: Readonly<Record<string, unknown>>, operationId: string): { error: EmulatorError } {
    const { error } = stateAnswer(profile, 'state:duplicate-request', payload, { DuplicateOperationId: operationId });
    return { error: { ...error, message: `${error.message} (operation ${operationId})` } };
  }
}

/**
 * RegisterInstance docs: with AWS_EC2_INSTANCE_ID, "the AWS_INSTANCE_IPV4 attribute will be filled out with
 * the primary private IPv4 address". There is no EC2 here: a stable 10.x.y.z derived from the instance id.
 */
function withEc2Address(attributes: Record<string, string>): Record<string, string> {
  const ec2 = attributes.AWS_EC2_INSTANCE_ID;
  if (ec2 === undefined || attributes.AWS_INSTANCE_IPV4 !== undefined) return attributes;
  let h = 2166136261;
  for (let i = 0; i < ec2.length; i++) h = Math.imul(h ^ ec2.charCodeAt(i), 16777619);
  h >>>= 0;
  attributes.AWS_INSTANCE_IPV4 = `10.${(h >>> 16) & 255}.${(h >>> 8) & 255}.${(h & 255) || 1}`;
  return attributes;
}
