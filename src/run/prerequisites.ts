// Creates what the generated cases need on a target, through the public API (one code path for the
// builtin emulator, moto, LocalStack and AWS): Cloud Map namespaces and one service per coverage context,
// a Proton environment and service. Or takes the user's existing ones (--service-id / --proton-service).
// Each operation is prepared on its own: a target that implements Cloud Map and not Proton still has its
// RegisterInstance tested, and CreateServiceInstance is reported as not tested (with the call that failed).
import { HarnessError } from '../errors.ts';
import type { NamedContext } from '../generate/index.ts';
import type { CloudMapServiceConfig, NamespaceType } from '../contract/context.ts';
import type { Outcome } from '../contract/outcome.ts';
import type { Call } from '../contract/call.ts';
import type { Target } from '../targets/target.ts';
import { profileOf } from '../profiles/index.ts';
import { emptyBinding, type Binding } from './binding.ts';
import { cloudMapServiceCleanup, deregisterAll, protonServiceCleanup } from './cleanup.ts';
import type { RunNonce } from './nonce.ts';

/** An operation whose prerequisites the target could not create: the call and what it answered. */
export interface NotPrepared {
  operation: string;
  call: Call;
  answer: { status: number; code?: string; message?: string };
  /** The one line saying so. */
  line: string;
}

export interface Prepared {
  binding: Binding;
  /** Contexts to generate in, per operation (narrowed to the user's service when one was given). */
  contexts: Record<string, NamedContext[]>;
  /** Operations that cannot run on this target (their prerequisites could not be created). */
  notPrepared: NotPrepared[];
  /** Removes what this run created (instances it registered in a service the user supplied too, not the
   * service itself); returns the problems met. */
  cleanup(): Promise<string[]>;
  /** Sees every call the run sends and its answer: what it registers in the user's service is the run's. */
  track(call: Call, outcome: Outcome): void;
}

export interface PrepareOptions {
  operations: string[];
  contexts: Record<string, NamedContext[]>;
  /** Short tag making names unique per run (the run nonce's tag). */
  runTag: string;
  /** Goes into what the cases create (binding.ts); absent: cases are sent as generated. */
  nonce?: RunNonce;
  serviceId?: string;
  protonService?: string;
  pollIntervalMs?: number;
  pollTimeoutMs?: number;
  signal?: AbortSignal;
}

type Json = Record<string, unknown>;
/** How to remove one thing the run created. `container`: a namespace or an environment, removed only once
 * everything else is gone (what it holds must go first); the rest goes at once, side by side. */
type Undo = (() => Promise<void>) & { container?: true };
const container = (undo: () => Promise<void>): Undo => Object.assign(undo, { container: true as const });

/** A prerequisite call the target answered with an error. Transport failures are not this: the run stops. */
export class PrerequisiteError extends HarnessError {
  constructor(readonly call: Call, readonly outcome: Outcome, message: string) {
    super('CF_ERR_PREREQUISITE', message);
  }
}

/**
 * One preparation call. `needs`: dotted paths the answer must hold as non-empty strings (`Operation.Status`):
 * an answer without them fails at once, with one line saying what was missing, instead of polling on `undefined`.
 */
export async function call(target: Target, service: string, operation: string, input: Json, needs: string[] = []): Promise<Json> {
  const c: Call = { service, operation, input };
  const o: Outcome = await target.send(c);
  const ok = o.status >= 200 && o.status < 300;
  if (ok && o.body && typeof o.body === 'object') {
    const missing = needs.filter((path) => !nonEmptyString(path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Json)[k] : undefined), o.body)));
    if (missing.length === 0) return o.body as Json;
    throw new PrerequisiteError(c, o, `${target.name}: ${operation} answered HTTP ${o.status} without ${missing.join(', ')} while preparing the run (body: ${shortJson(o.body)})`);
  }
  const why = o.transport ? `${o.transport.failure}: ${o.transport.message}`
    : ok ? `HTTP ${o.status} with ${o.bodyProblem ? `an unreadable body (${o.bodyProblem})` : 'no JSON object'}${o.bodyExcerpt ? `: ${o.bodyExcerpt.slice(0, 80)}` : ''}`
      : `${o.code ?? `HTTP ${o.status}`}${o.message ? `: ${o.message}` : ''}`;
  const line = `${target.name}: ${operation} failed while preparing the run (${why})`;
  if (o.transport) throw new HarnessError('CF_ERR_PREREQUISITE', line);
  throw new PrerequisiteError(c, o, line);
}

