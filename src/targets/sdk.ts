// The `sdk+http://HOST:PORT` and `aws` targets: each Call goes through the real AWS SDK v3 client
// (@aws-sdk/client-servicediscovery, @aws-sdk/client-proton; command looked up as `${operation}Command`), so
// the request is the client's own serialization, idempotency tokens included. The SDK does not validate
// inputs client-side; invalid payloads are handed over as they are. What comes back is the REAL wire
// exchange, captured by an innermost middleware from our undici request handler and decoded by
// decodeResponse exactly like a raw HTTP target's (raw JSON, epoch-second timestamps, awsJson error codes);
// the SDK's deserialized output and exceptions are ignored. Retries are off (maxAttempts 1): the harness sees
// every answer. `send` rejects only when the harness itself cannot work (unsupported service, credentials),
// or with CaseSkipped when the SDK cannot serialize the input faithfully (src/targets/sdkFidelity.ts): then
// nothing is sent and the runner counts the case as skipped.
import { HarnessError } from '../errors.ts';
import { decodeResponse } from '../protocol/decode.ts';
import { keepFullBody } from './scrub.ts';
import type { Outcome, TransportFailure } from '../contract/outcome.ts';
import { chainProvider, FAKE_CREDENTIALS, type CredentialProvider, type Credentials } from './credentials.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MS } from './http.ts';
import { parseTargetUrl } from './httpUrl.ts';
import { isSdkService, loadService, SDK_SERVICES, type LoadedService, type SdkClient } from './sdkClients.ts';
import { captureExchange, filledMembers, type Capture } from './sdkCapture.ts';
import { CaseSkipped, unfaithful } from './sdkFidelity.ts';
import { createSdkHandler, SdkTransportError } from './sdkHandler.ts';
import type { Send, Target } from './target.ts';

export interface SdkTargetOptions {
  /** `sdk+http://HOST:PORT` (or plain http(s)://…): an emulator or gateway. Absent: AWS's own endpoints (`aws`). */
  endpoint?: string;
  /** Default us-east-1. */
  region?: string;
  /**
   * 'chain': the standard AWS chain, resolved on first use (use resolveChainCredentials() at start-up to fail
   * early). Default: the fake static key with an endpoint, the chain without one.
   */
  credentials?: 'chain' | Credentials | CredentialProvider;
  /** Total time per request. Default 30 000 ms. */
  timeoutMs?: number;
  /** Always 1: SDK retries would hide answers from the harness. */
  maxAttempts?: 1;
  /** Pooled connections per origin. Default 16. */
  concurrency?: number;
  /** Largest response body read (transport `too-large` beyond). Default 16 MiB. */
  maxBodyBytes?: number;
}

export interface SdkTarget extends Target {
  readonly supports: { rawBody: false };
}

export const RAW_BODY_UNSUPPORTED = 'sdk targets cannot send raw bodies';
const DEFAULT_REGION = 'us-east-1';
const REGION = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

interface Ready {
  service: LoadedService;
  client: SdkClient;
  pkg: string;
}

