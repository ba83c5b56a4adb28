// The list calls: what a target holds, so a user (and a test) can see what a run left behind.
// Cloud Map ListNamespaces / ListServices / ListOperations (filters: TYPE, NAME, HTTP_NAME / NAMESPACE_ID with EQ, IN,
// BEGINS_WITH; RESOURCE_OWNER SELF), Proton ListEnvironments / ListServices / ListServiceInstances
// (serviceName narrows; an unknown one is ResourceNotFoundException). Pages: MaxResults / maxResults
// (default 100), an opaque offset token.
import { epochSeconds } from '../clock.ts';
import type { CloudMapState, OperationView } from '../state/cloudmap.ts';
import type { ProtonState } from '../state/proton.ts';
import { fail } from '../types.ts';
import { serviceView as cloudMapServiceView } from './cloudmap.ts';
import { environmentView, serviceInstanceView, serviceView as protonServiceView } from './proton.ts';
import type { Input, RouteResult, Routes } from './route.ts';

const encodeToken = (offset: number): string => Buffer.from(`o:${offset}`).toString('base64url');
function decodeToken(token: unknown): number | undefined {
  if (token === undefined) return 0;
  const m = typeof token === 'string' ? /^o:(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString()) : null;
  return m ? Number(m[1]) : undefined;
}

/** One page of `all`; `tokenKey`/`max` spelled as the service spells them. */
function page<T>(all: T[], input: Input, keys: { max: string; token: string; items: string }, view: (t: T) => Record<string, unknown>, invalid: () => RouteResult): RouteResult {
  const from = decodeToken(input[keys.token]);
  if (from === undefined) return invalid();
  const max = typeof input[keys.max] === 'number' ? (input[keys.max] as number) : 100;
  const items = all.slice(from, from + max).map(view);
  return { output: { [keys.items]: items, ...(from + max < all.length ? { [keys.token]: encodeToken(from + max) } : {}) } };
}

interface Filter { Name?: string; Values?: string[]; Condition?: 'EQ' | 'IN' | 'BEGINS_WITH' | 'BETWEEN' }
const matches = (value: string, f: Filter): boolean => {
  const values = f.Values ?? [];
  if (f.Condition === 'BEGINS_WITH') return values.some((v) => value.startsWith(v));
  return f.Condition === 'IN' ? values.includes(value) : values[0] === value;
};
const filtersOf = (input: Input): Filter[] => (Array.isArray(input.Filters) ? input.Filters as Filter[] : []);

const CM = { max: 'MaxResults', token: 'NextToken' };
const cmInvalidToken = () => fail('InvalidInput', 'The specified NextToken is not valid');

// ListOperations filters (model OperationFilter): SERVICE_ID and NAMESPACE_ID (EQ), STATUS and TYPE (EQ, IN),
// UPDATE_DATE (BETWEEN two Unix times, start first). Cloud Map itself pages over all operations and filters each
// page (so a page may come back empty); here the filters come first, which no client can tell apart.
const operationField: Record<string, (v: OperationView) => string | undefined> = {
  SERVICE_ID: (v) => v.op.targets.SERVICE, NAMESPACE_ID: (v) => v.op.targets.NAMESPACE, STATUS: (v) => v.status, TYPE: (v) => v.op.type,
};
function operationMatches(v: OperationView, f: Filter): boolean {
  if (f.Name === 'UPDATE_DATE') {
    const [from, to] = (f.Values ?? []).map(Number);
    const at = v.updateDate / 1000;
    return !(from !== undefined && Number.isFinite(from) && at < from) && !(to !== undefined && Number.isFinite(to) && at > to);
  }
  const field = operationField[f.Name ?? ''];
  const value = field?.(v);
  return field === undefined || (value !== undefined && matches(value, f));
}

