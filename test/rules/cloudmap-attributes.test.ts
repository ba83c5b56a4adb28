import { describe, expect, it } from 'vitest';
import {
  aliasExcludesInstanceAttributes, attributesTotalMax5000, cloudMapAttributeRules, customAttributesMax30,
  ec2InstanceIdExclusive, initHealthStatusValues, isCustomAttribute, RESERVED_ATTRIBUTES, charLength,
} from '../../src/rules/index.ts';
import { expect as oracle } from '../../src/oracle/index.ts';
import { cloudMap, customAttributes, register } from '../oracle/contexts.ts';

const check = (rule: typeof customAttributesMax30, attrs: Record<string, string>) => rule.check(register(attrs), {});
const ids = (e: ReturnType<typeof oracle>) => (e.outcome === 'error' ? e.violations.map((v) => v.constraint) : []);

describe('custom attributes: at most 30', () => {
  it('accepts 30 custom attributes plus every reserved key', () => {
    const attrs = { ...customAttributes(30), AWS_INSTANCE_IPV4: '10.0.0.1', AWS_INSTANCE_PORT: '80', AWS_INIT_HEALTH_STATUS: 'HEALTHY' };
    expect(check(customAttributesMax30, attrs)).toBeUndefined();
  });
  it('rejects 31 custom attributes', () => {
    expect(check(customAttributesMax30, customAttributes(31))).toEqual({
      path: 'Attributes',
      message: 'You can add up to 30 custom attributes; the request has 31.',
    });
  });
  it('counts an unlisted AWS_ key as custom, the seven listed keys as reserved', () => {
    expect(RESERVED_ATTRIBUTES).toHaveLength(7);
    expect(isCustomAttribute('AWS_INSTANCE_IPV4')).toBe(false);
    expect(isCustomAttribute('AWS_SOMETHING_ELSE')).toBe(true);
    expect(check(customAttributesMax30, { ...customAttributes(30), AWS_SOMETHING_ELSE: 'x' })).toBeDefined();
  });
  it('the oracle answers InvalidInput for 31 and success for 30', () => {
    const ctx = cloudMap();
    expect(oracle('RegisterInstance', register(customAttributes(30)), ctx).outcome).toBe('success');
    const e = oracle('RegisterInstance', register(customAttributes(31)), ctx);
    expect(e).toMatchObject({ outcome: 'error', codes: ['InvalidInput'], statuses: [400], confidence: 'documented' });
    expect(ids(e)).toEqual(['rule:custom-attributes-max-30']);
  });
});

describe('all keys and values together: at most 5,000 characters', () => {
  // 5 attributes: keys k0..k4 (2 chars each), values (each ≤ 1,024, the model's limit) summing to n - 10.
  const total = (n: number) => {
    const v = n - 10;
    const q = Math.floor(v / 5);
    return { k0: 'a'.repeat(q), k1: 'b'.repeat(q), k2: 'c'.repeat(q), k3: 'd'.repeat(q), k4: 'e'.repeat(v - 4 * q) };
  };
  const size = (a: Record<string, string>) => Object.entries(a).reduce((n, [k, v]) => n + charLength(k) + charLength(v), 0);

  it('accepts exactly 5,000', () => {
    expect(size(total(5000))).toBe(5000);
    expect(check(attributesTotalMax5000, total(5000))).toBeUndefined();
    expect(oracle('RegisterInstance', register(total(5000)), cloudMap()).outcome).toBe('success');
  });
  it('rejects 5,001', () => {
    expect(size(total(5001))).toBe(5001);
    expect(check(attributesTotalMax5000, total(5001))?.message).toBe(
      'The total size of all provided attributes (sum of all keys and values) must not exceed 5000 characters; the request has 5001.',
    );
    expect(ids(oracle('RegisterInstance', register(total(5001)), cloudMap()))).toEqual(['rule:attributes-total-chars-max-5000']);
  });
  it('counts reserved keys and their values too', () => {
    const a = { ...total(5000 - 'AWS_INSTANCE_PORT'.length - 2), AWS_INSTANCE_PORT: '80' };
    expect(check(attributesTotalMax5000, a)).toBeUndefined();
    expect(check(attributesTotalMax5000, { ...a, AWS_INSTANCE_PORT: '808' })).toBeDefined();
  });
});

describe('charLength counts code points', () => {
  it('counts a surrogate pair once and ASCII per unit', () => {
    expect(charLength('abc')).toBe(3);
    expect(charLength('a😀b')).toBe(3);
    expect(charLength('\uD800x')).toBe(2); // lone surrogate: one each
  });
});

describe('AWS_INIT_HEALTH_STATUS ∈ {HEALTHY, UNHEALTHY}', () => {
  it.each(['HEALTHY', 'UNHEALTHY'])('accepts %s', (v) => {
    expect(check(initHealthStatusValues, { AWS_INIT_HEALTH_STATUS: v })).toBeUndefined();
  });
  it.each(['healthy', 'UNKNOWN', ''])('rejects %j', (v) => {
    expect(check(initHealthStatusValues, { AWS_INIT_HEALTH_STATUS: v })).toMatchObject({ path: 'Attributes.AWS_INIT_HEALTH_STATUS' });
  });
});

describe('AWS_EC2_INSTANCE_ID: only AWS_INIT_HEALTH_STATUS may accompany it', () => {
  it('accepts it alone and with AWS_INIT_HEALTH_STATUS', () => {
    expect(check(ec2InstanceIdExclusive, { AWS_EC2_INSTANCE_ID: 'i-0abc' })).toBeUndefined();
    expect(check(ec2InstanceIdExclusive, { AWS_EC2_INSTANCE_ID: 'i-0abc', AWS_INIT_HEALTH_STATUS: 'UNHEALTHY' })).toBeUndefined();
  });
  it.each(['AWS_INSTANCE_IPV4', 'AWS_INSTANCE_PORT', 'custom'])('rejects it with %s', (k) => {
    expect(check(ec2InstanceIdExclusive, { AWS_EC2_INSTANCE_ID: 'i-0abc', [k]: '1' })).toMatchObject({ path: `Attributes.${k}` });
  });
});

describe('AWS_ALIAS_DNS_NAME excludes AWS_INSTANCE_*', () => {
  it('accepts the alias with other attributes', () => {
    expect(check(aliasExcludesInstanceAttributes, { AWS_ALIAS_DNS_NAME: 'lb.example.com', AWS_INIT_HEALTH_STATUS: 'HEALTHY', team: 'x' })).toBeUndefined();
  });
  it.each(['AWS_INSTANCE_IPV4', 'AWS_INSTANCE_IPV6', 'AWS_INSTANCE_CNAME', 'AWS_INSTANCE_PORT'])('rejects it with %s', (k) => {
    expect(check(aliasExcludesInstanceAttributes, { AWS_ALIAS_DNS_NAME: 'lb.example.com', [k]: '1' })).toMatchObject({ path: `Attributes.${k}` });
  });
});

describe('rule data', () => {
  it('every service-independent rule is documented in seed 001, InvalidInput, no context needed', () => {
    for (const r of cloudMapAttributeRules) {
      expect(r).toMatchObject({ operation: 'RegisterInstance', code: 'InvalidInput', confidence: 'documented', path: 'Attributes' });
      expect(r.id).toMatch(/^rule:[a-z0-9-]+$/);
      expect(r.source).toContain('seeds/001_7eaeaf5c0747f14e.txt');
      expect(r.needs).toBeUndefined();
    }
  });
});
