// A SendWrapper that sends at most `perSecond` requests a second, evenly spaced (each request takes the next free
// slot, 1/perSecond after the previous one): real services throttle bursts, so none are sent. One limiter per
// target; every request goes through it (preparation, cases, retries, scenarios, shrinking, cleanup).
import { HarnessError } from '../errors.ts';
import { systemClock, type Clock } from './clock.ts';
import type { SendWrapper } from './target.ts';

export function rateLimit(perSecond: number, clock: Clock = systemClock): SendWrapper {
  if (!(perSecond > 0) || !Number.isFinite(perSecond)) throw new HarnessError('CF_ERR_CONFIG', `rate limit must be a positive number, got ${String(perSecond)}`);
  const interval = 1000 / perSecond;
  let nextFree = -Infinity;
  return (send) => async (call, options) => {
    const now = clock.now();
    const slot = Math.max(now, nextFree);
    nextFree = slot + interval;
    if (slot > now) await clock.sleep(slot - now, options?.signal);
    return send(call, options);
  };
}
