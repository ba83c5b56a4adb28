// What Cloud Map instance operations need on a target, as data read by src/run/recipe.ts: for each coverage
// context with a service configuration, a namespace of its type (one per type per run) and a service of that
// configuration in it; removed again by deregistering every instance (waiting out a registration in progress),
// then deleting the service, then the namespace. RegisterInstance and DeregisterInstance both read it.
import type { Prerequisite, RecipeCall, Waiter } from '../recipe.ts';
import { serviceMembers } from './serviceConfig.ts';

const SD = 'servicediscovery';

/** Cloud Map operations are asynchronous: GetOperation says when one is done (seed 001, OperationId). */
export const CLOUD_MAP_OPERATION: Waiter = {
  call: { service: SD, operation: 'GetOperation', input: { OperationId: '{operationId}' } },
  status: 'Operation.Status', success: 'SUCCESS', failure: 'FAIL', pending: ['SUBMITTED', 'PENDING'], reason: 'Operation.ErrorMessage',
  // ListOperations (model: Filters SERVICE_ID, TYPE, STATUS, UPDATE_DATE BETWEEN Unix times; MaxResults ≤ 100):
  // up to 100 finished deregistrations of one service per request, where GetOperation takes one request each.
  listed: {
    call: {
      service: SD, operation: 'ListOperations', input: {
        MaxResults: 100, NextToken: '{next}',
        Filters: [
          { Name: 'SERVICE_ID', Values: ['{scope}'], Condition: 'EQ' },
          { Name: 'TYPE', Values: ['DEREGISTER_INSTANCE'], Condition: 'EQ' },
          { Name: 'STATUS', Values: ['SUCCESS'], Condition: 'EQ' },
          { Name: 'UPDATE_DATE', Values: ['{from}', '{to}'], Condition: 'BETWEEN' },
        ],
      },
    },
    items: 'Operations', id: 'Id', status: 'Status', next: 'NextToken', pageSize: 100,
  },
};

/** Removes one instance: what a registration is undone with, after the run and to keep its population bounded.
 * "One RegisterInstance request must complete before you can submit another … same service ID and instance
 * ID" (seed 001): a DuplicateRequest is waited out. */
export const DEREGISTER: RecipeCall = {
  service: SD, operation: 'DeregisterInstance', input: { ServiceId: '{scope}', InstanceId: '{id}' },
  awaits: { id: 'OperationId', waiter: CLOUD_MAP_OPERATION }, retryOn: ['DuplicateRequest'],
};

const NAMESPACE_OPERATION = { HTTP: 'CreateHttpNamespace', DNS_PRIVATE: 'CreatePrivateDnsNamespace', DNS_PUBLIC: 'CreatePublicDnsNamespace' } as const;
const NAMESPACE_SUFFIX = { HTTP: '', DNS_PRIVATE: '.internal', DNS_PUBLIC: '.example.com' } as const;

export const cloudMapService: Prerequisite = {
  name: 'Cloud Map service',
  per: 'context',
  slotsFor(context, name) {
    const cm = context.cloudMap;
    if (!cm?.service) return undefined;
    const type = cm.service.namespaceType;
    return {
      placeholder: cm.serviceId,
      slots: {
        namespaceType: type, namespaceOperation: NAMESPACE_OPERATION[type],
        namespaceName: `cf-{runTag}${NAMESPACE_SUFFIX[type]}`,
        vpc: type === 'DNS_PRIVATE' ? '{runVpc}' : undefined, // only a private DNS namespace names a VPC
        serviceName: `cf-{runTag}-${name}`,
        ...serviceMembers(cm.service),
      },
    };
  },
  steps: [
    {
      as: 'namespace', once: '{namespaceType}',
      service: SD, operation: '{namespaceOperation}',
      input: { Name: '{namespaceName}', CreatorRequestId: 'cf-{runTag}-{namespaceType}', Vpc: '{vpc}' },
      awaits: { id: 'OperationId', waiter: CLOUD_MAP_OPERATION },
      outputs: { id: 'Operation.Targets.NAMESPACE' },
      undo: { service: SD, operation: 'DeleteNamespace', input: { Id: '{namespace.id}' } },
    },
    {
      as: 'service',
      service: SD, operation: 'CreateService',
      input: {
        Name: '{serviceName}', NamespaceId: '{namespace.id}', DnsConfig: '{dnsConfig}', Type: '{serviceType}',
        HealthCheckConfig: '{healthCheck}', HealthCheckCustomConfig: '{healthCheckCustom}',
      },
      outputs: { id: 'Service.Id' },
      // A service with instances is ResourceInUse: every instance goes first (the first page again and again,
      // since deregistered instances leave it).
      undo: {
        service: SD, operation: 'DeleteService', input: { Id: '{service.id}' },
        drain: { list: { service: SD, operation: 'ListInstances', input: { ServiceId: '{service.id}' } }, items: 'Instances', id: 'Id', each: { ...DEREGISTER, input: { ServiceId: '{service.id}', InstanceId: '{item}' } }, next: 'NextToken', inUse: 'ResourceInUse', scope: '{service.id}' },
      },
    },
  ],
  binds: 'service.id',
};
