// Generation for an operation without hand-written generators: read from its profile (src/profiles/) and its
// model. Model constraints only; the member naming the profile's referenced resource is fixed per context (a
// service that exists, one that does not). This is the profile → generators boundary: a smarter generic
// generator (strings from any pattern, any operation) plugs in here without touching the profiles.
import fc from 'fast-check';
import type { OracleContext } from '../contract/context.ts';
import type { ServiceModel } from '../contract/model.ts';
import { HarnessError } from '../errors.ts';
import { loadServiceModel } from '../model/load.ts';
import type { Profile } from '../profiles/index.ts';
import { sitesOf, type Input } from './model/sites.ts';
import { shapeOf, valueOf } from './model/values.ts';
import type { NamedContext, OperationSpec } from './operation.ts';
import { DIGIT, LOWER, union } from './strings/chars.ts';
import { classString } from './strings/classString.ts';
import { record } from './strings/record.ts';

/** Coverage contexts per kind of referenced resource: one where it exists, one where it does not (placeholders). */
const CONTEXTS: Readonly<Record<NonNullable<Profile['reference']>['binding'] | 'none', () => NamedContext[]>> = {
  serviceIds: () => [
    { name: 'http', context: { cloudMap: { serviceId: 'srv-http', service: { namespaceType: 'HTTP', dnsRecords: [], healthCheck: false, healthCheckCustom: true } } } },
    { name: 'missing', context: { cloudMap: { serviceId: 'srv-missing', service: null } } },
  ],
  serviceNames: () => [
    { name: 'main', context: { proton: { serviceName: 'svc-main', serviceExists: true } } },
    { name: 'missing', context: { proton: { serviceName: 'svc-missing', serviceExists: false } } },
  ],
  none: () => [{ name: 'default', context: {} }],
};

const refOf = (p: Profile, ctx: OracleContext): string => {
  const r = p.reference;
  if (!r) return '';
  const v = r.binding === 'serviceIds' ? ctx.cloudMap?.serviceId : ctx.proton?.serviceName;
  if (v === undefined) throw new HarnessError('CF_ERR_CONFIG', `${p.key} needs a context naming its ${r.member}`);
  return v;
};

const existsIn = (p: Profile, ctx: OracleContext): boolean => {
  const r = p.reference;
  if (!r) return true;
  return r.binding === 'serviceIds' ? ctx.cloudMap?.service != null : ctx.proton?.serviceExists === true;
};

export function profileSpec(p: Profile, model: ServiceModel = loadServiceModel(p.service)): OperationSpec {
  const op = model.operations[p.operation];
  const root = op?.input ? shapeOf(model, op.input) : undefined;
  if (!root || root.type !== 'structure') throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `no generators for ${p.key}: its input is not a structure`);
  const member = p.reference?.member ?? '';
  const fixed = (ctx: OracleContext): Record<string, fc.Arbitrary<unknown>> => (member ? { [member]: fc.constant(refOf(p, ctx)) } : {});
  return {
    operation: p.operation,
    model,
    contexts: CONTEXTS[p.reference?.binding ?? 'none'],
    exists: (ctx) => existsIn(p, ctx),
    serviceMember: member,
    serviceRef: (ctx) => refOf(p, ctx),
    otherService: (avoid) => classString({ min: 16, max: 16, rest: union(LOWER, DIGIT) }).map((s) => (`x${s}` === avoid ? `y${s}` : `x${s}`)),
    sites: (ctx) => sitesOf(model, p.operation, member ? { fixed: [member], valid: fixed(ctx) } : {}),
    input: (ctx) => {
      const members: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [m, ref] of Object.entries(root.members)) members[m] = valueOf(model, ref.target);
      return record<Input>({ ...members, ...fixed(ctx) }, root.required);
    },
    ruleTargets: () => [], // a derived profile has no documented rules; a hand-written one without generators has none yet
    sequenceTargets: () => [],
  };
}
