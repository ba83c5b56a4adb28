// A SendWrapper that keeps at most `limit.limit` requests in flight to one target, and tells the limit how each
// answer went (src/targets/adaptiveLimit.ts): one per target, every request of the run through it. Waiting calls
// start in FIFO order, but a chained request (a scenario's next step, preparation, cleanup, a population sweep:
// anything someone waits on before sending the next) goes before the bulk of independent cases
// (SendOptions.bulk), so against a slow target a chain of steps is not queued behind hundreds of cases a round each.
import type { Outcome } from '../contract/outcome.ts';
import { isThrottled } from '../protocol/throttling.ts';
import type { AdaptiveLimit } from './adaptiveLimit.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Send, SendWrapper } from './target.ts';

export interface InFlightLimit {
  wrapper: SendWrapper;
  /** Most requests in flight at once so far. */
  readonly peak: number;
  readonly limit: AdaptiveLimit;
}

/** The target says "too much": throttling, or a connection it refused, reset or left unanswered. */
export const overloaded = (o: Outcome): boolean =>
  isThrottled(o) || o.transport?.failure === 'refused' || o.transport?.failure === 'reset' || o.transport?.failure === 'timeout';

export function limitInFlight(limit: AdaptiveLimit, clock: Pick<Clock, 'now'> = systemClock): InFlightLimit {
  let running = 0;
  let peak = 0;
  const chained: Array<() => void> = [];
  const bulk: Array<() => void> = [];
  let bulkHead = 0;
  const nextWaiting = (): (() => void) | undefined => {
    if (chained.length > 0) return chained.shift();
    if (bulkHead < bulk.length) {
      const next = bulk[bulkHead++];
      if (bulkHead >= 1024 && bulkHead * 2 >= bulk.length) { bulk.splice(0, bulkHead); bulkHead = 0; }
      return next;
    }
    return undefined;
  };
  // Start waiting calls while there is room: the limit may have grown by several.
  const admit = (): void => {
    while (running < limit.limit) {
      const next = nextWaiting();
      if (!next) return;
      running++;
      next();
    }
  };
  const release = (): void => {
    running--;
    admit();
  };
  // Not async: a call that finds a slot goes straight to `send`, and its answer comes back through one `then`.
  const wrapper: SendWrapper = (send) => {
    const sendNow: Send = (call, options) => {
      peak = Math.max(peak, running);
      const inFlight = running;
      const epoch = limit.epoch;
      const started = clock.now();
      let sending: Promise<Outcome>;
      try {
        sending = send(call, options);
      } catch (e) {
        release();
        return Promise.reject(e);
      }
      return sending.then((outcome) => {
        try {
          // Ctrl-C says nothing about the target.
          if (outcome.transport?.failure !== 'aborted') limit.observe({ latencyMs: clock.now() - started, overload: overloaded(outcome), inFlight, epoch });
        } finally {
          release();
        }
        return outcome;
      }, (e: unknown) => {
        release();
        throw e;
      });
    };
    return (call, options) => {
      if (options?.together || (running < limit.limit && chained.length === 0 && bulkHead >= bulk.length)) {
        running++;
        return sendNow(call, options);
      }
      return new Promise<void>((resolve) => (options?.bulk ? bulk : chained).push(resolve)).then(() => sendNow(call, options));
    };
  };
  return { wrapper, limit, get peak() { return peak; } };
}
