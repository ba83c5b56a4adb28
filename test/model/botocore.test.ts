import { describe, expect, it } from 'vitest';
import { importBotocore } from '../../src/model/botocore.ts';
import { readServiceModel } from '../../src/model/source.ts';
import { supplement } from '../../src/model/supplement.ts';
import type { StructureShape } from '../../src/contract/model.ts';
import { SHARED } from './shared.ts';

const structure = (s: unknown): StructureShape => {
  expect((s as StructureShape).type).toBe('structure');
  return s as StructureShape;
};

describe('botocore importer on the shared Cloud Map model (2026)', () => {
  const m = readServiceModel(SHARED.servicediscovery.botocore);

  it('reads service facts, signing name falling back to endpointPrefix', () => {
    expect(m).toMatchObject({
      service: 'servicediscovery', fullName: 'AWS Cloud Map', apiVersion: '2017-03-14', protocol: 'awsJson1_1',
      targetPrefix: 'Route53AutoNaming_v20170314', signingName: 'servicediscovery', endpointPrefix: 'servicediscovery',
    });
    expect(m.provenance).toMatchObject({ format: 'botocore', file: 'servicediscovery-2017-03-14.service-2.json' });
    expect(m.provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(m.operations)).toHaveLength(30);
  });

  it('imports RegisterInstance with its input constraints', () => {
    expect(m.operations.RegisterInstance).toEqual({
      name: 'RegisterInstance', input: 'RegisterInstanceRequest', output: 'RegisterInstanceResponse',
      errors: ['DuplicateRequest', 'InvalidInput', 'ResourceInUse', 'ResourceLimitExceeded', 'ServiceNotFound'],
    });
    const req = structure(m.shapes.RegisterInstanceRequest);
    expect(req.required).toEqual(['ServiceId', 'InstanceId', 'Attributes']);
    expect(req.members.ServiceId).toEqual({ target: 'Arn' });
    expect(req.members.CreatorRequestId).toEqual({ target: 'ResourceId', idempotencyToken: true });
    expect(m.shapes.Arn).toEqual({ type: 'string', max: 255 });
    expect(m.shapes.InstanceId).toEqual({ type: 'string', max: 64, pattern: '^[0-9a-zA-Z_/:.@-]+$' });
    expect(m.shapes.Attributes).toEqual({ type: 'map', key: 'AttrKey', value: 'AttrValue' });
    expect(m.shapes.AttrKey).toEqual({ type: 'string', max: 255, pattern: '^[a-zA-Z0-9!-~]+$' });
  });

  it('imports errors without an HTTP status (the newest botocore files carry none)', () => {
    expect(structure(m.shapes.InvalidInput).error).toEqual({ code: 'InvalidInput', fault: 'client' });
    expect(Object.keys(structure(m.shapes.DuplicateRequest).members)).toEqual(['Message', 'DuplicateOperationId']);
  });

  it('reads enums and numeric ranges', () => {
    expect(m.shapes.RoutingPolicy).toEqual({ type: 'string', enum: ['MULTIVALUE', 'WEIGHTED'] });
    expect(m.shapes.FailureThreshold).toEqual({ type: 'integer', min: 1, max: 10 });
  });

  it('copies no documentation text', () => {
    const text = JSON.stringify(m);
    expect(text).not.toContain('documentation');
    expect(text).not.toContain('<p>');
  });
});