const nonEmptyString = (v: unknown): boolean => typeof v === 'string' && v !== '';
const shortJson = (v: unknown): string => { const t = JSON.stringify(v) ?? ''; return t.length > 120 ? `${t.slice(0, 120)}…` : t; };

/** GetService of a prerequisite the user named: when the target says no, the user's value is what is wrong
 * (one line, exit 2), never the target (no not-tested finding, no rejected-valid ones). */
async function named(target: Target, flag: string, value: string, service: string, input: Json): Promise<Json> {
  try {
    return await call(target, service, 'GetService', input);
  } catch (e) {
    throw e instanceof PrerequisiteError ? new HarnessError('CF_ERR_PREREQUISITE', `${flag} ${value}: ${e.message}`) : e;
  }
}

export async function waitForOperation(target: Target, operationId: string, o: Pick<PrepareOptions, 'pollIntervalMs' | 'pollTimeoutMs' | 'signal'>): Promise<Json> {
  const deadline = Date.now() + (o.pollTimeoutMs ?? 120_000);
  for (;;) {
    const op = (await call(target, 'servicediscovery', 'GetOperation', { OperationId: operationId }, ['Operation.Status'])).Operation as Json | undefined;
    const status = op?.Status;
    if (status === 'SUCCESS') return op as Json;
    if (status === 'FAIL') throw new HarnessError('CF_ERR_PREREQUISITE', `${target.name}: operation ${operationId} failed: ${String(op?.ErrorMessage ?? '')}`);
    if (Date.now() > deadline || o.signal?.aborted) throw new HarnessError('CF_ERR_PREREQUISITE', `${target.name}: operation ${operationId} did not complete in time`);
    await new Promise((r) => setTimeout(r, o.pollIntervalMs ?? 25));
  }
}

const NAMESPACE_OPERATION: Record<NamespaceType, string> = {
  HTTP: 'CreateHttpNamespace', DNS_PRIVATE: 'CreatePrivateDnsNamespace', DNS_PUBLIC: 'CreatePublicDnsNamespace',
};

function serviceInput(name: string, namespaceId: string, c: CloudMapServiceConfig): Json {
  const input: Json = { Name: name, NamespaceId: namespaceId };
  if (c.dnsRecords.length > 0) {
    input.DnsConfig = { RoutingPolicy: c.routingPolicy ?? 'MULTIVALUE', DnsRecords: c.dnsRecords.map((Type) => ({ Type, TTL: 60 })) };
  } else if (c.namespaceType !== 'HTTP') input.Type = 'HTTP'; // a DNS namespace's service without records is discoverable by API only
  if (c.healthCheck) input.HealthCheckConfig = { Type: 'HTTP', ResourcePath: '/', FailureThreshold: 1 };
  if (c.healthCheckCustom) input.HealthCheckCustomConfig = {};
  return input;
}

async function undoAll(created: Undo[]): Promise<string[]> {
  const problems: string[] = [];
  // Services (and what they hold) first, all at once: against a slow target each is several round trips, so one
  // after another they add up; then the namespaces and environments that held them, all at once too.
  for (const stage of [created.filter((u) => !u.container), created.filter((u) => u.container)]) {
    for (const r of await Promise.allSettled(stage.map((undo) => undo()))) if (r.status === 'rejected') problems.push((r.reason as Error).message);
  }
  return problems;
}

/** Runs `steps` side by side (one after another when `inTurn`); once all have settled, the first failure (in the
 * given order) is thrown, so what the others created is in `created` before anyone undoes it. */
async function allOrFirstError<T>(steps: Array<() => Promise<T>>, inTurn = false): Promise<T[]> {
  const settled: PromiseSettledResult<T>[] = [];
  if (inTurn) for (const step of steps) settled.push(...(await Promise.allSettled([step()])));
  else settled.push(...(await Promise.allSettled(steps.map((step) => step()))));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
}

const createsInTurn = (target: Target): boolean => {
  const t = target as { fresh?: boolean; runTag?: string };
  return t.fresh === true || t.runTag !== undefined;
};

/** The VPC private DNS namespaces go into: the user's (real AWS), else one of this run's own. */
export const vpcFor = (runTag: string): string => process.env.CONTRACT_FUZZ_VPC_ID ?? `vpc-${runTag}`;

