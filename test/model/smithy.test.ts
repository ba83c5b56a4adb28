import { describe, expect, it } from 'vitest';
import { importSmithy } from '../../src/model/smithy.ts';
import { readServiceModel } from '../../src/model/source.ts';
import type { StructureShape } from '../../src/contract/model.ts';
import { SHARED } from './shared.ts';

const info = { file: 'inline.json', sha256: '0'.repeat(64), importedAt: '2026-01-01' };
const error = (s: unknown) => (s as StructureShape).error;

describe('Smithy importer on the shared Cloud Map model (2025)', () => {
  const m = readServiceModel(SHARED.servicediscovery.smithy);

  it('reads service facts from the service shape and its traits', () => {
    expect(m).toMatchObject({
      service: 'servicediscovery', fullName: 'AWS Cloud Map', apiVersion: '2017-03-14', protocol: 'awsJson1_1',
      targetPrefix: 'Route53AutoNaming_v20170314', signingName: 'servicediscovery', endpointPrefix: 'servicediscovery',
    });
    expect(m.provenance.format).toBe('smithy');
    expect(Object.keys(m.operations)).toHaveLength(30);
  });

  it('strips namespaces everywhere', () => {
    expect(JSON.stringify({ ...m, provenance: undefined })).not.toContain('#');
  });

  it('has the older ServiceId (ResourceId, ≤ 64) and required members from traits', () => {
    const req = m.shapes.RegisterInstanceRequest as StructureShape;
    expect(req.members.ServiceId).toEqual({ target: 'ResourceId' });
    expect(req.required).toEqual(['ServiceId', 'InstanceId', 'Attributes']);
    expect(req.members.CreatorRequestId).toEqual({ target: 'ResourceId', idempotencyToken: true });
    expect(m.shapes.ResourceId).toEqual({ type: 'string', max: 64 });
  });

  it('reads `type: enum` shapes and httpError statuses', () => {
    expect(m.shapes.RoutingPolicy).toEqual({ type: 'string', enum: ['MULTIVALUE', 'WEIGHTED'] });
    expect(error(m.shapes.InvalidInput)).toEqual({ code: 'InvalidInput', fault: 'client', httpStatus: 400 });
    expect(error(m.shapes.DuplicateRequest)?.httpStatus).toBe(409);
    expect(error(m.shapes.ServiceNotFound)?.httpStatus).toBe(404);
  });
});

describe('Smithy importer on the shared Proton model (2025)', () => {
  const m = readServiceModel(SHARED.proton.smithy);

  it('finds operations bound to resources', () => {
    expect(Object.keys(m.operations)).toHaveLength(87);
    expect(m.operations.CreateServiceInstance).toMatchObject({
      name: 'CreateServiceInstance', input: 'CreateServiceInstanceInput', output: 'CreateServiceInstanceOutput', idempotent: true,
    });
    expect(m.operations.CreateServiceInstance?.deprecated).toBeUndefined(); // the 2025 model predates end of support
    expect([...(m.operations.CreateServiceInstance?.errors ?? [])].sort()).toEqual(
      ['AccessDeniedException', 'ConflictException', 'InternalServerException', 'ResourceNotFoundException', 'ThrottlingException', 'ValidationException']);
  });

  it('maps prelude targets onto stable local names', () => {
    const si = m.shapes.ServiceInstance as StructureShape;
    expect(si.members.createdAt).toEqual({ target: 'Timestamp' });
    expect(si.members.lastClientRequestToken).toEqual({ target: 'String' });
    expect(m.shapes.Timestamp).toEqual({ type: 'timestamp' });
    expect(m.shapes.String).toEqual({ type: 'string' });
  });

  it('reads the legacy enum trait, range, sensitive and error traits', () => {
    expect((m.shapes.DeploymentStatus as { enum?: string[] }).enum).toEqual([
      'IN_PROGRESS', 'FAILED', 'SUCCEEDED', 'DELETE_IN_PROGRESS', 'DELETE_FAILED', 'DELETE_COMPLETE', 'CANCELLING', 'CANCELLED']);
    expect(m.shapes.MaxPageResults).toEqual({ type: 'integer', min: 1, max: 100 });
    expect(m.shapes.SpecContents).toEqual({ type: 'string', min: 1, max: 51200, sensitive: true });
    expect(error(m.shapes.ThrottlingException)).toEqual({ code: 'ThrottlingException', fault: 'client', httpStatus: 429, retryable: { throttling: true } });
    expect(error(m.shapes.InternalServerException)).toMatchObject({ fault: 'server', httpStatus: 500 });
  });

  it('synthesizes a shape for member-level constraints, named as botocore names it', () => {
    const input = m.shapes.NotifyResourceDeploymentStatusChangeInput as StructureShape;
    expect(input.members.statusMessage?.target).toBe('NotifyResourceDeploymentStatusChangeInputStatusMessageString');
    expect(m.shapes.NotifyResourceDeploymentStatusChangeInputStatusMessageString).toEqual({ type: 'string', max: 5000, sensitive: true });
    expect(m.shapes.StatusMessage).toEqual({ type: 'string', sensitive: true });
  });
});

describe('Smithy importer edge cases (inline ASTs)', () => {
  const ns = 'example.svc#';
  const doc = (shapes: Record<string, unknown>) => ({
    smithy: '2.0',
    shapes: {
      [`${ns}Svc_2020`]: {
        type: 'service', version: '2020-01-01', operations: [{ target: `${ns}Ping` }], errors: [{ target: `${ns}Boom` }],
        traits: { 'aws.auth#sigv4': { name: 'svc' }, 'aws.protocols#awsJson1_0': {} },
      },
      [`${ns}Ping`]: { type: 'operation', input: { target: `${ns}PingInput` }, output: { target: 'smithy.api#Unit' } },
      [`${ns}Boom`]: { type: 'structure', members: {}, traits: { 'smithy.api#error': 'server', 'smithy.api#httpError': 503 } },
      ...shapes,
    },
  });

  it('drops Unit outputs, appends service-wide errors, keeps recursive structures', () => {
    const m = importSmithy(doc({
      [`${ns}PingInput`]: { type: 'structure', members: { next: { target: `${ns}PingInput` }, n: { target: 'smithy.api#PrimitiveLong' } } },
    }), info);
    expect(m).toMatchObject({ service: 'svc', endpointPrefix: 'svc', targetPrefix: 'Svc_2020', protocol: 'awsJson1_0' });
    expect(m.operations.Ping).toEqual({ name: 'Ping', input: 'PingInput', errors: ['Boom'] });
    expect((m.shapes.PingInput as StructureShape).members.next?.target).toBe('PingInput');
    expect(m.shapes.PrimitiveLong).toEqual({ type: 'long' });
    expect(error(m.shapes.Boom)).toEqual({ code: 'Boom', fault: 'server', httpStatus: 503 });
  });

  it('renames a prelude shape whose local name a service shape already uses', () => {
    const m = importSmithy(doc({
      [`${ns}String`]: { type: 'string', traits: { 'smithy.api#length': { min: 1, max: 3 } } },
      [`${ns}PingInput`]: { type: 'structure', members: { a: { target: `${ns}String` }, b: { target: 'smithy.api#String' } } },
    }), info);
    expect(m.shapes.String).toEqual({ type: 'string', min: 1, max: 3 });
    expect((m.shapes.PingInput as StructureShape).members.b?.target).toBe('SmithyString');
    expect(m.shapes.SmithyString).toEqual({ type: 'string' });
  });
});
