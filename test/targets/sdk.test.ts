// The SDK target against a tiny loopback server with canned awsJson answers: what goes on the wire (the SDK's
// own serialization, X-Amz-Target, SigV4 for the right service), how answers become Outcomes (exactly like
// decodeResponse and the raw HTTP target), transport failures as data, no retries, no credentials leaked.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HarnessError } from '../../src/errors.ts';
import { decodeResponse } from '../../src/protocol/decode.ts';
import { createHttpTarget } from '../../src/targets/http.ts';
import { createSdkTarget, RAW_BODY_UNSUPPORTED, type SdkTarget } from '../../src/targets/sdk.ts';
import { wrap } from '../../src/targets/target.ts';
import { capturedWire } from '../../src/targets/wireCapture.ts';

interface Seen {
  headers: IncomingHttpHeaders;
  body: string;
}
type Responder = (seen: Seen, res: ServerResponse) => void;

let server: Server;
let base: string;
let seen: Seen[] = [];
let respond: Responder;
const sockets = new Set<Socket>();
const targets: Array<{ close(): Promise<void> }> = [];

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Responder => (_s, res) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
};

const sdk = (options: Parameters<typeof createSdkTarget>[0] = {}): SdkTarget => {
  const t = createSdkTarget({ endpoint: `sdk+${base}`, timeoutMs: 5_000, ...options });
  targets.push(t);
  return t;
};

const register = { ServiceId: 'srv-abc', InstanceId: 'i-1', Attributes: { AWS_INSTANCE_IPV4: '10.0.0.1' } };
const proton = { name: 'inst', serviceName: 'svc', spec: 'proton: ServiceSpec\n' };

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(s);
      respond(s, res);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
  seen = [];
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => server.close(r));
});

