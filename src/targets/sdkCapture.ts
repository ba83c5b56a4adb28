// Observing one SDK call's wire exchange. `captureExchange` is a middleware added to each command at the
// deserialize step with low priority: the innermost one, right around the request handler, so it sees the
// request exactly as signed and sent and the response before the SDK's deserializer reads it.
// `filledMembers` compares what the SDK serialized with what the harness asked for.
import type { ExchangeResponse } from './exchange.ts';
import { bodyText, wireOf } from './sdkHandler.ts';
import { isObject } from '../contract/json.ts';

export interface Capture {
  /** The serialized request body the SDK sent (JSON text for awsJson operations). */
  requestBody?: string;
  /** The request line and headers as signed and sent (the wire exchange reports show). */
  request?: { method: string; path: string; headers: Record<string, string> };
  /** The response as received; absent when the SDK sent nothing or no HTTP response came back. */
  response?: ExchangeResponse;
}

type Next = (args: { request?: unknown }) => Promise<{ response?: unknown }>;

export const captureExchange =
  (capture: Capture, check?: (requestBody: string | undefined) => void) =>
  (next: Next): Next =>
  async (args) => {
    const request = args.request as { body?: unknown; method?: string; path?: string; headers?: Record<string, string> } | undefined;
    capture.requestBody = bodyText(request?.body);
    if (request !== undefined) capture.request = { method: request.method ?? 'POST', path: request.path ?? '/', headers: request.headers ?? {} };
    check?.(capture.requestBody); // may throw: the request is then never sent
    const result = await next(args);
    capture.response = wireOf(result.response);
    return result;
  };


/**
 * Top-level members present in the serialized body that the input did not give (absent, undefined or null):
 * what the SDK filled in, such as idempotency tokens (CreatorRequestId, clientToken). Empty when the body is
 * not a JSON object (an SDK can emit malformed JSON for some invalid inputs).
 */
export function filledMembers(input: unknown, requestBody: string | undefined): string[] {
  if (requestBody === undefined || requestBody === '') return [];
  let sent: unknown;
  try {
    sent = JSON.parse(requestBody);
  } catch {
    return [];
  }
  if (!isObject(sent)) return [];
  const given = isObject(input) ? input : {};
  return Object.keys(sent).filter((k) => !Object.hasOwn(given, k) || given[k] === undefined || given[k] === null);
}
