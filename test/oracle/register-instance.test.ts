import { describe, expect, it } from 'vitest';
import { expect as oracle, expectProtocol } from '../../src/oracle/index.ts';
import type { Expected, ExpectedError } from '../../src/contract/expected.ts';
import { cloudMap, customAttributes, register, seedExample, SEED_SERVICE_ID } from './contexts.ts';

const OP = 'RegisterInstance';
const A_SRV = cloudMap({ dnsRecords: ['A', 'SRV'] });
const err = (e: Expected): ExpectedError => {
  if (e.outcome !== 'error') throw new Error(`expected an error, got ${JSON.stringify(e)}`);
  return e;
};
const ids = (e: Expected) => err(e).violations.map((v) => v.constraint);

describe('seed 001: the documented example', () => {
  it('is valid for an A+SRV service it satisfies, with or without a health check', () => {
    expect(oracle(OP, seedExample(), A_SRV)).toEqual({ outcome: 'success', source: expect.stringContaining('servicediscovery'), confidence: 'documented' });
    expect(oracle(OP, seedExample(), cloudMap({ dnsRecords: ['A', 'SRV'], healthCheck: true, namespaceType: 'DNS_PUBLIC' })).outcome).toBe('success');
    expect(oracle(OP, seedExample()).outcome).toBe('success'); // no context: existence and service rules not evaluated
  });
  it('is invalid for an AAAA service (no IPv6)', () => {
    expect(ids(oracle(OP, seedExample(), cloudMap({ dnsRecords: ['AAAA'] })))).toEqual(['rule:aaaa-record-requires-ipv6']);
  });
  it('returns one shared frozen success value', () => {
    const a = oracle(OP, seedExample(), A_SRV);
    expect(oracle(OP, { ...seedExample(), InstanceId: 'other-1' }, A_SRV)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe('model validation: AWS-style messages', () => {
  it('InstanceId of 64 is valid, 65 is one error with the exact AWS message', () => {
    expect(oracle(OP, { ...seedExample(), InstanceId: 'i'.repeat(64) }, A_SRV).outcome).toBe('success');
    const e = err(oracle(OP, { ...seedExample(), InstanceId: 'i'.repeat(65) }, A_SRV));
    expect(e).toMatchObject({ codes: ['InvalidInput'], statuses: [400], confidence: 'documented' });
    expect(e.message).toBe(`1 validation error detected: Value '${'i'.repeat(65)}' at 'instanceId' failed to satisfy constraint: Member must have length less than or equal to 64`);
    expect(e.violations).toEqual([expect.objectContaining({ constraint: 'InstanceId#length', path: 'InstanceId', code: 'InvalidInput' })]);
  });
  it('a missing or null required member: "Value null … Member must not be null"', () => {
    const { InstanceId: _, ...missing } = seedExample();
    const expected = "1 validation error detected: Value null at 'instanceId' failed to satisfy constraint: Member must not be null";
    expect(err(oracle(OP, missing, A_SRV)).message).toBe(expected);
    expect(err(oracle(OP, { ...seedExample(), InstanceId: null }, A_SRV)).message).toBe(expected);
    expect(ids(oracle(OP, { ...seedExample(), InstanceId: null }, A_SRV))).toEqual(['InstanceId#required']);
  });
  it('a null Attributes map is a missing required member', () => {
    const e = err(oracle(OP, { ...seedExample(), Attributes: null }, A_SRV));
    expect(ids(e)).toEqual(['Attributes#required']);
    expect(e.message).toBe("1 validation error detected: Value null at 'attributes' failed to satisfy constraint: Member must not be null");
  });
  it('N errors: "N validation errors detected: …; …" in model member order', () => {
    const e = err(oracle(OP, { Attributes: {}, InstanceId: 'bad id', ServiceId: 's'.repeat(256) }, A_SRV));
    expect(e.message).toBe(
      '2 validation errors detected: ' +
        `Value '${'s'.repeat(256)}' at 'serviceId' failed to satisfy constraint: Member must have length less than or equal to 255; ` +
        "Value 'bad id' at 'instanceId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z_/:.@-]+$",
    );
    expect(ids(e)).toEqual(['ServiceId#length', 'InstanceId#pattern']);
  });
  it('map keys and values: reported once per map and aspect, keys first, listing the shape constraints', () => {
    const e = err(oracle(OP, register({ 'bad key': ' lead', 'k2 x': 'v', ok: '\tlead' }), A_SRV));
    expect(e.message).toBe(
      '2 validation errors detected: ' +
        "Value '{bad key= lead, k2 x=v, ok=\tlead}' at 'attributes' failed to satisfy constraint: Map keys must satisfy constraint: " +
        '[Member must have length less than or equal to 255, Member must satisfy regular expression pattern: ^[a-zA-Z0-9!-~]+$]; ' +
        "Value '{bad key= lead, k2 x=v, ok=\tlead}' at 'attributes' failed to satisfy constraint: Map value must satisfy constraint: " +
        '[Member must have length less than or equal to 1024, Member must satisfy regular expression pattern: ^([a-zA-Z0-9!-~][ \\ta-zA-Z0-9!-~]*){0,1}[a-zA-Z0-9!-~]{0,1}$]',
    );
    expect(e.violations.map((v) => `${v.constraint} ${v.path}`)).toEqual([
      'Attributes{key}#pattern Attributes.bad key',
      'Attributes{key}#pattern Attributes.k2 x',
      'Attributes{value}#pattern Attributes.bad key',
      'Attributes{value}#pattern Attributes.ok',
    ]);
  });
  it('attribute key 255 / value 1,024 are valid; 256 / 1,025 break the model constraints', () => {
    expect(oracle(OP, register({ ['k'.repeat(255)]: 'v'.repeat(1024) }), cloudMap()).outcome).toBe('success');
    expect(ids(oracle(OP, register({ ['k'.repeat(256)]: 'v' }), cloudMap()))).toEqual(['Attributes{key}#length']);
    expect(ids(oracle(OP, register({ k: 'v'.repeat(1025) }), cloudMap()))).toEqual(['Attributes{value}#length']);
  });
  it('model violations are reported before any rule (rules run on model-valid payloads only)', () => {
    expect(ids(oracle(OP, register({ ...customAttributes(31), 'bad key': 'v' }), cloudMap()))).toEqual(['Attributes{key}#pattern']);
  });
});

describe('null, unknown members, wrong types (inferred)', () => {
  it('null optional members count as absent', () => {
    expect(oracle(OP, { ...seedExample(), CreatorRequestId: null }, A_SRV).outcome).toBe('success');
  });
  it('unknown members are ignored: success, confidence inferred', () => {
    const e = oracle(OP, { ...seedExample(), Unknown: 1, instanceId: 'lowercase twin' }, A_SRV);
    expect(e).toMatchObject({ outcome: 'success', confidence: 'inferred' });
    expect(ids(oracle(OP, { ...seedExample(), Unknown: 1, InstanceId: '' }, A_SRV))).toEqual(['InstanceId#pattern']);
  });
  it('a wrong JSON type: SerializationException or InvalidInput, only the type mismatches reported', () => {
    const e = err(oracle(OP, { ...seedExample(), InstanceId: 5, ServiceId: 'x'.repeat(300) }, A_SRV));
    expect(e).toMatchObject({ codes: ['SerializationException', 'InvalidInput'], statuses: [400], confidence: 'inferred', message: 'NUMBER_VALUE cannot be converted to String' });
    expect(ids(e)).toEqual(['InstanceId#type']);
    expect(e.violations[0]).toMatchObject({ code: 'SerializationException', confidence: 'inferred' });
  });
  it.each([
    [{ Attributes: [] }, 'Attributes#type', 'Start of list found where not expected.'],
    [{ Attributes: 'a=b' }, 'Attributes#type', 'STRING_VALUE cannot be converted to Map'],
    [{ Attributes: { k: 1 } }, 'Attributes{value}#type', 'NUMBER_VALUE cannot be converted to String'],
    [{ Attributes: { k: null } }, 'Attributes{value}#type', 'NULL_VALUE cannot be converted to String'],
    [{ ServiceId: { id: 'x' } }, 'ServiceId#type', 'Start of structure or map found where not expected.'],
  ])('%j → %s', (patch, id, message) => {
    const e = err(oracle(OP, { ...seedExample(), ...patch }, A_SRV));
    expect(ids(e)).toEqual([id]);
    expect(e.message).toBe(message);
  });
  it('a body that is not an object is a protocol error', () => {
    for (const body of [[], 'x', 1, null]) {
      const e = err(oracle(OP, body, A_SRV));
      expect(e).toMatchObject({ codes: ['SerializationException', 'InvalidInput'], statuses: [400], confidence: 'inferred' });
      expect(ids(e)).toEqual(['protocol:body-not-object']);
    }
  });
  it('malformed JSON and unknown targets (never reach the model)', () => {
    expect(expectProtocol(OP, 'protocol:malformed-json')).toMatchObject({ codes: ['SerializationException'], statuses: [400], confidence: 'inferred' });
    expect(expectProtocol(OP, 'protocol:unknown-operation')).toMatchObject({ codes: ['UnknownOperationException'], statuses: [400] });
  });
});

describe('order of checks: validation, rules, service existence, service-dependent rules', () => {
  const gone = { cloudMap: { serviceId: SEED_SERVICE_ID, service: null } };
  it('an unknown service: ServiceNotFound, either documented status', () => {
    const e = err(oracle(OP, seedExample(), gone));
    expect(e).toMatchObject({ codes: ['ServiceNotFound'], statuses: [400, 404], confidence: 'documented', message: `Service not found: ${SEED_SERVICE_ID}` });
    expect(e.violations).toEqual([expect.objectContaining({ constraint: 'state:service-not-found', path: 'ServiceId', code: 'ServiceNotFound' })]);
  });
  it('a ServiceId naming another service is not found; the service ARN is found', () => {
    expect(ids(oracle(OP, { ...seedExample(), ServiceId: 'srv-other' }, A_SRV))).toEqual(['state:service-not-found']);
    const arn = `arn:aws:servicediscovery:us-east-1:123456789012:service/${SEED_SERVICE_ID}`;
    expect(oracle(OP, { ...seedExample(), ServiceId: arn }, A_SRV).outcome).toBe('success');
  });
  it('validation comes before existence, existence before service-dependent rules', () => {
    expect(ids(oracle(OP, { ...seedExample(), InstanceId: '' }, gone))).toEqual(['InstanceId#pattern']);
    expect(ids(oracle(OP, register(customAttributes(31)), gone))).toEqual(['rule:custom-attributes-max-30']);
    expect(ids(oracle(OP, register({ team: 'x' }), gone))).toEqual(['state:service-not-found']);
    expect(ids(oracle(OP, register({ team: 'x' }), A_SRV))[0]).toBe('rule:a-record-requires-ipv4');
  });
});

describe('hot path', () => {
  it('classifies ≥ 40,000 valid RegisterInstance payloads per second', () => {
    const p = seedExample();
    for (let i = 0; i < 20_000; i++) oracle(OP, p, A_SRV);
    const n = 100_000;
    const t = performance.now();
    for (let i = 0; i < n; i++) oracle(OP, p, A_SRV);
    const rate = n / ((performance.now() - t) / 1000);
    expect(rate).toBeGreaterThan(40_000);
  });
});
