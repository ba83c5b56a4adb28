import { keyOf } from '../../src/model/load.ts';
import { describe, expect, it } from 'vitest';
import { constraintsOf } from '../../src/oracle/index.ts';
import { findOperation } from '../../src/model/load.ts';
import { rulesFor } from '../../src/profiles/index.ts';
import type { ServiceModel } from '../../src/contract/model.ts';

// An independent walk of the model: the ids every member constraint must have (id scheme of constraint.ts).
function modelIds(m: ServiceModel, shape: string, path: string, out: string[]): string[] {
  const s = m.shapes[shape]!;
  if (!path.endsWith('}') || path.endsWith('{value}')) out.push(`${path}#type`);
  switch (s.type) {
    case 'string':
      if (s.max !== undefined || (s.min ?? 0) > 0) out.push(`${path}#length`);
      if (s.pattern) out.push(`${path}#pattern`);
      if (s.enum) out.push(`${path}#enum`);
      break;
    case 'integer': case 'long': case 'float': case 'double':
      if (s.min !== undefined || s.max !== undefined) out.push(`${path}#range`);
      break;
    case 'list':
      if (s.max !== undefined || (s.min ?? 0) > 0) out.push(`${path}#size`);
      modelIds(m, s.member, `${path}[]`, out);
      break;
    case 'map': {
      if (s.max !== undefined || (s.min ?? 0) > 0) out.push(`${path}#size`);
      const key: string[] = [];
      modelIds(m, s.key, `${path}{key}`, key);
      out.push(...key.filter((k) => !k.endsWith('#type')));
      modelIds(m, s.value, `${path}{value}`, out);
      break;
    }
    case 'structure':
      for (const [name, member] of Object.entries(s.members)) {
        const p = path === '' ? name : `${path}.${name}`;
        if (s.required.includes(name)) out.push(`${p}#required`);
        modelIds(m, member.target, p, out);
      }
      break;
  }
  return out;
}

