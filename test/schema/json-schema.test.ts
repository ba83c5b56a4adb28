import { describe, expect, it } from 'vitest';
import { compiled, inputValidator, operationSchema, outputValidator } from '../../src/schema/index.ts';
import { loadServiceModel } from '../../src/model/load.ts';
import type { ServiceModel } from '../../src/contract/model.ts';
import { protonRequest, seedExample } from '../oracle/contexts.ts';

describe('input schema: RegisterInstance', () => {
  const { schema } = compiled('RegisterInstance', 'input');
  it('encodes required members, lengths, patterns and the Attributes map', () => {
    expect(schema).toMatchObject({
      type: 'object',
      required: ['ServiceId', 'InstanceId', 'Attributes'],
      additionalProperties: false,
      properties: {
        ServiceId: { type: 'string', maxLength: 255 },
        InstanceId: { type: 'string', maxLength: 64, pattern: '^[0-9a-zA-Z_/:.@-]+$' },
        CreatorRequestId: { type: 'string', nullable: true, maxLength: 64 },
        Attributes: {
          type: 'object',
          propertyNames: { type: 'string', maxLength: 255, pattern: '^[a-zA-Z0-9!-~]+$' },
          additionalProperties: { type: 'string', maxLength: 1024 },
        },
      },
    });
  });
  it('accepts seed 001 and rejects a 65-character InstanceId', () => {
    const v = inputValidator('RegisterInstance');
    expect(v(seedExample())).toBe(true);
    expect(v({ ...seedExample(), InstanceId: 'x'.repeat(65) })).toBe(false);
    expect(v.errors?.map((e) => e.schemaPath)).toEqual(['#/properties/InstanceId/maxLength']);
  });
  it('treats null optional members as absent, null required members as wrong', () => {
    const v = inputValidator('RegisterInstance');
    expect(v({ ...seedExample(), CreatorRequestId: null })).toBe(true);
    expect(v({ ...seedExample(), InstanceId: null })).toBe(false);
  });
});

describe('input schema: CreateServiceInstance', () => {
  it('lists become arrays with maxItems, their structures closed with required members', () => {
    const { schema } = compiled('CreateServiceInstance', 'input');
    expect(schema).toMatchObject({
      required: ['name', 'serviceName', 'spec'],
      properties: {
        spec: { type: 'string', minLength: 1, maxLength: 51200 },
        tags: { type: 'array', nullable: true, maxItems: 50, items: { type: 'object', required: ['key', 'value'], additionalProperties: false } },
        templateMajorVersion: { minLength: 1, maxLength: 20, pattern: '^(0|([1-9]{1}\\d*))$' },
      },
    });
  });
  it('counts length in code points, as AWS does (51,200 emoji = 102,400 UTF-16 units is valid)', () => {
    const v = inputValidator('CreateServiceInstance');
    expect(v(protonRequest({ spec: '😀'.repeat(51200) }))).toBe(true);
    expect(v(protonRequest({ spec: '😀'.repeat(51201) }))).toBe(false);
  });
});

describe('output schemas', () => {
  it('Proton serviceInstance: timestamps are epoch-second numbers, deploymentStatus an enum, extra members allowed', () => {
    const v = outputValidator('CreateServiceInstance');
    const instance = {
      name: 'instance-1', arn: 'arn:aws:proton:us-east-1:123456789012:service/frontend/service-instance/instance-1',
      createdAt: 1732300000.123, lastDeploymentAttemptedAt: 1732300000, lastDeploymentSucceededAt: 1732300000,
      serviceName: 'frontend', environmentName: 'prod', templateName: 'tmpl', templateMajorVersion: '1', templateMinorVersion: '0',
      deploymentStatus: 'IN_PROGRESS', somethingNew: true,
    };
    expect(v({ serviceInstance: instance })).toBe(true);
    expect(v({ serviceInstance: { ...instance, createdAt: '2024-11-22T00:00:00Z' } })).toBe(false);
    expect(v({ serviceInstance: { ...instance, deploymentStatus: 'DONE' } })).toBe(false);
    const { deploymentStatus: _, ...missing } = instance;
    expect(v({ serviceInstance: missing })).toBe(false);
  });
  it('Cloud Map: {OperationId} ≤ 255', () => {
    const v = outputValidator('RegisterInstance');
    expect(v({ OperationId: '4yejorelbukcjzpnr6tlmrghsjwpngf4-k95yg2u7' })).toBe(true);
    expect(v({ OperationId: 'x'.repeat(256) })).toBe(false);
  });
});

