// The scenario catalogue and the pure parts (attributes, ids) without a target: every id is reported by
// some family and described with a source and confidence; what the scenarios register or create is valid
// for the contract; the expectations agree with the runner's own state model and the oracle.

import { describe, expect, it } from 'vitest';
import { createStateModel } from '../../src/run/stateModel.ts';
import { expect as oracle, stateOf } from '../../src/oracle/index.ts';
import type { CloudMapServiceConfig } from '../../src/oracle/index.ts';
import { SCENARIOS, scenarioOf, scenariosOf } from '../../src/scenarios/index.ts';
import { attributesFor, registerScenarios } from '../../src/profiles/servicediscovery/registerScenarios.ts';
import { profileOf } from '../../src/profiles/index.ts';
import { familiesOf } from '../../src/scenarios/families/index.ts';
import { scenarioSetup } from '../../src/scenarios/run.ts';
import { defaultPrefix, runIds } from '../../src/scenarios/ids.ts';
import type { Case } from '../../src/contract/case.ts';

describe('catalogue', () => {
  it.each(Object.entries(SCENARIOS))('%s: every scenario is complete and reported by a family, and every family reports catalogued ids', (operation, scenarios) => {
    const profile = profileOf(operation);
    const families = familiesOf({ profile, subject: profile.scenarios! });
    const reported = new Set(families.flatMap((f) => f.scenarios));
    expect(new Set(families.map((f) => f.tag)).size).toBe(families.length);
    for (const s of scenarios) {
      expect(s.id).toMatch(/^(idempotency|state):[a-z-]+$/);
      expect(s.kind).toBe(s.id.split(':')[0]);
      expect(s.says.length).toBeGreaterThan(20);
      expect(s.source).toBe(s.expected.source);
      expect(['documented', 'inferred']).toContain(s.confidence);
      if (s.expected.outcome === 'error') expect(s.expected.codes.length).toBeGreaterThan(0);
      expect(s.expected.statuses.length).toBeGreaterThan(0);
      expect(reported.has(s.id)).toBe(true);
    }
    for (const id of reported) expect(scenariosOf(operation).map((s) => s.id)).toContain(id);
  });

  it('says how sure it is where DESIGN says so', () => {
    expect(scenarioOf('RegisterInstance', 'idempotency:token-replay').confidence).toBe('documented');
    expect(scenarioOf('RegisterInstance', 'idempotency:concurrent-same-instance').confidence).toBe('documented');
    expect(scenarioOf('RegisterInstance', 'idempotency:token-mismatch')).toMatchObject({ confidence: 'inferred', expected: { codes: ['DuplicateRequest', 'ResourceInUse'], statuses: [400, 409] } });
    expect(scenarioOf('CreateServiceInstance', 'idempotency:token-replay').confidence).toBe('inferred');
    expect(scenarioOf('CreateServiceInstance', 'idempotency:token-mismatch')).toMatchObject({ confidence: 'inferred', expected: { codes: ['ValidationException'], statuses: [400] } });
    const conflict = stateOf('proton#CreateServiceInstance', 'state:name-conflict')!;
    expect(scenarioOf('CreateServiceInstance', 'state:name-conflict')).toMatchObject({ confidence: conflict.confidence, source: conflict.source, expected: { codes: [conflict.code] } });
    expect(() => scenarioOf('CreateServiceInstance', 'state:re-register-updates')).toThrow();
  });

  it('expects the same refusals as the runner\'s state model', () => {
    const model = createStateModel({ freshTarget: true });
    const ok = { outcome: 'success', source: 's', confidence: 'documented' } as const;
    const cm = (input: Record<string, unknown>): Case => ({ operation: 'RegisterInstance', kind: 'valid', input, breaks: [], exercises: [], context: {} });
    const pr = (input: Record<string, unknown>): Case => ({ operation: 'CreateServiceInstance', kind: 'valid', input, breaks: [], exercises: [], context: {} });
    const accepted = { status: 200, headers: {}, latencyMs: 0, body: {} };
    const send = (c: Case) => { const e = model.judge(c, ok); model.commit(c, accepted); return e; };
    send(cm({ ServiceId: 's', InstanceId: 'i', CreatorRequestId: 't', Attributes: { a: '1' } }));
    const cmMismatch = model.judge(cm({ ServiceId: 's', InstanceId: 'i', CreatorRequestId: 't', Attributes: { a: '2' } }), ok);
    expect(cmMismatch).toMatchObject({ outcome: 'error', codes: scenarioOf('RegisterInstance', 'idempotency:token-mismatch').expected.codes, confidence: 'inferred' });
    send(pr({ name: 'n', serviceName: 's', spec: 'a', clientToken: 't' }));
    const prMismatch = model.judge(pr({ name: 'n', serviceName: 's', spec: 'b', clientToken: 't' }), ok);
    expect(prMismatch).toMatchObject({ outcome: 'error', codes: scenarioOf('CreateServiceInstance', 'idempotency:token-mismatch').expected.codes });
    const prConflict = model.judge(pr({ name: 'n', serviceName: 's', spec: 'a', clientToken: 'u' }), ok);
    expect(prConflict).toMatchObject({ outcome: 'error', codes: scenarioOf('CreateServiceInstance', 'state:name-conflict').expected.codes });
  });
});

