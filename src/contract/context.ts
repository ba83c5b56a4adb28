// What the oracle needs to know about the world a payload is sent into. Service-dependent rules
// (record types, routing policy, health checks, namespace type) read it; it is plain data.

export type DnsRecordType = 'A' | 'AAAA' | 'CNAME' | 'SRV';
export type NamespaceType = 'HTTP' | 'DNS_PUBLIC' | 'DNS_PRIVATE';

export interface CloudMapServiceConfig {
  namespaceType: NamespaceType;
  dnsRecords: DnsRecordType[];
  routingPolicy?: 'MULTIVALUE' | 'WEIGHTED';
  healthCheck: boolean; // HealthCheckConfig (Route 53 health check)
  healthCheckCustom: boolean; // HealthCheckCustomConfig
}

export interface CloudMapContext {
  serviceId: string;
  /** null: no such service (expect ServiceNotFound). */
  service: CloudMapServiceConfig | null;
}

export interface ProtonContext {
  serviceName: string;
  serviceExists: boolean;
}

export interface OracleContext {
  cloudMap?: CloudMapContext;
  proton?: ProtonContext;
}

/** A coverage context: a world cases are generated in, named (its service ids are placeholders the run binds). */
export interface NamedContext {
  name: string;
  context: OracleContext;
}
