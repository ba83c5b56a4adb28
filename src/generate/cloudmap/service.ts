// What a Cloud Map service configuration asks of an instance's attributes (seed 001, "Attributes"): the
// requirements are the rules' own table (src/rules/cloudmap-service.ts INSTANCE_REQUIREMENTS), so what the
// generators build and what the oracle checks are read from one place.
import type { CloudMapServiceConfig } from '../../contract/context.ts';
import { serviceNeeds } from '../../rules/cloudmap-service.ts';
import type { InstanceAttribute } from './values.ts';

export type Service = CloudMapServiceConfig | null;
/** normal: AWS_INSTANCE_* attributes; alias: AWS_ALIAS_DNS_NAME; ec2: AWS_EC2_INSTANCE_ID. */
export type Mode = 'normal' | 'alias' | 'ec2';

const has = (s: Service, t: 'A' | 'AAAA' | 'CNAME' | 'SRV') => s?.dnsRecords.includes(t) ?? false;

/** ipv4, ipv6, cname, port: that attribute; address: IPV4 or IPV6 (or both). */
export const needs = serviceNeeds;

/** AWS_INSTANCE_* attributes that must be present (an SRV address is an either-or, see `needs`). */
export function requiredInstanceAttributes(s: Service): InstanceAttribute[] {
  const n = needs(s);
  const out: InstanceAttribute[] = [];
  if (n.ipv4) out.push('AWS_INSTANCE_IPV4');
  if (n.ipv6) out.push('AWS_INSTANCE_IPV6');
  if (n.cname) out.push('AWS_INSTANCE_CNAME');
  if (n.port) out.push('AWS_INSTANCE_PORT');
  return out;
}

/** Alias registrations are valid: A or AAAA records, WEIGHTED routing, and no record that needs an AWS_INSTANCE_* value. */
export const aliasAllowed = (s: Service): boolean =>
  s !== null && (has(s, 'A') || has(s, 'AAAA')) && s.routingPolicy === 'WEIGHTED' && !has(s, 'CNAME') && !has(s, 'SRV');

/** EC2 registrations are valid: HTTP namespace, and nothing that needs another attribute. */
export const ec2Allowed = (s: Service): boolean =>
  s !== null && s.namespaceType === 'HTTP' && requiredInstanceAttributes(s).length === 0 && !needs(s).address;

/** AWS_INIT_HEALTH_STATUS is only sent to services with a custom health check (the only ones it means something to). */
export const initAllowed = (s: Service): boolean => s?.healthCheckCustom ?? false;

export function modesOf(s: Service): Mode[] {
  const m: Mode[] = ['normal'];
  if (aliasAllowed(s)) m.push('alias');
  if (ec2Allowed(s)) m.push('ec2');
  return m;
}

/** The dependent rules an alias registration breaks in `s` (empty where aliases are allowed). */
export function aliasBreaks(s: CloudMapServiceConfig): string[] {
  const out: string[] = [];
  const n = needs(s);
  if (!has(s, 'A') && !has(s, 'AAAA')) out.push('rule:alias-requires-a-or-aaaa-record');
  if (s.routingPolicy !== 'WEIGHTED') out.push('rule:alias-requires-weighted-routing');
  if (n.cname) out.push('rule:cname-record-requires-cname');
  if (n.address) out.push('rule:srv-record-requires-ipv4-or-ipv6');
  if (has(s, 'SRV')) out.push('rule:srv-record-requires-port');
  return out;
}
