// Throttling answers are retried as the SDKs' standard retry mode does (src/protocol/throttling.ts), never slept for
// real here: a fake clock records the waits.
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/contract/outcome.ts';
import { rateLimit } from '../../src/targets/rateLimit.ts';
import { retryThrottled } from '../../src/targets/retry.ts';
import type { Call } from '../../src/contract/call.ts';
import type { Send } from '../../src/targets/target.ts';
import { backoffMs, isThrottled, retryAfterMs, STANDARD_RETRY, THROTTLING_ERROR_CODES } from '../../src/protocol/throttling.ts';
import { fakeClock } from '../support/fakeClock.ts';

const call: Call = { service: 'proton', operation: 'CreateServiceInstance', input: {} };
const ok: Outcome = { status: 200, headers: {}, latencyMs: 0, body: {} };
const err = (status: number, code?: string, headers: Record<string, string> = {}): Outcome => ({ status, headers, latencyMs: 0, ...(code ? { code } : {}) });

/** A send answering from a script, one answer per call (the last one repeats). */
function scripted(...answers: Outcome[]) {
  let calls = 0;
  const send: Send = async () => answers[Math.min(calls++, answers.length - 1)]!;
  return { send, calls: () => calls };
}

describe('throttling classification (the SDKs\' lists)', () => {
  it.each(['ThrottlingException', 'RequestLimitExceeded', 'TooManyRequestsException', 'SlowDown', 'ProvisionedThroughputExceededException', 'Throttling', 'RequestThrottled'])('%s is throttling', (code) => {
    expect(isThrottled(err(400, code))).toBe(true);
  });
  it('429 whatever the code, 503 only with a Retry-After', () => {
    expect(isThrottled(err(429))).toBe(true);
    expect(isThrottled(err(503, undefined, { 'retry-after': '2' }))).toBe(true);
    expect(isThrottled(err(503, undefined, { 'x-amz-retry-after': '150' }))).toBe(true);
    expect(isThrottled(err(503))).toBe(false);
    expect(isThrottled(err(500, 'InternalServerException'))).toBe(false);
  });
  it('validation, conflict and limit answers of the contract are not throttling', () => {
    for (const code of ['InvalidInput', 'ValidationException', 'DuplicateRequest', 'ConflictException', 'ResourceLimitExceeded', 'ServiceQuotaExceededException']) {
      expect(isThrottled(err(400, code)), code).toBe(false);
    }
    expect(THROTTLING_ERROR_CODES.size).toBe(14);
  });
  it('backoff: full jitter under min(base × 2^i, 20 s); a Retry-After hint raises it by at most 5 s', () => {
    expect(backoffMs(STANDARD_RETRY, 0, 0.5)).toBe(500);
    expect(backoffMs(STANDARD_RETRY, 1, 0.5)).toBe(1000);
    expect(backoffMs(STANDARD_RETRY, 10, 0.999)).toBe(19_980);
    expect(backoffMs(STANDARD_RETRY, 0, 0)).toBe(0);
    expect(backoffMs(STANDARD_RETRY, 0, 0.5, 2_000)).toBe(2_000);
    expect(backoffMs(STANDARD_RETRY, 0, 0.5, 60_000)).toBe(5_500);
    expect(retryAfterMs(err(503, undefined, { 'retry-after': '3' }), 0)).toBe(3000);
    expect(retryAfterMs(err(503, undefined, { 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6000);
    expect(retryAfterMs(err(429, undefined, { 'x-amz-retry-after': '250' }), 0)).toBe(250);
  });
});

describe('retryThrottled', () => {
  it('retries a throttling answer and returns the first real one, with the attempts it took', async () => {
    const clock = fakeClock();
    const target = scripted(err(400, 'ThrottlingException'), err(429), ok);
    const out = await retryThrottled({ clock, random: () => 0.5 })(target.send)(call);
    expect(out.status).toBe(200);
    expect(out.attempts).toBe(3);
    expect(target.calls()).toBe(3);
    expect(clock.sleeps).toEqual([500, 1000]);
  });
  it('stops after the policy\'s attempts: what still throttles is returned as is', async () => {
    const clock = fakeClock();
    const target = scripted(err(400, 'ThrottlingException'));
    const out = await retryThrottled({ clock, random: () => 0.25 })(target.send)(call);
    expect(out).toMatchObject({ status: 400, code: 'ThrottlingException', attempts: STANDARD_RETRY.maxAttempts });
    expect(target.calls()).toBe(3);
  });
  it('never retries other answers (validation errors, server errors, successes)', async () => {
    for (const answer of [err(400, 'InvalidInput'), err(500, 'InternalServerException'), err(503), ok]) {
      const target = scripted(answer, ok);
      const out = await retryThrottled({ clock: fakeClock() })(target.send)(call);
      expect(out).toBe(answer);
      expect(target.calls()).toBe(1);
    }
  });
  it('honours Retry-After', async () => {
    const clock = fakeClock();
    const target = scripted(err(503, undefined, { 'retry-after': '2' }), ok);
    await retryThrottled({ clock, random: () => 0 })(target.send)(call);
    expect(clock.sleeps).toEqual([2000]);
  });
  it('stops waiting when the run is aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    const target = scripted(err(429), ok);
    const out = await retryThrottled({ clock: fakeClock() })(target.send)(call, { signal: abort.signal });
    expect(out.status).toBe(429);
    expect(target.calls()).toBe(1);
  });
});

describe('rateLimit', () => {
  it('spaces requests 1/N s apart, whatever the concurrency', async () => {
    const clock = fakeClock();
    let sent = 0;
    const send = rateLimit(4, clock)(async () => { sent++; return ok; });
    await Promise.all(Array.from({ length: 5 }, () => send(call)));
    expect(sent).toBe(5);
    // All five asked at once: the first goes now, the others wait for their slots.
    expect(clock.sleeps).toEqual([250, 500, 750, 1000]);
    await send(call);
    expect(clock.sleeps.at(-1)).toBe(250); // the slot after the fifth
  });
  it('does not wait when requests come slower than the limit', async () => {
    const clock = fakeClock();
    const send = rateLimit(10, clock)(async () => ok);
    await send(call);
    clock.advance(500);
    await send(call);
    expect(clock.sleeps).toEqual([]);
  });
});
