// A SendWrapper that keeps at most `limit.limit` requests in flight to one target, and tells the limit how each
// answer went (src/targets/adaptiveLimit.ts): one per target, every request of the run through it. Waiting calls
// start in FIFO order, but a chained request (a scenario's next step, preparation, cleanup, a population sweep:
// anything someone waits on before sending the next) goes before the bulk of independent cases
// (SendOptions.bulk), so against a slow target a chain of steps is not queued behind hundreds of cases a round each.
// While an adaptive limit is in slow start, chained requests may go past it up to its cap (never past the cap), and
// cases leave a few slots below the cap to them.
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

/** A finished chained request holds its slot for its chain's next step this share of its latency (at most
 * HOLD_MAX_MS): against a slow target the next step follows within moments, and a slot given to a case would
 * make it wait a whole round trip for the next one to free (issue 11 §6). Below 1 ms (a fast target) no hold. */
const HOLD_SHARE = 0.1;
const HOLD_MAX_MS = 250;
/** The share of the cap that cases leave to chained requests in slow start (4 of the default 128). */
const RESERVE_SHARE = 1 / 32;

export function limitInFlight(limit: AdaptiveLimit, clock: Pick<Clock, 'now'> = systemClock): InFlightLimit {
  let running = 0;
  let peak = 0;
  const chained: Array<() => void> = [];
  const bulk: Array<() => void> = [];
  let bulkHead = 0;
  // Slots held for chained requests (running + held never above the limit for cases), oldest hold first.
  const holds: Array<ReturnType<typeof setTimeout>> = [];
  /** A chained request may take a free slot or a held one; in slow start any slot up to the cap: a run's chains
   * (scenario steps, ~50 at once) are its critical path, and the limit starts below them (16) while the target has
   * not yet shown any load it cannot take (issue 11 §6). */
  const chainedFits = () => running < (limit.slowStart ? limit.max : limit.limit);
  // In slow start cases stay RESERVE_SHARE of the cap below it: a slow target's limit is at the cap from the first
  // cases on, and a chain's step that sends two requests at once would wait a round for its second slot.
  const reserve = Math.floor(limit.max * RESERVE_SHARE);
  const bulkFits = () => running + holds.length < (limit.slowStart ? Math.min(limit.limit, limit.max - reserve) : limit.limit);
  const startChained = (): void => {
    if (running + holds.length >= limit.limit && holds.length > 0) clearTimeout(holds.shift()); // takes a held slot
    running++;
  };
  const hold = (ms: number): void => {
    const timer = setTimeout(() => {
      const at = holds.indexOf(timer);
      if (at >= 0) holds.splice(at, 1);
      admit();
    }, ms);
    timer.unref?.();
    holds.push(timer);
  };
  const nextBulk = (): (() => void) | undefined => {
    if (bulkHead >= bulk.length) return undefined;
    const next = bulk[bulkHead++];
    if (bulkHead >= 1024 && bulkHead * 2 >= bulk.length) { bulk.splice(0, bulkHead); bulkHead = 0; }
    return next;
  };
  // Start waiting calls while there is room (the limit may have grown by several): chained ones first.
  const admit = (): void => {
    while (chained.length > 0 && chainedFits()) { startChained(); chained.shift()!(); }
    while (chained.length === 0 && bulkFits()) {
      const next = nextBulk();
      if (!next) return;
      running++;
      next();
    }
  };
  // Not async: a call that finds a slot goes straight to `send`, and its answer comes back through one `then`.
  const wrapper: SendWrapper = (send) => {
    const sendNow: Send = (call, options) => {
      peak = Math.max(peak, running);
      const inFlight = running;
      const epoch = limit.epoch;
      const started = clock.now();
      const chainedCall = options?.bulk !== true && !options?.together;
      const done = (latencyMs: number): void => {
        running--;
        const holdMs = Math.min(HOLD_MAX_MS, latencyMs * HOLD_SHARE);
        if (chainedCall && chained.length === 0 && holdMs >= 1) hold(holdMs);
        admit();
      };
      let sending: Promise<Outcome>;
      try {
        sending = send(call, options);
      } catch (e) {
        done(0);
        return Promise.reject(e);
      }
      return sending.then((outcome) => {
        const latencyMs = clock.now() - started;
        try {
          // Ctrl-C says nothing about the target.
          if (outcome.transport?.failure !== 'aborted') limit.observe({ latencyMs, overload: overloaded(outcome), inFlight, epoch });
        } finally {
          done(latencyMs);
        }
        return outcome;
      }, (e: unknown) => {
        done(0);
        throw e;
      });
    };
    return (call, options) => {
      const isBulk = options?.bulk === true;
      if (options?.together) {
        running++;
        return sendNow(call, options);
      }
      if (chained.length === 0 && (isBulk ? bulkFits() && bulkHead >= bulk.length : chainedFits())) {
        if (isBulk) running++;
        else startChained();
        return sendNow(call, options);
      }
      return new Promise<void>((resolve) => (isBulk ? bulk : chained).push(resolve)).then(() => sendNow(call, options));
    };
  };
  return { wrapper, limit, get peak() { return peak; } };
}
