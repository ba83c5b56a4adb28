// Cloud Map RegisterInstance: the documented rules that depend on the service named by ServiceId (its DNS
// record types, routing policy, health checks and namespace type). The oracle checks them only after the
// service is known to exist; without `ctx.cloudMap.service` they are not evaluated.
// Source: seed 001 (boto3 register_instance, "Attributes", one entry per reserved key).
import type { CloudMapServiceConfig, OracleContext } from '../contract/context.ts';
import { SEED_001 } from './cloudmap-attributes.ts';
import type { Rule, RuleViolation } from './rule.ts';

const OP = 'RegisterInstance';
const CODE = 'InvalidInput';
const has = Object.prototype.hasOwnProperty;

type Attrs = Readonly<Record<string, string>>;
type Check = (a: Attrs, s: CloudMapServiceConfig) => RuleViolation | undefined;

/** Wraps a check on (attributes, service config); a missing service config means "not evaluated". */
const onService = (check: Check) => (p: Readonly<Record<string, unknown>>, ctx: OracleContext) => {
  const s = ctx.cloudMap?.service;
  return s ? check(p.Attributes as Attrs, s) : undefined;
};

const required = (key: string, why: string): RuleViolation => ({
  path: `Attributes.${key}`,
  message: `${key} is required because ${why}.`,
});

const dependent = (r: Omit<Rule, 'operation' | 'path' | 'code' | 'needs' | 'check'> & { check: Check }): Rule => ({
  ...r,
  operation: OP,
  path: 'Attributes',
  code: CODE,
  needs: 'cloudMap.service',
  check: onService(r.check),
});

export const ec2InstanceIdHttpOnly = dependent({
  id: 'rule:ec2-instance-id-http-namespace-only',
  says: 'AWS_EC2_INSTANCE_ID only for services in HTTP namespaces',
  source: `${SEED_001} (Attributes: AWS_EC2_INSTANCE_ID: "HTTP namespaces only")`,
  confidence: 'documented',
  check: (a, s) =>
    has.call(a, 'AWS_EC2_INSTANCE_ID') && s.namespaceType !== 'HTTP'
      ? { path: 'Attributes.AWS_EC2_INSTANCE_ID', message: `AWS_EC2_INSTANCE_ID can be specified only for services in HTTP namespaces; this service is in a ${s.namespaceType} namespace.` }
      : undefined,
});

// With AWS_ALIAS_DNS_NAME the A/AAAA address is the alias target: the text requires A or AAAA records for
// an alias and forbids AWS_INSTANCE_* with it, so the address requirements cannot apply then (inferred).
/** What a service's configuration asks of an instance's attributes: one row per documented requirement. The
 * rules below and the generators' `serviceNeeds` (what valid attributes must carry) are both read from it. */
export interface InstanceRequirement {
  id: string;
  says: string;
  source: string;
  /** Whether the service configuration makes the requirement apply. */
  applies(s: CloudMapServiceConfig): boolean;
  /** The requirement holds when the attributes carry one of these. */
  anyOf: readonly ('AWS_INSTANCE_IPV4' | 'AWS_INSTANCE_IPV6' | 'AWS_INSTANCE_CNAME' | 'AWS_INSTANCE_PORT')[];
  /** What the generators call it (`serviceNeeds`). */
  need: 'ipv4' | 'ipv6' | 'cname' | 'address' | 'port';
  /** An alias registration (AWS_ALIAS_DNS_NAME) is exempt. */
  aliasExempt: boolean;
  violation: RuleViolation;
}

const records = (t: 'A' | 'AAAA' | 'CNAME' | 'SRV') => (s: CloudMapServiceConfig) => s.dnsRecords.includes(t);

// Message: the text AWS answered for a missing port ("InvalidInput: A valid port number must be supplied.",
// hashicorp/consul-aws#8); which of the two port rules produced it there is not known.
const PORT_MESSAGE = 'A valid port number must be supplied.';
const portMissing: RuleViolation = { path: 'Attributes.AWS_INSTANCE_PORT', message: PORT_MESSAGE };

