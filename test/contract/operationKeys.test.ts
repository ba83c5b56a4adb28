// Operations are keyed `service#Operation` everywhere; nothing answers for an operation it cannot handle.
import { describe, expect, it } from 'vitest';
import { isHarnessError } from '../../src/errors.ts';
import { serviceOf } from '../../src/model/load.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { constraintsOf, oracleFor } from '../../src/oracle/index.ts';
import { bindCase, emptyBinding } from '../../src/run/binding.ts';
import { scenarioFindings } from '../../src/run/scenarioFindings.ts';
import { renderJunit } from '../../src/report/junit.ts';
import type { Report } from '../../src/report/types.ts';
import type { Target } from '../../src/targets/target.ts';

const codeOf = (f: () => unknown): string | undefined => {
  try { f(); } catch (e) { return isHarnessError(e) ? e.code : `not a HarnessError: ${String(e)}`; }
  return undefined;
};

// A valid Proton CreateService payload (required: name, spec, templateMajorVersion, templateName).
const PROTON_CREATE_SERVICE = { name: 'svc-one', templateName: 'tmpl', templateMajorVersion: '1', spec: 'proton: ServiceSpec\n' };

describe('operations keyed service#Operation', () => {
  it("oracleFor('proton#CreateService') is Proton's: a valid Proton payload is accepted, Cloud Map's rejects it", () => {
    expect(oracleFor('proton#CreateService').expect(PROTON_CREATE_SERVICE)).toMatchObject({ outcome: 'success' });
    expect(oracleFor('servicediscovery#CreateService').expect(PROTON_CREATE_SERVICE)).toMatchObject({ outcome: 'error' });
  });

  it("a bare 'CreateService' (both services) is ambiguous, never Cloud Map's by default", () => {
    expect(codeOf(() => oracleFor('CreateService'))).toBe('CF_ERR_UNKNOWN_OPERATION');
    expect(codeOf(() => serviceOf('CreateService'))).toBe('CF_ERR_UNKNOWN_OPERATION');
  });

  it('a bare name one model defines still resolves, and keyed and bare names share one catalogue', () => {
    expect(oracleFor('RegisterInstance')).toBe(oracleFor('servicediscovery#RegisterInstance'));
    expect(constraintsOf('proton#CreateServiceInstance')).toEqual(constraintsOf('CreateServiceInstance'));
    expect(constraintsOf('proton#CreateServiceInstance')[0]!.operation).toBe('CreateServiceInstance');
  });

  it('serviceOf does not answer servicediscovery for an operation no model defines', () => {
    expect(codeOf(() => serviceOf('NoSuchOperation'))).toBe('CF_ERR_UNKNOWN_OPERATION');
    expect(serviceOf('GetEnvironment')).toBe('proton');
    expect(serviceOf('proton#GetService')).toBe('proton');
  });

  it('--operation takes service#Operation or an unambiguous bare name; anything else is one coded line', () => {
    const operations = (name: string) => parseRunOptions(['--operation', name], () => 1).operations;
    expect(operations('proton#CreateServiceInstance')).toEqual(['CreateServiceInstance']);
    expect(operations('RegisterInstance')).toEqual(['RegisterInstance']);
    expect(codeOf(() => operations('CreateService'))).toBe('CF_ERR_UNKNOWN_OPERATION');
    expect(codeOf(() => operations('proton#RegisterInstance'))).toBe('CF_ERR_UNKNOWN_OPERATION');
    // Any operation of the models runs through its profile (test/profiles): named as reports show it.
    expect(operations('DeregisterInstance')).toEqual(['DeregisterInstance']);
    expect(operations('proton#CreateService')).toEqual(['proton#CreateService']);
    expect(codeOf(() => operations('DeregisterInstances'))).toBe('CF_ERR_UNKNOWN_OPERATION');
  });
});

describe('no silent fallback for an operation the harness cannot handle', () => {
  it('JUnit does not drop an operation without a plan: a profiled one gets the per-case properties, another fails loudly', () => {
    const report = { run: { operations: ['DeregisterInstances'], scenarios: true, interrupted: false }, discrepancies: [] } as unknown as Report;
    expect(codeOf(() => renderJunit(report))).toBe('CF_ERR_UNKNOWN_OPERATION');
    const profiled = { run: { operations: ['DeregisterInstance'], scenarios: true, interrupted: false, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 }, discrepancies: [], findings: [] } as unknown as Report;
    expect(renderJunit(profiled)).toMatch(/<testsuite name="DeregisterInstance"[^>]*tests="5"/);
  });

  it('binding does not send an operation it has no profile for with its placeholders unbound', () => {
    const b = emptyBinding();
    b.serviceIds.set('srv-http', 'srv-real');
    // DeregisterInstance binds now (its profile names ServiceId, test/profiles); a name no model defines cannot.
    const c = { operation: 'DeregisterInstances', kind: 'valid' as const, input: { ServiceId: 'srv-http', InstanceId: 'i' }, breaks: [], exercises: [], context: {} };
    expect(codeOf(() => bindCase(c, b))).toBe('CF_ERR_UNKNOWN_OPERATION');
  });

  it('scenarios for an operation without scenarios say so', async () => {
    const target = { name: 'none', send: () => Promise.reject(new Error('no call expected')), close: async () => {} } as Target;
    const run = scenarioFindings({ operation: 'DeregisterInstance', target, binding: emptyBinding(), contexts: [{ name: 'http', context: { cloudMap: { serviceId: 'srv-http', service: null } } }], seed: 1, runs: 1 });
    await expect(run).rejects.toMatchObject({ code: 'CF_ERR_UNKNOWN_OPERATION' });
  });
});
