// A Cloud Map service's configuration as the service-dependent rules read it (record types, routing policy,
// health checks, namespace type), both ways: the CreateService members that make a service of a configuration
// (the prerequisite recipe), and the configuration of a service as GetService describes it (the user's
// --service-id, and the emulator's context for the oracle). Written once, so the three cannot drift apart.
import type { CloudMapServiceConfig, DnsRecordType, NamespaceType } from '../../contract/context.ts';
import type { Template } from '../recipe.ts';

/** The CreateService members that give a service the configuration a context names (recipe slots). */
export function serviceMembers(c: CloudMapServiceConfig): Record<string, Template | undefined> {
  const records = c.dnsRecords.length > 0;
  return {
    dnsConfig: records ? { RoutingPolicy: c.routingPolicy ?? 'MULTIVALUE', DnsRecords: c.dnsRecords.map((Type) => ({ Type, TTL: 60 })) } : undefined,
    // A DNS namespace's service without records is discoverable by API only.
    serviceType: !records && c.namespaceType !== 'HTTP' ? 'HTTP' : undefined,
    healthCheck: c.healthCheck ? { Type: 'HTTP', ResourcePath: '/', FailureThreshold: 1 } : undefined,
    healthCheckCustom: c.healthCheckCustom ? {} : undefined,
  };
}

/** What GetService says of a service (its `Service` member), or the emulator's record in that shape. */
export interface DescribedService {
  DnsConfig?: { RoutingPolicy?: 'MULTIVALUE' | 'WEIGHTED'; DnsRecords?: ReadonlyArray<{ Type: DnsRecordType }> };
  HealthCheckConfig?: unknown;
  HealthCheckCustomConfig?: unknown;
}

/** The configuration of a described service; its namespace type when known (GetService does not say it: a
 * service with DNS records is then taken to be in a private DNS namespace, else an HTTP one). */
export function serviceConfigOf(s: DescribedService, namespaceType?: NamespaceType): CloudMapServiceConfig {
  const dns = s.DnsConfig;
  return {
    namespaceType: namespaceType ?? (dns?.DnsRecords?.length ? 'DNS_PRIVATE' : 'HTTP'),
    dnsRecords: dns?.DnsRecords?.map((r) => r.Type) ?? [],
    ...(dns?.RoutingPolicy ? { routingPolicy: dns.RoutingPolicy } : {}),
    healthCheck: s.HealthCheckConfig !== undefined,
    healthCheckCustom: s.HealthCheckCustomConfig !== undefined,
  };
}
