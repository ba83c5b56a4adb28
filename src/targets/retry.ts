// A SendWrapper that retries throttling answers the way the SDKs' standard retry mode does (src/protocol/throttling.ts):
// capped exponential backoff with full jitter, a Retry-After hint honoured. What still throttles after the last
// attempt is returned as is, with `attempts` set: the run reports it as `throttled`, never judges it.
import type { Outcome } from '../contract/outcome.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Call } from '../contract/call.ts';
import type { Send, SendOptions, SendWrapper } from './target.ts';
import { carryWire } from './wireCapture.ts';
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
  // An answer that is not throttling (almost every one) is handed on without another async layer.
  return (send) => (call, options) => send(call, options).then((first) => (isThrottled(first) ? retrying(send, call, options, first) : first));
  async function retrying(send: Send, call: Call, options: SendOptions | undefined, first: Outcome): Promise<Outcome> {
    let outcome = first;
    for (let attempt = 1; attempt < policy.maxAttempts && isThrottled(outcome) && !options?.signal?.aborted; attempt++) {
      const delay = backoffMs(policy, attempt - 1, random(), retryAfterMs(outcome, clock.now()));
      o.onRetry?.(outcome, delay);
      await clock.sleep(delay, options?.signal);
      if (options?.signal?.aborted) break;
      const again = await send(call, options);
      outcome = carryWire(again, { ...again, attempts: attempt + 1 });
    }
    return outcome;
  }
}
