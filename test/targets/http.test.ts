// The HTTP target against real loopback servers answering from msw handlers (test/support/mswServer.ts):
// every faulty response shape of issue 3 §4 becomes an Outcome, the envelope profile, SigV4 on the wire.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { delay, http, HttpResponse } from 'msw';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertReachable, createHttpTarget, probe, type HttpTarget, type HttpTargetOptions } from '../../src/targets/http.ts';
import { closedPort, startMswServer, type MswTestServer } from '../support/mswServer.ts';
import { isHarnessError } from '../../src/errors.ts';
import type { Call } from '../../src/contract/call.ts';

const ENDPOINTS = {
  servicediscovery: { protocol: 'awsJson1_1', targetPrefix: 'Route53AutoNaming_v20170314', signingName: 'servicediscovery' },
  proton: { protocol: 'awsJson1_0', targetPrefix: 'AwsProton20200720', signingName: 'proton' },
} as const;

const register: Call = {
  service: 'servicediscovery',
  operation: 'RegisterInstance',
  input: { ServiceId: 'srv-0123456789abcdef', InstanceId: 'i-1', Attributes: { AWS_INSTANCE_IPV4: '10.0.0.1' } },
};
const createInstance: Call = {
  service: 'proton',
  operation: 'CreateServiceInstance',
  input: { name: 'inst1', serviceName: 'svc1', spec: 'proton: ServiceSpec' },
};

const AMZ_JSON_11 = { 'content-type': 'application/x-amz-json-1.1' };
const MiB = 1024 * 1024;

let server: MswTestServer;
const targets: HttpTarget[] = [];
const target = (options: Partial<HttpTargetOptions> = {}): HttpTarget => {
  const t = createHttpTarget({ url: server.url, endpoints: ENDPOINTS, timeoutMs: 5_000, ...options });
  targets.push(t);
  return t;
};

beforeAll(async () => {
  server = await startMswServer(http.post('/', () => HttpResponse.json({ OperationId: 'op-1' }, { headers: AMZ_JSON_11 })));
});
afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
  server.reset();
});
afterAll(() => server.close());

const caughtError = async (p: Promise<unknown>): Promise<unknown> => p.then(() => undefined, (e: unknown) => e);

