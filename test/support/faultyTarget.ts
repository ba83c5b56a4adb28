// A faulty awsJson target for the acceptance tests: msw handlers (served over a real loopback socket by
// startMswServer) in front of a real builtin emulator. Every request is read (X-Amz-Target + JSON body) and
// forwarded to the emulator with fetch; one named deviation alters the request or the answer, so the target
// departs from the contract in EXACTLY ONE way and behaves like the emulator everywhere else.
//
// Deviations fabricate their odd answers (they do not forward an altered request) wherever forwarding would
// leave state behind that could change later answers: the deviation stays one deviation, and shrinking,
// which re-sends near copies of a case in quick succession, meets the same behaviour every time.
import { createHash } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { startMswServer, type MswTestServer } from './mswServer.ts';

type Json = Record<string, unknown>;

/** What came back from the emulator. */
export interface Upstream {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed body, when it is a JSON object. */
  body: Json | undefined;
  code: string | undefined;
}

/** One awsJson request as the proxy sees it, and the ways to answer it. */
export interface Exchange {
  /** `RegisterInstance`, `CreateServiceInstance`, … (the part of X-Amz-Target after the dot). */
  operation: string;
  /** `servicediscovery` | `proton` | `other`. */
  service: 'servicediscovery' | 'proton' | 'other';
  raw: string;
  /** The request's headers as they came (lower-cased names; Authorization and X-Amz-Date among them). */
  headers: Record<string, string>;
  /** The body as a JSON object; undefined when it is not one (malformed JSON, an array, …). */
  input: Json | undefined;
  /** Sends the request to the emulator (optionally with another body) and reads the answer. */
  forward(body?: unknown): Promise<Upstream>;
  /** The emulator's answer, unchanged. */
  pass(): Promise<Response>;
}

export type Deviation = (x: Exchange) => Promise<Response>;

