// The SDK target end to end over loopback against the builtin emulator: valid calls succeed, invalid ones get
// exactly the code and status a raw HTTP call gets, and the idempotency tokens the SDK adds are recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import type { Outcome } from '../../src/contract/outcome.ts';
import { createHttpTarget, type HttpTarget } from '../../src/targets/http.ts';
import { createSdkTarget, type SdkTarget } from '../../src/targets/sdk.ts';
import type { Call } from '../../src/contract/call.ts';

let emulator: RunningEmulator;
let sdk: SdkTarget;
let raw: HttpTarget;
let serviceId: string;

async function seed(body: unknown): Promise<Record<string, any>> {
  const res = await fetch(emulator.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'ContractFuzzEmulator.Seed' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, any>;
}

beforeAll(async () => {
  emulator = await startEmulator({ operationDelayMs: 1 });
  sdk = createSdkTarget({ endpoint: `sdk+${emulator.url}`, timeoutMs: 10_000 });
  raw = createHttpTarget({ url: emulator.url, timeoutMs: 10_000 });
  const seeded = await seed({
    cloudMap: { namespaces: [{ name: 'sdk-ns', type: 'HTTP' }], services: [{ name: 'sdk-svc', namespace: 'sdk-ns' }] },
    proton: { environments: [{ name: 'sdk-env' }], services: [{ name: 'sdk-proton', environmentName: 'sdk-env' }] },
  });
  serviceId = seeded.cloudMap.services[0].id;
});

afterAll(async () => {
  await Promise.all([sdk?.close(), raw?.close()]);
  await emulator?.close();
});

const registerCall = (input: Record<string, unknown>): Call => ({ service: 'servicediscovery', operation: 'RegisterInstance', input });
const protonCall = (input: Record<string, unknown>): Call => ({ service: 'proton', operation: 'CreateServiceInstance', input });
const verdict = (o: Outcome) => ({ status: o.status, code: o.code, errorClass: o.errorClass, message: o.message, transport: o.transport });

describe('sdk target against the builtin emulator', () => {
  it('RegisterInstance without CreatorRequestId: OperationId, and the SDK-filled token is recorded and stored', async () => {
    const o = await sdk.send(registerCall({ ServiceId: serviceId, InstanceId: 'sdk-i-1', Attributes: { team: 'core' } }));
    expect(o.status).toBe(200);
    expect(o.code).toBeUndefined();
    expect((o.body as { OperationId?: unknown }).OperationId).toEqual(expect.any(String));
    expect(o.sdkFilled).toEqual(['CreatorRequestId']);
    const stored = emulator.emulator.cloudMap.getService(serviceId)?.instances.get('sdk-i-1');
    expect(stored?.creatorRequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('RegisterInstance with CreatorRequestId: nothing filled in', async () => {
    const o = await sdk.send(registerCall({ ServiceId: serviceId, InstanceId: 'sdk-i-2', CreatorRequestId: 'req-2', Attributes: { a: 'b' } }));
    expect(o.status).toBe(200);
    expect(o.sdkFilled).toBeUndefined();
  });

  it.each([
    ['an InstanceId breaking its pattern', 'InvalidInput', { InstanceId: 'bad id!', Attributes: { a: 'b' } }],
    ['AWS_INIT_HEALTH_STATUS outside its enum', 'InvalidInput', { InstanceId: 'sdk-i-3', Attributes: { AWS_INIT_HEALTH_STATUS: 'SICK' } }],
    // The SDK serializes a wrong-typed member as it is; the emulator rejects it before validation.
    ['Attributes of the wrong type', 'SerializationException', { InstanceId: 'sdk-i-4', Attributes: 'not-a-map' }],
  ])('invalid RegisterInstance (%s): %s, same code, status and message as a raw call', async (name, code, partial) => {
    const input = { ServiceId: serviceId, CreatorRequestId: `req-${name.length}`, ...partial };
    const viaSdk = await sdk.send(registerCall(input));
    const viaRaw = await raw.send(registerCall(input));
    expect(viaSdk.code).toBe(code);
    expect(viaSdk.status).toBe(400);
    expect(viaSdk.errorClass).toBe('validation');
    expect(verdict(viaSdk)).toEqual(verdict(viaRaw));
  });

  it('an unknown ServiceId: ServiceNotFound, decoded the same as a raw call', async () => {
    const input = { ServiceId: 'srv-doesnotexist00', InstanceId: 'i', CreatorRequestId: 'nf', Attributes: { a: 'b' } };
    const viaSdk = await sdk.send(registerCall(input));
    expect(viaSdk.code).toBe('ServiceNotFound');
    expect(verdict(viaSdk)).toEqual(verdict(await raw.send(registerCall(input))));
  });

  it('CreateServiceInstance without clientToken: created, clientToken recorded as SDK-filled, timestamps as epoch seconds', async () => {
    const o = await sdk.send(protonCall({ name: 'sdk-inst-1', serviceName: 'sdk-proton', spec: 'proton: ServiceSpec\n' }));
    expect(o.status).toBe(200);
    expect(o.sdkFilled).toEqual(['clientToken']);
    const si = (o.body as { serviceInstance: Record<string, unknown> }).serviceInstance;
    expect(si.name).toBe('sdk-inst-1');
    expect(si.createdAt).toEqual(expect.any(Number));
    expect(si.lastClientRequestToken).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('invalid CreateServiceInstance: ValidationException with lowercase message, same as a raw call', async () => {
    const input = { name: '-bad name-', serviceName: 'sdk-proton', spec: 'x', clientToken: 'tok-invalid' };
    const viaSdk = await sdk.send(protonCall(input));
    expect(viaSdk.code).toBe('ValidationException');
    expect(viaSdk.message).toEqual(expect.any(String));
    expect(verdict(viaSdk)).toEqual(verdict(await raw.send(protonCall(input))));
  });
});
