// How many requests a run keeps in flight to one target, learned from its answers (issue 11 §6). A target that
// is slow but not saturated answers in the same time whatever the load (Little's law: throughput = in flight /
// latency), so sending more at once finishes sooner; a saturated one answers later as the load grows, or says
// "slow down". Congestion control in the manner of TCP: slow start (the limit doubles each round while latency
// stays flat; goes straight to the cap when the round's answers took SLOW_ROUND_MS or more, even a round of few
// requests at a time such as preparation's), then additive increase (+1 a round); multiplicative decrease on a latency rise (× 0.75) or on an
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
 * time) puts the limit at the cap, whether its slots were all used or not: against a 2-s target preparation's
 * answers (a few at a time) show it, and the cases start at the cap instead of losing rounds at 16 and 64 (issue
 * 11 §6). Still a limit: a saturated target shows as a latency rise (× 0.75), throttling halves it (§7). */
export const SLOW_ROUND_MS = 250;
/** In slow start, this many answers of a round are enough to tell a slow target (see SLOW_ROUND_MS). */
export const SLOW_SAMPLES = 8;
export const DEFAULT_TOLERANCE = 2;
export const DEFAULT_FLOOR_MS = 20;
const EASE_OFF = 0.75;
const BACK_OFF = 0.5;

const medianOf = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

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
  const flat = (median: number) => median <= tolerance * Math.max(lowest, floorMs);
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
      // In slow start the first SLOW_SAMPLES answers of a round may already say "slow and flat": preparation sends
      // fewer than a round of 16 before the cases start.
      if (slowStart && round.length === SLOW_SAMPLES && round.length < whole()) {
        const early = medianOf(round);
        if (early >= SLOW_ROUND_MS && flat(early)) next(max, false);
        return;
      }
      if (round.length < whole()) return;
      const median = medianOf(round);
      if (!flat(median)) next(value * EASE_OFF, true);
      else if (slowStart && median >= SLOW_ROUND_MS) next(max, false);
      else if (busy) next(slowStart ? value * 2 : value + 1, false);
      else next(value, false);
    },
  };
}

/** A limit that never moves (--concurrency N): the same shape, so one limiter serves both. */
export function fixedLimit(n: number): AdaptiveLimit {
  const limit = Math.max(1, Math.floor(n));
  return { limit, peak: limit, max: limit, epoch: 0, observe: () => undefined };
}