describe('requests on the wire', () => {
  it('POSTs awsJson 1.1 to / with the X-Amz-Target and the JSON body, and decodes the answer', async () => {
    const outcome = await target().send(register);
    expect(outcome).toMatchObject({ status: 200, body: { OperationId: 'op-1' } });
    expect(outcome.code).toBeUndefined();
    expect(outcome.transport).toBeUndefined();
    expect(outcome.latencyMs).toBeGreaterThan(0);
    const [seen] = server.requests;
    expect(seen.method).toBe('POST');
    expect(seen.path).toBe('/');
    expect(seen.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(seen.headers['x-amz-target']).toBe('Route53AutoNaming_v20170314.RegisterInstance');
    expect(seen.headers.host).toBe(`127.0.0.1:${server.port}`);
    expect(JSON.parse(seen.body)).toEqual(register.input);
  });

  it('uses awsJson 1.0 and the Proton target prefix for proton calls', async () => {
    await target().send(createInstance);
    expect(server.requests[0].headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(server.requests[0].headers['x-amz-target']).toBe('AwsProton20200720.CreateServiceInstance');
  });

  it('sends a rawBody verbatim (malformed-JSON cases)', async () => {
    await target().send({ ...register, rawBody: '{"ServiceId": "srv-1", ' });
    expect(server.requests[0].body).toBe('{"ServiceId": "srv-1", ');
  });

  it('signs with SigV4: AKIDEXAMPLE, the signing name and region, and a signature a server can verify', async () => {
    await target({ region: 'eu-west-3' }).send(register);
    const seen = server.requests[0];
    expect(seen.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-3\/servicediscovery\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
    expect(seen.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(JSON.stringify(seen)).not.toContain('contract-fuzz-fake-secret');

    // Verify as a server would, with an independent SHA-256 (pure JS) and the date the request carries.
    const d = seen.headers['x-amz-date'];
    const signingDate = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`);
    const verifier = new SignatureV4({ service: 'servicediscovery', region: 'eu-west-3', sha256: Sha256, applyChecksum: false, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'contract-fuzz-fake-secret' } });
    const pick = ['host', 'content-type', 'x-amz-target'];
    const expected = await verifier.sign(
      { method: 'POST', protocol: 'http:', hostname: '127.0.0.1', path: '/', query: {}, body: seen.body, headers: Object.fromEntries(pick.map((h) => [h, seen.headers[h]])) },
      { signingDate },
    );
    expect(seen.headers.authorization).toBe(expected.headers.authorization);
  });

  it('signs proton calls for the proton service', async () => {
    await target().send(createInstance);
    expect(server.requests[0].headers.authorization).toMatch(/Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/proton\/aws4_request/);
  });

  it('sends unsigned requests when credentials are null', async () => {
    await target({ credentials: null }).send(register);
    expect(server.requests[0].headers.authorization).toBeUndefined();
    expect(server.requests[0].headers['x-amz-date']).toBeUndefined();
  });

  it('keeps connections alive and opens at most `concurrency` of them', async () => {
    const t = target({ concurrency: 4 });
    for (let i = 0; i < 8; i++) await t.send(register);
    // keep-alive: sequential calls reuse connections (undici's pool may alternate between two of them)
    expect(new Set(server.requests.map((r) => r.remotePort)).size).toBeLessThanOrEqual(2);
    server.reset();
    server.use(http.post('/', async () => (await delay(20), HttpResponse.json({ OperationId: 'x' }, { headers: AMZ_JSON_11 }))));
    const outcomes = await Promise.all(Array.from({ length: 24 }, () => t.send(register)));
    expect(outcomes.every((o) => o.status === 200)).toBe(true);
    expect(new Set(server.requests.map((r) => r.remotePort)).size).toBeLessThanOrEqual(4);
    expect(server.maxInFlight).toBeLessThanOrEqual(4);
    expect(server.maxInFlight).toBeGreaterThan(1);
  });
});

describe('faulty targets become Outcomes', () => {
  it('timeout: no answer within timeoutMs → transport timeout, and the target keeps working', async () => {
    server.use(http.post('/', async () => (await delay('infinite'), HttpResponse.json({}))));
    const t = target({ timeoutMs: 300 });
    const outcome = await t.send(register);
    expect(outcome.status).toBe(0);
    expect(outcome.transport?.failure).toBe('timeout');
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(250);
    expect(outcome.latencyMs).toBeLessThan(3_000);
    server.reset();
    expect((await t.send(register)).status).toBe(200);
  });

  it('timeout mid-body: headers arrive, the body stalls → transport timeout', async () => {
    server.use(
      http.post('/', () => {
        let sent = false;
        const body = new ReadableStream<Uint8Array>({
          pull: (c) => (sent ? delay('infinite') : ((sent = true), c.enqueue(new TextEncoder().encode('{"OperationId":')))),
        });
        return new HttpResponse(body, { headers: AMZ_JSON_11 });
      }),
    );
    const outcome = await target({ timeoutMs: 300 }).send(register);
    expect(outcome.transport?.failure).toBe('timeout');
  });

  it('slow response inside the timeout → a normal Outcome with its latency', async () => {
    server.use(http.post('/', async () => (await delay(400), HttpResponse.json({ OperationId: 'slow' }, { headers: AMZ_JSON_11 }))));
    const outcome = await target({ timeoutMs: 5_000 }).send(register);
    expect(outcome).toMatchObject({ status: 200, body: { OperationId: 'slow' } });
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(350);
  });

  it('connection reset → transport reset', async () => {
    server.use(http.post('/', () => HttpResponse.error()));
    const outcome = await target().send(register);
    expect(outcome.status).toBe(0);
    expect(outcome.transport?.failure).toBe('reset');
  });

  it('connection refused → transport refused', async () => {
    const port = await closedPort();
    const t = createHttpTarget({ url: `http://127.0.0.1:${port}`, endpoints: ENDPOINTS, timeoutMs: 2_000 });
    targets.push(t);
    const outcome = await t.send(register);
    expect(outcome.transport?.failure).toBe('refused');
    expect(outcome.transport?.message).toContain('ECONNREFUSED');
  });

  it('5xx with an awsJson error → status, code and the server class', async () => {
    server.use(
      http.post('/', () =>
        HttpResponse.json({ message: 'boom' }, { status: 500, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': 'InternalServerException:http://internal.amazon.com/coral/' } }),
      ),
    );
    const outcome = await target().send(createInstance);
    expect(outcome).toMatchObject({ status: 500, code: 'InternalServerException', message: 'boom', errorClass: 'server' });
  });

  it('503 with a plain-text body → non-json body problem, server class', async () => {
    server.use(http.post('/', () => HttpResponse.text('Service Unavailable', { status: 503 })));
    const outcome = await target().send(register);
    expect(outcome).toMatchObject({ status: 503, bodyProblem: 'non-json', bodyExcerpt: 'Service Unavailable', errorClass: 'server' });
    expect(outcome.body).toBeUndefined();
  });

  it('garbage bytes on a 200 → non-json with a bounded excerpt', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256);
    server.use(http.post('/', () => new HttpResponse(garbage, { headers: { 'content-type': 'application/octet-stream' } })));
    const outcome = await target().send(register);
    expect(outcome.status).toBe(200);
    expect(outcome.bodyProblem).toBe('non-json');
    expect(outcome.bodyExcerpt!.length).toBeLessThanOrEqual(512);
    expect(outcome.bodyExcerpt!.length).toBeGreaterThan(0);
  });

  it('an HTML error page → html body problem, excerpt cut at 512 characters', async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body>${'<p>upstream failed</p>'.repeat(100)}</body></html>`;
    server.use(http.post('/', () => HttpResponse.html(page, { status: 502 })));
    const outcome = await target().send(register);
    expect(outcome).toMatchObject({ status: 502, bodyProblem: 'html', errorClass: 'server' });
    expect(outcome.bodyExcerpt).toBe(page.slice(0, 512));
  });

  it('an empty body → empty body problem (error and success alike)', async () => {
    server.use(http.post('/', () => new HttpResponse(null, { status: 500 })));
    expect(await target().send(register)).toMatchObject({ status: 500, bodyProblem: 'empty', bodyExcerpt: '' });
    server.reset();
    server.use(http.post('/', () => new HttpResponse('', { status: 200, headers: AMZ_JSON_11 })));
    expect(await target().send(register)).toMatchObject({ status: 200, bodyProblem: 'empty' });
  });

  it('truncated JSON → truncated body problem', async () => {
    server.use(http.post('/', () => new HttpResponse('{"OperationId":"op-12', { headers: AMZ_JSON_11 })));
    const outcome = await target().send(register);
    expect(outcome).toMatchObject({ status: 200, bodyProblem: 'truncated', bodyExcerpt: '{"OperationId":"op-12' });
  });

  it('JSON under a non-JSON content type is decoded as usual (the header is a protocol finding, issue 9 §1)', async () => {
    server.use(http.post('/', () => new HttpResponse('{"OperationId":"op-1"}', { headers: { 'content-type': 'text/plain' } })));
    const outcome = await target().send(register);
    expect(outcome).toMatchObject({ status: 200, body: { OperationId: 'op-1' }, headers: { 'content-type': 'text/plain' } });
    expect(outcome.bodyProblem).toBeUndefined();
  });

  it('a 10 MB body still decodes', async () => {
    const big = 'x'.repeat(10 * 1000 * 1000);
    server.use(http.post('/', () => HttpResponse.json({ OperationId: big }, { headers: AMZ_JSON_11 })));
    const outcome = await target().send(register);
    expect(outcome.status).toBe(200);
    expect(outcome.bodyProblem).toBeUndefined();
    expect((outcome.body as { OperationId: string }).OperationId.length).toBe(big.length);
  });

  it('a body over maxBodyBytes with a Content-Length → too-large before reading it', async () => {
    server.use(http.post('/', () => new HttpResponse(new Uint8Array(2 * MiB), { headers: { ...AMZ_JSON_11, 'content-length': String(2 * MiB) } })));
    const outcome = await target({ maxBodyBytes: MiB }).send(register);
    expect(outcome.transport?.failure).toBe('too-large');
    expect(outcome.transport?.message).toContain(String(2 * MiB));
  });

  it('an endless chunked body → too-large once the limit is passed, without reading the rest', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    const total = 1024; // 64 MiB if it were all read
    server.use(
      http.post('/', () => {
        const body = new ReadableStream<Uint8Array>({
          pull: (c) => (++pulled > total ? c.close() : c.enqueue(chunk)),
        });
        return new HttpResponse(body, { headers: AMZ_JSON_11 });
      }),
    );
    const outcome = await target({ maxBodyBytes: 256 * 1024 }).send(register);
    expect(outcome.transport?.failure).toBe('too-large');
    await delay(100);
    expect(pulled).toBeLessThan(total / 2);
  });

  it('429 with Retry-After → throttling outcome, Retry-After kept', async () => {
    server.use(
      http.post('/', () =>
        HttpResponse.json({ message: 'Rate exceeded' }, { status: 429, headers: { 'content-type': 'application/x-amz-json-1.0', 'retry-after': '7', 'x-amzn-errortype': 'ThrottlingException' } }),
      ),
    );
    const outcome = await target().send(createInstance);
    expect(outcome).toMatchObject({ status: 429, code: 'ThrottlingException', errorClass: 'throttling', message: 'Rate exceeded' });
    expect(outcome.headers['retry-after']).toBe('7');
  });

  it('a caller abort → transport aborted', async () => {
    server.use(http.post('/', async () => (await delay('infinite'), HttpResponse.json({}))));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const outcome = await target({ timeoutMs: 5_000 }).send(register, { signal: controller.signal });
    expect(outcome.transport?.failure).toBe('aborted');
    expect(outcome.latencyMs).toBeLessThan(2_000);
  });

  it('a burst of mixed faults all settle as Outcomes; nothing rejects', async () => {
    let n = 0;
    server.use(
      http.post('/', async () => {
        switch (n++ % 5) {
          case 0: return HttpResponse.error();
          case 1: return HttpResponse.text('oops', { status: 500 });
          case 2: return new HttpResponse('{"a":', { headers: AMZ_JSON_11 });
          case 3: return (await delay('infinite'), HttpResponse.json({}));
          default: return HttpResponse.json({ OperationId: 'ok' }, { headers: AMZ_JSON_11 });
        }
      }),
    );
    const t = target({ timeoutMs: 400, concurrency: 8 });
    const outcomes = await Promise.all(Array.from({ length: 25 }, () => t.send(register)));
    const kinds = new Set(outcomes.map((o) => o.transport?.failure ?? o.bodyProblem ?? String(o.status)));
    expect(kinds).toEqual(new Set(['reset', 'non-json', 'truncated', 'timeout', '200']));
  });
});

describe('envelope profile (seed 000_9c96940e77c3c44a)', () => {
  it('success: the body is the envelope data', async () => {
    server.use(http.post('/', () => HttpResponse.json({ success: true, data: { id: 'abc123', created_at: '2025-01-01T00:00:00Z' } })));
    const outcome = await target({ profile: 'envelope' }).send(register);
    expect(outcome).toMatchObject({ status: 200, body: { id: 'abc123', created_at: '2025-01-01T00:00:00Z' } });
    expect(outcome.code).toBeUndefined();
  });

  it('error: VALIDATION_ERROR maps onto each operation\'s validation code, the raw code kept', async () => {
    server.use(
      http.post('/', () => HttpResponse.json({ success: false, error: { code: 'VALIDATION_ERROR', message: 'Invalid request parameters' } }, { status: 400 })),
    );
    const t = target({ profile: 'envelope' });
    expect(await t.send(register)).toMatchObject({ status: 400, code: 'InvalidInput', rawCode: 'VALIDATION_ERROR', errorClass: 'validation', message: 'Invalid request parameters' });
    expect(await t.send(createInstance)).toMatchObject({ code: 'ValidationException', rawCode: 'VALIDATION_ERROR' });
  });

  it('a custom mapping overrides the defaults', async () => {
    server.use(http.post('/', () => HttpResponse.json({ success: false, error: { code: 'DUP', message: 'in progress' } }, { status: 409 })));
    const { envelopeProfile } = await import('../../src/protocol/profiles.ts');
    const t = target({ profile: envelopeProfile({ classes: { DUP: 'conflict' }, codes: { RegisterInstance: { conflict: 'ResourceInUse' } } }) });
    expect(await t.send(register)).toMatchObject({ status: 409, code: 'ResourceInUse', rawCode: 'DUP', errorClass: 'conflict' });
  });
});

describe('start-up checks and configuration', () => {
  it('assertReachable: an unreachable target is one HarnessError line', async () => {
    const port = await closedPort();
    const e = await caughtError(assertReachable(`http://127.0.0.1:${port}`, { timeoutMs: 2_000 }));
    expect(isHarnessError(e) && e.code).toBe('CF_ERR_TARGET_UNREACHABLE');
    expect((e as Error).message).toBe(`cannot reach http://127.0.0.1:${port} (ECONNREFUSED)`);
  });

  it('assertReachable and probe: any HTTP answer counts as reachable', async () => {
    await expect(assertReachable(server.url)).resolves.toBeUndefined();
    await expect(probe(target())).resolves.toBeUndefined();
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'GET']);
  });

  it('probe times out on a target that accepts connections but never answers', async () => {
    server.use(http.get('/', async () => (await delay('infinite'), HttpResponse.text(''))));
    const e = await caughtError(probe(target(), { timeoutMs: 300 }));
    expect(isHarnessError(e) && e.code).toBe('CF_ERR_TARGET_UNREACHABLE');
    expect((e as Error).message).toBe(`cannot reach ${server.url} (no answer within 300 ms)`);
  });

  it.each(['', 'localhost:4566', 'ftp://127.0.0.1:21', 'http://', 'sdk+http://127.0.0.1:4566', 'http://127.0.0.1:4566/?x=1', 'http://127.0.0.1:99999'])(
    'rejects the target URL %j with CF_ERR_TARGET_URL',
    (url) => {
      let e: unknown;
      try {
        createHttpTarget({ url, endpoints: ENDPOINTS });
      } catch (err) {
        e = err;
      }
      expect(isHarnessError(e) && e.code).toBe('CF_ERR_TARGET_URL');
      expect((e as Error).message).not.toContain('\n');
    },
  );

  it('never repeats URL credentials in the error', () => {
    expect(() => createHttpTarget({ url: 'http://user:hunter2@127.0.0.1:1' })).toThrow(/credentials in the URL are not allowed/);
    expect(() => createHttpTarget({ url: 'http://user:hunter2@127.0.0.1:1' })).not.toThrow(/hunter2/);
  });

  it('rejects nonsensical limits with CF_ERR_CONFIG', () => {
    for (const bad of [{ timeoutMs: 0 }, { concurrency: 1.5 }, { maxBodyBytes: -1 }]) {
      expect(() => createHttpTarget({ url: server.url, ...bad })).toThrow(expect.objectContaining({ code: 'CF_ERR_CONFIG' }));
    }
  });

  it('without injected endpoints, reads protocol, target prefix and signing name from models/<service>/model.json', async () => {
    const t = target({ endpoints: undefined });
    await t.send(register);
    await t.send(createInstance);
    expect(server.requests.map((r) => [r.headers['content-type'], r.headers['x-amz-target']])).toEqual([
      ['application/x-amz-json-1.1', 'Route53AutoNaming_v20170314.RegisterInstance'],
      ['application/x-amz-json-1.0', 'AwsProton20200720.CreateServiceInstance'],
    ]);
    expect(server.requests[1].headers.authorization).toMatch(/\/proton\/aws4_request, /);
  });

  it('a service without an injected endpoint or a model is a harness error, not an Outcome', async () => {
    const t = target({ endpoints: {}, modelsDir: mkdtempSync(join(tmpdir(), 'cf-no-models-')) });
    const e = await caughtError(t.send(register));
    expect(isHarnessError(e) && e.code).toBe('CF_ERR_MODEL_LOAD');
    expect(server.requests).toHaveLength(0);
  });

  it('a service on a protocol other than awsJson is a harness error', async () => {
    const t = target({ endpoints: { servicediscovery: { protocol: 'restJson1' as never, targetPrefix: 'X', signingName: 'servicediscovery' } } });
    const e = await caughtError(t.send(register));
    expect(isHarnessError(e) && e.code).toBe('CF_ERR_MODEL_FORMAT');
    expect(server.requests).toHaveLength(0);
  });

  it('a failing credential provider is a harness error naming the service, never a secret', async () => {
    const t = target({ credentials: () => Promise.reject(new Error('no credentials in the chain')) });
    const e = await caughtError(t.send(register));
    expect(isHarnessError(e) && e.code).toBe('CF_ERR_CONFIG');
    expect((e as Error).message).toBe('cannot sign servicediscovery requests: no credentials in the chain');
  });

  it('uses the base path of a gateway URL', async () => {
    server.use(http.post('/gw/aws', () => HttpResponse.json({ OperationId: 'via-gw' }, { headers: AMZ_JSON_11 })));
    const t = target({ url: `${server.url}/gw/aws` });
    expect(t.name).toBe(`${server.url}/gw/aws`);
    expect(await t.send(register)).toMatchObject({ status: 200, body: { OperationId: 'via-gw' } });
    expect(server.requests[0].path).toBe('/gw/aws');
  });
});
