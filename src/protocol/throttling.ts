// What counts as "slow down" and how long to wait before trying again: the AWS SDKs' standard retry mode, as data
// with its sources. Pure: no I/O, no clock of its own.
import type { Outcome } from '../contract/outcome.ts';

/**
 * Error codes both SDKs classify as throttling (identical lists, 14 codes):
 * - aws-sdk-js-v3: smithy-typescript `packages/service-error-classification/src/constants.ts` THROTTLING_ERROR_CODES
 *   (installed: @smithy/core 3.41.0 `submodules/retry`, the same 14);
 * - botocore: `botocore/retries/standard.py` ThrottledRetryableChecker._THROTTLED_ERROR_CODES.
 */
export const THROTTLING_ERROR_CODES: ReadonlySet<string> = new Set([
  'BandwidthLimitExceeded', 'EC2ThrottledException', 'LimitExceededException', 'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException',
  'SlowDown', 'ThrottledException', 'Throttling', 'ThrottlingException', 'TooManyRequestsException',
  'TransactionInProgressException',
]);

/** aws-sdk-js-v3 `isThrottlingError`: HTTP 429 is throttling whatever the code. */
export const THROTTLING_STATUS = 429;

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Retry i (0-based) waits `random() × min(baseDelayMs × 2^i, maxBackoffMs)` ("full jitter"). */
  baseDelayMs: number;
  maxBackoffMs: number;
  /** A Retry-After hint is honoured up to this much beyond the computed delay. */
  retryAfterMaxExtraMs: number;
  source: string;
}

/**
 * The standard retry mode for throttling errors. Both SDKs: 3 attempts, delays capped at 20 s, full jitter.
 * The base for a throttling error is 1 s in both today: botocore `ExponentialBackoff` (rand × min(2^(attempt−1), 20) s;
 * retry mode 2.1 scales throttling by 1 s, others by 0.05 s) and aws-sdk-js-v3 `StandardRetryStrategy` with the
 * 2026 retry parameters (`Retry.throttlingDelay()` 1000 ms; earlier releases: THROTTLING_RETRY_DELAY_BASE 500 ms and
 * DEFAULT_RETRY_DELAY_BASE 100 ms for other retryable errors). Retry-After: js-v3 and botocore 2.1 wait
 * max(t, min(hint, t + 5 s)).
 */
export const STANDARD_RETRY: RetryPolicy = {
  maxAttempts: 3, baseDelayMs: 1_000, maxBackoffMs: 20_000, retryAfterMaxExtraMs: 5_000,
  source: 'aws-sdk-js-v3 @smithy/util-retry StandardRetryStrategy (2026 parameters) and botocore retries/standard.py ExponentialBackoff',
};

const header = (o: Outcome, name: string): string | undefined => o.headers[name];

/**
 * A throttling answer: a throttling code, HTTP 429, or HTTP 503 with a Retry-After (the server says when to come
 * back). Other 5xx are not retried, though the SDKs retry them as transient: a fuzzer must see server errors.
 */
export function isThrottled(o: Outcome): boolean {
  if (o.transport) return false;
  if (o.status === THROTTLING_STATUS) return true;
  if (o.code !== undefined && THROTTLING_ERROR_CODES.has(o.code)) return true;
  if (o.rawCode !== undefined && THROTTLING_ERROR_CODES.has(o.rawCode)) return true;
  return o.status === 503 && (header(o, 'retry-after') !== undefined || header(o, 'x-amz-retry-after') !== undefined);
}

/** The wait a server asks for, in ms: `x-amz-retry-after` (ms) or `Retry-After` (seconds or an HTTP date). */
export function retryAfterMs(o: Outcome, now: number): number | undefined {
  const amz = header(o, 'x-amz-retry-after');
  if (amz !== undefined && /^\d+$/.test(amz.trim())) return Number(amz.trim());
  const ra = header(o, 'retry-after')?.trim();
  if (ra === undefined || ra === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(ra)) return Number(ra) * 1000;
  const at = Date.parse(ra);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The delay before retry `retry` (0-based), given a random number in [0, 1) and the server's hint. */
export function backoffMs(policy: RetryPolicy, retry: number, random: number, hintMs?: number): number {
  const t = Math.floor(random * Math.min(policy.baseDelayMs * 2 ** retry, policy.maxBackoffMs));
  return hintMs === undefined ? t : Math.max(t, Math.min(hintMs, t + policy.retryAfterMaxExtraMs));
}
