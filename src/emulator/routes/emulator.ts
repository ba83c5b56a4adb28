// Emulator-only extension operations (X-Amz-Target `ContractFuzzEmulator.<Op>`, awsJson 1.1, `message`).
// Not part of any AWS API: nothing here is validated by the reference validator.
//
//   ContractFuzzEmulator.Seed   creates prerequisites at once, no operations to wait for:
//     { "cloudMap": { "namespaces": [{ "name", "type"?: "HTTP"|"DNS_PRIVATE"|"DNS_PUBLIC", "vpc"? }],
//                     "services":   [{ "name", "namespace": name-or-id, "dnsRecords"?: ["A", …], "ttl"?,
//                                      "routingPolicy"?, "healthCheck"?: bool, "healthCheckCustom"?: bool }] },
//       "proton":   { "environments": [{ "name", "templateName"?, "templateMajorVersion"?, "templateMinorVersion"? }],
//                     "services":     [{ "name", "templateName"?, "templateMajorVersion"?, "templateMinorVersion"?,
//                                        "spec"?, "environmentName"? }] } }
//     → the same lists with ids and ARNs. Entries are applied in order; the first failure answers and stops.
//   ContractFuzzEmulator.Reset  {} → {}: forgets every resource and restarts the id sequence from the seed.
import type { NamespaceType } from '../../contract/context.ts';
import type { CloudMapState, DnsConfig, NamespaceRecord } from '../state/cloudmap.ts';
import type { ProtonState } from '../state/proton.ts';
import { fail, type EmulatorError } from '../types.ts';
import type { Input, RouteResult, Routes } from './route.ts';

export interface EmulatorControl {
  cloudMap: CloudMapState;
  proton: ProtonState;
  reset(): void;
}

const NAMESPACE_TYPES = new Set(['HTTP', 'DNS_PRIVATE', 'DNS_PUBLIC']);

const list = (v: unknown): Input[] | undefined =>
  (Array.isArray(v) && v.every((e) => e !== null && typeof e === 'object' && !Array.isArray(e)) ? (v as Input[]) : undefined);
const text = (v: unknown, fallback?: string): string | undefined => (typeof v === 'string' && v.length > 0 ? v : fallback);

class SeedError {
  constructor(readonly error: EmulatorError) {}
}
const bad = (message: string): never => { throw new SeedError(fail('ValidationException', message).error); };
const must = <T>(r: { value: T } | { error: EmulatorError }): T => {
  if ('error' in r) throw new SeedError(r.error);
  return r.value;
};
const entries = (v: unknown, where: string): Input[] => (v === undefined ? [] : list(v) ?? bad(`${where} must be a list of objects`));
const name = (e: Input, where: string): string => text(e.name) ?? bad(`${where}: name is required`);

function seedCloudMap(cm: CloudMapState, input: Input): Record<string, unknown> {
  const namespaces = entries(input.namespaces, 'cloudMap.namespaces').map((e) => {
    const type = text(e.type, 'HTTP')!;
    if (!NAMESPACE_TYPES.has(type)) bad(`cloudMap.namespaces: unknown type ${type}`);
    const ns = must(cm.seedNamespace(type as NamespaceType, { Name: name(e, 'cloudMap.namespaces'), Vpc: text(e.vpc) }));
    return { name: ns.name, id: ns.id, arn: ns.arn, type: ns.type };
  });
  const services = entries(input.services, 'cloudMap.services').map((e) => {
    const ref = text(e.namespace) ?? bad('cloudMap.services: namespace is required');
    const ns: NamespaceRecord | undefined = cm.getNamespace(ref) ?? [...cm.namespaces.values()].find((n) => n.name === ref);
    if (!ns) bad(`cloudMap.services: no namespace ${ref}`);
    const records = e.dnsRecords === undefined ? [] : (Array.isArray(e.dnsRecords) ? e.dnsRecords : bad('cloudMap.services: dnsRecords must be a list'));
    const ttl = typeof e.ttl === 'number' ? e.ttl : 60;
    const dns: DnsConfig | undefined = records.length
      ? { DnsRecords: records.map((t) => ({ Type: t as DnsConfig['DnsRecords'][number]['Type'], TTL: ttl })), RoutingPolicy: (text(e.routingPolicy) as DnsConfig['RoutingPolicy']) ?? 'MULTIVALUE' }
      : undefined;
    const s = must(cm.createService({
      Name: name(e, 'cloudMap.services'), NamespaceId: ns!.id, DnsConfig: dns,
      HealthCheckConfig: e.healthCheck === true ? { Type: 'HTTP', ResourcePath: '/', FailureThreshold: 1 } : undefined,
      HealthCheckCustomConfig: e.healthCheckCustom === true ? { FailureThreshold: 1 } : undefined,
    }));
    return { name: s.name, id: s.id, arn: s.arn, namespaceId: s.namespaceId };
  });
  return { namespaces, services };
}

function seedProton(p: ProtonState, input: Input): Record<string, unknown> {
  const template = (e: Input) => ({
    templateName: text(e.templateName, 'emulator-template')!,
    templateMajorVersion: text(e.templateMajorVersion, '1')!,
    templateMinorVersion: text(e.templateMinorVersion, '0')!,
  });
  const environments = entries(input.environments, 'proton.environments').map((e) => {
    const env = must(p.createEnvironment({ name: name(e, 'proton.environments'), spec: text(e.spec), ...template(e) }));
    return { name: env.name, arn: env.arn };
  });
  const services = entries(input.services, 'proton.services').map((e) => {
    const s = must(p.createService({
      name: name(e, 'proton.services'), spec: text(e.spec, 'proton: ServiceSpec\n')!, environmentName: text(e.environmentName), ...template(e),
    }));
    return { name: s.name, arn: s.arn, environmentName: s.environmentName };
  });
  return { environments, services };
}

export const emulatorRoutes: Routes<EmulatorControl> = {
  Seed: {
    resolve: (input, control): RouteResult => {
      try {
        const out: Record<string, unknown> = {};
        if (input.cloudMap !== undefined) out.cloudMap = seedCloudMap(control.cloudMap, (input.cloudMap ?? {}) as Input);
        if (input.proton !== undefined) out.proton = seedProton(control.proton, (input.proton ?? {}) as Input);
        return { output: out };
      } catch (e) {
        if (e instanceof SeedError) return { error: e.error };
        throw e;
      }
    },
  },
  Reset: {
    resolve: (_input, control) => {
      control.reset();
      return { output: {} };
    },
  },
};
