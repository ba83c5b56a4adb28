// The recording target: the `http://HOST:PORT` target's wire (awsJson codec, SigV4, the same response decoding),
// sent through node's http/https modules instead of undici's Pool, because that is what nock's recorder sees.
// Like every target, whatever the endpoint does becomes an Outcome; `send` rejects only for harness failures
// (no model for the service, credentials that cannot be resolved).
import http from 'node:http';
import https from 'node:https';
import { HarnessError } from '../errors.ts';
import { loadServiceModel } from '../model/load.ts';
import { encodeRequest, type SignedEndpoint } from '../protocol/codec.ts';
import { decodeResponse } from '../protocol/decode.ts';
import type { Outcome, TransportFailure, WireRequest } from '../protocol/outcome.ts';
import { resolveProfile, type ProfileName, type ResponseProfile } from '../protocol/profiles.ts';
import { createSigner, type CredentialSource, type WireSigner } from '../protocol/sigv4.ts';
import { parseTargetUrl } from '../targets/httpUrl.ts';
import type { Send, Target } from '../targets/target.ts';

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

export interface NodeHttpTarget extends Target {
  /** HTTP responses read to the end so far (each one is an exchange the recorder sees). */
  readonly answered: number;
}

const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

interface Raw { status: number; headers: Record<string, string>; bodyText: string }
type Result = { ok: true; raw: Raw } | { ok: false; failure: TransportFailure; message: string };

export function createNodeHttpTarget(o: NodeHttpTargetOptions): NodeHttpTarget {
  const url = parseTargetUrl(o.url);
  const secure = url.origin.startsWith('https:');
  const agent = new (secure ? https : http).Agent({ keepAlive: true, maxSockets: o.concurrency });
  const profile = resolveProfile(o.profile);
  const maxBodyBytes = o.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const services = new Map<string, { endpoint: SignedEndpoint; signer: WireSigner }>();
  let answered = 0;

  const prepare = (service: string) => {
    const model = loadServiceModel(service, o.modelsDir);
    const p = { endpoint: model, signer: createSigner({ service: model.signingName, region: o.region, credentials: o.credentials }) };
    services.set(service, p);
    return p;
  };

  const exchange = (wire: WireRequest, signal: AbortSignal | undefined): Promise<Result> => new Promise((resolve) => {
    if (signal?.aborted) return resolve({ ok: false, failure: 'aborted', message: 'aborted by the caller before sending' });
    let done = false;
    const settle = (r: Result) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const fail = (failure: TransportFailure, message: string) => {
      settle({ ok: false, failure, message });
      req.destroy();
    };
    const onAbort = () => fail('aborted', 'aborted by the caller');
    const timer = setTimeout(() => fail('timeout', `no complete response within ${o.timeoutMs} ms`), o.timeoutMs);
    const req = (secure ? https : http).request(`${url.origin}${wire.path}`, {
      method: wire.method, agent, headers: { ...wire.headers, 'content-length': String(Buffer.byteLength(wire.body)) },
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
        settle({ ok: true, raw: { status: res.statusCode ?? 0, headers: joinHeaders(res.headers), bodyText: Buffer.concat(chunks).toString('utf8') } });
      });
      res.on('error', (e) => fail('reset', e.message));
    });
    req.on('error', (e: NodeJS.ErrnoException) => settle({ ok: false, failure: failureOf(e.code), message: e.code && !e.message.includes(e.code) ? `${e.code}: ${e.message}` : e.message }));
    signal?.addEventListener('abort', onAbort);
    req.end(wire.body);
  });

  const send: Send = async (call, options) => {
    const p = services.get(call.service) ?? prepare(call.service);
    let wire: WireRequest;
    try {
      wire = encodeRequest(p.endpoint, call, url.host);
    } catch (e) {
      return transport('other', `cannot encode the request: ${(e as Error).message}`, 0);
    }
    if (url.path !== '/') wire.path = url.path;
    try {
      wire = await p.signer.sign(wire);
    } catch (e) {
      // The provider's message only; the credentials are never in it.
      throw new HarnessError('CF_ERR_CONFIG', `cannot sign ${call.service} requests: ${e instanceof Error ? e.message : String(e)}`);
    }
    const started = performance.now();
    const r = await exchange(wire, options?.signal);
    const latencyMs = performance.now() - started;
    if (!r.ok) return transport(r.failure, r.message, latencyMs);
    return decodeResponse({ ...r.raw, latencyMs, operation: call.operation }, profile);
  };

  return {
    name: url.name,
    send,
    get answered() { return answered; },
    close: async () => { agent.destroy(); },
  };
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

const transport = (failure: TransportFailure, message: string, latencyMs: number): Outcome => ({ status: 0, headers: {}, latencyMs, transport: { failure, message } });
