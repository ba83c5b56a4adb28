import { describe, expect, it } from 'vitest';
import { cloudMapServiceRules } from '../../src/rules/index.ts';
import { expect as oracle } from '../../src/oracle/index.ts';
import type { CloudMapServiceConfig } from '../../src/contract/context.ts';
import { cloudMap, register } from '../oracle/contexts.ts';

type Case = { config: Partial<CloudMapServiceConfig>; valid: Record<string, string>; invalid: Record<string, string> };

// Per rule: a service configuration that triggers it, a boundary-valid payload and a violating one.
const CASES: Record<string, Case> = {
  'rule:ec2-instance-id-http-namespace-only': {
    config: { namespaceType: 'DNS_PRIVATE' },
    valid: { custom: 'x' },
    invalid: { AWS_EC2_INSTANCE_ID: 'i-0123456789abcdef0' },
  },
  'rule:a-record-requires-ipv4': { config: { dnsRecords: ['A'] }, valid: { AWS_INSTANCE_IPV4: '192.0.2.44' }, invalid: { AWS_INSTANCE_IPV6: '2001:db8::1' } },
  'rule:aaaa-record-requires-ipv6': { config: { dnsRecords: ['AAAA'] }, valid: { AWS_INSTANCE_IPV6: '2001:db8::1' }, invalid: { AWS_INSTANCE_IPV4: '192.0.2.44' } },
  'rule:cname-record-requires-cname': { config: { dnsRecords: ['CNAME'] }, valid: { AWS_INSTANCE_CNAME: 'example.com' }, invalid: { AWS_INSTANCE_IPV4: '192.0.2.44' } },
  'rule:srv-record-requires-ipv4-or-ipv6': {
    config: { dnsRecords: ['SRV'] },
    valid: { AWS_INSTANCE_IPV6: '2001:db8::1', AWS_INSTANCE_PORT: '443' },
    invalid: { AWS_INSTANCE_PORT: '443' },
  },
  'rule:srv-record-requires-port': {
    config: { dnsRecords: ['SRV'] },
    valid: { AWS_INSTANCE_IPV4: '192.0.2.44', AWS_INSTANCE_PORT: '443' },
    invalid: { AWS_INSTANCE_IPV4: '192.0.2.44' },
  },
  'rule:health-check-requires-port': {
    config: { namespaceType: 'DNS_PUBLIC', healthCheck: true },
    valid: { AWS_INSTANCE_PORT: '80' },
    invalid: { custom: 'x' },
  },
  'rule:alias-requires-a-or-aaaa-record': {
    config: { namespaceType: 'HTTP', dnsRecords: [], routingPolicy: 'WEIGHTED' },
    valid: { custom: 'x' },
    invalid: { AWS_ALIAS_DNS_NAME: 'lb-1.us-east-1.elb.amazonaws.com' },
  },
  'rule:alias-requires-weighted-routing': {
    config: { dnsRecords: ['A'], routingPolicy: 'MULTIVALUE' },
    valid: { AWS_INSTANCE_IPV4: '192.0.2.44' },
    invalid: { AWS_ALIAS_DNS_NAME: 'lb-1.us-east-1.elb.amazonaws.com' },
  },
};

describe('service-dependent rules', () => {
  it('every rule has a case here, needs the service and is documented in seed 001', () => {
    expect(cloudMapServiceRules.map((r) => r.id).sort()).toEqual(Object.keys(CASES).sort());
    for (const r of cloudMapServiceRules) {
      expect(r.needs).toBe('cloudMap.service');
      expect(r.source).toContain('seeds/001_7eaeaf5c0747f14e.txt');
    }
  });

  for (const rule of cloudMapServiceRules) {
    const c = CASES[rule.id]!;
    describe(rule.id, () => {
      it('accepts its boundary-valid case', () => {
        expect(rule.check(register(c.valid), cloudMap(c.config))).toBeUndefined();
        expect(oracle('RegisterInstance', register(c.valid), cloudMap(c.config))).toMatchObject({ outcome: 'success' });
      });
      it('rejects its violation with InvalidInput, naming the rule', () => {
        expect(rule.check(register(c.invalid), cloudMap(c.config))).toBeDefined();
        const e = oracle('RegisterInstance', register(c.invalid), cloudMap(c.config));
        expect(e).toMatchObject({ outcome: 'error', codes: ['InvalidInput'], statuses: [400] });
        expect(e.outcome === 'error' && e.violations.map((v) => v.constraint)).toContain(rule.id);
      });
      it('is not evaluated without the service configuration', () => {
        expect(rule.check(register(c.invalid), {})).toBeUndefined();
      });
    });
  }

  it('AWS_EC2_INSTANCE_ID is accepted in an HTTP namespace', () => {
    const ctx = cloudMap({ namespaceType: 'HTTP' });
    expect(oracle('RegisterInstance', register({ AWS_EC2_INSTANCE_ID: 'i-0abc', AWS_INIT_HEALTH_STATUS: 'HEALTHY' }), ctx).outcome).toBe('success');
  });

  it('SRV with both addresses and the port is valid; SRV+A without any address breaks three rules', () => {
    const ctx = cloudMap({ dnsRecords: ['A', 'SRV'] });
    expect(oracle('RegisterInstance', register({ AWS_INSTANCE_IPV4: '192.0.2.1', AWS_INSTANCE_IPV6: '2001:db8::1', AWS_INSTANCE_PORT: '1' }), ctx).outcome).toBe('success');
    const e = oracle('RegisterInstance', register({ team: 'x' }), ctx);
    expect(e.outcome === 'error' && e.violations.map((v) => v.constraint)).toEqual([
      'rule:a-record-requires-ipv4',
      'rule:srv-record-requires-ipv4-or-ipv6',
      'rule:srv-record-requires-port',
    ]);
    expect(e.outcome === 'error' && e.message).toBe('AWS_INSTANCE_IPV4 is required because the service includes settings for an A record.');
  });

  it('an alias on an A service with WEIGHTED routing needs no IPv4 (inferred exemption)', () => {
    const ctx = cloudMap({ dnsRecords: ['A'], routingPolicy: 'WEIGHTED', healthCheck: true });
    expect(oracle('RegisterInstance', register({ AWS_ALIAS_DNS_NAME: 'lb-1.us-east-1.elb.amazonaws.com' }), ctx).outcome).toBe('success');
  });

  it('the missing-port message is the one AWS answered (consul-aws#8)', () => {
    const e = oracle('RegisterInstance', register({ AWS_INSTANCE_IPV4: '192.0.2.1' }), cloudMap({ dnsRecords: ['SRV'] }));
    expect(e.outcome === 'error' && e.message).toBe('A valid port number must be supplied.');
  });
});
