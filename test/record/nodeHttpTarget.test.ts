// The recording target's wire (node http): signed awsJson requests, decoded answers, and every transport failure
// as an Outcome, like the undici target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeHttpTarget } from '../../src/record/nodeHttpTarget.ts';
import { FAKE_CREDENTIALS } from '../../src/protocol/sigv4.ts';
import type { Call } from '../../src/targets/target.ts';
import { closedPort } from '../support/mswServer.ts';

const call: Call = { service: 'servicediscovery', operation: 'RegisterInstance', input: { ServiceId: 's', InstanceId: 'i', Attributes: {} } };
let server: http.Server;
let url: string;
const seen: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    req.on('end', () => {
      if (req.url === '/slow') return; // never answers
      if (req.url === '/huge') return res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(`"${'x'.repeat(4096)}"`);
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'InvalidInput:http://internal' }).end('{"message":"bad"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const target = (path = '', o: { timeoutMs?: number; maxBodyBytes?: number } = {}) =>
  createNodeHttpTarget({ url: `${url}${path}`, region: 'us-east-1', credentials: FAKE_CREDENTIALS, timeoutMs: o.timeoutMs ?? 5_000, concurrency: 2, ...(o.maxBodyBytes ? { maxBodyBytes: o.maxBodyBytes } : {}) });

describe('node http recording target', () => {
  it('sends a signed awsJson request and decodes the answer; counts answered exchanges', async () => {
    const t = target();
    const o = await t.send(call);
    expect(o).toMatchObject({ status: 400, code: 'InvalidInput', errorClass: 'validation', message: 'bad' });
    const h = seen.at(-1)!;
    expect(h['x-amz-target']).toBe('Route53AutoNaming_v20170314.RegisterInstance');
    expect(h.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/servicediscovery\/aws4_request/);
    expect(t.answered).toBe(1);
    await t.close();
  });

  it('timeouts, refusals, oversized bodies and caller aborts are Outcomes, not exceptions', async () => {
    const slow = target('/slow', { timeoutMs: 200 });
    expect((await slow.send(call)).transport?.failure).toBe('timeout');
    const controller = new AbortController();
    const pending = slow.send(call, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect((await pending).transport?.failure).toBe('aborted');
    expect((await slow.send(call, { signal: AbortSignal.abort() })).transport?.failure).toBe('aborted');
    expect(slow.answered).toBe(0);
    await slow.close();

    const huge = target('/huge', { maxBodyBytes: 1024 });
    expect((await huge.send(call)).transport?.failure).toBe('too-large');
    await huge.close();

    const refused = createNodeHttpTarget({ url: `http://127.0.0.1:${await closedPort()}`, region: 'us-east-1', credentials: FAKE_CREDENTIALS, timeoutMs: 2_000, concurrency: 1 });
    expect((await refused.send(call)).transport?.failure).toBe('refused');
    await refused.close();
  });
});