const CM_PREFIX = 'Route53AutoNaming_v20170314';
const PR_PREFIX = 'AwsProton20200720';
const contentType = (service: Exchange['service']): string =>
  (service === 'proton' ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1');

const asObject = (v: unknown): Json | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const ok = (u: Upstream): boolean => u.status >= 200 && u.status < 300;
const short = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** A 2xx answer with this body, as the emulator would frame it. */
export const answer = (x: Pick<Exchange, 'service'>, body: unknown, status = 200): Response =>
  new HttpResponse(JSON.stringify(body), { status, headers: { 'content-type': contentType(x.service) } });

/** An awsJson error: X-Amzn-ErrorType + `{__type, message}` (Cloud Map: `Message`). */
export const awsError = (x: Pick<Exchange, 'service'>, status: number, code: string, message: string): Response =>
  new HttpResponse(JSON.stringify({ __type: code, [x.service === 'proton' ? 'message' : 'Message']: message }), {
    status, headers: { 'content-type': contentType(x.service), 'x-amzn-errortype': code },
  });

/** The emulator's answer with another status/body (headers kept). */
const reframe = (u: Upstream, o: { status?: number; body?: unknown }): Response =>
  new HttpResponse(o.body === undefined ? u.text : JSON.stringify(o.body), { status: o.status ?? u.status, headers: u.headers });

const passThrough = (u: Upstream): Response => reframe(u, {});

/** An OperationId for a registration the target pretends to have accepted. */
const fakeOperation = (x: Exchange): Response => answer(x, { OperationId: `fake-${short(x.raw)}` });

/** A complete Proton serviceInstance for an answer the target makes up. */
function fakeServiceInstance(input: Json | undefined): Json {
  const name = str(input?.name) ?? 'made-up';
  const serviceName = str(input?.serviceName) ?? 'made-up';
  const at = 1_700_000_000;
  return {
    serviceInstance: {
      name, serviceName, arn: `arn:aws:proton:us-east-1:123456789012:service/${serviceName}/service-instance/${name}`,
      createdAt: at, lastDeploymentAttemptedAt: at, lastDeploymentSucceededAt: at, environmentName: 'made-up-env',
      templateName: 'made-up-template', templateMajorVersion: '1', templateMinorVersion: '0', deploymentStatus: 'IN_PROGRESS',
    },
  };
}

const isRegister = (x: Exchange): boolean => x.service === 'servicediscovery' && x.operation === 'RegisterInstance';
const isCreate = (x: Exchange): boolean => x.service === 'proton' && x.operation === 'CreateServiceInstance';
const RESERVED = new Set(['AWS_ALIAS_DNS_NAME', 'AWS_EC2_INSTANCE_ID', 'AWS_INIT_HEALTH_STATUS', 'AWS_INSTANCE_CNAME', 'AWS_INSTANCE_IPV4', 'AWS_INSTANCE_IPV6', 'AWS_INSTANCE_PORT']);
const instanceKey = (input: Json | undefined): string => `${String(input?.ServiceId)}\u0000${String(input?.InstanceId)}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The payload without its idempotency token, in a stable text: what a token is bound to. */
function paramsKey(input: Json, token: string): string {
  const sorted = (v: unknown): unknown => {
    const o = asObject(v);
    if (o) return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sorted(o[k])]));
    return Array.isArray(v) ? v.map(sorted) : v;
  };
  const { [token]: _, ...rest } = input;
  return JSON.stringify(sorted(rest));
}

/** A token reused with other parameters is answered as the first request with that token was. */
function ignoreTokenMismatch(operation: 'RegisterInstance' | 'CreateServiceInstance', token: string): () => Deviation {
  // The target validates as usual, then answers a reused token with other parameters with the original answer
  // (nothing executed again) instead of a mismatch error: also for a token an earlier run left behind.
  return () => {
    const first = new Map<string, Upstream>();
    return async (x) => {
      const t = x.operation === operation ? str(x.input?.[token]) : undefined;
      if (!t || !x.input) return x.pass();
      const u = await x.forward();
      const prior = first.get(t);
      if (ok(u)) { if (!prior) first.set(t, u); return passThrough(u); }
      const mismatch = u.code === 'DuplicateRequest' || (u.code === 'ValidationException' && /idempotent|already used/i.test(u.text));
      return passThrough(mismatch && prior ? prior : u);
    };
  };
}

/** A retry with a token already answered 2xx gets `edit`ed. */
function onReplay(operation: string, token: string, edit: (body: Json) => Json): () => Deviation {
  return () => {
    const seen = new Set<string>();
    return async (x) => {
      const t = x.operation === operation ? str(x.input?.[token]) : undefined;
      if (!t) return x.pass();
      const u = await x.forward();
      if (!ok(u) || !u.body) return passThrough(u);
      if (!seen.has(t)) {
        seen.add(t);
        return passThrough(u);
      }
      return reframe(u, { body: edit(u.body) });
    };
  };
}

/**
 * Concurrent RegisterInstance requests for one instance: each is held a moment before it is forwarded, so
 * requests sent together really overlap here; `onOverlap` answers one that arrives while another is in flight.
 */
function onConcurrentRegister(onOverlap: (x: Exchange, key: string) => Promise<Response>, around?: (x: Exchange) => Promise<Response | undefined>): () => Deviation {
  return () => {
    const inFlight = new Map<string, number>();
    return async (x) => {
      if (around) {
        const r = await around(x);
        if (r) return r;
      }
      if (!isRegister(x) || !x.input) return x.pass();
      const key = instanceKey(x.input);
      const n = inFlight.get(key) ?? 0;
      if (n > 0) return onOverlap(x, key);
      inFlight.set(key, n + 1);
      try {
        await sleep(50);
        return await x.pass();
      } finally {
        inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
      }
    };
  };
}

/**
 * The deviations: each a factory of a fresh handler with its own memory. Names say what the target does
 * wrong; the acceptance test says which kind and constraint the harness must report for each.
 */
export const DEVIATIONS = {
  // ---- the contract of a single request -------------------------------------------------------------
  /** Model constraint InstanceId#length: an InstanceId longer than 64 characters is accepted. */
  'instance-id-too-long-accepted': () => async (x) =>
    (isRegister(x) && (str(x.input?.InstanceId)?.length ?? 0) > 64 ? fakeOperation(x) : x.pass()),

  /** Payload-only documented rule: more than 30 custom attributes are accepted. */
  'custom-attributes-over-30-accepted': () => async (x) => {
    const a = asObject(x.input?.Attributes);
    const custom = a ? Object.keys(a).filter((k) => !RESERVED.has(k)).length : 0;
    return isRegister(x) && custom > 30 ? fakeOperation(x) : x.pass();
  },

  /** Service-dependent rule: a service with an A record takes instances without AWS_INSTANCE_IPV4 (the
   * emulator's refusal for exactly that reason becomes a success). */
  'a-record-without-ipv4-accepted': () => async (x) => {
    if (!isRegister(x)) return x.pass();
    const u = await x.forward();
    const message = str(u.body?.Message) ?? str(u.body?.message) ?? '';
    return u.code === 'InvalidInput' && /^AWS_INSTANCE_IPV4 is required because .*\bA record/.test(message) ? fakeOperation(x) : passThrough(u);
  },

  /** Protocol id protocol:malformed-json: a body that is not JSON is accepted (both operations). */
  'malformed-json-accepted': () => async (x) => {
    let parses = true;
    try { JSON.parse(x.raw); } catch { parses = false; }
    if (parses) return x.pass();
    if (isRegister(x)) return fakeOperation(x);
    if (isCreate(x)) return answer(x, fakeServiceInstance(undefined));
    return x.pass();
  },

  /** State id state:service-not-found: registering into a service that does not exist is accepted. */
  'service-not-found-accepted': () => async (x) => {
    if (!isRegister(x)) return x.pass();
    const u = await x.forward();
    return u.code === 'ServiceNotFound' ? fakeOperation(x) : passThrough(u);
  },

  /** Off by one: a payload with exactly 30 custom attributes (the documented maximum) is refused. */
  'thirty-custom-attributes-rejected': () => async (x) => {
    const a = isRegister(x) ? asObject(x.input?.Attributes) : undefined;
    const custom = a ? Object.keys(a).filter((k) => !RESERVED.has(k)).length : 0;
    return custom === 30 ? awsError(x, 400, 'InvalidInput', 'You can add up to 29 custom attributes.') : x.pass();
  },

  // ---- boundaries the coverage phase must enumerate (issue 7 §7): each caught by the DEFAULT run -------
  /** A target that strips leading spaces from attribute values: ` value` is registered as `value` (accepted). */
  'attribute-value-leading-space-stripped': () => async (x) => {
    const a = isRegister(x) ? asObject(x.input?.Attributes) : undefined;
    if (!a || !Object.values(a).some((v) => typeof v === 'string' && v.startsWith(' '))) return x.pass();
    const stripped = Object.fromEntries(Object.entries(a).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/^ +/, '') : v]));
    return passThrough(await x.forward({ ...x.input, Attributes: stripped }));
  },

  /** Off by one: a clientToken of exactly 64 characters (the documented maximum) is refused. */
  'client-token-64-rejected': () => async (x) =>
    (isCreate(x) && [...(str(x.input?.clientToken) ?? '')].length === 64
      ? awsError(x, 400, 'ValidationException', "1 validation error detected: Value at 'clientToken' failed to satisfy constraint: Member must have length less than or equal to 63")
      : x.pass()),

  /** Off by one: 51 tags (one past the documented 50) are accepted. */
  'fifty-one-tags-accepted': () => async (x) =>
    (isCreate(x) && Array.isArray(x.input?.tags) && (x.input.tags as unknown[]).length === 51 ? answer(x, fakeServiceInstance(x.input)) : x.pass()),

  /** A template version read as a number: `01` is accepted (and stored as `1`). */
  'template-major-version-leading-zero-accepted': () => async (x) => {
    const v = isCreate(x) ? str(x.input?.templateMajorVersion) : undefined;
    return v !== undefined && /^0[0-9]+$/.test(v) ? passThrough(await x.forward({ ...x.input, templateMajorVersion: String(Number(v)) })) : x.pass();
  },

  /** Off by one: attributes of exactly 5,001 characters in total (keys and values) are accepted. */
  'attributes-5001-chars-accepted': () => async (x) => {
    const a = isRegister(x) ? asObject(x.input?.Attributes) : undefined;
    let total = 0;
    for (const [k, v] of Object.entries(a ?? {})) total += [...k].length + (typeof v === 'string' ? [...v].length : 0);
    return total === 5001 ? fakeOperation(x) : x.pass();
  },

  /** Same error class, wrong code: Cloud Map answers ValidationException (not InvalidInput) for an InstanceId off its pattern. */
  'instance-id-pattern-validation-exception': () => async (x) => {
    const id = isRegister(x) ? str(x.input?.InstanceId) : undefined;
    const offPattern = id !== undefined && !/^[0-9a-zA-Z_/:.@-]+$/.test(id);
    return offPattern ? awsError(x, 400, 'ValidationException', `1 validation error detected: Value at 'instanceId' failed to satisfy constraint`) : x.pass();
  },

  /** Wrong error class: Proton answers ServiceQuotaExceededException (limit) for more than 50 tags (validation). */
  'too-many-tags-quota-exceeded': () => async (x) =>
    (isCreate(x) && Array.isArray(x.input?.tags) && (x.input.tags as unknown[]).length > 50
      ? awsError(x, 402, 'ServiceQuotaExceededException', 'You have exceeded the number of tags allowed')
      : x.pass()),

  /** Undocumented status: InvalidInput with HTTP 422 when the CreatorRequestId has a bad length (empty or over 64). */
  'invalid-input-422': () => async (x) => {
    const u = await x.forward();
    const token = isRegister(x) ? str(x.input?.CreatorRequestId) : undefined;
    const badLength = token !== undefined && (token.length === 0 || token.length > 64);
    return badLength && u.code === 'InvalidInput' ? reframe(u, { status: 422 }) : passThrough(u);
  },

  /** Output shape: Proton's serviceInstance comes back without its required `arn`. */
  'proton-output-without-arn': () => async (x) => {
    if (!isCreate(x)) return x.pass();
    const u = await x.forward();
    const instance = asObject(u.body?.serviceInstance);
    if (!ok(u) || !instance) return passThrough(u);
    const { arn: _, ...rest } = instance;
    return reframe(u, { body: { ...u.body, serviceInstance: rest } });
  },

  /** 5xx: Proton answers 500 InternalServerException for a templateMajorVersion that is not a number. */
  'server-error-500': () => async (x) => {
    const v = isCreate(x) ? str(x.input?.templateMajorVersion) : undefined;
    const offPattern = v !== undefined && !/^(0|([1-9]{1}\d*))$/.test(v);
    return offPattern ? awsError(x, 500, 'InternalServerException', 'NumberFormatException') : x.pass();
  },

  /** Unparseable answer: a proxy's HTML error page (HTTP 502) for an attribute value longer than 1,024. */
  'html-error-page': () => async (x) => {
    const a = isRegister(x) ? asObject(x.input?.Attributes) : undefined;
    const long = a !== undefined && Object.values(a).some((v) => typeof v === 'string' && v.length > 1024);
    return long
      ? new HttpResponse('<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>', { status: 502, headers: { 'content-type': 'text/html' } })
      : x.pass();
  },

  /** Transport: the connection is reset for a Proton name of a bad length (empty or over 100 characters). */
  'reset-on-bad-name-length': () => async (x) => {
    const name = isCreate(x) ? str(x.input?.name) : undefined;
    return name !== undefined && (name.length === 0 || name.length > 100) ? HttpResponse.error() : x.pass();
  },

  /** Message wording: Cloud Map's InvalidInput messages say something else (code and status unchanged). */
  'other-message-wording': () => async (x) => {
    const u = await x.forward();
    return isRegister(x) && u.code === 'InvalidInput' && u.body ? reframe(u, { body: { ...u.body, Message: 'The request is invalid.' } }) : passThrough(u);
  },

  // ---- idempotency and state ------------------------------------------------------------------------
  /** Cloud Map token replay: a retry with the same CreatorRequestId and parameters gets a NEW OperationId. */
  'replay-new-operation-id': onReplay('RegisterInstance', 'CreatorRequestId', (b) => ({ ...b, OperationId: `${String(b.OperationId)}-again` })),

  /** Proton token replay: the same clientToken and parameters return an instance with another arn. */
  'proton-replay-new-arn': onReplay('CreateServiceInstance', 'clientToken', (b) => {
    const i = asObject(b.serviceInstance) ?? {};
    return { ...b, serviceInstance: { ...i, arn: `${String(i.arn)}-2` } };
  }),

  /** Cloud Map: a CreatorRequestId reused with other parameters is accepted (answered as the original). */
  'token-mismatch-accepted': ignoreTokenMismatch('RegisterInstance', 'CreatorRequestId'),

  /** Proton: a clientToken reused with other parameters is accepted (the original instance comes back). */
  'proton-token-mismatch-accepted': ignoreTokenMismatch('CreateServiceInstance', 'clientToken'),

  /** Concurrent registrations of one instance: the one arriving while another is in flight gets HTTP 500. */
  'concurrent-register-500': onConcurrentRegister(async (x) => awsError(x, 500, 'InternalFailure', 'lock wait timeout')),

  /** Concurrent registrations of one instance leave two instances: ListInstances lists it twice from then on. */
  'concurrent-register-two-instances': () => {
    const doubled = new Set<string>();
    return onConcurrentRegister(async (x, key) => {
      doubled.add(key);
      return x.pass();
    }, async (x) => {
      if (x.operation !== 'ListInstances' || x.service !== 'servicediscovery') return undefined;
      const u = await x.forward();
      const list = Array.isArray(u.body?.Instances) ? (u.body.Instances as Json[]) : undefined;
      if (!ok(u) || !list) return passThrough(u);
      const sid = String(x.input?.ServiceId);
      const extra = list.filter((i) => doubled.has(`${sid}\u0000${String(i.Id)}`));
      return reframe(u, { body: { ...u.body, Instances: [...list, ...extra] } });
    })();
  },

  /** Re-registering does not update: GetInstance keeps showing the attributes of the first registration. */
  'reregister-not-updated': () => {
    const first = new Map<string, unknown>();
    return async (x) => {
      const u = await x.forward();
      if (!ok(u) || !x.input) return passThrough(u);
      const key = instanceKey(x.input);
      if (isRegister(x) && !first.has(key)) first.set(key, x.input.Attributes);
      if (x.operation !== 'GetInstance' || !first.has(key)) return passThrough(u);
      const instance = asObject(u.body?.Instance) ?? {};
      return reframe(u, { body: { ...u.body, Instance: { ...instance, Attributes: first.get(key) } } });
    };
  },

  /** Proton: an existing instance name without its token is accepted (200, a made-up instance) instead of ConflictException. */
  'proton-existing-name-accepted': () => async (x) => {
    if (!isCreate(x)) return x.pass();
    const u = await x.forward();
    return u.code === 'ConflictException' ? answer(x, fakeServiceInstance(x.input)) : passThrough(u);
  },

  /** Both operations: a request without its (optional) idempotency token is rejected as if the token were required. */
  'no-token-rejected': () => async (x) => {
    if (isRegister(x) && x.input && x.input.CreatorRequestId === undefined) return awsError(x, 400, 'InvalidInput', 'CreatorRequestId is required');
    if (isCreate(x) && x.input && x.input.clientToken === undefined) return awsError(x, 400, 'ValidationException', 'clientToken is required');
    return x.pass();
  },
} satisfies Record<string, () => Deviation>;

export type DeviationName = keyof typeof DEVIATIONS;

export interface FaultyTarget {
  /** `http://127.0.0.1:PORT` of the proxy: what --target / --diff get. */
  url: string;
  /** The emulator behind it. */
  emulator: RunningEmulator;
  server: MswTestServer;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'host', 'date']);

