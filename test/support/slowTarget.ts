// A slow target (issue 11 §6): a loopback proxy in front of any awsJson endpoint that answers every request
// `delayMs` after it arrived, whatever the upstream took. It records each request (operation, arrival, answer)
// and the most requests ever in flight at once, so a test can count the run's critical path (the longest chain
// of requests that waited for each other) instead of timing a wall clock. Used by bench/slow.ts with 2 s.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface SlowRequest { operation: string; start: number; end: number; status?: number }

export interface SlowTarget {
  url: string;
  readonly requests: readonly SlowRequest[];
  /** Most requests in flight at once. */
  readonly peak: number;
  close(): Promise<void>;
}

/** How many `delayMs` rounds the requests took one after another: the wall time of the requests alone, in units
 * of the delay, counting a stretch with at least one request in flight (idle harness time not counted). */
export function rounds(requests: readonly SlowRequest[], delayMs: number): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  let busy = 0;
  let from = -Infinity;
  let to = -Infinity;
  for (const r of sorted) {
    if (r.start > to) { busy += to - from > 0 ? to - from : 0; from = r.start; to = r.end; }
    else to = Math.max(to, r.end);
  }
  busy += to - from > 0 ? to - from : 0;
  return busy / delayMs;
}

export async function startSlowTarget(upstream: string, delayMs: number): Promise<SlowTarget> {
  const requests: SlowRequest[] = [];
  let inFlight = 0;
  let peak = 0;
  const sockets = new Set<Socket>();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const server = http.createServer((req, res) => {
    const start = Date.now();
    peak = Math.max(peak, ++inFlight);
    const operation = String(req.headers['x-amz-target'] ?? '').replace(/^.*\./, '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, headers: http.OutgoingHttpHeaders, body: Buffer) => {
        setTimeout(() => {
          inFlight--;
          requests.push({ operation, start, end: Date.now(), status });
          res.writeHead(status, headers).end(body);
        }, Math.max(0, start + delayMs - Date.now()));
      };
      const up = http.request(`${upstream}${req.url ?? '/'}`, { method: req.method, headers: req.headers, agent }, (a) => {
        const got: Buffer[] = [];
        a.on('data', (c: Buffer) => got.push(c));
        a.on('end', () => answer(a.statusCode ?? 502, a.headers, Buffer.concat(got)));
      });
      up.on('error', () => answer(502, {}, Buffer.alloc(0)));
      up.end(Buffer.concat(chunks));
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests, get peak() { return peak; },
    close: async () => {
      for (const s of sockets) s.destroy();
      agent.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
