// How many requests a run keeps in flight to one target, learned from its answers (issue 11 §6). A target that
// is slow but not saturated answers in the same time whatever the load (Little's law: throughput = in flight /
// latency), so sending more at once finishes sooner; a saturated one answers later as the load grows, or says
// "slow down". Congestion control in the manner of TCP: slow start (the limit doubles each round while latency
// stays flat; quadruples when the round's answers took SLOW_ROUND_MS or more), then additive increase (+1 a round); multiplicative decrease on a latency rise (× 0.75) or on an
// overload signal (throttling, a refused or reset connection, a timeout: × 0.5, once per round of requests sent
// under the old limit). A round is `limit` answers. Pure: no clock, no I/O; the caller measures latency.

export interface AdaptiveLimitOptions {
  /** The limit at the start (the run's --concurrency, default 16). */
  initial: number;
  /** Never above this (--max-concurrency, default 128). */
  max: number;
  /** A round's median latency up to this many times the lowest seen is flat: the target is slow, not queueing. */
  tolerance?: number;
  /** Latencies below this tell load from noise poorly (a target on this machine): compared as if this long. */
  floorMs?: number;
}

export interface LimitSample {
  /** From sending to the answer. */
  latencyMs: number;
  /** The target said "too much": a throttling answer, a refused or reset connection, a timeout. */
  overload: boolean;
  /** Requests in flight when this one was sent, itself included. */
  inFlight: number;
  /** `epoch` when it was sent: an overload from before the last decrease was already answered by it. */
  epoch: number;
}

export interface AdaptiveLimit {
  /** Requests allowed in flight now: an integer, 1 ≤ limit ≤ max. */
  readonly limit: number;
  /** The highest limit so far. */
  readonly peak: number;
  /** The cap. */
  readonly max: number;
  /** Changes whenever the limit is judged; a request carries the epoch it was sent in. */
  readonly epoch: number;
  /** Still in slow start: growing, the target has not yet shown where its load ends (no decrease so far). */
  readonly slowStart?: boolean;
  observe(sample: LimitSample): void;
}

/** In slow start, a round whose median answer took this long (a slow target: each round costs that much wall
 * time) grows ×4 instead of ×2: the cap in half the rounds. A saturated target still shows as a latency rise. */
export const SLOW_ROUND_MS = 250;
export const DEFAULT_TOLERANCE = 2;
export const DEFAULT_FLOOR_MS = 20;
const EASE_OFF = 0.75;
const BACK_OFF = 0.5;

export function createAdaptiveLimit(o: AdaptiveLimitOptions): AdaptiveLimit {
  const max = Math.max(1, Math.floor(o.max));
  const tolerance = o.tolerance ?? DEFAULT_TOLERANCE;
  const floorMs = o.floorMs ?? DEFAULT_FLOOR_MS;
  let value = Math.min(max, Math.max(1, Math.floor(o.initial)));
  let peak = value;
  let slowStart = true;
  let epoch = 0;
  let lastCut = 0;
  let lowest = Number.POSITIVE_INFINITY;
  let round: number[] = [];
  let busy = false; // some request of the round went out with every slot taken: more slots would have been used
  const whole = () => Math.max(1, Math.min(max, Math.floor(value)));
  const next = (v: number, cut: boolean): void => {
    value = Math.max(1, Math.min(max, v));
    peak = Math.max(peak, whole());
    epoch++;
    if (cut) { slowStart = false; lastCut = epoch; }
    round = [];
    busy = false;
  };
  return {
    get limit() { return whole(); },
    get peak() { return peak; },
    max,
    get epoch() { return epoch; },
    get slowStart() { return slowStart; },
    observe(s) {
      if (s.overload) {
        if (s.epoch >= lastCut) next(value * BACK_OFF, true);
        return;
      }
      if (!(s.latencyMs >= 0)) return;
      lowest = Math.min(lowest, s.latencyMs);
      round.push(s.latencyMs);
      if (s.inFlight >= whole()) busy = true;
      if (round.length < whole()) return;
      const sorted = round.sort((a, b) => a - b);
      const median = sorted[sorted.length >> 1]!;
      if (median > tolerance * Math.max(lowest, floorMs)) next(value * EASE_OFF, true);
      else if (busy) next(slowStart ? value * (median >= SLOW_ROUND_MS ? 4 : 2) : value + 1, false);
      else next(value, false);
    },
  };
}

/** A limit that never moves (--concurrency N): the same shape, so one limiter serves both. */
export function fixedLimit(n: number): AdaptiveLimit {
  const limit = Math.max(1, Math.floor(n));
  return { limit, peak: limit, max: limit, epoch: 0, observe: () => undefined };
}
