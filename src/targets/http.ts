// The `http://HOST:PORT` target: any endpoint over the raw awsJson wire, SigV4-signed, through a pooled
// undici dispatcher. Whatever the target does (time out, reset, refuse, 5xx, garbage, huge bodies) becomes an
// Outcome. `send` rejects only when the harness itself cannot work: no model for the call's service
// (CF_ERR_MODEL_LOAD/FORMAT from loadServiceModel) or credentials that cannot be resolved (CF_ERR_CONFIG).
import { Client, Pool } from 'undici';
import { HarnessError } from '../errors.ts';
import { loadServiceModel } from '../model/load.ts';
import { CONTENT_TYPES, encodeRequest, type SignedEndpoint } from '../protocol/codec.ts';
import { decodeResponse } from '../protocol/decode.ts';
import type { Call } from '../contract/call.ts';
import type { Outcome, TransportFailure, WireRequest } from '../contract/outcome.ts';
import { resolveProfile, type ProfileName, type ResponseProfile } from '../protocol/profiles.ts';
import { createSigner, FAKE_CREDENTIALS, type CredentialSource, type WireSigner } from '../protocol/sigv4.ts';
import { dispatchExchange, exchange, type ExchangeFailure, type ExchangeLimits, type ExchangeResult, type WireTransport } from './exchange.ts';
import { parseTargetUrl, type TargetUrl } from './httpUrl.ts';
import { keepFullBody } from './scrub.ts';
import { attachWire } from './wireCapture.ts';
import type { Send, Target } from './target.ts';

export { parseTargetUrl } from './httpUrl.ts';

export interface HttpTargetOptions {
  /** http://HOST:PORT or https://HOST[:PORT], optionally with a gateway base path. */
  url: string;
  /** Signing region. Default us-east-1. */
  region?: string;
  /** Default: FAKE_CREDENTIALS (AKIDEXAMPLE), right for local emulators. `null` sends unsigned requests. */
  credentials?: CredentialSource | null;
  /** Response profile. Default `aws-json`. */
  profile?: ProfileName | ResponseProfile;
  /** Total time per request (queueing, connect, headers, body). Default 30 000 ms. */
  timeoutMs?: number;
  /** Pooled connections (keep-alive, no pipelining). Default 16. */
  concurrency?: number;
  /** Largest response body read; beyond it the exchange is cut (transport `too-large`). Default 16 MiB. */
  maxBodyBytes?: number;
  /** How requests travel (default: a pooled undici transport to the URL's origin). */
  transport?: WireTransport;
  /** Endpoint descriptions by service; services not listed come from loadServiceModel(service, modelsDir). */
  endpoints?: Record<string, SignedEndpoint>;
  modelsDir?: string;
}