// With AWS_ALIAS_DNS_NAME the A/AAAA address is the alias target: the text requires A or AAAA records for
// an alias and forbids AWS_INSTANCE_* with it, so the address requirements cannot apply then (inferred).
// An alias record is not associated with the health check (seed 001, AWS_ALIAS_DNS_NAME), and an alias
// forbids AWS_INSTANCE_*; so the health check's port requirement cannot apply to alias registrations (inferred exemption).
export const INSTANCE_REQUIREMENTS: readonly InstanceRequirement[] = [
  {
    id: 'rule:a-record-requires-ipv4',
    says: 'service with an A record needs AWS_INSTANCE_IPV4 (not with AWS_ALIAS_DNS_NAME: inferred exemption)',
    source: `${SEED_001} (Attributes: AWS_INSTANCE_IPV4: "required if the service ... includes settings for an A record")`,
    applies: records('A'), anyOf: ['AWS_INSTANCE_IPV4'], need: 'ipv4', aliasExempt: true,
    violation: required('AWS_INSTANCE_IPV4', 'the service includes settings for an A record'),
  },
  {
    id: 'rule:aaaa-record-requires-ipv6',
    says: 'service with an AAAA record needs AWS_INSTANCE_IPV6 (not with AWS_ALIAS_DNS_NAME: inferred exemption)',
    source: `${SEED_001} (Attributes: AWS_INSTANCE_IPV6: "required if the service ... includes settings for an AAAA record")`,
    applies: records('AAAA'), anyOf: ['AWS_INSTANCE_IPV6'], need: 'ipv6', aliasExempt: true,
    violation: required('AWS_INSTANCE_IPV6', 'the service includes settings for an AAAA record'),
  },
  {
    id: 'rule:cname-record-requires-cname',
    says: 'service with a CNAME record needs AWS_INSTANCE_CNAME',
    source: `${SEED_001} (Attributes: AWS_INSTANCE_CNAME: "required if the service ... includes settings for an CNAME record")`,
    applies: records('CNAME'), anyOf: ['AWS_INSTANCE_CNAME'], need: 'cname', aliasExempt: false,
    violation: required('AWS_INSTANCE_CNAME', 'the service includes settings for a CNAME record'),
  },
  {
    id: 'rule:srv-record-requires-ipv4-or-ipv6',
    says: 'service with an SRV record needs AWS_INSTANCE_IPV4 or AWS_INSTANCE_IPV6 (or both)',
    source: `${SEED_001} (Attributes: AWS_INSTANCE_IPV4/IPV6: "If the service includes settings for an SRV record, you must specify a value for AWS_INSTANCE_IPV4, AWS_INSTANCE_IPV6, or both")`,
    applies: records('SRV'), anyOf: ['AWS_INSTANCE_IPV4', 'AWS_INSTANCE_IPV6'], need: 'address', aliasExempt: false,
    violation: { path: 'Attributes', message: 'AWS_INSTANCE_IPV4, AWS_INSTANCE_IPV6, or both are required because the service includes settings for an SRV record.' },
  },
  {
    id: 'rule:srv-record-requires-port',
    says: 'service with an SRV record needs AWS_INSTANCE_PORT',
    source: `${SEED_001} (Attributes: AWS_INSTANCE_PORT: "required if you specified settings for an SRV record")`,
    applies: records('SRV'), anyOf: ['AWS_INSTANCE_PORT'], need: 'port', aliasExempt: false,
    violation: portMissing,
  },
  {
    id: 'rule:health-check-requires-port',
    says: 'service with HealthCheckConfig needs AWS_INSTANCE_PORT (not with AWS_ALIAS_DNS_NAME: inferred exemption)',
    source: `${SEED_001} (Attributes: AWS_INSTANCE_PORT: "required if you specified settings for ... a Route 53 health check")`,
    applies: (s) => s.healthCheck, anyOf: ['AWS_INSTANCE_PORT'], need: 'port', aliasExempt: true,
    violation: portMissing,
  },
];

/** A requirement as a rule: it applies, the attributes carry none of what it asks, and no alias exempts them. */
const requirementRule = (r: InstanceRequirement): Rule => dependent({
  id: r.id, says: r.says, source: r.source, confidence: 'documented',
  check: (a, s) =>
    r.applies(s) && !r.anyOf.some((k) => has.call(a, k)) && !(r.aliasExempt && has.call(a, 'AWS_ALIAS_DNS_NAME')) ? r.violation : undefined,
});

export const [aRecordRequiresIpv4, aaaaRecordRequiresIpv6, cnameRecordRequiresCname, srvRecordRequiresAddress, srvRecordRequiresPort, healthCheckRequiresPort] =
  INSTANCE_REQUIREMENTS.map(requirementRule) as [Rule, Rule, Rule, Rule, Rule, Rule];

/** What a service of this configuration (none: a missing service) asks every instance to carry, by need. */
export function serviceNeeds(s: CloudMapServiceConfig | null): Record<InstanceRequirement['need'], boolean> {
  const n = { ipv4: false, ipv6: false, cname: false, address: false, port: false };
  for (const r of INSTANCE_REQUIREMENTS) if (s && r.applies(s)) n[r.need] = true;
  return n;
}

export const aliasRequiresAOrAaaa = dependent({
  id: 'rule:alias-requires-a-or-aaaa-record',
  says: 'AWS_ALIAS_DNS_NAME needs a service with an A record, an AAAA record, or both',
  source: `${SEED_001} (Attributes: AWS_ALIAS_DNS_NAME: "must include settings for an A record, an AAAA record, or both")`,
  confidence: 'documented',
  check: (a, s) =>
    has.call(a, 'AWS_ALIAS_DNS_NAME') && !s.dnsRecords.includes('A') && !s.dnsRecords.includes('AAAA')
      ? { path: 'Attributes.AWS_ALIAS_DNS_NAME', message: 'AWS_ALIAS_DNS_NAME requires a service whose configuration includes settings for an A record, an AAAA record, or both.' }
      : undefined,
});

export const aliasRequiresWeighted = dependent({
  id: 'rule:alias-requires-weighted-routing',
  says: 'AWS_ALIAS_DNS_NAME needs a service with RoutingPolicy WEIGHTED',
  source: `${SEED_001} (Attributes: AWS_ALIAS_DNS_NAME: "the value of RoutingPolicy must be WEIGHTED")`,
  confidence: 'documented',
  check: (a, s) =>
    has.call(a, 'AWS_ALIAS_DNS_NAME') && s.routingPolicy !== 'WEIGHTED'
      ? { path: 'Attributes.AWS_ALIAS_DNS_NAME', message: `AWS_ALIAS_DNS_NAME requires a service whose RoutingPolicy is WEIGHTED; this service's is ${s.routingPolicy ?? 'not set'}.` }
      : undefined,
});

/** Service-dependent rules, in the order the oracle checks them. */
export const cloudMapServiceRules: readonly Rule[] = [
  ec2InstanceIdHttpOnly,
  aRecordRequiresIpv4,
  aaaaRecordRequiresIpv6,
  cnameRecordRequiresCname,
  srvRecordRequiresAddress,
  srvRecordRequiresPort,
  healthCheckRequiresPort,
  aliasRequiresAOrAaaa,
  aliasRequiresWeighted,
];
