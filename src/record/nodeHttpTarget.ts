// The recording target: the `http://HOST:PORT` target itself (awsJson codec, SigV4, the same decoding), with
// a wire transport over node's http/https modules instead of undici's Pool, because that is what nock's
// recorder sees. Only the transport lives here.
import http from 'node:http';
import https from 'node:https';
import type { TransportFailure } from '../protocol/outcome.ts';
import type { ProfileName, ResponseProfile } from '../protocol/profiles.ts';
import type { CredentialSource } from '../protocol/sigv4.ts';
import type { ExchangeRequest, ExchangeLimits, ExchangeResult, WireTransport } from '../targets/exchange.ts';
import { createHttpTarget, type HttpTarget } from '../targets/http.ts';
import { parseTargetUrl } from '../targets/httpUrl.ts';

export interface NodeHttpTargetOptions {
  url: string;
  region: string;
  credentials: CredentialSource;
  timeoutMs: number;
  concurrency: number;
  profile?: ProfileName | ResponseProfile;
  maxBodyBytes?: number;
  modelsDir?: string;
}

export interface NodeHttpTarget extends HttpTarget {
  /** HTTP responses read to the end so far (each one is an exchange the recorder sees). */
  readonly answered: number;
}

interface NodeHttpTransport extends WireTransport { readonly answered: number }

export function createNodeHttpTarget(o: NodeHttpTargetOptions): NodeHttpTarget {
  const transport = nodeHttpTransport(parseTargetUrl(o.url).origin, o.concurrency);
  const target = createHttpTarget({ ...o, transport });
  return Object.defineProperty(target, 'answered', { get: () => transport.answered, enumerable: true }) as NodeHttpTarget;
}

function nodeHttpTransport(origin: string, concurrency: number): NodeHttpTransport {
  const secure = origin.startsWith('https:');
  const agent = new (secure ? https : http).Agent({ keepAlive: true, maxSockets: concurrency });
  let answered = 0;
  const exchange = (wire: ExchangeRequest, limits: ExchangeLimits): Promise<ExchangeResult> => new Promise((resolve) => {
    const started = performance.now();
    const { signal, timeoutMs, maxBodyBytes } = limits;
    if (signal?.aborted) return resolve({ ok: false, failure: 'aborted', message: 'aborted by the caller before sending', latencyMs: 0 });
    let done = false;
    const settle = (r: ExchangeResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const fail = (failure: TransportFailure, message: string) => {
      settle({ ok: false, failure, message, latencyMs: performance.now() - started });
      req.destroy();
    };
    const onAbort = () => fail('aborted', 'aborted by the caller');
    const timer = setTimeout(() => fail('timeout', `no complete response within ${timeoutMs} ms`), timeoutMs);
    const body = wire.body ?? '';
    const req = (secure ? https : http).request(`${origin}${wire.path}`, {
      method: wire.method, agent, headers: { ...wire.headers, 'content-length': String(Buffer.byteLength(body)) },
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) fail('too-large', `response body over the ${maxBodyBytes}-byte limit`);
        else chunks.push(chunk);
      });
      res.on('end', () => {
        if (done) return;
        answered++;
        settle({ ok: true, status: res.statusCode ?? 0, headers: joinHeaders(res.headers), bodyText: Buffer.concat(chunks).toString('utf8'), latencyMs: performance.now() - started });
      });
      res.on('error', (e) => fail('reset', e.message));
    });
    req.on('error', (e: NodeJS.ErrnoException) => settle({
      ok: false, failure: failureOf(e.code), ...(e.code ? { code: e.code } : {}),
      message: e.code && !e.message.includes(e.code) ? `${e.code}: ${e.message}` : e.message, latencyMs: performance.now() - started,
    }));
    signal?.addEventListener('abort', onAbort);
    req.end(body);
  });
  return { exchange, get answered() { return answered; }, close: async () => { agent.destroy(); } };
}

function joinHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(h)) if (v !== undefined) out[name] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

const FAILURES: Readonly<Record<string, TransportFailure>> = {
  ECONNREFUSED: 'refused', ECONNRESET: 'reset', EPIPE: 'reset', ECONNABORTED: 'reset', ETIMEDOUT: 'timeout',
};
const failureOf = (code: string | undefined): TransportFailure => (code !== undefined && Object.hasOwn(FAILURES, code) ? FAILURES[code] : 'other');