export function createSdkTarget(options: SdkTargetOptions = {}): SdkTarget {
  const url = options.endpoint === undefined ? undefined : parseTargetUrl(options.endpoint.replace(/^sdk\+/i, ''));
  const region = options.region ?? DEFAULT_REGION;
  if (typeof region !== 'string' || !REGION.test(region)) throw new HarnessError('CF_ERR_CONFIG', `invalid region ${JSON.stringify(region)}`);
  if (options.maxAttempts !== undefined && options.maxAttempts !== 1) {
    throw new HarnessError('CF_ERR_CONFIG', 'sdk targets run with maxAttempts 1: retries would hide answers from the harness');
  }
  const timeoutMs = positive('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const maxBodyBytes = positive('maxBodyBytes', options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  const connections = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(connections) || connections < 1) throw new HarnessError('CF_ERR_CONFIG', `concurrency must be a positive integer, got ${String(connections)}`);
  const spec = options.credentials ?? (url === undefined ? 'chain' : FAKE_CREDENTIALS);
  // A copy: the SDK annotates the credentials object it is given (and FAKE_CREDENTIALS is frozen).
  const credentials = spec === 'chain' ? chainProvider() : typeof spec === 'function' ? spec : { ...spec };
  const handler = createSdkHandler({ timeoutMs, maxBodyBytes, connections });

  const ready = new Map<string, Promise<Ready>>();
  const prepare = async (name: string): Promise<Ready> => {
    const svc = SDK_SERVICES[name];
    const service = await loadService(svc).catch((e: unknown) => {
      throw new HarnessError('CF_ERR_CONFIG', `cannot load ${svc.pkg}: ${describe(e)}`, { cause: e });
    });
    const client = new service.Client({
      region,
      credentials,
      maxAttempts: 1,
      requestHandler: handler,
      defaultsMode: 'legacy', // never 'auto': that would ask the EC2 metadata service
      ...(url === undefined ? {} : { endpoint: url.name }),
    });
    return { service, client, pkg: svc.pkg };
  };

  const send: Send = async (call, sendOptions) => {
    if (call.rawBody !== undefined) return transportOutcome('other', RAW_BODY_UNSUPPORTED, 0);
    if (!isSdkService(call.service)) {
      throw new HarnessError('CF_ERR_CONFIG', `sdk targets support ${Object.keys(SDK_SERVICES).join(' and ')}, not '${call.service}'`);
    }
    let p = ready.get(call.service);
    if (p === undefined) ready.set(call.service, (p = prepare(call.service)));
    const { service, client, pkg } = await p;
    const Command = service.command(call.operation);
    if (Command === undefined) return transportOutcome('other', `${pkg} has no ${call.operation}Command: sdk targets send only the client's operations`, 0);

    const capture: Capture = {};
    let error: unknown;
    try {
      const command = new Command(call.input as never); // invalid on purpose, sometimes: the SDK does not validate
      const check = (body: string | undefined) => {
        const why = unfaithful(call.input, body);
        if (why !== undefined) throw new CaseSkipped(`${pkg} ${why}`);
      };
      command.middlewareStack.add(captureExchange(capture, check), { step: 'deserialize', priority: 'low', name: 'contractFuzzCapture' });
      await client.send(command, sendOptions?.signal === undefined ? undefined : { abortSignal: sendOptions.signal });
    } catch (e) {
      error = e; // the SDK's view of an error response; the captured exchange is what counts
    }
    const wire = capture.response;
    if (wire !== undefined) {
      const outcome = keepFullBody(decodeResponse({ status: wire.status, headers: wire.headers, bodyText: wire.bodyText, latencyMs: wire.latencyMs, operation: call.operation }), wire.bodyText);
      const filled = filledMembers(call.input, capture.requestBody);
      if (filled.length > 0) outcome.sdkFilled = filled;
      return outcome;
    }
    const harness = find(error, (e): e is HarnessError | CaseSkipped => e instanceof HarnessError || e instanceof CaseSkipped);
    if (harness !== undefined) throw harness;
    const transport = find(error, (e): e is SdkTransportError => e instanceof SdkTransportError);
    if (transport !== undefined) return transportOutcome(transport.failure.failure, transport.failure.message, transport.failure.latencyMs);
    if (sendOptions?.signal?.aborted) return transportOutcome('aborted', 'aborted by the caller', 0);
    const why = `the SDK did not send the request: ${describe(error)}`;
    return transportOutcome('other', capture.requestBody === undefined ? why : `${why} (after building it)`, 0);
  };

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    await handler.close();
    for (const p of ready.values()) await p.then((r) => r.client.destroy(), () => undefined);
    ready.clear();
  };
  return {
    name: url === undefined ? 'aws' : `sdk+${url.name}`,
    supports: { rawBody: false },
    send,
    close: () => (closing ??= close()),
  };
}

const transportOutcome = (failure: TransportFailure, message: string, latencyMs: number): Outcome => ({
  status: 0,
  headers: {},
  latencyMs,
  transport: { failure, message },
});

/** The error or one of its causes that matches (the SDK may wrap what a handler or provider threw). */
function find<T>(error: unknown, match: (e: unknown) => e is T): T | undefined {
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (match(e)) return e;
  }
  return undefined;
}

function describe(error: unknown): string {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const text = raw.split('\n', 1)[0] ?? '';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function positive(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new HarnessError('CF_ERR_CONFIG', `${name} must be a positive number, got ${String(value)}`);
  return value;
}
