// The wire-level request a codec builds and the Outcome a target returns. Plain data; no I/O here.

/** The contract's error classes (DESIGN.md "Error classes"); which codes fall in each: protocol/errorClasses.ts. */
export type ErrorClass = 'validation' | 'not-found' | 'conflict' | 'limit' | 'throttling' | 'auth' | 'server';

export interface WireRequest {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
}

export type TransportFailure = 'timeout' | 'reset' | 'refused' | 'too-large' | 'aborted' | 'other';
/** `too-deep`: JSON nested deeper than MAX_JSON_DEPTH; its body is dropped, nothing walks it. */
export type BodyProblem = 'empty' | 'non-json' | 'html' | 'truncated' | 'too-deep';

export interface Outcome {
  /** HTTP status; 0 when the exchange failed below HTTP (see `transport`). */
  status: number;
  /** Error code parsed per the awsJson rules (or mapped from an envelope profile); absent on success. */
  code?: string;
  /** The code exactly as the target sent it, when a profile mapped it onto `code` (envelope targets). */
  rawCode?: string;
  /** Error class of the response (see DESIGN "Error classes"); absent on success and for unknown codes. */
  errorClass?: ErrorClass;
  message?: string;
  /** Parsed JSON body (after envelope unwrapping), or undefined when there was none or it did not parse. */
  body?: unknown;
  /** Response headers, lower-cased names. */
  headers: Record<string, string>;
  latencyMs: number;
  /** The response profile that decoded it, when not the awsJson protocol itself (`envelope`): protocol checks skip it. */
  profile?: string;
  /** Set when the body could not be read as the protocol says; the outcome is still usable. */
  bodyProblem?: BodyProblem;
  /** A short excerpt of an unparseable body, for reports (never more than 512 characters). */
  bodyExcerpt?: string;
  /** The body bytes were not valid UTF-8 (AWS JSON is UTF-8): a protocol warning. */
  invalidUtf8?: true;
  /** Set when no HTTP response was obtained. */
  transport?: { failure: TransportFailure; message: string };
  /** SDK targets only: top-level input members the SDK filled in itself (idempotency tokens such as CreatorRequestId, clientToken). */
  sdkFilled?: string[];
  /** How many times the call was sent, when it was retried (throttling: src/targets/retry.ts). */
  attempts?: number;
}
