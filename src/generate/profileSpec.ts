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
import { modelTargets } from './constraints/index.ts';
import { sitesOf, type Input, type Site } from './model/sites.ts';
import { shapeOf, valueOf } from './model/values.ts';
import type { NamedContext, OperationSpec } from './operation.ts';
import { DIGIT, LOWER, union } from './strings/chars.ts';
import { classString } from './strings/classString.ts';
import { record } from './strings/record.ts';

/** Coverage contexts are the profile's; one without a referenced resource is judged in one empty world. */
function contextsOf(p: Profile): () => NamedContext[] {
  if (p.contexts) return p.contexts;
  if (p.reference) throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `${p.key}: its profile references ${p.reference.member} but names no coverage contexts`);
  return () => [{ name: 'default', context: {} }];
}

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

/** The arbitrary `make` builds, when it builds and draws without throwing; undefined otherwise. */
function generable<T>(make: () => fc.Arbitrary<T>): fc.Arbitrary<T> | undefined {
  try {
    const a = make();
    fc.sample(a, { numRuns: 3, seed: 1 });
    return a;
  } catch {
    return undefined;
  }
}

const describe = (model: ServiceModel, name: string): string => {
  const s = shapeOf(model, name);
  return s.type === 'string' && s.pattern ? `pattern ${s.pattern}` : `shape type ${s.type}`;
};

export function profileSpec(p: Profile, model: ServiceModel = loadServiceModel(p.service)): OperationSpec {
  const op = model.operations[p.operation];
  const root = op?.input ? shapeOf(model, op.input) : undefined;
  if (!root || root.type !== 'structure') throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `no generators for ${p.key}: its input is not a structure`);
  const member = p.reference?.member ?? '';
  // A member whose values cannot be generated yet (a pattern the string generators do not handle) is left out
  // of valid inputs and its constraints are not covered (coverage shows them 0/0); a required one stops here
  // with one line instead of a crash mid-run.
  const values: Record<string, fc.Arbitrary<unknown>> = {};
  const missing: string[] = [];
  for (const [m, ref] of Object.entries(root.members)) {
    const v = generable(() => valueOf(model, ref.target));
    if (v) values[m] = v;
    else if (m !== member) missing.push(m);
  }
  const required = missing.filter((m) => root.required.includes(m));
  if (required.length) {
    throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `no generators yet for ${p.key}: cannot generate valid values of required ${required.join(', ')} (${required.map((m) => describe(model, root.members[m]!.target)).join('; ')})`);
  }
  const covered = (site: Site): boolean => !missing.includes(site.member) && generable(() => {
    const ts = modelTargets(model, [site]);
    for (const t of ts) fc.sample(t.invalid, { numRuns: 2, seed: 1 });
    return fc.constant(ts);
  }) !== undefined;
  const fixed = (ctx: OracleContext): Record<string, fc.Arbitrary<unknown>> => (member ? { [member]: fc.constant(refOf(p, ctx)) } : {});
  return {
    operation: p.operation,
    model,
    contexts: contextsOf(p),
    exists: (ctx) => existsIn(p, ctx),
    serviceMember: member,
    serviceRef: (ctx) => refOf(p, ctx),
    otherService: (avoid) => classString({ min: 16, max: 16, rest: union(LOWER, DIGIT) }).map((s) => (`x${s}` === avoid ? `y${s}` : `x${s}`)),
    sites: (ctx) => sitesOf(model, p.operation, member ? { fixed: [member], valid: fixed(ctx) } : {}).filter(covered),
    input: (ctx) => record<Input>({ ...values, ...fixed(ctx) }, root.required),
    ruleTargets: () => [], // a derived profile has no documented rules; a hand-written one without generators has none yet
    sequenceTargets: () => [],
  };
}
