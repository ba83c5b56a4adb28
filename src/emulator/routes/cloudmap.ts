// Cloud Map (Route53AutoNaming_v20170314, awsJson 1.1): operation name → handler. Error bodies use `Message`.
// Validation happens before `resolve` (see route.ts); RegisterInstance's context carries the service's
// configuration so the reference validator can apply the service-dependent attribute rules.
import { epochSeconds } from '../clock.ts';
import type { CloudMapState, CreateNamespaceInput, CreateServiceInput, NamespaceRecord, RegisterInstanceInput, ServiceRecord } from '../state/cloudmap.ts';
import { fail } from '../types.ts';
import { answer, str, type Input, type Route, type Routes } from './route.ts';

type R = Route<CloudMapState>;

export function serviceView(s: ServiceRecord, account: string): Record<string, unknown> {
  return {
    Id: s.id, Arn: s.arn, ResourceOwner: account, Name: s.name, NamespaceId: s.namespaceId,
    Description: s.description, InstanceCount: s.instances.size,
    DnsConfig: s.dnsConfig, Type: s.type,
    HealthCheckConfig: s.healthCheckConfig, HealthCheckCustomConfig: s.healthCheckCustomConfig,
    CreateDate: epochSeconds(s.createDate), CreatorRequestId: s.creatorRequestId, CreatedByAccount: account,
  };
}

const createNamespace = (type: NamespaceRecord['type']): R => ({
  resolve: (input, state) => answer(state.createNamespace(type, input as unknown as CreateNamespaceInput), (v) => ({ OperationId: v.operationId })),
});

/** ListInstances paging token: the offset, opaque to clients. */
const encodeToken = (offset: number): string => Buffer.from(`o:${offset}`).toString('base64url');
function decodeToken(token: string): number | undefined {
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString());
  return m ? Number(m[1]) : undefined;
}

const serviceNotFound = (id: string) => fail('ServiceNotFound', `Service not found: ${id}`);

export const cloudMapRoutes: Routes<CloudMapState> = {
  CreateHttpNamespace: createNamespace('HTTP'),
  CreatePrivateDnsNamespace: createNamespace('DNS_PRIVATE'),
  CreatePublicDnsNamespace: createNamespace('DNS_PUBLIC'),

  DeleteNamespace: {
    resolve: (input, state) => answer(state.deleteNamespace(input.Id as string), (v) => ({ OperationId: v.operationId })),
  },

  CreateService: {
    resolve: (input, state) =>
      answer(state.createService(input as unknown as CreateServiceInput), (s) => ({ Service: serviceView(s, state.accountId) })),
  },

  GetService: {
    resolve: (input, state) => {
      const s = state.getService(input.Id as string);
      return s ? { output: { Service: serviceView(s, state.accountId) } } : serviceNotFound(input.Id as string);
    },
  },

  DeleteService: {
    resolve: (input, state) => answer(state.deleteService(input.Id as string), () => ({})),
  },

  RegisterInstance: {
    context: (input: Input, state) => {
      const serviceId = str(input.ServiceId) ?? '';
      return { cloudMap: { serviceId, service: serviceId ? state.serviceConfig(serviceId) : null } };
    },
    resolve: (input, state) =>
      answer(state.registerInstance(input as unknown as RegisterInstanceInput), (v) => ({ OperationId: v.operationId })),
  },

  DeregisterInstance: {
    resolve: (input, state) =>
      answer(state.deregisterInstance(input.ServiceId as string, input.InstanceId as string), (v) => ({ OperationId: v.operationId })),
  },

  GetInstance: {
    resolve: (input, state) => {
      const s = state.getService(input.ServiceId as string);
      if (!s) return serviceNotFound(input.ServiceId as string);
      const i = s.instances.get(input.InstanceId as string);
      if (!i) return fail('InstanceNotFound', `Instance not found: ${input.InstanceId as string}`);
      return {
        output: {
          ResourceOwner: state.accountId,
          Instance: { Id: i.id, CreatorRequestId: i.creatorRequestId, Attributes: i.attributes, CreatedByAccount: state.accountId },
        },
      };
    },
  },

  ListInstances: {
    resolve: (input, state) => {
      const s = state.getService(input.ServiceId as string);
      if (!s) return serviceNotFound(input.ServiceId as string);
      const max = (input.MaxResults as number | undefined) ?? 100;
      const from = input.NextToken === undefined ? 0 : decodeToken(input.NextToken as string);
      if (from === undefined) return fail('InvalidInput', 'The specified NextToken is not valid');
      const all = [...s.instances.values()];
      const page = all.slice(from, from + max);
      return {
        output: {
          ResourceOwner: state.accountId,
          Instances: page.map((i) => ({ Id: i.id, Attributes: i.attributes, CreatedByAccount: state.accountId })),
          NextToken: from + max < all.length ? encodeToken(from + max) : undefined,
        },
      };
    },
  },

  GetOperation: {
    resolve: (input, state) => {
      const found = state.getOperation(input.OperationId as string);
      if (!found) return fail('OperationNotFound', `Operation not found: ${input.OperationId as string}`);
      const { op, status, updateDate } = found;
      return {
        output: {
          Operation: {
            Id: op.id, OwnerAccount: state.accountId, Type: op.type, Status: status,
            CreateDate: epochSeconds(op.createdAt), UpdateDate: epochSeconds(updateDate), Targets: { ...op.targets },
          },
        },
      };
    },
  },
};