describe('compile once', () => {
  it('returns the same compiled validator for the same service#Operation#which', () => {
    expect(inputValidator('RegisterInstance')).toBe(inputValidator('RegisterInstance'));
    expect(outputValidator('CreateServiceInstance')).toBe(outputValidator('CreateServiceInstance'));
    expect(compiled('RegisterInstance', 'input').key).toBe('servicediscovery#RegisterInstance#input');
    expect(inputValidator('RegisterInstance')).not.toBe(outputValidator('RegisterInstance'));
  });
});

describe('operationSchema on a synthetic model', () => {
  const model: ServiceModel = {
    ...loadServiceModel('servicediscovery'),
    operations: { Op: { name: 'Op', input: 'In', errors: [] }, Loop: { name: 'Loop', input: 'Node', errors: [] } },
    shapes: {
      In: { type: 'structure', members: { Color: { target: 'Color' }, Count: { target: 'Count' }, Flag: { target: 'Bool' } }, required: ['Color'] },
      Color: { type: 'string', enum: ['RED', 'BLUE'] },
      Count: { type: 'integer', min: 1, max: 10 },
      Bool: { type: 'boolean' },
      Node: { type: 'structure', members: { next: { target: 'Node' } }, required: [] },
    },
  };
  it('maps enum and range to their ids', () => {
    const s = operationSchema(model, 'Op', 'input');
    expect(s.constraints.map((c) => c.id)).toEqual(['Color#required', 'Color#type', 'Color#enum', 'Count#type', 'Count#range', 'Flag#type']);
    expect(s.schema).toMatchObject({ properties: { Color: { enum: ['RED', 'BLUE', null] }, Count: { type: 'integer', minimum: 1, maximum: 10, nullable: true } } });
  });
  it('minLength/maxLength count code points exactly, on both sides of the UTF-16 shortcut', async () => {
    const { compileFor } = await import('../../src/schema/index.ts');
    const m: ServiceModel = {
      ...model,
      service: 'synthetic-length',
      operations: { Len: { name: 'Len', input: 'LenIn', errors: [] } },
      shapes: { LenIn: { type: 'structure', members: { s: { target: 'S' } }, required: ['s'] }, S: { type: 'string', min: 3, max: 4 } },
    };
    const v = compileFor(m, 'Len', 'input').validate;
    const ok = (s: string) => v({ s });
    expect(ok('abc')).toBe(true);
    expect(ok('abcd')).toBe(true);
    expect(ok('ab')).toBe(false);
    expect(ok('abcde')).toBe(false);
    expect(ok('😀😀😀')).toBe(true); // 3 code points, 6 UTF-16 units
    expect(ok('a😀😀😀')).toBe(true); // 4 code points, 7 units
    expect(ok('😀😀')).toBe(false); // 2 code points, 4 units (≥ min units, < min code points)
    expect(ok('😀😀😀😀😀')).toBe(false); // 5 code points
    expect(v.errors?.[0]).toMatchObject({ keyword: 'maxLength', schemaPath: '#/properties/s/maxLength', params: { limit: 4 } });
  });

  it('compiles optional enums and ranges (null accepted as absent) and reports them by id', async () => {
    const { compileFor } = await import('../../src/schema/index.ts');
    const m: ServiceModel = {
      ...model,
      service: 'synthetic-enum',
      operations: { E: { name: 'E', input: 'EIn', errors: [] } },
      shapes: { EIn: { type: 'structure', members: { c: { target: 'Color' }, n: { target: 'Count' } }, required: [] }, Color: { type: 'string', enum: ['RED', 'BLUE'] }, Count: { type: 'long', min: 1, max: 10 } },
    };
    const v = compileFor(m, 'E', 'input').validate;
    expect(v({ c: 'RED', n: 10 })).toBe(true);
    expect(v({ c: null, n: null })).toBe(true);
    expect(v({ c: 'GREEN', n: 11 })).toBe(false);
    expect(v.errors?.map((e) => e.schemaPath)).toEqual(['#/properties/c/enum', '#/properties/n/maximum']);
    expect(v({ n: 1.5 })).toBe(false);
  });

  it('compiles a recursive input shape (refused on main): one definition, the id spelt from the entry at any depth', async () => {
    const s = operationSchema(model, 'Loop', 'input');
    expect(s.constraints.map((c) => c.id)).toEqual(['next#type']);
    const { modelOracle } = await import('../../src/oracle/index.ts');
    const oracle = modelOracle(model, 'Loop');
    expect(oracle.expect({ next: { next: { next: {} } } }).outcome).toBe('success');
    const e = oracle.expect({ next: { next: { next: 5 } } });
    expect(e.outcome === 'error' ? e.violations.map((v) => [v.constraint, v.path]) : []).toEqual([['next#type', 'next.next.next']]);
  });
});
