// Realistic values for the reserved Cloud Map attributes: what a client registering a real instance
// sends (an IPv4 or IPv6 address, a host name, a port, an ELB DNS name, an EC2 instance id). All of them
// satisfy the AttrValue pattern and stay short, so they never eat the 5,000-character budget.
import fc from 'fast-check';
import type { ReservedAttribute } from '../../rules/cloudmap-attributes.ts';
import { DIGIT, LOWER, union } from '../strings/chars.ts';
import { classString } from '../strings/classString.ts';

const LABEL = union(LOWER, DIGIT);
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex4 = (n: number) => HEX2[(n >>> 8) & 255]! + HEX2[n & 255]!;
const hex8 = (n: number) => hex4(n >>> 16) + hex4(n & 0xffff);

export const ipv4 = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(0xffffff)).map(([a, n]) => `${a}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`);

/** Documentation prefix 2001:db8::/32, full or shortened groups (the seed's example is the full form). */
export const ipv6 = fc.tuple(fc.nat(0xffffff), fc.nat(0xffffff), fc.nat(0xffffff), fc.boolean()).map(([a, b, c, full]) => {
  const groups = [a >>> 8, ((a & 0xff) << 8) | (b >>> 16), b & 0xffff, c >>> 8, c & 0xff, (a ^ c) & 0xffff];
  let out = full ? '2001:0db8' : '2001:db8';
  for (const g of groups) out += `:${full ? hex4(g) : g.toString(16)}`;
  return out;
});

export const hostName = classString({ min: 1, max: 20, rest: LABEL }).map((l) => `${l}.example.com`);
export const port = fc.integer({ min: 1, max: 65535 }).map(String);
export const aliasDnsName = classString({ min: 1, max: 32, rest: LABEL }).map((l) => `internal-${l}-1234567890.us-east-1.elb.amazonaws.com`);
export const ec2InstanceId = fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => `i-0${hex8(a)}${hex8(b)}`);
export const INIT_HEALTH_VALUES = ['HEALTHY', 'UNHEALTHY'] as const;
export const initHealthStatus = fc.constantFrom(...INIT_HEALTH_VALUES);

export const RESERVED_VALUES: Readonly<Record<ReservedAttribute, fc.Arbitrary<string>>> = {
  AWS_ALIAS_DNS_NAME: aliasDnsName,
  AWS_EC2_INSTANCE_ID: ec2InstanceId,
  AWS_INIT_HEALTH_STATUS: initHealthStatus,
  AWS_INSTANCE_CNAME: hostName,
  AWS_INSTANCE_IPV4: ipv4,
  AWS_INSTANCE_IPV6: ipv6,
  AWS_INSTANCE_PORT: port,
};

export const INSTANCE_ATTRIBUTES = ['AWS_INSTANCE_CNAME', 'AWS_INSTANCE_IPV4', 'AWS_INSTANCE_IPV6', 'AWS_INSTANCE_PORT'] as const;
export type InstanceAttribute = (typeof INSTANCE_ATTRIBUTES)[number];
