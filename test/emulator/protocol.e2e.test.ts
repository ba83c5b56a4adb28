// The wire protocol of the emulator over real loopback HTTP: malformed JSON, unknown targets, Content-Type
// parameters, error shapes, status sources, body bounds, unsigned requests and silence about credentials.
import { request } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { expectProtocol } from '../../src/oracle/index.ts';
import { CM, CT_10, CT_11, PROTON, cloudMap, ok, proton, send } from './helpers.ts';

let em: RunningEmulator | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await em?.close();
  em = undefined;
});
const start = async (o: Parameters<typeof startEmulator>[0] = {}) => (em = await startEmulator({ operationDelayMs: 0, ...o })).url;

describe('protocol errors', () => {
  it('answers malformed JSON with SerializationException 400 (Message for Cloud Map, message for Proton)', async () => {
    const url = await start();
    const cm = await cloudMap(url, 'RegisterInstance', null, { raw: '{"ServiceId": "srv-1",' });
    expect([cm.status, cm.headers['x-amzn-errortype'], cm.body.__type]).toEqual([400, 'SerializationException', 'SerializationException']);
    expect(cm.body.Message).toBe(expectProtocol('RegisterInstance', 'protocol:malformed-json').message);
    expect(cm.headers['content-type']).toBe(CT_11);
    const p = await proton(url, 'CreateServiceInstance', null, { raw: 'not json at all' });
    expect([p.status, p.code, p.body.__type]).toEqual([400, 'SerializationException', 'SerializationException']);
    expect(p.body.message).toBe(expectProtocol('CreateServiceInstance', 'protocol:malformed-json').message);
    expect(p.headers['content-type']).toBe(CT_10);
  });

  it('answers a JSON body that is not an object with SerializationException 400', async () => {
    const url = await start();
    for (const raw of ['[]', '"text"', '42', 'null']) {
      const r = await cloudMap(url, 'RegisterInstance', null, { raw });
      expect([raw, r.status, r.code]).toEqual([raw, 400, 'SerializationException']);
      expect(r.body.Message).toBe(expectProtocol('RegisterInstance', 'protocol:body-not-object').message);
    }
  });

  it('reads an empty body as {} (SDKs send {} for empty input)', async () => {
    const url = await start();
    const r = await cloudMap(url, 'GetOperation', null, { raw: '' });
    expect([r.status, r.code, r.body.Message]).toEqual([400, 'InvalidInput',
      "1 validation error detected: Value null at 'operationId' failed to satisfy constraint: Member must not be null"]);
  });

  it('answers unknown, missing or malformed X-Amz-Target with UnknownOperationException 400', async () => {
    const url = await start();
    const targets: (string | null)[] = [`${CM}.DescribeEverything`, `${PROTON}.CreateServiceInstanceX`, 'Nope.RegisterInstance', 'RegisterInstance', null, `${CM}.constructor`, `${CM}.__proto__`, `${CM}.`];
    for (const target of targets) {
      const r = await send(url, target, {});
      expect([target, r.status, r.code, r.body.__type]).toEqual([target, 400, 'UnknownOperationException', 'UnknownOperationException']);
    }
    // The target is checked before the body: a malformed body to an unknown operation is still "unknown".
    expect((await send(url, `${CM}.Nope`, null, { raw: '{' })).code).toBe('UnknownOperationException');
  });

  it('answers methods other than POST with UnknownOperationException, even with a valid target', async () => {
    const url = await start();
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const res = await request(url, { method, headers: { 'x-amz-target': `${CM}.CreateHttpNamespace` }, ...(method === 'PUT' ? { body: '{"Name":"n"}' } : {}) });
      const body = (await res.body.json()) as { __type: string };
      expect([method, res.statusCode, res.headers['x-amzn-errortype'], body.__type]).toEqual([method, 400, 'UnknownOperationException', 'UnknownOperationException']);
    }
    expect(em!.emulator.cloudMap.operations.size).toBe(0);
  });

  it('gives a Cloud Map operation name sent with the Proton prefix no Cloud Map behaviour', async () => {
    const url = await start();
    expect((await proton(url, 'RegisterInstance', { ServiceId: 's', InstanceId: 'i', Attributes: {} })).code).toBe('UnknownOperationException');
  });
});

