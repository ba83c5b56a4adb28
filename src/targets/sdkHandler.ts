// The request handler the SDK clients send through: the SDK's HttpHandler contract (`handle(request)`) over
// pooled undici connections and the same `exchange` the raw HTTP target uses (total timeout, body-size cap,
// aborts). The body is read once; the SDK gets it as bytes, the harness gets the exact text (`wireOf`).
// A failure below HTTP rejects with SdkTransportError carrying the same TransportFailure a raw target records.
import { HttpResponse, type HttpHandler, type HttpRequest } from '@smithy/core/protocols';
import { Pool } from 'undici';
import { exchange, type ExchangeFailure, type ExchangeResponse } from './exchange.ts';

export interface SdkHandlerOptions {
  timeoutMs: number;
  maxBodyBytes: number;
  /** Pooled connections per origin. */
  connections: number;
}

export class SdkTransportError extends Error {
  constructor(readonly failure: Omit<ExchangeFailure, 'ok'>) {
    super(failure.message);
    this.name = 'SdkTransportError';
  }
}

export interface SdkHttpHandler extends HttpHandler {
  /** Closes every pool, waiting up to `graceMs` for in-flight exchanges, then destroys what is left. */
  close(graceMs?: number): Promise<void>;
}

const responses = new WeakMap<HttpResponse, ExchangeResponse>();

/** The exchange behind a response this handler returned: status, headers and body text exactly as received. */
export const wireOf = (response: unknown): ExchangeResponse | undefined =>
  typeof response === 'object' && response !== null ? responses.get(response as HttpResponse) : undefined;

export function createSdkHandler(options: SdkHandlerOptions): SdkHttpHandler {
  const pools = new Map<string, Pool>();
  const poolFor = (origin: string): Pool => {
    let pool = pools.get(origin);
    if (pool === undefined) {
      pool = new Pool(origin, {
        connections: options.connections,
        pipelining: 1,
        connect: { timeout: Math.min(options.timeoutMs, 10_000) },
        headersTimeout: options.timeoutMs + 1_000, // backstops: the exchange's total timeout fires first
        bodyTimeout: options.timeoutMs + 1_000,
      });
      pools.set(origin, pool);
    }
    return pool;
  };

  return {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: HttpRequest, handlerOptions?: { abortSignal?: unknown }) {
      const method = request.method.toUpperCase();
      const body = bodyText(request.body);
      if ((method !== 'POST' && method !== 'GET') || body === undefined) {
        throw new SdkTransportError({ failure: 'other', message: `cannot send a ${method} request with a streaming body`, latencyMs: 0 });
      }
      const signal = handlerOptions?.abortSignal instanceof AbortSignal ? handlerOptions.abortSignal : undefined;
      const r = await exchange(
        poolFor(originOf(request)),
        { method, path: pathOf(request), headers: request.headers, ...(method === 'POST' ? { body } : {}) },
        { timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes, ...(signal ? { signal } : {}) },
      );
      if (!r.ok) throw new SdkTransportError(r);
      const response = new HttpResponse({ statusCode: r.status, headers: r.headers, body: Buffer.from(r.bodyText, 'utf8') });
      responses.set(response, r);
      return { response };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {
      for (const pool of pools.values()) void pool.destroy().catch(() => undefined);
      pools.clear();
    },
    async close(graceMs = 2_000) {
      const all = [...pools.values()];
      pools.clear();
      await Promise.all(all.map((pool) => closeGracefully(pool, graceMs)));
    },
  };
}

/** A request body as text: strings as they are, bytes as UTF-8 (read from the bytes: the SDK's JSON bodies are
 * Uint8Array subclasses that warn when used as strings); undefined for streams. */
export function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return undefined;
}

const originOf = (r: HttpRequest): string => `${r.protocol || 'https:'}//${r.hostname}${r.port ? `:${r.port}` : ''}`;

function pathOf(r: HttpRequest): string {
  const path = r.path || '/';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(r.query ?? {})) {
    if (v === null || v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  }
  const qs = params.toString();
  return qs === '' ? path : `${path}?${qs}`;
}

async function closeGracefully(pool: Pool, graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<'late'>((r) => (timer = setTimeout(r, graceMs, 'late')));
  const result = await Promise.race([pool.close().then(() => 'closed' as const, () => 'late' as const), grace]);
  clearTimeout(timer);
  if (result === 'late') await pool.destroy().catch(() => undefined);
}
