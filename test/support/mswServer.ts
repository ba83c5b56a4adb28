// msw handlers served over a REAL loopback HTTP server. msw's own interception never sees undici's Pool
// (it patches http/fetch, not raw sockets), so tests that exercise the HTTP target answer from here:
// handlers are msw values (`http.post('/', resolver)`), resolved per request with msw's `getResponse`.
//   HttpResponse.error()        → the socket is destroyed (a connection reset)
//   await delay(ms | 'infinite') → a slow answer / a timeout
//   a ReadableStream body        → streamed with backpressure; cancelled when the client goes away
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Client port of the connection: distinct values = distinct connections. */
  remotePort: number;
}

export interface MswTestServer {
  readonly url: string;
  readonly port: number;
  readonly requests: SeenRequest[];
  /** Most requests in progress at once so far. */
  readonly maxInFlight: number;
  /** Prepend handlers (first match wins, as in msw's setupServer().use). */
  use(...handlers: RequestHandler[]): void;
  /** Back to the initial handlers; forget seen requests. */
  reset(): void;
  close(): Promise<void>;
}

const MAX_REQUEST_BODY = 1 << 20;

export async function startMswServer(...initial: RequestHandler[]): Promise<MswTestServer> {
  let handlers = [...initial];
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let base = '';

  const server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once('close', () => inFlight--);
    answer(req, res).catch(() => req.socket.destroy());
  });

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req as AsyncIterable<Buffer>) {
      size += c.length;
      if (size > MAX_REQUEST_BODY) return void req.socket.destroy();
      chunks.push(c);
    }
    const body = Buffer.concat(chunks);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const method = req.method ?? 'GET';
    requests.push({ method, path: req.url ?? '/', headers, body: body.toString('utf8'), remotePort: req.socket.remotePort ?? 0 });

    const request = new Request(new URL(req.url ?? '/', base), {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : body,
    });
    const response = await getResponse(handlers, request, { baseUrl: base });
    if (response === undefined) {
      res.writeHead(501, { 'content-type': 'text/plain' }).end(`no msw handler for ${method} ${req.url}`);
      return;
    }
    if (response.type === 'error') return void req.socket.destroy(); // HttpResponse.error(): a reset
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => (out[name] = value));
    res.writeHead(response.status, response.statusText || undefined, out);
    if (response.body !== null) {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        if (res.destroyed) break; // the client went away: stop pulling (cancels the stream)
        if (!res.write(chunk)) await drainedOrClosed(res);
        if (res.destroyed) break;
      }
    }
    if (!res.destroyed) res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    port,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    use: (...more) => void (handlers = [...more, ...handlers]),
    reset: () => {
      handlers = [...initial];
      requests.length = 0;
      maxInFlight = inFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const drainedOrClosed = (res: ServerResponse): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