describe('requests', () => {
  it('accepts Content-Type with parameters, and no Content-Type at all', async () => {
    const url = await start();
    const a = await cloudMap(url, 'CreateHttpNamespace', { Name: 'one' }, { contentType: `${CT_11}; charset=utf-8` });
    expect(a.status).toBe(200);
    const b = await proton(url, 'CreateEnvironment', { name: 'e', spec: 's', templateName: 't', templateMajorVersion: '1' }, { contentType: `${CT_10};charset=UTF-8` });
    expect(b.status).toBe(200);
    const c = await cloudMap(url, 'CreateHttpNamespace', { Name: 'two' }, { contentType: null });
    expect(c.status).toBe(200);
  });

  it('needs no valid signature, answers with the service content type and a request id', async () => {
    const url = await start();
    const r = await cloudMap(url, 'CreateHttpNamespace', { Name: 'signed' }, {
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/servicediscovery/aws4_request, SignedHeaders=host, Signature=deadbeef', 'x-amz-date': '20260101T000000Z' },
    });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(CT_11);
    expect(r.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never writes anything to the console or stdio, even for requests carrying Authorization', async () => {
    const url = await start();
    const spies = [
      vi.spyOn(console, 'log'), vi.spyOn(console, 'error'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'info'), vi.spyOn(console, 'debug'),
      vi.spyOn(process.stdout, 'write'), vi.spyOn(process.stderr, 'write'),
    ];
    const auth = { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDSECRETSECRET/x, Signature=0123' };
    await cloudMap(url, 'RegisterInstance', { ServiceId: 'srv-x', InstanceId: 'i', Attributes: {} }, { headers: auth });
    await cloudMap(url, 'RegisterInstance', null, { raw: '{', headers: auth });
    await send(url, 'Bogus.Op', {}, { headers: auth });
    await proton(url, 'CreateServiceInstance', { name: 'a', serviceName: 'b', spec: 'c' }, { headers: auth });
    for (const s of spies) expect(s).not.toHaveBeenCalled();
  });

  it('refuses bodies above maxBodyBytes with 413 and keeps serving', async () => {
    const url = await start({ maxBodyBytes: 1024 });
    const r = await cloudMap(url, 'RegisterInstance', { ServiceId: 'srv', InstanceId: 'i', Attributes: { big: 'x'.repeat(4096) } });
    expect([r.status, r.code]).toEqual([413, 'RequestEntityTooLargeException']);
    expect((await cloudMap(url, 'CreateHttpNamespace', { Name: 'after' })).status).toBe(200);
  });

  it('answers an internal failure with a 500 in the service error shape and keeps serving', async () => {
    const url = await start({ validator: (_service, operation) => { if (operation === 'GetService') throw new Error('boom'); return undefined; } });
    const cm = await cloudMap(url, 'GetService', { Id: 'srv-x' });
    expect([cm.status, cm.code, typeof cm.body.Message]).toEqual([500, 'InternalFailure', 'string']);
    const p = await proton(url, 'GetService', { name: 'x' });
    expect([p.status, p.code, typeof p.body.message]).toEqual([500, 'InternalServerException', 'string']);
    expect((await cloudMap(url, 'CreateHttpNamespace', { Name: 'still-up' })).status).toBe(200);
  });

  it('handles many concurrent requests over pooled connections without a 5xx', async () => {
    const url = await start();
    const replies = await Promise.all(Array.from({ length: 200 }, (_, i) =>
      i % 2 ? cloudMap(url, 'GetOperation', { OperationId: `x${i}` }) : proton(url, 'GetService', { name: `s${i}` })));
    expect(replies.map((r) => r.status).filter((s) => s >= 500)).toEqual([]);
    expect(new Set(replies.map((r) => r.code))).toEqual(new Set(['OperationNotFound', 'ResourceNotFoundException']));
  });
});

describe('error statuses', () => {
  const statuses = async (statusSource: 'model' | 'reference') => {
    const url = await start({ statusSource, operationDelayMs: 60_000 });
    const seeded = ok(await send(url, 'ContractFuzzEmulator.Seed', {
      cloudMap: { namespaces: [{ name: 'n' }], services: [{ name: 's', namespace: 'n' }] },
      proton: { environments: [{ name: 'e' }], services: [{ name: 'p' }] },
    }));
    const sid = seeded.cloudMap.services[0].id;
    const out: Record<string, number> = {};
    out.ServiceNotFound = (await cloudMap(url, 'GetService', { Id: 'srv-nope' })).status;
    out.InvalidInput = (await cloudMap(url, 'GetService', {})).status;
    ok(await cloudMap(url, 'RegisterInstance', { ServiceId: sid, InstanceId: 'i', Attributes: {} }));
    out.DuplicateRequest = (await cloudMap(url, 'RegisterInstance', { ServiceId: sid, InstanceId: 'i', Attributes: {} })).status;
    out.ResourceInUse = (await cloudMap(url, 'DeleteService', { Id: sid })).status;
    out.ResourceNotFoundException = (await proton(url, 'GetService', { name: 'nope' })).status;
    out.ConflictException = (await proton(url, 'CreateService', { name: 'p', spec: 'x', templateName: 't', templateMajorVersion: '1' })).status;
    out.ValidationException = (await proton(url, 'GetService', {})).status;
    out.UnknownOperationException = (await send(url, 'X.Y', {})).status;
    await em!.close();
    em = undefined;
    return out;
  };

  it("uses the model's httpError statuses by default", async () => {
    expect(await statuses('model')).toEqual({
      ServiceNotFound: 404, InvalidInput: 400, DuplicateRequest: 409, ResourceInUse: 409,
      ResourceNotFoundException: 404, ConflictException: 409, ValidationException: 400, UnknownOperationException: 400,
    });
  });

  it("uses the API reference pages' 400 with statusSource 'reference'", async () => {
    const s = await statuses('reference');
    expect(Object.values(s).every((x) => x === 400)).toBe(true);
    expect(Object.keys(s)).toHaveLength(8);
  });
});