const base: CloudMapServiceConfig = { namespaceType: 'DNS_PRIVATE', dnsRecords: [], routingPolicy: 'MULTIVALUE', healthCheck: false, healthCheckCustom: false };

const VARIANTS = registerScenarios.variants;

describe('what the scenarios register', () => {
  it.each([
    ['HTTP namespace', { ...base, namespaceType: 'HTTP', routingPolicy: undefined }],
    ['A', { ...base, dnsRecords: ['A'] }],
    ['AAAA', { ...base, dnsRecords: ['AAAA'] }],
    ['A and AAAA', { ...base, dnsRecords: ['A', 'AAAA'] }],
    ['SRV', { ...base, dnsRecords: ['SRV'] }],
    ['CNAME, weighted', { ...base, dnsRecords: ['CNAME'], routingPolicy: 'WEIGHTED' }],
    ['A with a health check', { ...base, namespaceType: 'DNS_PUBLIC', dnsRecords: ['A'], healthCheck: true }],
    ['custom health check', { ...base, namespaceType: 'HTTP', routingPolicy: undefined, healthCheckCustom: true }],
  ] as [string, CloudMapServiceConfig][])('%s: every variant is valid, and each differs from the others', (_name, config) => {
    expect(() => scenarioSetup('RegisterInstance', { serviceId: 'srv-x', config })).not.toThrow();
    const variants = Array.from({ length: VARIANTS }, (_, v) => attributesFor(config, v));
    for (const a of variants) {
      expect(oracle('RegisterInstance', { ServiceId: 'srv-x', InstanceId: 'i', Attributes: a }, { cloudMap: { serviceId: 'srv-x', service: config } }).outcome).toBe('success');
      expect(Object.keys(a)).toEqual(Object.keys(variants[0])); // same keys: an update changes values, not the key set
    }
    expect(new Set(variants.map((a) => JSON.stringify(a))).size).toBe(VARIANTS);
  });
});

describe('ids', () => {
  const INSTANCE_ID = /^[0-9a-zA-Z_/:.@-]+$/;
  const PROTON_NAME = /^[0-9A-Za-z]+[0-9A-Za-z_-]*$/;
  it('are valid InstanceIds, Proton names and tokens, even for the longest prefix and many runs', () => {
    for (const prefix of [defaultPrefix(0xffffffff, 'RegisterInstance/srv-x'), defaultPrefix(0), 'a'.repeat(24)]) {
      const ids = runIds(prefix, 'rr', 99_999);
      for (const id of [ids.slot(2), `${ids.slot(2)}-m`]) {
        expect(id).toMatch(INSTANCE_ID);
        expect(id).toMatch(PROTON_NAME);
        expect(id.length).toBeLessThanOrEqual(64);
      }
      const token = ids.token();
      expect(token).toMatch(/^[!-~]{1,64}$/);
      expect(ids.token()).not.toBe(token);
    }
  });

  it('default prefixes are stable per (seed, scope) and differ across seeds and scopes', () => {
    expect(defaultPrefix(7, 'a')).toBe(defaultPrefix(7, 'a'));
    expect(new Set([defaultPrefix(7, 'a'), defaultPrefix(8, 'a'), defaultPrefix(7, 'b')]).size).toBe(3);
  });
});
