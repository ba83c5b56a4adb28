// Creates what the generated cases need on a target, through the public API (one code path for the
// builtin emulator, moto, LocalStack and AWS): Cloud Map namespaces and one service per coverage context,
// a Proton environment and service. Or takes the user's existing ones (--service-id / --proton-service).
import { HarnessError } from '../errors.ts';
import type { NamedContext } from '../generate/index.ts';
import type { CloudMapServiceConfig, NamespaceType } from '../oracle/context.ts';
import type { Outcome } from '../protocol/outcome.ts';
import type { Target } from '../targets/target.ts';
import { emptyBinding, type Binding } from './binding.ts';

export interface Prepared {
  binding: Binding;
  /** Contexts to generate in, per operation (narrowed to the user's service when one was given). */
  contexts: Record<string, NamedContext[]>;
  /** Removes what this run created (used for real AWS; a no-op for resources the user supplied). */
  cleanup(): Promise<string[]>;
}

export interface PrepareOptions {
  operations: string[];
  contexts: Record<string, NamedContext[]>;
  /** Short tag making names unique per run. */
  runTag: string;
  serviceId?: string;
  protonService?: string;
  pollIntervalMs?: number;
  pollTimeoutMs?: number;
  signal?: AbortSignal;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Json = Record<string, unknown>;

/**
 * One preparation call. `needs`: dotted paths the answer must hold as non-empty strings (`Operation.Status`):
 * an answer without them fails at once, with one line saying what was missing, instead of polling on `undefined`.
 */
async function call(target: Target, service: string, operation: string, input: Json, needs: string[] = []): Promise<Json> {
  const o: Outcome = await target.send({ service, operation, input });
  const ok = o.status >= 200 && o.status < 300;
  if (ok && o.body && typeof o.body === 'object') {
    const missing = needs.filter((path) => !nonEmptyString(path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Json)[k] : undefined), o.body)));
    if (missing.length === 0) return o.body as Json;
    throw new HarnessError('CF_ERR_PREREQUISITE', `${target.name}: ${operation} answered HTTP ${o.status} without ${missing.join(', ')} while preparing the run (body: ${shortJson(o.body)})`);
  }
  const why = o.transport ? `${o.transport.failure}: ${o.transport.message}`
    : ok ? `HTTP ${o.status} with ${o.bodyProblem ? `an unreadable body (${o.bodyProblem})` : 'no JSON object'}${o.bodyExcerpt ? `: ${o.bodyExcerpt.slice(0, 80)}` : ''}`
      : `${o.code ?? `HTTP ${o.status}`}${o.message ? `: ${o.message}` : ''}`;
  throw new HarnessError('CF_ERR_PREREQUISITE', `${target.name}: ${operation} failed while preparing the run (${why})`);
}

const nonEmptyString = (v: unknown): boolean => typeof v === 'string' && v !== '';
const shortJson = (v: unknown): string => { const t = JSON.stringify(v) ?? ''; return t.length > 120 ? `${t.slice(0, 120)}…` : t; };

