// RegisterInstance's idempotency and state scenarios as data: what each says and where, which generic families
// apply (an update on re-register, asynchronous registrations that may race), the request of one instance and
// how it is read back (GetInstance, ListInstances, GetOperation).
import type { CloudMapServiceConfig, NamedContext } from '../../contract/context.ts';
import { serviceNeeds } from '../../rules/cloudmap-service.ts';
import type { ScenarioSubject } from '../scenario.ts';
import { CLOUD_MAP_OPERATION } from './prerequisites.ts';

/** A Cloud Map service to register into; `config` says what its attributes must satisfy. */
export interface CloudMapPrepared {
  serviceId: string;
  config: CloudMapServiceConfig;
}

const SD = 'servicediscovery';
const SEED_001 = 'seeds/001_7eaeaf5c0747f14e.txt';

/** Variant `v` of what an instance of this service registers: every value depends on `v` (the keys do not). */
export function attributesFor(config: CloudMapServiceConfig, v: number): Record<string, string> {
  const n = serviceNeeds(config);
  const a: Record<string, string> = { 'cf-variant': `v${v}` };
  if (n.ipv4 || (n.address && !n.ipv6)) a.AWS_INSTANCE_IPV4 = `10.0.${v}.1`;
  if (n.ipv6) a.AWS_INSTANCE_IPV6 = `2001:db8::${v + 1}`;
  if (n.cname) a.AWS_INSTANCE_CNAME = `v${v}.example.com`;
  if (n.port) a.AWS_INSTANCE_PORT = String(8080 + v);
  return a;
}

/** An existing HTTP-namespace service when there is one (any attributes fit it), else any existing one. */
function prepare(contexts: readonly NamedContext[], bound: (placeholder: string) => string) {
  const usable = contexts.filter((c) => c.context.cloudMap?.service);
  const pick = usable.find((c) => c.context.cloudMap?.service?.namespaceType === 'HTTP') ?? usable[0];
  const cm = pick?.context.cloudMap;
  if (!cm?.service) return undefined;
  return { placeholder: cm.serviceId, prepared: { serviceId: bound(cm.serviceId), config: cm.service } };
}

export const registerScenarios: ScenarioSubject<CloudMapPrepared> = {
  statements: [
    {
      id: 'idempotency:token-replay',
      says: 'a retry with the same CreatorRequestId and parameters returns the same OperationId and executes nothing twice: GetOperation still shows that one REGISTER_INSTANCE operation, ListInstances the instance once',
      source: `${SEED_001} (CreatorRequestId: "allows failed RegisterInstance requests to be retried without the risk of executing the operation twice"); same OperationId: DESIGN (Cloud Map idempotency)`,
      confidence: 'documented',
      expected: { outcome: 'success' },
    },
    { mismatch: true },
    {
      id: 'idempotency:concurrent-same-instance',
      says: 'concurrent RegisterInstance requests for one InstanceId never leave two instances and never answer 5xx; DuplicateRequest is allowed',
      source: `${SEED_001} ("One RegisterInstance request must complete before you can submit another request and specify the same service ID and instance ID"); model errors (DuplicateRequest)`,
      confidence: 'documented',
      expected: { outcome: 'success', also: ['state:duplicate-request'] }, // in progress: the profile's creates.againState
    },
    {
      id: 'state:read-after-write',
      says: 'after a registration completes, GetInstance shows the attributes sent and ListInstances lists the instance once',
      source: `${SEED_001} (RegisterInstance "Creates or updates one or more records"); model GetInstance ("Gets information about a specified instance"), ListInstances ("the instances that you registered")`,
      confidence: 'documented',
      expected: { outcome: 'success' },
    },
    {
      id: 'state:re-register-updates',
      says: 're-registering an InstanceId updates it: GetInstance shows the new attributes, ListInstances one entry',
      source: `${SEED_001} (InstanceId: "You can use this value to update an existing instance"; "If you specify an existing InstanceId and ServiceId, Cloud Map updates the existing DNS records")`,
      confidence: 'documented',
      expected: { outcome: 'success' },
    },
    {
      id: 'state:operation-completes',
      says: 'GetOperation(OperationId) of a registration reaches SUCCESS, with Type REGISTER_INSTANCE and the instance as its INSTANCE target',
      source: 'model RegisterInstance output OperationId ("To get the status of the operation, see GetOperation"); GetOperation Type/Status/Targets (DESIGN Cloud Map state)',
      confidence: 'documented',
      expected: { outcome: 'success' },
    },
    {
      id: 'idempotency:no-token',
      says: 'a RegisterInstance without CreatorRequestId works, and two of them are two requests, not a replay',
      source: `model RegisterInstanceRequest (CreatorRequestId is not required); ${SEED_001}`,
      confidence: 'documented',
      expected: { outcome: 'success' },
    },
  ],
  families: ['replay', 'mismatch', 'concurrent', 'again', 'noToken'],
  slots: 2,
  variants: 3,
  prepare,
  fits: (p): p is CloudMapPrepared => typeof (p as CloudMapPrepared).serviceId === 'string' && typeof (p as CloudMapPrepared).config === 'object',
  shape: 'a prepared {serviceId, config}',
  scope: (p) => p.serviceId,
  context: (p) => ({ cloudMap: { serviceId: p.serviceId, service: p.config } }),
  request: (p, i) => ({
    service: SD,
    operation: 'RegisterInstance',
    input: { ServiceId: p.serviceId, InstanceId: i.id, ...(i.token === undefined ? {} : { CreatorRequestId: i.token }), Attributes: attributesFor(p.config, i.variant) },
  }),
  updates: 'state:re-register-updates',
  answer: { identity: ['OperationId'] },
  read: { call: { service: SD, operation: 'GetInstance', input: { ServiceId: '{scope}', InstanceId: '{id}' } }, item: 'Instance', showsIdentity: false },
  written: { members: [], map: 'Attributes' },
  list: {
    call: { service: SD, operation: 'ListInstances', input: { ServiceId: '{scope}', MaxResults: 100 } },
    items: 'Instances', id: 'Id', next: 'NextToken', nextMember: 'NextToken', pages: 20,
  },
  completes: {
    scenario: 'state:operation-completes',
    id: 'OperationId',
    waiter: CLOUD_MAP_OPERATION,
    type: { path: 'Operation.Type', value: 'REGISTER_INSTANCE' },
    target: 'Operation.Targets.INSTANCE',
    duplicateOf: 'DuplicateOperationId',
  },
};
