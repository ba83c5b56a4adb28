// Time is injected: state modules never read Date.now() themselves, so tests can move time by hand
// (operation completion, Proton's 8-hour token expiry) and runs stay reproducible.

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to; for tests and reproducible runs. */
export interface ManualClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

export function manualClock(startMs = Date.UTC(2026, 0, 1)): ManualClock {
  let t = startMs;
  return {
    now: () => t,
    set: (ms) => { t = ms; },
    advance: (ms) => { t += ms; },
  };
}

/** Wire timestamps are epoch seconds (awsJson `timestamp` default format). */
export const epochSeconds = (ms: number): number => ms / 1000;