export const cloudMapListRoutes: Routes<CloudMapState> = {
  ListOperations: {
    resolve: (input, state) => {
      const filters = filtersOf(input);
      const service = filters.find((f) => f.Name === 'SERVICE_ID' && f.Condition !== 'IN' && f.Condition !== 'BEGINS_WITH')?.Values?.[0];
      const all = state.listOperations((op) => service === undefined || op.targets.SERVICE === service, (v) => filters.every((f) => operationMatches(v, f)));
      return page(all, input, { ...CM, items: 'Operations' }, (v) => ({ Id: v.op.id, Status: v.status }), cmInvalidToken);
    },
  },
  ListNamespaces: {
    resolve: (input, state) => {
      const field: Record<string, (n: { type: string; name: string }) => string> = { TYPE: (n) => n.type, NAME: (n) => n.name, HTTP_NAME: (n) => n.name };
      const all = [...state.namespaces.values()].filter((n) => !n.deleting)
        .filter((n) => filtersOf(input).every((f) => f.Name === 'RESOURCE_OWNER' || !field[f.Name ?? ''] || matches(field[f.Name ?? '']!(n), f)));
      return page(all, input, { ...CM, items: 'Namespaces' }, (n) => ({
        Id: n.id, Arn: n.arn, ResourceOwner: state.accountId, Name: n.name, Type: n.type, Description: n.description,
        ServiceCount: [...state.services.values()].filter((s) => s.namespaceId === n.id).length, CreateDate: epochSeconds(n.createDate),
      }), cmInvalidToken);
    },
  },
  ListServices: {
    resolve: (input, state) => {
      const all = [...state.services.values()]
        .filter((s) => filtersOf(input).every((f) => f.Name !== 'NAMESPACE_ID' || matches(s.namespaceId, f)));
      return page(all, input, { ...CM, items: 'Services' }, (s) => {
        const { NamespaceId: _n, CreatorRequestId: _c, ...summary } = cloudMapServiceView(s, state.accountId);
        return summary;
      }, cmInvalidToken);
    },
  },
};

const PR = { max: 'maxResults', token: 'nextToken' };
const prInvalidToken = () => fail('ValidationException', 'The nextToken is not valid.');
const pick = (o: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
const ENVIRONMENT_SUMMARY = ['arn', 'createdAt', 'deploymentStatus', 'description', 'lastAttemptedDeploymentId', 'lastDeploymentAttemptedAt', 'lastDeploymentSucceededAt', 'lastSucceededDeploymentId', 'name', 'protonServiceRoleArn', 'templateMajorVersion', 'templateMinorVersion', 'templateName'] as const;
const SERVICE_SUMMARY = ['arn', 'createdAt', 'description', 'lastModifiedAt', 'name', 'status', 'templateName'] as const;
const INSTANCE_SUMMARY = ['arn', 'createdAt', 'deploymentStatus', 'environmentName', 'lastAttemptedDeploymentId', 'lastDeploymentAttemptedAt', 'lastDeploymentSucceededAt', 'lastSucceededDeploymentId', 'name', 'serviceName', 'templateMajorVersion', 'templateMinorVersion', 'templateName'] as const;

export const protonListRoutes: Routes<ProtonState> = {
  ListEnvironments: {
    resolve: (input, state) =>
      page([...state.environments.values()], input, { ...PR, items: 'environments' }, (e) => pick(environmentView(e, state), ENVIRONMENT_SUMMARY), prInvalidToken),
  },
  ListServices: {
    resolve: (input, state) =>
      page([...state.services.values()], input, { ...PR, items: 'services' }, (s) => pick(protonServiceView(s), SERVICE_SUMMARY), prInvalidToken),
  },
  ListServiceInstances: {
    resolve: (input, state) => {
      const name = typeof input.serviceName === 'string' ? input.serviceName : undefined;
      const one = name === undefined ? undefined : state.services.get(name);
      if (name !== undefined && one === undefined) return fail('ResourceNotFoundException', `The service '${name}' was not found.`);
      const all = (one ? [one] : [...state.services.values()]).flatMap((s) => [...s.instances.values()]);
      return page(all, input, { ...PR, items: 'serviceInstances' }, (i) => pick(serviceInstanceView(i, state), INSTANCE_SUMMARY), prInvalidToken);
    },
  },
};