async function waitForOperation(target: Target, operationId: string, o: PrepareOptions): Promise<Json> {
  const deadline = Date.now() + (o.pollTimeoutMs ?? 120_000);
  for (;;) {
    const op = (await call(target, 'servicediscovery', 'GetOperation', { OperationId: operationId }, ['Operation.Status'])).Operation as Json | undefined;
    const status = op?.Status;
    if (status === 'SUCCESS') return op as Json;
    if (status === 'FAIL') throw new HarnessError('CF_ERR_PREREQUISITE', `${target.name}: operation ${operationId} failed: ${String(op?.ErrorMessage ?? '')}`);
    if (Date.now() > deadline || o.signal?.aborted) throw new HarnessError('CF_ERR_PREREQUISITE', `${target.name}: operation ${operationId} did not complete in time`);
    await sleep(o.pollIntervalMs ?? 25);
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

async function undoAll(created: Array<() => Promise<void>>): Promise<string[]> {
  const problems: string[] = [];
  // Services before namespaces: undo in reverse order of creation.
  for (const undo of [...created].reverse()) {
    try { await undo(); } catch (e) { problems.push((e as Error).message); }
  }
  return problems;
}

export async function prepare(target: Target, o: PrepareOptions): Promise<Prepared> {
  const created: Array<() => Promise<void>> = [];
  try {
    return await prepareInto(target, o, created);
  } catch (e) {
    // A half-prepared run must not leave resources behind (on AWS they cost money).
    await undoAll(created);
    throw e;
  }
}

async function prepareInto(target: Target, o: PrepareOptions, created: Array<() => Promise<void>>): Promise<Prepared> {
  const binding = emptyBinding();
  const contexts: Record<string, NamedContext[]> = { ...o.contexts };

  if (o.operations.includes('RegisterInstance')) {
    const all = o.contexts.RegisterInstance ?? [];
    if (o.serviceId) {
      // The user's service: learn its configuration, generate only in it (and in a missing service).
      const svc = (await call(target, 'servicediscovery', 'GetService', { Id: o.serviceId }, ['Service.Id'])).Service as Json;
      const dns = svc.DnsConfig as { RoutingPolicy?: 'MULTIVALUE' | 'WEIGHTED'; DnsRecords?: Array<{ Type: CloudMapServiceConfig['dnsRecords'][number] }> } | undefined;
      const config: CloudMapServiceConfig = {
        namespaceType: dns?.DnsRecords?.length ? 'DNS_PRIVATE' : 'HTTP',
        dnsRecords: dns?.DnsRecords?.map((r) => r.Type) ?? [],
        ...(dns?.RoutingPolicy ? { routingPolicy: dns.RoutingPolicy } : {}),
        healthCheck: svc.HealthCheckConfig !== undefined, healthCheckCustom: svc.HealthCheckCustomConfig !== undefined,
      };
      contexts.RegisterInstance = [
        { name: 'user', context: { cloudMap: { serviceId: o.serviceId, service: config } } },
        ...all.filter((c) => c.context.cloudMap?.service === null),
      ];
    } else {
      const namespaces = new Map<NamespaceType, string>();
      for (const nc of all) {
        const cfg = nc.context.cloudMap?.service;
        const placeholder = nc.context.cloudMap?.serviceId;
        if (!cfg || !placeholder) continue;
        let nsId = namespaces.get(cfg.namespaceType);
        if (!nsId) {
          const nsName = cfg.namespaceType === 'HTTP' ? `cf-${o.runTag}` : `cf-${o.runTag}.${cfg.namespaceType === 'DNS_PUBLIC' ? 'example.com' : 'internal'}`;
          const nsInput: Json = { Name: nsName, CreatorRequestId: `cf-${o.runTag}-${cfg.namespaceType}` };
          if (cfg.namespaceType === 'DNS_PRIVATE') nsInput.Vpc = process.env.CONTRACT_FUZZ_VPC_ID ?? 'vpc-contractfuzz';
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
        created.push(async () => {
          const listed = await call(target, 'servicediscovery', 'ListInstances', { ServiceId: id });
          for (const i of (listed.Instances as Json[] | undefined) ?? []) await call(target, 'servicediscovery', 'DeregisterInstance', { ServiceId: id, InstanceId: i.Id });
          await call(target, 'servicediscovery', 'DeleteService', { Id: id });
        });
      }
    }
  }

  if (o.operations.includes('CreateServiceInstance')) {
    const all = o.contexts.CreateServiceInstance ?? [];
    const real = o.protonService ?? (await createProtonService(target, o.runTag, created));
    for (const nc of all) {
      const p = nc.context.proton;
      if (p?.serviceExists) binding.serviceNames.set(p.serviceName, real);
    }
  }

  return {
    binding,
    contexts,
    cleanup: () => undoAll(created),
  };
}

async function createProtonService(target: Target, runTag: string, created: Array<() => Promise<void>>): Promise<string> {
  const env = `cf-${runTag}-env`;
  const name = `cf-${runTag}-svc`;
  await call(target, 'proton', 'CreateEnvironment', { name: env, templateName: 'contract-fuzz-env', templateMajorVersion: '1', spec: 'proton: EnvironmentSpec\nspec: {}\n' });
  created.push(async () => { await call(target, 'proton', 'DeleteEnvironment', { name: env }); });
  await call(target, 'proton', 'CreateService', {
    name, templateName: 'contract-fuzz-svc', templateMajorVersion: '1',
    spec: `proton: ServiceSpec\ninstances:\n  - name: first\n    environment: ${env}\n`,
  });
  created.push(async () => { await call(target, 'proton', 'DeleteService', { name }); });
  return name;
}