export interface HttpTarget extends Target {
  readonly url: string;
  /** Start-up check through this target's pool: any HTTP answer counts; else CF_ERR_TARGET_UNREACHABLE. */
  probe(options?: { timeoutMs?: number }): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_CONCURRENCY = 16;
const DEFAULT_REGION = 'us-east-1';
const PROBE_TIMEOUT_MS = 5_000;

interface Prepared {
  endpoint: SignedEndpoint;
  signer: WireSigner | undefined;
}

export function createHttpTarget(options: HttpTargetOptions): HttpTarget {
  const url = parseTargetUrl(options.url);
  const timeoutMs = positive('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const maxBodyBytes = positive('maxBodyBytes', options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  const concurrency = positiveInteger('concurrency', options.concurrency ?? DEFAULT_CONCURRENCY);
  const region = options.region ?? DEFAULT_REGION;
  const credentials = options.credentials === undefined ? FAKE_CREDENTIALS : options.credentials;
  const profile = resolveProfile(options.profile);
  const limits = { timeoutMs, maxBodyBytes };
  // A run passes one signal to every request: its limits object is made once, not per request.
  let signalLimits: ExchangeLimits = limits;
  const limitsFor = (signal: AbortSignal | undefined): ExchangeLimits =>
    signal === undefined ? limits : signalLimits.signal === signal ? signalLimits : (signalLimits = { timeoutMs, maxBodyBytes, signal });
  const transport = options.transport ?? createUndiciTransport(url.origin, concurrency, timeoutMs);

  const prepared = new Map<string, Prepared>();
  const prepare = (service: string): Prepared => {
    const injected = options.endpoints !== undefined && Object.hasOwn(options.endpoints, service) ? options.endpoints[service] : undefined;
    const endpoint = injected ?? pickEndpoint(loadServiceModel(service, options.modelsDir));
    if (!Object.hasOwn(CONTENT_TYPES, endpoint.protocol)) {
      throw new HarnessError('CF_ERR_MODEL_FORMAT', `service '${service}' uses protocol '${String(endpoint.protocol)}'; the http target speaks awsJson1_0/awsJson1_1 only`);
    }
    const signer = credentials === null ? undefined : createSigner({ service: endpoint.signingName, region, credentials });
    const p = { endpoint, signer };
    prepared.set(service, p);
    return p;
  };

  // Not async: a request whose signature needs no waiting goes from encoding to the dispatch without a promise
  // of its own, and its answer is decoded in the exchange's callback (one promise per request, the Outcome's).
  const send: Send = (call, sendOptions) => {
    let wire: WireRequest | Promise<WireRequest>;
    try {
      const p = prepared.get(call.service) ?? prepare(call.service);
      try {
        wire = encodeRequest(p.endpoint, call, url.host);
      } catch (e) {
        return Promise.resolve(transportOutcome('other', `cannot encode the request: ${(e as Error).message}`, 0));
      }
      if (url.path !== '/') wire.path = url.path;
      if (p.signer !== undefined) wire = signed(p.signer, wire, call.service);
    } catch (e) {
      return Promise.reject(e);
    }
    const limits = limitsFor(sendOptions?.signal);
    if (wire instanceof Promise) return wire.then((w) => sent(call, w, limits));
    return sent(call, wire, limits);
  };
  const dispatch = transport.dispatch?.bind(transport);
  const sent = (call: Call, wire: WireRequest, limits: ExchangeLimits): Promise<Outcome> => {
    if (dispatch === undefined) return transport.exchange(wire, limits).then((r) => outcomeOf(call, wire, r));
    return new Promise((resolve, reject) => dispatch(wire, limits, (r) => {
      try {
        resolve(outcomeOf(call, wire, r));
      } catch (e) {
        reject(e); // decoding never throws; were it to, the error goes to the caller, not into undici's parser
      }
    }));
  };
  const outcomeOf = (call: Call, wire: WireRequest, r: ExchangeResult): Outcome => {
    if (!r.ok) return attachWire(transportOutcome(r.failure, r.message, r.latencyMs), { request: wire });
    // The whole text stays on the Outcome until scrubOutcomes has scrubbed it: the excerpt is cut after that.
    const outcome = keepFullBody(decodeResponse({ status: r.status, headers: r.headers, bodyText: r.bodyText, latencyMs: r.latencyMs, operation: call.operation, invalidUtf8: r.invalidUtf8 === true }, profile), r.bodyText);
    // The exchange as sent and received, by reference (src/targets/wireCapture.ts): reports show a finding's.
    return attachWire(outcome, { request: wire, response: { status: r.status, headers: r.headers, bodyText: r.bodyText } });
  };

  let closing: Promise<void> | undefined;
  return {
    name: url.name,
    url: url.name,
    send,
    probe: (o) => reach(transport, url, o?.timeoutMs ?? PROBE_TIMEOUT_MS),
    close: () => (closing ??= transport.close()),
  };
}

/** Start-up check without a target: CF_ERR_TARGET_URL for a bad URL, CF_ERR_TARGET_UNREACHABLE with one line. */
export async function assertReachable(url: string, options: { timeoutMs?: number } = {}): Promise<void> {
  const target = parseTargetUrl(url);
  const timeoutMs = positive('timeoutMs', options.timeoutMs ?? PROBE_TIMEOUT_MS);
  const client = new Client(target.origin, { connect: { timeout: timeoutMs } });
  try {
    await reach({ exchange: (r, l) => exchange(client, r, l), close: async () => undefined }, target, timeoutMs);
  } finally {
    await client.destroy().catch(() => undefined);
  }
}

/** `probe(target)`: the same check through an existing HTTP target's pool. */
export const probe = (target: HttpTarget, options?: { timeoutMs?: number }): Promise<void> => target.probe(options);

async function reach(transport: WireTransport, url: TargetUrl, timeoutMs: number): Promise<void> {
  const r = await transport.exchange({ method: 'GET', path: url.path, headers: { host: url.host } }, { timeoutMs, maxBodyBytes: 64 * 1024 });
  if (r.ok || r.failure === 'too-large') return; // it answered over HTTP: reachable
  throw new HarnessError('CF_ERR_TARGET_UNREACHABLE', `cannot reach ${url.name} (${reason(r, timeoutMs)})`);
}

const reason = (r: ExchangeFailure, timeoutMs: number): string =>
  r.failure === 'timeout' ? `no answer within ${timeoutMs} ms` : (r.code ?? r.message);

// Carries the message of a credential provider failure; the credentials themselves are never in it.
const signingFailure = (service: string, e: unknown): HarnessError =>
  new HarnessError('CF_ERR_CONFIG', `cannot sign ${service} requests: ${e instanceof Error ? e.message : String(e)}`, { cause: e });

/** The signed request, at once when the signer can (static credentials), else a promise; a signing failure is
 * CF_ERR_CONFIG either way (thrown, or the promise's rejection). */
function signed(signer: WireSigner, wire: WireRequest, service: string): WireRequest | Promise<WireRequest> {
  let s: WireRequest | Promise<WireRequest>;
  try {
    s = signer.signNow ? signer.signNow(wire) : signer.sign(wire);
  } catch (e) {
    throw signingFailure(service, e);
  }
  return s instanceof Promise ? s.catch((e: unknown) => { throw signingFailure(service, e); }) : s;
}

const transportOutcome = (failure: TransportFailure, message: string, latencyMs: number): Outcome => ({
  status: 0,
  headers: {},
  latencyMs,
  transport: { failure, message },
});

const pickEndpoint = ({ protocol, targetPrefix, signingName }: SignedEndpoint): SignedEndpoint => ({ protocol, targetPrefix, signingName });

/** The pooled undici transport every HTTP target sends through (record wraps it to capture exchanges). */
export function createUndiciTransport(origin: string, concurrency: number, timeoutMs: number): WireTransport {
  const pool = new Pool(origin, {
    connections: concurrency,
    pipelining: 1,
    connect: { timeout: Math.min(timeoutMs, 10_000) },
    // Backstops only: the exchange's own total timeout fires first.
    headersTimeout: timeoutMs + 1_000,
    bodyTimeout: timeoutMs + 1_000,
  });
  return {
    exchange: (request, limits) => exchange(pool, request, limits),
    dispatch: (request, limits, done) => dispatchExchange(pool, request, limits, done),
    close: () => closeGracefully(pool),
  };
}

async function closeGracefully(pool: Pool): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<'late'>((r) => (timer = setTimeout(r, 2_000, 'late')));
  const result = await Promise.race([pool.close().then(() => 'closed' as const, () => 'late' as const), grace]);
  clearTimeout(timer);
  if (result === 'late') await pool.destroy().catch(() => undefined);
}

function positive(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new HarnessError('CF_ERR_CONFIG', `${name} must be a positive number, got ${String(value)}`);
  return value;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new HarnessError('CF_ERR_CONFIG', `${name} must be a positive integer, got ${String(value)}`);
  return value;
}
