// Contexts and payloads the oracle and rule tests share (seed 001's documented example, seed 002's request).
import type { CloudMapServiceConfig, OracleContext } from '../../src/contract/context.ts';

export const SEED_SERVICE_ID = 'srv-p5zdwlg5uvvzjita';

export const service = (over: Partial<CloudMapServiceConfig> = {}): CloudMapServiceConfig => ({
  namespaceType: 'DNS_PRIVATE',
  dnsRecords: [],
  routingPolicy: 'MULTIVALUE',
  healthCheck: false,
  healthCheckCustom: false,
  ...over,
});

export const cloudMap = (over: Partial<CloudMapServiceConfig> = {}, serviceId = SEED_SERVICE_ID): OracleContext => ({
  cloudMap: { serviceId, service: service(over) },
});

/** Seed 001, "Example: Register Instance". */
export const seedExample = () => ({
  ServiceId: SEED_SERVICE_ID,
  InstanceId: 'myservice-53',
  Attributes: { AWS_INSTANCE_IPV4: '172.2.1.3', AWS_INSTANCE_PORT: '808' } as Record<string, unknown>,
  CreatorRequestId: '7a48a98a-72e6-4849-bfa7-1a458e030d7b',
});

export const register = (attributes: Record<string, unknown>) => ({ ...seedExample(), Attributes: attributes });

/** `n` custom attributes c0..c(n-1) = 'v'. */
export const customAttributes = (n: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${i}`, 'v']));

export const PROTON_SERVICE = 'frontend';
export const proton = (serviceExists = true): OracleContext => ({ proton: { serviceName: PROTON_SERVICE, serviceExists } });

/** A CreateServiceInstance request inside every constraint of seed 002. */
export const protonRequest = (over: Record<string, unknown> = {}) => ({
  name: 'instance-1',
  serviceName: PROTON_SERVICE,
  spec: 'proton: ServiceSpec\ninstances: []\n',
  templateMajorVersion: '1',
  templateMinorVersion: '0',
  tags: [{ key: 'team', value: 'payments' }],
  clientToken: 'c2a1f7e0-token',
  ...over,
});
