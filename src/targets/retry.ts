// A SendWrapper that retries throttling answers the way the SDKs' standard retry mode does (src/protocol/throttling.ts):
// capped exponential backoff with full jitter, a Retry-After hint honoured. What still throttles after the last
// attempt is returned as is, with `attempts` set: the run reports it as `throttled`, never judges it.
import type { Outcome } from '../contract/outcome.ts';
import { systemClock, type Clock } from './clock.ts';
import type { SendWrapper } from './target.ts';
import { backoffMs, isThrottled, retryAfterMs, STANDARD_RETRY, type RetryPolicy } from '../protocol/throttling.ts';

export interface RetryOptions {
  policy?: RetryPolicy;
  clock?: Clock;
  random?: () => number;
  /** Hears every retry (the run counts them). */
  onRetry?(outcome: Outcome, delayMs: number): void;
}

export function retryThrottled(o: RetryOptions = {}): SendWrapper {
  const policy = o.policy ?? STANDARD_RETRY;
  const clock = o.clock ?? systemClock;
  const random = o.random ?? Math.random;
  return (send) => async (call, options) => {
    let outcome = await send(call, options);
    for (let attempt = 1; attempt < policy.maxAttempts && isThrottled(outcome) && !options?.signal?.aborted; attempt++) {
      const delay = backoffMs(policy, attempt - 1, random(), retryAfterMs(outcome, clock.now()));
      o.onRetry?.(outcome, delay);
      await clock.sleep(delay, options?.signal);
      if (options?.signal?.aborted) break;
      outcome = { ...(await send(call, options)), attempts: attempt + 1 };
    }
    return outcome;
  };
}
