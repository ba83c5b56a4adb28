// The adaptive in-flight limit over simulated latency traces (issue 11 §6): it grows while a target's latency
// stays flat, shrinks when latency rises or the target throttles, and stays within 1 … max whatever it hears.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAdaptiveLimit, fixedLimit, type AdaptiveLimit } from '../../src/targets/adaptiveLimit.ts';

/** Sends `rounds` rounds at full use (every slot taken), each answer taking `latency(limit)` ms. */
function drive(l: AdaptiveLimit, rounds: number, latency: (limit: number) => number, overload: (i: number) => boolean = () => false): number[] {
  const seen: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const n = l.limit;
    const epoch = l.epoch;
    for (let i = 0; i < n; i++) l.observe({ latencyMs: latency(n), overload: overload(r * 1000 + i), inFlight: n, epoch });
    seen.push(l.limit);
  }
  return seen;
}

const sample = fc.record({
  latencyMs: fc.oneof(fc.double({ min: 0, max: 60_000, noNaN: true }), fc.constant(Number.NaN), fc.constant(-1)),
  overload: fc.boolean(),
  inFlight: fc.integer({ min: 1, max: 2_000 }),
  epochBack: fc.nat(3),
});

describe('adaptive in-flight limit', () => {
  it('never exceeds the cap and never goes below 1, whatever it hears', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.array(sample, { maxLength: 3_000 }), (initial, max, samples) => {
      const l = createAdaptiveLimit({ initial, max });
      expect(l.limit).toBeLessThanOrEqual(max);
      for (const s of samples) {
        l.observe({ ...s, epoch: Math.max(0, l.epoch - s.epochBack) });
        expect(Number.isInteger(l.limit)).toBe(true);
        expect(l.limit).toBeGreaterThanOrEqual(1);
        expect(l.limit).toBeLessThanOrEqual(max);
        expect(l.peak).toBeLessThanOrEqual(max);
        expect(l.peak).toBeGreaterThanOrEqual(l.limit);
      }
    }));
  });

  it('grows to the cap while latency stays flat (a slow target, not a saturated one), doubling at first', () => {
    fc.assert(fc.property(fc.double({ min: 1, max: 5_000, noNaN: true }), fc.integer({ min: 1, max: 32 }), fc.integer({ min: 32, max: 512 }), (latency, initial, max) => {
      const l = createAdaptiveLimit({ initial, max });
      const seen = drive(l, 12, () => latency);
      expect(seen.at(-1)).toBe(max);
      // Slow start: each round at most doubles, and it takes no more rounds than doubling needs.
      const rounds = seen.findIndex((v) => v === max) + 1;
      expect(rounds).toBeLessThanOrEqual(Math.ceil(Math.log2(max / initial)) + 1);
    }));
  });

  // Issue 11 §6: against a 2-s target each doubling cost a round of 2 s; 16 → 128 took three of them, then two (×4).
  it('in slow start, a round of slow answers (250 ms or more) goes straight to the cap: a slow target gets there in one round', () => {
    expect(drive(createAdaptiveLimit({ initial: 16, max: 128 }), 3, () => 2_000)).toEqual([128, 128, 128]);
    expect(drive(createAdaptiveLimit({ initial: 16, max: 128 }), 4, () => 249)).toEqual([32, 64, 128, 128]);
    // After a decrease it is additive as before, however slow.
    const l = createAdaptiveLimit({ initial: 64, max: 128 });
    l.observe({ latencyMs: 2_000, overload: true, inFlight: 64, epoch: l.epoch });
    expect(drive(l, 2, () => 2_000)).toEqual([33, 34]);
  });

  it('does not grow when the slots are not all used (no demand: more slots would change nothing)', () => {
    const l = createAdaptiveLimit({ initial: 16, max: 128 });
    for (let i = 0; i < 1_000; i++) l.observe({ latencyMs: 200, overload: false, inFlight: 8, epoch: l.epoch });
    expect(l.limit).toBe(16);
  });

  // Issue 11 §6: preparation sends a few requests at a time; against a 2-s target they showed the latency, and the
  // cases then ramped from 16 (a round at 16, one at 64 lost against the cap). A slow flat round, busy or not, in
  // slow start: the cases start at the cap. Still a limit: throttling halves it, a latency rise eases it off.
  it('in slow start, slow flat answers seen a few at a time (preparation) put the limit at the cap; throttling still halves it', () => {
    const l = createAdaptiveLimit({ initial: 16, max: 128 });
    // Preparation sends fewer than a round (16) before the cases start: half a round tells a slow target.
    for (let i = 0; i < 7; i++) l.observe({ latencyMs: 2_000, overload: false, inFlight: 5, epoch: l.epoch });
    expect(l.limit).toBe(16);
    l.observe({ latencyMs: 2_000, overload: false, inFlight: 5, epoch: l.epoch });
    expect(l.limit).toBe(128);
    l.observe({ latencyMs: 2_000, overload: true, inFlight: 128, epoch: l.epoch });
    expect(l.limit).toBe(64);
    expect(l.slowStart).toBe(false);
    // A latency rise under the cap's load eases it off as before.
    const r = createAdaptiveLimit({ initial: 16, max: 128 });
    for (let i = 0; i < 8; i++) r.observe({ latencyMs: 300, overload: false, inFlight: 4, epoch: r.epoch });
    expect(r.limit).toBe(128);
    expect(drive(r, 1, () => 1_000)).toEqual([96]);
    // Fast answers seen a few at a time change nothing (no demand, and a round costs little).
    const f = createAdaptiveLimit({ initial: 16, max: 128 });
    for (let i = 0; i < 100; i++) f.observe({ latencyMs: 249, overload: false, inFlight: 4, epoch: f.epoch });
    expect(f.limit).toBe(16);
  });

  it('shrinks when latency rises with the load (a saturated target), and settles below the cap', () => {
    fc.assert(fc.property(fc.double({ min: 25, max: 2_000, noNaN: true }), fc.integer({ min: 4, max: 64 }), (base, capacity) => {
      // Up to `capacity` in flight the target answers in `base`; beyond, requests queue: latency grows with the load.
      const l = createAdaptiveLimit({ initial: 16, max: 512 });
      // A run prepares first, a few requests at a time: the unloaded latency is seen.
      l.observe({ latencyMs: base, overload: false, inFlight: 1, epoch: l.epoch });
      const seen = drive(l, 60, (n) => (n <= capacity ? base : (base * n) / capacity));
      // Latency within the tolerance (2×) of the lowest: about twice the capacity (one step past it, then back).
      for (const v of seen.slice(20)) expect(v).toBeLessThanOrEqual(2 * capacity + 1);
      expect(Math.max(...seen.slice(20))).toBeGreaterThanOrEqual(Math.min(capacity, 16));
    }));
  });

  it('halves on a throttling answer, once for the requests sent under the old limit', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 128 }), fc.integer({ min: 1, max: 50 }), (start, throttled) => {
      const l = createAdaptiveLimit({ initial: start, max: 128 });
      const epoch = l.epoch;
      // Many throttling answers to requests all sent before the first decrease: one decrease.
      for (let i = 0; i < throttled; i++) l.observe({ latencyMs: 100, overload: true, inFlight: start, epoch });
      expect(l.limit).toBe(Math.max(1, Math.floor(start / 2)));
      // A throttle to a request sent after it: down again.
      l.observe({ latencyMs: 100, overload: true, inFlight: 1, epoch: l.epoch });
      expect(l.limit).toBe(Math.max(1, Math.floor(Math.floor(start / 2) / 2) || 1));
    }));
  });

  it('after a decrease, grows one slot a round (additive increase), not by doubling', () => {
    const l = createAdaptiveLimit({ initial: 64, max: 128 });
    l.observe({ latencyMs: 100, overload: true, inFlight: 64, epoch: l.epoch });
    expect(l.limit).toBe(32);
    expect(drive(l, 4, () => 100)).toEqual([33, 34, 35, 36]);
  });

  it('counts latencies under the floor as flat: a target on this machine is not held back by noise', () => {
    const l = createAdaptiveLimit({ initial: 16, max: 128 });
    let i = 0;
    expect(drive(l, 8, () => (i++ % 2 === 0 ? 0.2 : 9)).at(-1)).toBe(128);
  });

  it('a fixed limit never moves', () => {
    const l = fixedLimit(16);
    drive(l, 5, () => 1, () => true);
    expect([l.limit, l.peak]).toEqual([16, 16]);
  });
});
