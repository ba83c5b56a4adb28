// One HTTP exchange over an undici dispatcher, with a raw dispatch handler (no streams): a total timeout,
// a body-size cap enforced while reading (never buffers more than maxBodyBytes), caller aborts, and every
// failure turned into data. Never throws, never rejects.
import { isUtf8 } from 'node:buffer';
import type { Dispatcher } from 'undici';
import type { TransportFailure } from '../contract/outcome.ts';
import { headerName } from './headerNames.ts';
import { deadlineQueue, type DeadlineQueue, type Expiring } from './deadlines.ts';

export interface ExchangeRequest {
  method: 'POST' | 'GET';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ExchangeLimits {
  timeoutMs: number;
  maxBodyBytes: number;
  signal?: AbortSignal;
}

export interface ExchangeResponse {
  ok: true;
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  bodyText: string;
  /** The body as it came (a recording keeps what the run saw, byte for byte). */
  body: Buffer;
  /** The body is not valid UTF-8 (bodyText then holds replacement characters): AWS JSON is UTF-8. */
  invalidUtf8?: true;
  latencyMs: number;
}
export interface ExchangeFailure {
  ok: false;
  failure: TransportFailure;
  /** The underlying error code when there is one (ECONNREFUSED, UND_ERR_SOCKET…). */
  code?: string;
  message: string;
  latencyMs: number;
}
export type ExchangeResult = ExchangeResponse | ExchangeFailure;

/** How wire requests travel: undici's Pool by default; node's http module where nock must see them. */
export interface WireTransport {
  exchange(request: ExchangeRequest, limits: ExchangeLimits): Promise<ExchangeResult>;
  /** The same, the result handed to `done` (see dispatchExchange): one promise fewer per request. Optional. */
  dispatch?(request: ExchangeRequest, limits: ExchangeLimits, done: (r: ExchangeResult) => void): void;
  close(): Promise<void>;
}

const NO_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const EMPTY = Buffer.alloc(0);
const CANCELLED = new Error('contract-fuzz cancelled the request');

export const exchange = (dispatcher: Dispatcher, request: ExchangeRequest, limits: ExchangeLimits): Promise<ExchangeResult> =>
  new Promise((resolve) => dispatchExchange(dispatcher, request, limits, resolve));

/** The same exchange, its result handed to `done` exactly once: a caller that makes a promise of its own (the
 * HTTP target) needs no second one per request. `done` must not throw. */
export function dispatchExchange(dispatcher: Dispatcher, request: ExchangeRequest, limits: ExchangeLimits, done: (r: ExchangeResult) => void): void {
  if (limits.signal?.aborted) {
    done({ ok: false, failure: 'aborted', message: 'aborted by the caller before sending', latencyMs: 0 });
    return;
  }
  const handler = new ExchangeHandler(done, limits);
  try {
    dispatcher.dispatch({ path: request.path, method: request.method, headers: request.headers, body: request.body ?? null }, handler);
  } catch (e) {
    handler.onError(e as Error); // undici reports its errors through the handler; any other dispatcher might throw
  }
}

class ExchangeHandler implements Dispatcher.DispatchHandlers, Expiring {
  private abortRequest: ((err?: Error) => void) | undefined;
  private done = false;
  private status = 0;
  private headers = NO_HEADERS;
  // The body as read: the first chunk alone (the usual small answer: no array), more chunks in `rest`.
  private first: Buffer | undefined = undefined;
  private rest: Buffer[] | undefined = undefined;
  private size = 0;
  private readonly started = performance.now();
  // The total timeout: a place in the shared deadline queue of this timeout length (src/targets/deadlines.ts).
  deadline = 0;
  prev: Expiring | undefined = undefined;
  next: Expiring | undefined = undefined;
  queue: DeadlineQueue | undefined = undefined;

  constructor(
    private readonly resolve: (r: ExchangeResult) => void,
    private readonly limits: ExchangeLimits,
  ) {
    deadlineQueue(limits.timeoutMs).add(this, this.started);
    if (limits.signal) watch(limits.signal, this);
  }

  /** The caller's signal aborted. */
  handleEvent(): void {
    this.fail('aborted', undefined, 'aborted by the caller');
  }

  onConnect(abort: (err?: Error) => void): void {
    if (this.done) abort(CANCELLED); // settled while queued (timeout, abort): never send it
    else this.abortRequest = abort;
  }

