// The Cloud Map service configurations a run needs so that every RegisterInstance id can be reached, each
// alone where a realistic service allows it: HTTP namespace (EC2 registrations), DNS services without
// records, with A/AAAA + WEIGHTED (aliases), A + health check (port), SRV, SRV + A + health check, CNAME,
// and a service that does not exist. Ids are placeholders (`srv-<name>`); the runner binds real ones.
import type { CloudMapServiceConfig, NamedContext } from '../../contract/context.ts';

const service = (name: string, config: CloudMapServiceConfig | null): NamedContext => ({
  name,
  context: { cloudMap: { serviceId: `srv-${name}`, service: config } },
});

export const cloudMapContexts = (): NamedContext[] => [
  service('http', { namespaceType: 'HTTP', dnsRecords: [], healthCheck: false, healthCheckCustom: true }),
  service('dns-http', { namespaceType: 'DNS_PRIVATE', dnsRecords: [], healthCheck: false, healthCheckCustom: false }),
  service('a-aaaa-weighted', { namespaceType: 'DNS_PRIVATE', dnsRecords: ['A', 'AAAA'], routingPolicy: 'WEIGHTED', healthCheck: false, healthCheckCustom: true }),
  service('a-multivalue-hc', { namespaceType: 'DNS_PUBLIC', dnsRecords: ['A'], routingPolicy: 'MULTIVALUE', healthCheck: true, healthCheckCustom: false }),
  service('srv', { namespaceType: 'DNS_PRIVATE', dnsRecords: ['SRV'], routingPolicy: 'MULTIVALUE', healthCheck: false, healthCheckCustom: true }),
  service('a-srv-hc', { namespaceType: 'DNS_PUBLIC', dnsRecords: ['A', 'SRV'], routingPolicy: 'WEIGHTED', healthCheck: true, healthCheckCustom: false }),
  service('cname', { namespaceType: 'DNS_PRIVATE', dnsRecords: ['CNAME'], routingPolicy: 'WEIGHTED', healthCheck: false, healthCheckCustom: false }),
  service('missing', null),
];