export async function prepare(target: Target, o: PrepareOptions): Promise<Prepared> {
  const binding: Binding = { ...emptyBinding(), ...(o.nonce ? { nonce: o.nonce } : {}) };
  const contexts: Record<string, NamedContext[]> = { ...o.contexts };
  const created: Undo[] = [];
  const notPrepared: NotPrepared[] = [];
  const registered = new Set<string>(); // InstanceIds this run registered in the user's --service-id
  // The operations are prepared side by side (against a slow target, one after the other adds up); those that
  // reference the same kind of resource one after another, in their order (a later one binds to what an earlier
  // one made). Judged in the operations' order once all are done, whichever finished first.
  // A target this run started (builtin) answers at once and draws its ids from one seeded sequence in the order
  // things are created: one after another there, so the same seed gives the same ids (recordings depend on it).
  // A recording or its replay (a target that dictates the run tag) must see them in the same order too.
  const inTurn = createsInTurn(target);
  const kind = (op: string) => profileOf(op).reference?.binding;
  const mine = o.operations.map((): Undo[] => []);
  const failures = new Map<number, unknown>();
  await allOrFirstError([...new Set(o.operations.map(kind))].map((k) => async () => {
    for (const [i, operation] of o.operations.entries()) {
      if (kind(operation) !== k) continue;
      try {
        // What to create follows from the resource the operation's profile references.
        if (k === 'serviceIds') await prepareCloudMap(target, o, binding, contexts, mine[i], operation);
        if (k === 'serviceNames') await prepareProton(target, o, binding, mine[i], operation);
      } catch (e) {
        // A half-prepared operation must not leave resources behind (on AWS they cost money).
        await undoAll(mine[i]);
        failures.set(i, e);
      }
    }
  }), inTurn);
  let fatal: { error: unknown } | undefined;
  for (const [i, operation] of o.operations.entries()) {
    if (!failures.has(i)) { created.push(...mine[i]); continue; }
    const e = failures.get(i);
    if (e instanceof PrerequisiteError) {
      const { status, code, message } = e.outcome;
      notPrepared.push({ operation, call: e.call, answer: { status, ...(code ? { code } : {}), ...(message ? { message } : {}) }, line: e.message });
    } else fatal ??= { error: e };
  }
  if (fatal) {
    await undoAll(created);
    throw fatal.error;
  }
  const preparable = o.operations.filter((op) => profileOf(op).reference !== undefined);
  if (preparable.length > 0 && notPrepared.length === preparable.length) {
    // Nothing to test on this target: one line, exit 2.
    await undoAll(created);
    throw new HarnessError('CF_ERR_PREREQUISITE', notPrepared[0]!.line);
  }
  if (o.serviceId && o.operations.includes('RegisterInstance')) {
    const serviceId = o.serviceId;
    created.unshift(async () => { await deregisterAll(target, serviceId, [...registered], o); });
  }
  return {
    binding, contexts, notPrepared,
    cleanup: () => undoAll(created),
    track(c, outcome) {
      const input = c.input as Json | null;
      if (o.serviceId === undefined || outcome.status < 200 || outcome.status >= 300) return;
      if (typeof input !== 'object' || input === null || input.ServiceId !== o.serviceId || typeof input.InstanceId !== 'string') return;
      // The run deregisters some as it goes (src/run/population.ts): cleanup must not ask again.
      if (c.operation === 'RegisterInstance') registered.add(input.InstanceId);
      if (c.operation === 'DeregisterInstance') registered.delete(input.InstanceId);
    },
  };
}