describe('sdk target: the request on the wire', () => {
  it('sends Cloud Map calls with the 1.1 content type, X-Amz-Target and SigV4 for servicediscovery', async () => {
    respond = json(200, { OperationId: 'op-1' });
    await sdk({ region: 'eu-west-3' }).send({ service: 'servicediscovery', operation: 'RegisterInstance', input: register });
    expect(seen).toHaveLength(1);
    const h = seen[0].headers;
    expect(h['x-amz-target']).toBe('Route53AutoNaming_v20170314.RegisterInstance');
    expect(h['content-type']).toBe('application/x-amz-json-1.1');
    expect(h.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-3\/servicediscovery\/aws4_request, SignedHeaders=[^,]*x-amz-target[^,]*, Signature=[0-9a-f]{64}$/);
    expect(h['amz-sdk-request']).toBe('attempt=1; max=1');
  });

  it('keeps the exchange as signed and sent beside the Outcome (for reports), never in what the Outcome shows', async () => {
    respond = json(400, { __type: 'InvalidInput', Message: 'no' }, { 'x-amzn-errortype': 'InvalidInput' });
    const outcome = await sdk().send({ service: 'servicediscovery', operation: 'RegisterInstance', input: register });
    const wire = capturedWire(outcome)!;
    expect(wire.request).toMatchObject({ method: 'POST', path: '/', body: seen[0]!.body });
    expect(wire.request.headers['x-amz-target']).toBe('Route53AutoNaming_v20170314.RegisterInstance');
    expect(wire.request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=/);
    expect(wire.response).toMatchObject({ status: 400, bodyText: '{"__type":"InvalidInput","Message":"no"}' });
    expect(wire.response!.headers['x-amzn-errortype']).toBe('InvalidInput');
    expect(JSON.stringify(outcome)).not.toContain('AWS4-HMAC-SHA256');
    expect(Object.keys(outcome)).not.toContain('request');
  });

  it('sends Proton calls with the 1.0 content type, X-Amz-Target and SigV4 for proton', async () => {
    respond = json(200, {});
    await sdk().send({ service: 'proton', operation: 'CreateServiceInstance', input: proton });
    const h = seen[0].headers;
    expect(h['x-amz-target']).toBe('AwsProton20200720.CreateServiceInstance');
    expect(h['content-type']).toBe('application/x-amz-json-1.0');
    expect(h.authorization).toMatch(/Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/proton\/aws4_request/);
  });

  it('records the idempotency tokens the SDK fills in, and nothing when the input has them', async () => {
    respond = json(200, { OperationId: 'op-1' });
    const t = sdk();
    const filled = await t.send({ service: 'servicediscovery', operation: 'RegisterInstance', input: register });
    expect(filled.sdkFilled).toEqual(['CreatorRequestId']);
    expect(JSON.parse(seen[0].body).CreatorRequestId).toMatch(/^[0-9a-f-]{36}$/);
    const given = await t.send({ service: 'servicediscovery', operation: 'RegisterInstance', input: { ...register, CreatorRequestId: 'mine' } });
    expect(given.sdkFilled).toBeUndefined();
    expect(JSON.parse(seen[1].body).CreatorRequestId).toBe('mine');
    const p = await t.send({ service: 'proton', operation: 'CreateServiceInstance', input: proton });
    expect(p.sdkFilled).toEqual(['clientToken']);
  });

  it('passes invalid payloads to the SDK as they are (no client-side validation)', async () => {
    respond = json(400, { __type: 'InvalidInput', Message: 'bad' });
    const input = { ServiceId: 123, InstanceId: 'x'.repeat(500), Attributes: { k: 5 }, CreatorRequestId: 'c' };
    const o = await sdk().send({ service: 'servicediscovery', operation: 'RegisterInstance', input });
    expect(JSON.parse(seen[0].body)).toEqual(input);
    expect(o.code).toBe('InvalidInput');
  });

  it('sends what the SDK serializes: a null member is dropped, nothing is validated; what it cannot carry is not sent', async () => {
    respond = json(400, { __type: 'SerializationException', Message: 'x' });
    const t = sdk();
    const o = await t.send({ service: 'servicediscovery', operation: 'RegisterInstance', input: { ServiceId: 's', InstanceId: null, CreatorRequestId: 'c' } });
    expect(JSON.parse(seen[0].body)).toEqual({ ServiceId: 's', CreatorRequestId: 'c' });
    expect(o.code).toBe('SerializationException');
    // An unknown member the SDK would drop: the case cannot be sent as it is (issue 7 §4).
    await expect(t.send({ service: 'servicediscovery', operation: 'RegisterInstance', input: { ServiceId: 's', NotInTheModel: 1 } })).rejects.toThrow(/drops members it does not model/);
    const circular: Record<string, unknown> = { ServiceId: 's' };
    circular.Attributes = { loop: circular };
    const unsent = await t.send({ service: 'servicediscovery', operation: 'RegisterInstance', input: circular });
    expect(seen).toHaveLength(1);
    expect(unsent.transport?.failure).toBe('other');
    expect(unsent.transport?.message).toMatch(/^the SDK did not send the request: TypeError: [^\n]*circular/);
  });
});