/** Starts an emulator and, in front of it, a proxy with `deviation` ('none': a faithful proxy). */
export async function startFaultyTarget(deviation: DeviationName | 'none' | Deviation): Promise<FaultyTarget> {
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', operationDelayMs: 5 });
  const handle: Deviation = typeof deviation === 'function' ? deviation : deviation === 'none' ? (x) => x.pass() : DEVIATIONS[deviation]();

  const handler = http.all('*', async ({ request }) => {
    const url = new URL(request.url);
    const raw = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => { if (!HOP_BY_HOP.has(k)) headers[k] = v; });
    const amzTarget = request.headers.get('x-amz-target') ?? '';
    const dot = amzTarget.indexOf('.');
    const prefix = dot < 0 ? amzTarget : amzTarget.slice(0, dot);
    let parsed: unknown;
    try { parsed = JSON.parse(raw); } catch { parsed = undefined; }
    const forward = async (body?: unknown): Promise<Upstream> => {
      const r = await fetch(`${emulator.url}${url.pathname}${url.search}`, {
        method: request.method, headers,
        ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body: body === undefined ? raw : JSON.stringify(body) }),
      });
      const text = await r.text();
      const out: Record<string, string> = {};
      r.headers.forEach((v, k) => { if (!HOP_BY_HOP.has(k)) out[k] = v; });
      let json: unknown;
      try { json = JSON.parse(text); } catch { json = undefined; }
      const body2 = asObject(json);
      const code = out['x-amzn-errortype']?.split(':')[0] ?? str(body2?.__type)?.split('#').pop();
      return { status: r.status, headers: out, text, body: body2, code: r.status >= 300 ? code : undefined };
    };
    const x: Exchange = {
      operation: dot < 0 ? '' : amzTarget.slice(dot + 1),
      service: prefix === CM_PREFIX ? 'servicediscovery' : prefix === PR_PREFIX ? 'proton' : 'other',
      raw,
      headers,
      input: asObject(parsed),
      forward,
      pass: async () => passThrough(await forward()),
    };
    return handle(x);
  });

  const server = await startMswServer(handler);
  return {
    url: server.url,
    emulator,
    server,
    async close() {
      await server.close();
      await emulator.close();
    },
  };
}
