// The request flow, free of HTTP: X-Amz-Target → route; body → parse → validate → resolve → wire response.
// The server (server.ts) only adapts node:http requests into `handle`; tests and in-process callers can use
// `handle` directly.
import type { OracleContext } from '../contract/context.ts';
import { BODY_NOT_OBJECT, MALFORMED_JSON, UNKNOWN_OPERATION } from '../rules/protocol.ts';
import { errorResponse, successResponse, type JsonProtocol, type StatusOf, type WireResponse } from './respond.ts';
import type { Input, RouteResult, Routes } from './routes/route.ts';
import type { EmulatorError } from './types.ts';

/** The reference validator seen from the emulator: a rejection, or undefined for "valid". */
export type Validator = (service: string, operation: string, input: Input, context: OracleContext) => EmulatorError | undefined;

/** One API behind one X-Amz-Target prefix, with its state type erased. */
export interface Api {
  /** Model service name ("servicediscovery", "proton"); the validator needs it (CreateService is in both). */
  service: string;
  prefix: string;
  protocol: JsonProtocol;
  statusOf: StatusOf;
  /** Whether requests go through the reference validator (false for the emulator's own extension API). */
  validated: boolean;
  has(operation: string): boolean;
  context(operation: string, input: Input): OracleContext;
  resolve(operation: string, input: Input): RouteResult;
}

export function api<S>(o: { service: string; prefix: string; protocol: JsonProtocol; statusOf: StatusOf; validated: boolean; routes: Routes<S>; state: () => S }): Api {
  const { routes, state } = o;
  return {
    service: o.service, prefix: o.prefix, protocol: o.protocol, statusOf: o.statusOf, validated: o.validated,
    has: (op) => Object.hasOwn(routes, op),
    context: (op, input) => routes[op].context?.(input, state()) ?? {},
    resolve: (op, input) => routes[op].resolve(input, state()),
  };
}

/** Used when the target names no API we know: the awsJson 1.1 content type, lowercase `message`. */
const UNKNOWN_API: JsonProtocol = { contentType: 'application/x-amz-json-1.1', messageKey: 'message' };

export type Handle = (target: string | undefined, body: string) => WireResponse;

export function createPipeline(apis: readonly Api[], validate: Validator): Handle {
  const byPrefix = new Map(apis.map((a) => [a.prefix, a]));

  return (target, body) => {
    const dot = target === undefined ? -1 : target.indexOf('.');
    const a = dot > 0 ? byPrefix.get(target!.slice(0, dot)) : undefined;
    const operation = dot > 0 ? target!.slice(dot + 1) : '';
    if (!a || !a.has(operation)) {
      // Inferred (rules/protocol.ts): AWS JSON services answer an X-Amz-Target naming no operation, or none,
      // with UnknownOperationException 400 and no message text; the oracle expects the same.
      return errorResponse(a?.protocol ?? UNKNOWN_API, 400, { code: 'UnknownOperationException', message: UNKNOWN_OPERATION.message });
    }
    const input = parse(body);
    if (input === MALFORMED || input === NOT_OBJECT) {
      // Inferred (rules/protocol.ts): AWS JSON services answer a body that is not JSON, or JSON that is
      // not an object, with SerializationException 400; the messages are the oracle's.
      const message = input === MALFORMED ? MALFORMED_JSON.message : BODY_NOT_OBJECT.message;
      return errorResponse(a.protocol, 400, { code: 'SerializationException', message });
    }
    let result: RouteResult;
    try {
      const rejected = a.validated ? validate(a.service, operation, input, a.context(operation, input)) : undefined;
      result = rejected ? { error: rejected } : a.resolve(operation, a.validated ? dropNulls(input) : input);
    } catch {
      // A bug in the emulator or the validator: answer like AWS would, never crash the server.
      const code = a.service === 'proton' ? 'InternalServerException' : 'InternalFailure';
      return errorResponse(a.protocol, 500, { code, message: 'The emulator failed to process the request' });
    }
    return 'error' in result
      ? errorResponse(a.protocol, a.statusOf(result.error.code), result.error)
      : successResponse(a.protocol, result.output);
  };
}

/** awsJson: a null member is an absent member (the validator reads it so); handlers never see nulls. */
function dropNulls<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (const e of v) dropNulls(e);
    return v;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) {
    if (o[k] === null) delete o[k];
    else if (typeof o[k] === 'object') dropNulls(o[k]);
  }
  return v;
}

const MALFORMED = Symbol('malformed');
const NOT_OBJECT = Symbol('not-object');

/** An empty body is `{}` (SDKs send `{}` for empty input). */
function parse(body: string): Input | typeof MALFORMED | typeof NOT_OBJECT {
  if (body.length === 0 || /^\s*$/.test(body)) return {};
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    return MALFORMED;
  }
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Input) : NOT_OBJECT;
}