describe('sdk target: answers decoded like raw ones', () => {
  const comparable = (o: { latencyMs: number; headers: Record<string, string> }) => {
    const { date: _d, ...headers } = o.headers;
    return { ...o, latencyMs: 0, headers };
  };

  it.each([
    ['X-Amzn-ErrorType header', json(400, { Message: 'm' }, { 'x-amzn-errortype': 'InvalidInput:http://internal.amazon.com/' })],
    ['body __type with namespace', json(404, { __type: 'com.amazonaws.servicediscovery#ServiceNotFound', Message: 'no such service' })],
    ['body code', json(409, { code: 'DuplicateRequest', DuplicateOperationId: 'op-9', message: 'dup' })],
    ['an HTML 502', (_s: Seen, res: ServerResponse) => { res.writeHead(502, { 'content-type': 'text/html' }); res.end('<html>bad gateway</html>'); }],
    ['garbage 200', (_s: Seen, res: ServerResponse) => { res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }); res.end('{"OperationId": '); }],
  ] as Array<[string, Responder]>)('%s: same Outcome as decodeResponse and the raw HTTP target', async (_name, responder) => {
    respond = (s, res) => responder(s, res);
    const call = { service: 'servicediscovery', operation: 'RegisterInstance', input: { ...register, CreatorRequestId: 'c' } };
    const viaSdk = await sdk().send(call);
    const raw = createHttpTarget({
      url: base,
      endpoints: { servicediscovery: { protocol: 'awsJson1_1', targetPrefix: 'Route53AutoNaming_v20170314', signingName: 'servicediscovery' } },
    });
    targets.push(raw);
    const viaHttp = await raw.send(call);
    expect(viaSdk.status).toBeGreaterThan(0);
    expect(comparable(viaSdk)).toEqual(comparable(viaHttp));
    const { date: _d, ...headers } = viaSdk.headers;
    const direct = decodeResponse({ status: viaSdk.status, headers, bodyText: seenBodyOf(responder), latencyMs: 0, operation: 'RegisterInstance' });
    expect(comparable(viaSdk)).toEqual(comparable(direct));
  });

  it('keeps the raw JSON body: epoch-second timestamps stay numbers, not Dates', async () => {
    const serviceInstance = { name: 'inst', createdAt: 1_700_000_000.25, lastDeploymentAttemptedAt: 1_700_000_001, deploymentStatus: 'IN_PROGRESS' };
    respond = (_s, res) => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify({ serviceInstance }));
    };
    const o = await sdk().send({ service: 'proton', operation: 'CreateServiceInstance', input: { ...proton, clientToken: 't' } });
    expect(o.status).toBe(200);
    expect(o.code).toBeUndefined();
    expect(o.body).toEqual({ serviceInstance });
  });

  it('does not retry: a 500 and a 429 each reach the server once', async () => {
    const t = sdk();
    respond = json(500, { __type: 'InternalServerException', message: 'boom' });
    const a = await t.send({ service: 'proton', operation: 'CreateServiceInstance', input: proton });
    respond = json(429, { __type: 'ThrottlingException', message: 'slow down' }, { 'retry-after': '1' });
    const b = await t.send({ service: 'proton', operation: 'CreateServiceInstance', input: proton });
    expect(seen).toHaveLength(2);
    expect([a.status, a.code, b.status, b.code]).toEqual([500, 'InternalServerException', 429, 'ThrottlingException']);
  });
});