  onHeaders(status: number, rawHeaders: Buffer[] | string[] | null): boolean {
    if (this.done || status < 200) return true; // 1xx informational: wait for the real response
    this.status = status;
    this.headers = headerRecord(rawHeaders);
    const declared = this.headers['content-length'];
    if (declared !== undefined && Number(declared) > this.limits.maxBodyBytes) {
      this.fail('too-large', undefined, `response declares ${declared} bytes, over the ${this.limits.maxBodyBytes}-byte limit`);
      return false;
    }
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.done) return false;
    this.size += chunk.length;
    if (this.size > this.limits.maxBodyBytes) {
      this.fail('too-large', undefined, `response body over the ${this.limits.maxBodyBytes}-byte limit`);
      return false;
    }
    if (this.first === undefined) this.first = chunk;
    else (this.rest ??= [this.first]).push(chunk);
    return true;
  }

  onComplete(): void {
    if (this.done) return;
    const body = this.rest !== undefined ? Buffer.concat(this.rest, this.size) : (this.first ?? EMPTY);
    const bodyText = body.toString();
    const response: ExchangeResponse = { ok: true, status: this.status, headers: this.headers, bodyText, body, latencyMs: performance.now() - this.started };
    if (notUtf8(body, bodyText)) response.invalidUtf8 = true;
    this.settle(response);
  }

  onError(err: Error): void {
    if (this.done) return;
    const code = errorCode(err);
    this.settle({ ok: false, failure: failureOf(code), code, message: describe(err, code), latencyMs: performance.now() - this.started });
  }

  expire(): void {
    this.fail('timeout', undefined, `no complete response within ${this.limits.timeoutMs} ms`);
  }

  fail(failure: TransportFailure, code: string | undefined, message: string): void {
    if (this.done) return;
    this.settle({ ok: false, failure, code, message, latencyMs: performance.now() - this.started });
    this.abortRequest?.(CANCELLED); // undici then calls onError, which is ignored: the exchange is settled
  }

  private settle(result: ExchangeResult): void {
    this.done = true;
    this.queue?.remove(this);
    if (this.limits.signal) inFlight.get(this.limits.signal)?.delete(this);
    this.first = this.rest = undefined;
    this.resolve(result);
  }
}

/** `bytes` are not UTF-8, given `text` = bytes.toString(): bytes that are not UTF-8 decode to U+FFFD, so only a
 * text holding one needs the bytes checked (the usual body is read once, not twice). */
export const notUtf8 = (bytes: Buffer, text: string): boolean => text.includes('\uFFFD') && !isUtf8(bytes);

// One abort listener per signal for all of its exchanges in flight (a run passes one signal to every request):
// adding and removing an EventTarget listener per request cost more than the rest of the request's bookkeeping.
const inFlight = new WeakMap<AbortSignal, Set<ExchangeHandler>>();
function watch(signal: AbortSignal, handler: ExchangeHandler): void {
  let handlers = inFlight.get(signal);
  if (handlers === undefined) {
    const set = (handlers = new Set());
    inFlight.set(signal, set);
    signal.addEventListener('abort', () => { for (const h of [...set]) h.handleEvent(); }, { once: true });
  }
  handlers.add(handler);
}

function headerRecord(raw: Buffer[] | string[] | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw === null) return out;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = headerName(raw[i]);
    const value = raw[i + 1].toString();
    const prev = out[name];
    out[name] = prev === undefined ? value : `${prev}, ${value}`;
  }
  return out;
}

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown }; errors?: Array<{ code?: unknown }> } | null;
  const code = e?.code ?? e?.cause?.code ?? e?.errors?.[0]?.code;
  return typeof code === 'string' ? code : undefined;
}

const FAILURES: Readonly<Record<string, TransportFailure>> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  UND_ERR_SOCKET: 'reset', // "other side closed" mid-exchange
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  UND_ERR_RES_EXCEEDED_MAX_SIZE: 'too-large',
  UND_ERR_ABORTED: 'aborted',
};

const failureOf = (code: string | undefined): TransportFailure =>
  code !== undefined && Object.hasOwn(FAILURES, code) ? FAILURES[code] : 'other';

function describe(err: unknown, code: string | undefined): string {
  const message = err instanceof Error && err.message ? err.message : String(err);
  const text = code !== undefined && !message.includes(code) ? `${code}: ${message}` : message;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
