// The real AWS SDK v3 clients against the emulator over loopback: serialization, timestamps, modelled
// exceptions (with their extra members) and auto-filled idempotency tokens all round-trip.
import {
  CreateHttpNamespaceCommand, CreateServiceCommand, DuplicateRequest, GetInstanceCommand, GetOperationCommand, InvalidInput,
  RegisterInstanceCommand, ServiceDiscoveryClient, ServiceNotFound,
} from '@aws-sdk/client-servicediscovery';
import {
  ConflictException, CreateEnvironmentCommand, CreateServiceCommand as CreateProtonServiceCommand, CreateServiceInstanceCommand,
  GetServiceInstanceCommand, ProtonClient, ValidationException,
} from '@aws-sdk/client-proton';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';

const clock = manualClock(Date.UTC(2026, 4, 5, 6, 7, 8));
const DELAY = 1000;
let em: RunningEmulator;
let sd: ServiceDiscoveryClient;
let pr: ProtonClient;

beforeAll(async () => {
  em = await startEmulator({ clock, operationDelayMs: DELAY });
  const common = { endpoint: em.url, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' } };
  sd = new ServiceDiscoveryClient(common);
  pr = new ProtonClient(common);
});
afterAll(async () => {
  sd.destroy();
  pr.destroy();
  await em.close();
});

const rejection = async (p: Promise<unknown>): Promise<any> => p.then(() => { throw new Error('expected a rejection'); }, (e) => e);

describe('AWS SDK v3 against the emulator', () => {
  it('Cloud Map: namespaces, services, registration, operations and modelled errors', async () => {
    const ns = await sd.send(new CreateHttpNamespaceCommand({ Name: 'sdk-ns' }));
    clock.advance(DELAY);
    const op = (await sd.send(new GetOperationCommand({ OperationId: ns.OperationId }))).Operation!;
    expect(op.Status).toBe('SUCCESS');
    expect(op.CreateDate).toEqual(new Date(Date.UTC(2026, 4, 5, 6, 7, 8)));
    const svc = (await sd.send(new CreateServiceCommand({ Name: 'sdk-svc', NamespaceId: op.Targets!.NAMESPACE }))).Service!;
    const reg = await sd.send(new RegisterInstanceCommand({ ServiceId: svc.Id, InstanceId: 'i-1', Attributes: { k: 'v' } }));
    const dup = await rejection(sd.send(new RegisterInstanceCommand({ ServiceId: svc.Id, InstanceId: 'i-1', Attributes: { k: 'w' } })));
    expect(dup).toBeInstanceOf(DuplicateRequest);
    expect(dup.DuplicateOperationId).toBe(reg.OperationId);
    expect(dup.$metadata.httpStatusCode).toBe(409);
    clock.advance(DELAY);
    const inst = await sd.send(new GetInstanceCommand({ ServiceId: svc.Id, InstanceId: 'i-1' }));
    expect(inst.Instance?.Attributes).toEqual({ k: 'v' });
    expect(inst.Instance?.CreatorRequestId).toMatch(/^[0-9a-f-]{36}$/); // the SDK filled the idempotency token in
    expect(await rejection(sd.send(new RegisterInstanceCommand({ ServiceId: 'srv-0000000000000000', InstanceId: 'x', Attributes: {} })))).toBeInstanceOf(ServiceNotFound);
    const invalid = await rejection(sd.send(new RegisterInstanceCommand({ ServiceId: svc.Id, InstanceId: 'not valid', Attributes: {} })));
    expect(invalid).toBeInstanceOf(InvalidInput);
    expect(invalid.message).toMatch(/^1 validation error detected: Value 'not valid' at 'instanceId'/);
  });

  it('Proton: prerequisites, CreateServiceInstance with an SDK token, conflict and mismatch', async () => {
    await pr.send(new CreateEnvironmentCommand({ name: 'sdk-env', spec: 'proton: EnvironmentSpec', templateName: 't', templateMajorVersion: '1' }));
    await pr.send(new CreateProtonServiceCommand({ name: 'sdk-svc', spec: 'proton: ServiceSpec', templateName: 't', templateMajorVersion: '2' }));
    const created = (await pr.send(new CreateServiceInstanceCommand({ name: 'one', serviceName: 'sdk-svc', spec: 'a: 1' }))).serviceInstance!;
    expect(created).toMatchObject({ environmentName: 'sdk-env', templateMajorVersion: '2', deploymentStatus: 'IN_PROGRESS' });
    expect(created.createdAt).toBeInstanceOf(Date);
    const token = created.lastClientRequestToken!;
    expect(token).toMatch(/^[0-9a-f-]{36}$/); // SDK-filled clientToken, remembered
    const again = (await pr.send(new CreateServiceInstanceCommand({ name: 'one', serviceName: 'sdk-svc', spec: 'a: 1', clientToken: token }))).serviceInstance!;
    expect(again.arn).toBe(created.arn);
    expect(await rejection(pr.send(new CreateServiceInstanceCommand({ name: 'one', serviceName: 'sdk-svc', spec: 'a: 1' })))).toBeInstanceOf(ConflictException);
    const mismatch = await rejection(pr.send(new CreateServiceInstanceCommand({ name: 'one', serviceName: 'sdk-svc', spec: 'a: 2', clientToken: token })));
    expect(mismatch).toBeInstanceOf(ValidationException);
    expect(mismatch.message).toContain('IdempotentParameterMismatch');
    clock.advance(DELAY);
    const got = (await pr.send(new GetServiceInstanceCommand({ name: 'one', serviceName: 'sdk-svc' }))).serviceInstance!;
    expect(got.deploymentStatus).toBe('SUCCEEDED');
  });
});