describe('constraintsOf', () => {
  for (const op of ['RegisterInstance', 'CreateServiceInstance']) {
    it(`${op}: covers every member constraint of the input, every rule, protocol and state ids`, () => {
      const { service, operation } = findOperation(op);
      const expected = modelIds(service, operation.input!, '', []).filter((id) => id !== '#type');
      const cat = constraintsOf(op);
      const ids = cat.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(cat.filter((c) => !['rule', 'protocol', 'state'].includes(c.kind)).map((c) => c.id).sort()).toEqual([...expected].sort());
      for (const r of rulesFor(keyOf(op))) expect(ids).toContain(r.id);
      expect(ids).toEqual(expect.arrayContaining(['protocol:malformed-json', 'protocol:unknown-operation', 'protocol:body-not-object', 'state:service-not-found']));
      for (const c of cat) {
        expect(c.operation).toBe(op);
        expect(c.source.length).toBeGreaterThan(0);
        const inferred = c.kind === 'type' || c.kind === 'protocol' || c.id === 'state:name-conflict';
        expect(c.confidence, c.id).toBe(inferred ? 'inferred' : 'documented');
      }
    });
  }

  it('RegisterInstance: the exact catalogue', () => {
    expect(constraintsOf('RegisterInstance').map((c) => c.id)).toEqual([
      'ServiceId#required', 'ServiceId#type', 'ServiceId#length',
      'InstanceId#required', 'InstanceId#type', 'InstanceId#length', 'InstanceId#pattern',
      'CreatorRequestId#type', 'CreatorRequestId#length',
      'Attributes#required', 'Attributes#type', 'Attributes{key}#length', 'Attributes{key}#pattern',
      'Attributes{value}#type', 'Attributes{value}#length', 'Attributes{value}#pattern',
      'rule:custom-attributes-max-30', 'rule:attributes-total-chars-max-5000', 'rule:init-health-status-values',
      'rule:ec2-instance-id-exclusive', 'rule:alias-excludes-instance-attributes',
      'rule:ec2-instance-id-http-namespace-only', 'rule:a-record-requires-ipv4', 'rule:aaaa-record-requires-ipv6',
      'rule:cname-record-requires-cname', 'rule:srv-record-requires-ipv4-or-ipv6', 'rule:srv-record-requires-port',
      'rule:health-check-requires-port', 'rule:alias-requires-a-or-aaaa-record', 'rule:alias-requires-weighted-routing',
      'protocol:malformed-json', 'protocol:unknown-operation', 'protocol:body-not-object',
      'state:service-not-found', 'state:duplicate-request', 'state:instance-limit',
    ]);
    expect(constraintsOf('CreateServiceInstance').filter((c) => c.kind === 'state').map((c) => c.id)).toEqual(['state:service-not-found', 'state:name-conflict']);
  });

  it('codes: validation code, SerializationException for types, the not-found code for state', () => {
    const byId = (op: string) => new Map(constraintsOf(op).map((c) => [c.id, c]));
    const ri = byId('RegisterInstance');
    expect(ri.get('InstanceId#length')?.code).toBe('InvalidInput');
    expect(ri.get('InstanceId#type')?.code).toBe('SerializationException');
    expect(ri.get('rule:custom-attributes-max-30')?.code).toBe('InvalidInput');
    expect(ri.get('state:service-not-found')).toMatchObject({ code: 'ServiceNotFound', kind: 'state', path: 'ServiceId' });
    expect(ri.get('Attributes{key}#length')?.source).toContain('seeds/001_7eaeaf5c0747f14e.txt');
    const csi = byId('CreateServiceInstance');
    expect(csi.get('tags[].key#length')).toMatchObject({ code: 'ValidationException', kind: 'length', path: 'tags[].key' });
    expect(csi.get('state:service-not-found')?.code).toBe('ResourceNotFoundException');
    expect(csi.get('name#length')?.source).toContain('seeds/002_c7cd0fce7ab6d58d.txt');
  });

  it('expectState: codes, both documented statuses and a message for states the context cannot describe', async () => {
    const { expectState } = await import('../../src/oracle/index.ts');
    expect(expectState('RegisterInstance', 'state:duplicate-request', { ServiceId: 'srv-1', InstanceId: 'i-1' })).toMatchObject({
      codes: ['DuplicateRequest'], statuses: [400, 409], confidence: 'documented',
      violations: [expect.objectContaining({ constraint: 'state:duplicate-request', path: 'InstanceId' })],
    });
    expect(expectState('RegisterInstance', 'state:instance-limit')).toMatchObject({ codes: ['ResourceLimitExceeded'], statuses: [400] });
    expect(expectState('CreateServiceInstance', 'state:name-conflict', { name: 'a', serviceName: 's' })).toMatchObject({
      codes: ['ConflictException'], statuses: [400, 409], confidence: 'inferred', message: "Service instance 'a' already exists in service 's'.",
    });
    expect(() => expectState('RegisterInstance', 'state:name-conflict')).toThrow(expect.objectContaining({ code: 'CF_ERR_USAGE' }));
  });

  it('an unknown operation is a usage error (CF_ERR_UNKNOWN_OPERATION), for the catalogue and the oracle', async () => {
    const { expect: oracle } = await import('../../src/oracle/index.ts');
    expect(() => constraintsOf('NoSuchOperation')).toThrow(expect.objectContaining({ code: 'CF_ERR_UNKNOWN_OPERATION' }));
    expect(() => oracle('NoSuchOperation', {})).toThrow(expect.objectContaining({ code: 'CF_ERR_UNKNOWN_OPERATION' }));
  });

  it('returns a copy: callers cannot corrupt the cached catalogue', () => {
    const a = constraintsOf('RegisterInstance');
    a.length = 0;
    expect(constraintsOf('RegisterInstance').length).toBeGreaterThan(30);
  });
});
