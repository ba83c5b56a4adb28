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
import { call, nonEmptyString, PrerequisiteError, waitForOperation } from './prerequisiteCall.ts';
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
type Undo = () => Promise<void>;

/** GetService of a prerequisite the user named: when the target says no, the user's value is what is wrong
 * (one line, exit 2), never the target (no not-tested finding, no rejected-valid ones). */
async function named(target: Target, flag: string, value: string, service: string, input: Json): Promise<Json> {
  try {
    return await call(target, service, 'GetService', input);
  } catch (e) {
    throw e instanceof PrerequisiteError ? new HarnessError('CF_ERR_PREREQUISITE', `${flag} ${value}: ${e.message}`) : e;
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
  // Services before namespaces: undo in reverse order of creation.
  for (const undo of [...created].reverse()) {
    try { await undo(); } catch (e) { problems.push((e as Error).message); }
  }
  return problems;
}

/** The VPC private DNS namespaces go into: the user's (real AWS), else one of this run's own. */
export const vpcFor = (runTag: string): string => process.env.CONTRACT_FUZZ_VPC_ID ?? `vpc-${runTag}`;

export async function prepare(target: Target, o: PrepareOptions): Promise<Prepared> {
  const binding: Binding = { ...emptyBinding(), ...(o.nonce ? { nonce: o.nonce } : {}) };
  const contexts: Record<string, NamedContext[]> = { ...o.contexts };
  const created: Undo[] = [];
  const notPrepared: NotPrepared[] = [];
  const registered = new Set<string>(); // InstanceIds this run registered in the user's --service-id
  for (const operation of o.operations) {
    const mine: Undo[] = [];
    try {
      // What to create follows from the resource the operation's profile references.
      const ref = profileOf(operation).reference;
      if (ref?.binding === 'serviceIds') await prepareCloudMap(target, o, binding, contexts, mine, operation);
      if (ref?.binding === 'serviceNames') await prepareProton(target, o, binding, mine, operation);
      created.push(...mine);
    } catch (e) {
      // A half-prepared operation must not leave resources behind (on AWS they cost money).
      await undoAll(mine);
      if (e instanceof PrerequisiteError) {
        const { status, code, message } = e.outcome;
        notPrepared.push({ operation, call: e.call, answer: { status, ...(code ? { code } : {}), ...(message ? { message } : {}) }, line: e.message });
        continue;
      }
      await undoAll(created);
      throw e;
    }
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
  const namespaces = new Map<NamespaceType, string>();
  for (const nc of all) {
    const cfg = nc.context.cloudMap?.service;
    const placeholder = nc.context.cloudMap?.serviceId;
    if (!cfg || !placeholder || binding.serviceIds.has(placeholder)) continue; // another operation's, already made
    let nsId = namespaces.get(cfg.namespaceType);
    if (!nsId) {
      const nsName = cfg.namespaceType === 'HTTP' ? `cf-${o.runTag}` : `cf-${o.runTag}.${cfg.namespaceType === 'DNS_PUBLIC' ? 'example.com' : 'internal'}`;
      const nsInput: Json = { Name: nsName, CreatorRequestId: `cf-${o.runTag}-${cfg.namespaceType}` };
      if (cfg.namespaceType === 'DNS_PRIVATE') nsInput.Vpc = vpcFor(o.runTag);
      const started = await call(target, 'servicediscovery', NAMESPACE_OPERATION[cfg.namespaceType], nsInput, ['OperationId']);
      const op = await waitForOperation(target, String(started.OperationId), o);
      const namespaceId = (op.Targets as Json | undefined)?.NAMESPACE;
      if (!nonEmptyString(namespaceId)) throw new HarnessError('CF_ERR_PREREQUISITE', `${target.name}: GetOperation said SUCCESS without Operation.Targets.NAMESPACE while preparing the run`);
      nsId = String(namespaceId);
      namespaces.set(cfg.namespaceType, nsId);
      const id = nsId;
      created.push(async () => { await call(target, 'servicediscovery', 'DeleteNamespace', { Id: id }); });
    }
    const svc = (await call(target, 'servicediscovery', 'CreateService', serviceInput(`cf-${o.runTag}-${nc.name}`, nsId, cfg), ['Service.Id'])).Service as Json;
    const id = String(svc.Id);
    binding.serviceIds.set(placeholder, id);
    created.push(() => cloudMapServiceCleanup(target, id, o));
  }
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
  created.push(async () => { await call(target, 'proton', 'DeleteEnvironment', { name: env }); });
  await call(target, 'proton', 'CreateService', {
    name, templateName: 'contract-fuzz-svc', templateMajorVersion: '1',
    spec: `proton: ServiceSpec\ninstances:\n  - name: first\n    environment: ${env}\n`,
  });
  created.push(() => protonServiceCleanup(target, name, o));
  return name;
}
