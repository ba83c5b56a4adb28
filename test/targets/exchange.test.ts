// One HTTP exchange (src/targets/exchange.ts) against a small node:http server on 127.0.0.1: the total timeout
// comes from one shared timer per timeout length (src/targets/deadlines.ts), yet each request still times out
// at its own start + timeout, and nothing is left armed once nothing is in flight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isUtf8 } from 'node:buffer';
import { Pool } from 'undici';
import { exchange, notUtf8, type ExchangeRequest } from '../../src/targets/exchange.ts';
import { headerName } from '../../src/targets/headerNames.ts';

let server: Server;
let pool: Pool;
let received = 0;
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    received++;
    req.resume();
    const answer = () => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end('{}');
    if (req.url === '/hang') held.push(res);
    else if (req.url === '/slow') setTimeout(answer, 250);
    else answer();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  pool = new Pool(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { connections: 32 });
});

afterAll(async () => {
  for (const res of held) res.destroy();
  await pool.destroy();
  await new Promise((r) => server.close(r));
});

const request = (path: string): ExchangeRequest => ({ method: 'GET', path, headers: {} });
const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
const until = async (done: () => boolean): Promise<void> => {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('exchange timeouts', () => {
  it('twenty hung requests share one timer, and each times out after its own timeout', async () => {
    await exchange(pool, request('/fast'), { timeoutMs: 700, maxBodyBytes: 1024 }); // connections warm
    const before = timers();
    received = 0;
    const pending = Array.from({ length: 20 }, () => exchange(pool, request('/hang'), { timeoutMs: 700, maxBodyBytes: 1024 }));
    await until(() => received === 20);
    expect(received).toBe(20);
    // One per request before: 20 more. Now the shared one (undici's own fast timer may add one).
    expect(timers() - before).toBeLessThanOrEqual(2);
    const results = await Promise.all(pending);
    for (const r of results) {
      expect(r.ok).toBe(false);
      expect(!r.ok && r.failure).toBe('timeout');
      expect(r.latencyMs).toBeGreaterThanOrEqual(690);
      expect(r.latencyMs).toBeLessThan(3_000);
    }
    // Nothing in flight, no timer of ours left (a finished run exits at once).
    await until(() => timers() <= before);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('a request behind one that answered in time still gets its whole timeout', async () => {
    const limits = { timeoutMs: 400, maxBodyBytes: 1024 };
    const slow = exchange(pool, request('/slow'), limits); // answers at ~250 ms: the timer stays armed for ~400
    await new Promise((r) => setTimeout(r, 100));
    const hung = exchange(pool, request('/hang'), limits); // due at ~500 ms: the timer re-arms for it
    const s = await slow;
    expect(s.ok && s.status).toBe(200);
    const h = await hung;
    expect(!h.ok && h.failure).toBe('timeout');
    expect(h.latencyMs).toBeGreaterThanOrEqual(395);
    expect(h.latencyMs).toBeLessThan(3_000);
  });

  it('different timeouts in flight at once each expire on time', async () => {
    const [short, long] = await Promise.all([
      exchange(pool, request('/hang'), { timeoutMs: 200, maxBodyBytes: 1024 }),
      exchange(pool, request('/hang'), { timeoutMs: 600, maxBodyBytes: 1024 }),
    ]);
    expect(!short.ok && short.failure).toBe('timeout');
    expect(!long.ok && long.failure).toBe('timeout');
    expect(short.latencyMs).toBeGreaterThanOrEqual(195);
    expect(short.latencyMs).toBeLessThan(550);
    expect(long.latencyMs).toBeGreaterThanOrEqual(595);
  });
});

describe('notUtf8', () => {
  it('is !isUtf8 for any bytes, reading the decoded text first', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.string({ unit: 'grapheme', maxLength: 32 }).map((s) => new Uint8Array(Buffer.from(s))),
    );
    fc.assert(fc.property(bytes, (b) => {
      const buf = Buffer.from(b);
      expect(notUtf8(buf, buf.toString())).toBe(!isUtf8(buf));
    }), { numRuns: 2_000 });
    // A literal U+FFFD is valid; overlong forms, surrogates and a cut sequence are not.
    for (const [hex, invalid] of [['efbfbd', false], ['c0af', true], ['eda080', true], ['e282', true], ['7b7d', false]] as const) {
      const buf = Buffer.from(hex, 'hex');
      expect(notUtf8(buf, buf.toString())).toBe(invalid);
    }
  });
});

describe('headerName', () => {
  it('is the name decoded and lower-cased, common names or not, whatever their case', () => {
    const names = fc.oneof(
      fc.constantFrom('Content-Type', 'content-length', 'X-Amzn-RequestId', 'x-amzn-errortype', 'DATE', 'Keep-Alive', 'x-amz-id-2', 'Retry-After'),
      fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,24}$/),
      fc.uint8Array({ minLength: 1, maxLength: 20 }).map((b) => Buffer.from(b).toString('latin1')),
    );
    fc.assert(fc.property(names, fc.boolean(), (name, asBuffer) => {
      const raw = asBuffer ? Buffer.from(name, 'latin1') : name;
      expect(headerName(raw)).toBe(raw.toString().toLowerCase());
    }), { numRuns: 2_000 });
    expect(headerName(Buffer.from('X-AMZN-REQUESTID'))).toBe('x-amzn-requestid');
    // A byte that only looks like a letter once decoded is not taken for one.
    expect(headerName(Buffer.from('dat\u00c5', 'latin1'))).toBe(Buffer.from('dat\u00c5', 'latin1').toString().toLowerCase());
  });
});