async function prepareCloudMap(target: Target, o: PrepareOptions, binding: Binding, contexts: Record<string, NamedContext[]>, created: Undo[], operation: string): Promise<void> {
  const all = o.contexts[operation] ?? [];
  if (o.serviceId) {
    // The user's service: learn its configuration, generate only in it (and in a missing service).
    // A service id the target does not know is the user's mistake, not an untested operation: exit 2.
    const svc = (await named(target, '--service-id', o.serviceId, 'servicediscovery', { Id: o.serviceId })).Service as Json;
    const dns = svc.DnsConfig as { RoutingPolicy?: 'MULTIVALUE' | 'WEIGHTED'; DnsRecords?: Array<{ Type: CloudMapServiceConfig['dnsRecords'][number] }> } | undefined;
    const config: CloudMapServiceConfig = {
      namespaceType: dns?.DnsRecords?.length ? 'DNS_PRIVATE' : 'HTTP',
      dnsRecords: dns?.DnsRecords?.map((r) => r.Type) ?? [],
      ...(dns?.RoutingPolicy ? { routingPolicy: dns.RoutingPolicy } : {}),
      healthCheck: svc.HealthCheckConfig !== undefined, healthCheckCustom: svc.HealthCheckCustomConfig !== undefined,
    };
    contexts[operation] = [
      { name: 'user', context: { cloudMap: { serviceId: o.serviceId, service: config } } },
      ...all.filter((c) => c.context.cloudMap?.service === null),
    ];
    return;
  }
  // One namespace per type, the types side by side, each type's services all at once as soon as its namespace is there.
  const seen = new Set<string>();
  const wanted = all.flatMap((nc) => {
    const cfg = nc.context.cloudMap?.service;
    const placeholder = nc.context.cloudMap?.serviceId;
    // Another operation's (or context's), already made: not again.
    if (!cfg || !placeholder || binding.serviceIds.has(placeholder) || seen.has(placeholder)) return [];
    seen.add(placeholder);
    return [{ name: nc.name, cfg, placeholder }];
  });
  const inTurn = createsInTurn(target); // the same ids for the same seed (see prepare)
  const types = [...new Set(wanted.map((w) => w.cfg.namespaceType))];
  const serviceIds = new Map<string, string>();
  await allOrFirstError(types.map((type) => async () => {
    const nsName = type === 'HTTP' ? `cf-${o.runTag}` : `cf-${o.runTag}.${type === 'DNS_PUBLIC' ? 'example.com' : 'internal'}`;
    const nsInput: Json = { Name: nsName, CreatorRequestId: `cf-${o.runTag}-${type}` };
    if (type === 'DNS_PRIVATE') nsInput.Vpc = vpcFor(o.runTag);
    const started = await call(target, 'servicediscovery', NAMESPACE_OPERATION[type], nsInput, ['OperationId']);
    const op = await waitForOperation(target, String(started.OperationId), o);
    const namespaceId = (op.Targets as Json | undefined)?.NAMESPACE;
    if (!nonEmptyString(namespaceId)) throw new HarnessError('CF_ERR_PREREQUISITE', `${target.name}: GetOperation said SUCCESS without Operation.Targets.NAMESPACE while preparing the run`);
    const nsId = String(namespaceId);
    created.push(container(async () => { await call(target, 'servicediscovery', 'DeleteNamespace', { Id: nsId }); }));
    await allOrFirstError(wanted.filter((w) => w.cfg.namespaceType === type).map(({ name, cfg, placeholder }) => async () => {
      const svc = (await call(target, 'servicediscovery', 'CreateService', serviceInput(`cf-${o.runTag}-${name}`, nsId, cfg), ['Service.Id'])).Service as Json;
      const id = String(svc.Id);
      created.push(() => cloudMapServiceCleanup(target, id, o));
      serviceIds.set(placeholder, id);
    }), inTurn);
  }), inTurn);
  // Bound in the contexts' order, whatever order the target answered in.
  for (const w of wanted) binding.serviceIds.set(w.placeholder, serviceIds.get(w.placeholder)!);
}

async function prepareProton(target: Target, o: PrepareOptions, binding: Binding, created: Undo[], operation: string): Promise<void> {
  // The user's service must exist: a typo is a usage error (exit 2), not 37 "rejected" valid cases.
  if (o.protonService) await named(target, '--proton-service', o.protonService, 'proton', { name: o.protonService });
  const made = binding.serviceNames.values().next().value; // another operation's, already made
  const real = o.protonService ?? made ?? (await createProtonService(target, o, created));
  for (const nc of o.contexts[operation] ?? []) {
    const p = nc.context.proton;
    if (p?.serviceExists) binding.serviceNames.set(p.serviceName, real);
  }
}

async function createProtonService(target: Target, o: PrepareOptions, created: Undo[]): Promise<string> {
  const env = `cf-${o.runTag}-env`;
  const name = `cf-${o.runTag}-svc`;
  await call(target, 'proton', 'CreateEnvironment', { name: env, templateName: 'contract-fuzz-env', templateMajorVersion: '1', spec: 'proton: EnvironmentSpec\nspec: {}\n' });
  created.push(container(async () => { await call(target, 'proton', 'DeleteEnvironment', { name: env }); }));
  await call(target, 'proton', 'CreateService', {
    name, templateName: 'contract-fuzz-svc', templateMajorVersion: '1',
    spec: `proton: ServiceSpec\ninstances:\n  - name: first\n    environment: ${env}\n`,
  });
  created.push(() => protonServiceCleanup(target, name, o));
  return name;
}
