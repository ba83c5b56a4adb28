// A clock for the waiting send wrappers: sleeping advances time at once and is recorded, nothing really waits.
import type { Clock } from '../../src/targets/clock.ts';

export interface FakeClock extends Clock {
  sleeps: number[];
  advance(ms: number): void;
}

export function fakeClock(start = 1_000_000): FakeClock {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    advance: (ms) => { t += ms; },
    // Time moves when the sleep ends (not when it starts), so sleepers that started together wake at their own times.
    sleep: (ms) => {
      const wake = t + Math.max(0, ms);
      sleeps.push(ms);
      return Promise.resolve().then(() => { t = Math.max(t, wake); });
    },
  };
}