describe('sdk target: failures are Outcomes', () => {
  it('a refused connection is a transport outcome, not a throw', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const t = createSdkTarget({ endpoint: `sdk+http://127.0.0.1:${port}`, timeoutMs: 5_000 });
    targets.push(t);
    const o = await t.send({ service: 'servicediscovery', operation: 'RegisterInstance', input: register });
    expect(o.status).toBe(0);
    expect(o.transport?.failure).toBe('refused');
  });

  it('a silent server is a timeout; a dropped connection is a reset', async () => {
    respond = () => undefined; // never answers
    const slow = await sdk({ timeoutMs: 200 }).send({ service: 'proton', operation: 'CreateServiceInstance', input: proton });
    expect(slow.transport?.failure).toBe('timeout');
    respond = (_s, res) => res.socket?.destroy();
    const reset = await sdk().send({ service: 'proton', operation: 'CreateServiceInstance', input: proton });
    expect(reset.transport?.failure).toBe('reset');
  });

  it('an aborted call is a transport outcome', async () => {
    respond = () => undefined;
    const ac = new AbortController();
    const pending = sdk().send({ service: 'proton', operation: 'CreateServiceInstance', input: proton }, { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    expect((await pending).transport?.failure).toBe('aborted');
  });

  it('raw bodies are unsupported, say so, and send nothing', async () => {
    respond = json(200, {});
    const t = sdk();
    expect(t.supports).toEqual({ rawBody: false });
    expect(wrap(t, (s) => s).supports).toEqual({ rawBody: false });
    const o = await t.send({ service: 'servicediscovery', operation: 'RegisterInstance', input: undefined, rawBody: '{"ServiceId":' });
    expect(o.transport).toEqual({ failure: 'other', message: RAW_BODY_UNSUPPORTED });
    expect(seen).toHaveLength(0);
  });

  it('an operation the client does not have is an Outcome saying so; an unsupported service is a HarnessError', async () => {
    respond = json(200, {});
    const t = sdk();
    const o = await t.send({ service: 'servicediscovery', operation: 'RegisterUnicorn', input: {} });
    expect(o.transport?.message).toMatch(/no RegisterUnicornCommand/);
    expect(seen).toHaveLength(0);
    await expect(t.send({ service: 's3', operation: 'PutObject', input: {} })).rejects.toMatchObject({ code: 'CF_ERR_CONFIG' });
  });

  it('rejects bad endpoints, regions and retry settings at creation', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as HarnessError).code;
      }
      return undefined;
    };
    expect(code(() => createSdkTarget({ endpoint: 'sdk+ftp://127.0.0.1:1' }))).toBe('CF_ERR_TARGET_URL');
    expect(code(() => createSdkTarget({ endpoint: `sdk+${base}`, region: 'Not A Region' }))).toBe('CF_ERR_CONFIG');
    expect(code(() => createSdkTarget({ endpoint: `sdk+${base}`, maxAttempts: 3 as 1 }))).toBe('CF_ERR_CONFIG');
    expect(createSdkTarget({ endpoint: `sdk+${base}/` }).name).toBe(`sdk+${base}`);
  });
});

describe('sdk target: credentials stay out of Outcomes', () => {
  const creds = { accessKeyId: 'AKIDCONTRACTFUZZTEST', secretAccessKey: 'very-secret-value-0123456789', sessionToken: 'session-token-value-xyz' };
  const leaks = (o: unknown) => {
    const text = JSON.stringify(o);
    return [creds.accessKeyId, creds.secretAccessKey, creds.sessionToken, 'Signature='].filter((s) => text.includes(s));
  };

  it('signs with the given credentials, and neither they nor the signature appear in any Outcome', async () => {
    const t = sdk({ credentials: creds });
    respond = json(400, { __type: 'AccessDeniedException', message: 'denied' });
    const error = await t.send({ service: 'proton', operation: 'CreateServiceInstance', input: proton });
    respond = json(200, { OperationId: 'op' });
    const ok = await t.send({ service: 'servicediscovery', operation: 'RegisterInstance', input: register });
    respond = (_s, res) => res.socket?.destroy();
    const reset = await t.send({ service: 'servicediscovery', operation: 'RegisterInstance', input: register });
    expect(seen[0].headers.authorization).toContain(`Credential=${creds.accessKeyId}/`);
    expect(seen[0].headers['x-amz-security-token']).toBe(creds.sessionToken);
    expect([error.code, ok.status, reset.transport?.failure]).toEqual(['AccessDeniedException', 200, 'reset']);
    expect([...leaks(error), ...leaks(ok), ...leaks(reset)]).toEqual([]);
  });

  it('a credential provider that fails rejects with CF_ERR_CONFIG and sends nothing', async () => {
    respond = json(200, {});
    const t = sdk({
      credentials: async () => {
        throw new HarnessError('CF_ERR_CONFIG', 'no AWS credentials found by the default chain (test)');
      },
    });
    await expect(t.send({ service: 'proton', operation: 'CreateServiceInstance', input: proton })).rejects.toMatchObject({ code: 'CF_ERR_CONFIG' });
    expect(seen).toHaveLength(0);
  });
});

/** The body text a canned responder writes (replayed against a fake response). */
function seenBodyOf(responder: Responder): string {
  let text = '';
  const fake = {
    writeHead: () => fake,
    end: (b?: string) => void (text = b ?? ''),
    socket: null,
  } as unknown as ServerResponse;
  responder({ headers: {}, body: '' }, fake);
  return text;
}
