// A chaos target for the hardening suite: a real node:http server on 127.0.0.1 in front of a builtin emulator.
// Calls the run needs to prepare and to check state are forwarded; the fuzzed operations (RegisterInstance,
// CreateServiceInstance) get a misbehaving answer: one fixed mode, or every mode in turn. Misbehaviours that HTTP
// cannot express (a bad chunk, 10,000 headers, a reset) are written to the socket directly. Echoing modes send the
// request's signature and session token back in every encoding nock's recorder can store (JSON, text, gzip,
// deflate, br, bytes that are not UTF-8 → hex) and a few more (base64, hex text, cut in half, in an HTML page).
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createHash } from 'node:crypto';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';

// The same 2,048 bytes every time: random ones were classified by chance (a first byte of `{` reads as truncated
// JSON, `<` as HTML), so two answers of one mode could differ. Not UTF-8, not JSON, not HTML.
const GARBAGE = Buffer.concat(Array.from({ length: 64 }, (_, i) => createHash('sha256').update(`chaos ${i}`).digest()));
GARBAGE[0] = 0xff;

export const CHAOS_MODES = [
  'garbage', 'truncated', 'huge-10mb', 'html-502', 'empty-200', 'empty-object', 'stall', 'reset', 'close', 'bad-chunk',
  'many-headers', 'huge-header', 'flaky', 'deep', 'bad-utf8', 'large-2mb',
  'echo-json', 'echo-text', 'echo-gzip', 'echo-deflate', 'echo-br', 'echo-binary', 'echo-base64', 'echo-hex', 'echo-truncated', 'echo-html',
] as const;
export type ChaosMode = (typeof CHAOS_MODES)[number];

const FUZZED = /\.(RegisterInstance|CreateServiceInstance)$/;
const MiB = 1024 * 1024;

export interface ChaosTarget {
  url: string;
  /** Misbehaving answers given so far (a stall or a reset counts: the target chose it), by mode. */
  served: Record<string, number>;
  readonly total: number;
  /** The mode(s) the next fuzzed calls get, in turn. */
  use(modes: readonly ChaosMode[]): void;
  close(): Promise<void>;
}

const JSON_11 = { 'content-type': 'application/x-amz-json-1.1' };

/** What an echoing target says back: every request header, the signature and the token also unlabelled. */
function echoText(req: http.IncomingMessage): string {
  const lines = Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`);
  return `request was:\n${lines.join('\n')}\nbare token ${String(req.headers['x-amz-security-token'] ?? '')} bare auth ${String(req.headers.authorization ?? '')}\n`;
}

function raw(socket: Socket, text: string | Buffer): void {
  socket.end(text);
}

export async function startChaosTarget(initial: readonly ChaosMode[] = CHAOS_MODES): Promise<ChaosTarget> {
  const emulator: RunningEmulator = await startEmulator({ port: 0, host: '127.0.0.1', operationDelayMs: 0 });
  let modes = [...initial];
  let turn = 0;
  let flaky = 0;
  const served: Record<string, number> = {};
  const sockets = new Set<Socket>();

  const forward = (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) => {
    const up = http.request(`${emulator.url}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => res.writeHead(answer.statusCode ?? 500, answer.headers).end(Buffer.concat(chunks)));
    });
    up.on('error', () => res.writeHead(502).end());
    up.end(body);
  };

  const misbehave = (mode: ChaosMode, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) => {
    const socket = req.socket;
    const echo = echoText(req);
    const token = String(req.headers['x-amz-security-token'] ?? '');
    switch (mode) {
      case 'garbage': return res.writeHead(200, JSON_11).end(GARBAGE);
      case 'truncated': return res.writeHead(200, JSON_11).end('{"OperationId":"op-123","serviceInstance":{"name":"x');
      case 'huge-10mb': return res.writeHead(200, JSON_11).end(`{"OperationId":"${'o'.repeat(10 * MiB)}"}`);
      case 'large-2mb': return res.writeHead(400, JSON_11).end(JSON.stringify({ __type: 'InvalidInput', Message: 'm'.repeat(2 * MiB) }));
      case 'html-502': return res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      case 'empty-200': return res.writeHead(200, JSON_11).end();
      case 'empty-object': return res.writeHead(200, JSON_11).end('{}');
      case 'stall': return undefined; // never answers; the client gives up
      case 'reset': return socket.resetAndDestroy();
      case 'close': return socket.end();
      case 'bad-chunk': return raw(socket, 'HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"Ope\r\nzz\r\nrationId\r\n');
      case 'many-headers': {
        let head = 'HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 2\r\n';
        for (let i = 0; i < 10_000; i++) head += `X-Chaos-${i}: ${i}\r\n`;
        return raw(socket, `${head}\r\n{}`);
      }
      case 'huge-header': return raw(socket, `HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 2\r\nX-Chaos: ${'h'.repeat(MiB)}\r\n\r\n{}`);
      case 'flaky': return flaky++ % 2 === 0 ? res.writeHead(500, JSON_11).end('{"__type":"InternalFailure","Message":"flaky"}') : forward(req, body, res);
      case 'deep': return res.writeHead(200, JSON_11).end(`${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`);
      case 'bad-utf8': return res.writeHead(400, JSON_11).end(Buffer.concat([Buffer.from('{"__type":"InvalidInput","Message":"bad '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]));
      case 'echo-json': return res.writeHead(400, JSON_11).end(JSON.stringify({ __type: 'InvalidInput', Message: echo, headers: req.headers }));
      case 'echo-text': return res.writeHead(400, { 'content-type': 'text/plain' }).end(echo);
      case 'echo-gzip': return res.writeHead(400, { ...JSON_11, 'content-encoding': 'gzip' }).end(gzipSync(echo));
      case 'echo-deflate': return res.writeHead(400, { ...JSON_11, 'content-encoding': 'deflate' }).end(deflateSync(echo));
      case 'echo-br': return res.writeHead(400, { ...JSON_11, 'content-encoding': 'br' }).end(brotliCompressSync(echo));
      case 'echo-binary': return res.writeHead(400, JSON_11).end(Buffer.concat([Buffer.from([0xff, 0xfe, 0x00]), Buffer.from(echo)]));
      case 'echo-base64': return res.writeHead(400, JSON_11).end(Buffer.from(echo).toString('base64'));
      case 'echo-hex': return res.writeHead(400, JSON_11).end(Buffer.from(echo).toString('hex'));
      case 'echo-truncated': return res.writeHead(400, JSON_11).end(`{"__type":"InvalidInput","Message":"token ${token.slice(0, Math.ceil(token.length / 2))}`);
      case 'echo-html': return res.writeHead(502, { 'content-type': 'text/html' }).end(`<html><body>${'x'.repeat(300)}<pre>${echo}</pre></body></html>`);
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const amzTarget = String(req.headers['x-amz-target'] ?? '');
      if (req.method !== 'POST' || !FUZZED.test(amzTarget) || modes.length === 0) return forward(req, body, res);
      const mode = modes[turn++ % modes.length];
      served[mode] = (served[mode] ?? 0) + 1;
      misbehave(mode, req, body, res);
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    get total() { return Object.values(served).reduce((a, b) => a + b, 0); },
    use(next) { modes = [...next]; turn = 0; },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
      await emulator.close();
    },
  };
}