describe('botocore importer on the shared Proton model (2026)', () => {
  const m = readServiceModel(SHARED.proton.botocore);

  it('reads awsJson 1.0 service facts', () => {
    expect(m).toMatchObject({ service: 'proton', protocol: 'awsJson1_0', targetPrefix: 'AwsProton20200720', signingName: 'proton', apiVersion: '2020-07-20' });
    expect(Object.keys(m.operations)).toHaveLength(87);
  });

  it('marks CreateServiceInstance idempotent and deprecated', () => {
    expect(m.operations.CreateServiceInstance).toMatchObject({ input: 'CreateServiceInstanceInput', idempotent: true, deprecated: true });
  });

  it('imports CreateServiceInstanceInput constraints', () => {
    const input = structure(m.shapes.CreateServiceInstanceInput);
    expect([...input.required].sort()).toEqual(['name', 'serviceName', 'spec']);
    expect(input.members.clientToken).toEqual({ target: 'ClientToken', idempotencyToken: true });
    expect(m.shapes.SpecContents).toEqual({ type: 'string', min: 1, max: 51200, sensitive: true });
    expect(m.shapes.ClientToken).toEqual({ type: 'string', max: 64, pattern: '^[!-~]*$' }); // min 0 is vacuous
    expect(m.shapes.ResourceName).toEqual({ type: 'string', min: 1, max: 100, pattern: '^[0-9A-Za-z]+[0-9A-Za-z_\\-]*$' });
    expect(m.shapes.TagList).toEqual({ type: 'list', member: 'Tag', max: 50 });
  });

  it('imports fault and retryable on errors, unions as unions', () => {
    expect(structure(m.shapes.InternalServerException).error).toEqual({ code: 'InternalServerException', fault: 'server', retryable: { throttling: false } });
    expect(structure(m.shapes.ThrottlingException).error).toMatchObject({ fault: 'client', retryable: { throttling: true } });
    expect(m.shapes.TemplateVersionSourceInput?.type).toBe('union');
  });
});

describe('botocore importer on older-style files (inline)', () => {
  // Older botocore copies (e.g. Debian's python3-botocore) still carry `error.httpStatusCode`.
  const m = importBotocore({
    metadata: { apiVersion: '2020-01-01', endpointPrefix: 'svc', signingName: 'svc-sign', jsonVersion: '1.1', protocol: 'json', targetPrefix: 'Svc', serviceFullName: 'Svc' },
    operations: { Ping: { name: 'Ping', input: { shape: 'PingRequest' }, errors: [{ shape: 'Boom' }, { shape: 'Bad' }] } },
    shapes: {
      PingRequest: { type: 'structure', required: ['b', 'a'], members: { a: { shape: 'Name' }, b: { shape: 'Name' } } },
      Name: { type: 'string', min: 0, max: 3 },
      Boom: { type: 'structure', members: {}, exception: true, error: { code: 'BoomCode', httpStatusCode: 503, senderFault: false } },
      Bad: { type: 'structure', members: {}, exception: true, error: { httpStatusCode: 400, senderFault: true } },
    },
  }, { file: 'old.json', sha256: '0'.repeat(64), importedAt: '2026-01-01' });

  it('reads signingName, statuses and fault, keeps the shape name as the awsJson code', () => {
    expect(m).toMatchObject({ service: 'svc-sign', signingName: 'svc-sign', endpointPrefix: 'svc', protocol: 'awsJson1_1' });
    expect(structure(m.shapes.Boom).error).toEqual({ code: 'Boom', fault: 'server', httpStatus: 503 });
    expect(structure(m.shapes.Bad).error).toEqual({ code: 'Bad', fault: 'client', httpStatus: 400 });
  });

  it('orders required members by declaration and drops a vacuous length minimum', () => {
    expect(structure(m.shapes.PingRequest).required).toEqual(['a', 'b']);
    expect(m.shapes.Name).toEqual({ type: 'string', max: 3 });
  });

  it('supplement never overrides a status the primary states', () => {
    const other = { ...m, provenance: { ...m.provenance, format: 'smithy' as const }, shapes: { ...m.shapes, Bad: { ...structure(m.shapes.Bad), error: { code: 'Bad', fault: 'client' as const, httpStatus: 409 } } } };
    expect(structure(supplement(m, other).shapes.Bad).error).toEqual({ code: 'Bad', fault: 'client', httpStatus: 400 });
  });
});
