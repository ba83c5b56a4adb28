// The per-target in-flight limiter (issue 11 §6): never more in flight than the limit says, chained requests
// before the bulk of cases, more started at once when the limit grows, every answer reported to the limit.
import { describe, expect, it } from 'vitest';
import type { Call } from '../../src/contract/call.ts';
import type { Outcome } from '../../src/contract/outcome.ts';
import { createAdaptiveLimit, fixedLimit, type AdaptiveLimit, type LimitSample } from '../../src/targets/adaptiveLimit.ts';
import { limitInFlight, overloaded } from '../../src/targets/inFlightLimit.ts';
import type { Send } from '../../src/targets/target.ts';

const call = (n: number): Call => ({ service: 'servicediscovery', operation: 'RegisterInstance', input: { n } });
const ok: Outcome = { status: 200, headers: {}, latencyMs: 0, body: {} };
const tick = () => new Promise((r) => setTimeout(r, 1));

function controllable() {
  const pending: Array<{ n: number; resolve: (o: Outcome) => void }> = [];
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const send: Send = (c) => {
    most = Math.max(most, ++running);
    const n = (c.input as { n: number }).n;
    started.push(n);
    return new Promise<Outcome>((resolve) => pending.push({ n, resolve })).finally(() => running--);
  };
  return { send, pending, started, most: () => most };
}

describe('limitInFlight', () => {
  it('never has more in flight than the limit, and starts waiting chained requests before waiting cases', async () => {
    const fake = controllable();
    const limiter = limitInFlight(fixedLimit(2));
    const send = limiter.wrapper(fake.send);
    const all = [0, 1, 2, 3].map((n) => send(call(n), { bulk: true }));
    const chained = send(call(9));
    await tick();
    expect(fake.started).toEqual([0, 1]);
    while (fake.pending.length > 0) { fake.pending.shift()!.resolve(ok); await tick(); }
    await Promise.all([...all, chained]);
    expect(fake.started).toEqual([0, 1, 9, 2, 3]);
    expect(fake.most()).toBe(2);
    expect(limiter.peak).toBe(2);
  });

  // Issue 11 §6: against a slow target, a scenario's next step came a few ms after its previous answer, by when a
  // waiting case had taken the freed slot: the step then waited for the next slot to free, up to a round trip.
  it('a finished chained request holds its slot briefly for the next chained one (a tenth of its latency); cases get it after', async () => {
    const fake = controllable();
    let now = 0;
    const send = limitInFlight(fixedLimit(2), { now: () => now }).wrapper(fake.send);
    const first = send(call(1)); // a chain's step
    const cases = [10, 11, 12].map((n) => send(call(n), { bulk: true }));
    await tick();
    expect(fake.started).toEqual([1, 10]);
    now = 600; // answered after 600 ms: its slot is held 60 ms
    fake.pending.shift()!.resolve(ok);
    await first;
    await tick();
    expect(fake.started).toEqual([1, 10]); // no case took it
    const next = send(call(2)); // the chain's next step: at once, in the held slot
    await tick();
    expect(fake.started).toEqual([1, 10, 2]);
    now = 610; // answered after 10 ms: held 1 ms, then a case takes it
    fake.pending.find((p) => p.n === 2)!.resolve(ok);
    await next;
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.started).toEqual([1, 10, 2, 11]);
    expect(fake.most()).toBe(2);
    while (fake.pending.length > 0) { fake.pending.shift()!.resolve(ok); await tick(); }
    await Promise.all(cases);
    expect(fake.started).toEqual([1, 10, 2, 11, 12]);
  });

  // Issue 11 §6: a default run starts at 16 in flight while ~50 scenario chains want their first step: the chains
  // (the run's critical path) waited a round for a slot before the limit had grown.
  it('an adaptive limit in slow start lets chained requests past it, up to its cap; cases stay within it; after a decrease, all do', async () => {
    const fake = controllable();
    const l = createAdaptiveLimit({ initial: 2, max: 4 });
    const send = limitInFlight(l).wrapper(fake.send);
    const cases = [10, 11].map((n) => send(call(n), { bulk: true }));
    const chains = [1, 2, 3].map((n) => send(call(n)));
    await tick();
    expect(fake.started).toEqual([10, 11, 1, 2]); // the cap: 4
    expect(fake.most()).toBe(4);
    l.observe({ latencyMs: 1, overload: true, inFlight: 4, epoch: l.epoch }); // a decrease: slow start is over (limit 1)
    expect(l.slowStart).toBe(false);
    // Answers the limit does not hear (cut by Ctrl-C), so it stays at 1.
    const cut = { status: 0, headers: {}, latencyMs: 0, transport: { failure: 'aborted', message: 'aborted' } } as Outcome;
    for (const n of [10, 11, 1]) { fake.pending.find((p) => p.n === n)!.resolve(cut); await tick(); }
    expect(l.limit).toBe(1);
    expect(fake.started).toEqual([10, 11, 1, 2]); // 2 still in flight: the limit (1) is full
    fake.pending.find((p) => p.n === 2)!.resolve(cut);
    await tick();
    expect(fake.started).toEqual([10, 11, 1, 2, 3]);
    fake.pending.find((p) => p.n === 3)!.resolve(cut);
    await Promise.all([...cases, ...chains]);
  });

  // Issue 11 §6: a slow target's limit is at the cap from the first cases on (src/targets/adaptiveLimit.ts), so
  // chained requests had no room past it: a scenario step sending two requests at once (a retry in flight and the
  // wait for completion) got one held slot, and its second request waited a whole round for a case's slot.
  it('in slow start at the cap, cases leave a few slots (a thirty-second of the cap) for chained requests', async () => {
    const fake = controllable();
    const l = createAdaptiveLimit({ initial: 64, max: 64 });
    const send = limitInFlight(l).wrapper(fake.send);
    const cases = Array.from({ length: 70 }, (_, n) => send(call(100 + n), { bulk: true }));
    await tick();
    expect(fake.started).toHaveLength(62);
    const chains = [1, 2, 3].map((n) => send(call(n)));
    await tick();
    expect(fake.started.slice(62)).toEqual([1, 2]); // the cap: 64
    l.observe({ latencyMs: 1, overload: true, inFlight: 64, epoch: l.epoch }); // out of slow start: no reserve
    expect(l.limit).toBe(32);
    while (fake.pending.length > 0) { fake.pending.shift()!.resolve(ok); await tick(); }
    await Promise.all([...cases, ...chains]);
    expect(fake.most()).toBe(64);
  });

  it('sends the requests of a race at once, past a full limit (a race whose requests wait for slots one by one races nothing)', async () => {
    const fake = controllable();
    const send = limitInFlight(fixedLimit(2)).wrapper(fake.send);
    const cases = [0, 1, 2].map((n) => send(call(n), { bulk: true }));
    const race = [7, 8].map((n) => send(call(n), { together: true }));
    await tick();
    expect(fake.started).toEqual([0, 1, 7, 8]);
    while (fake.pending.length > 0) { fake.pending.shift()!.resolve(ok); await tick(); }
    await Promise.all([...cases, ...race]);
    expect(fake.started).toEqual([0, 1, 7, 8, 2]);
  });

  it('starts as many waiting calls as the limit grew by', async () => {
    const fake = controllable();
    let limit = 1;
    const grows: AdaptiveLimit = { get limit() { return limit; }, peak: 4, max: 4, epoch: 0, observe: () => { limit = 4; } };
    const send = limitInFlight(grows).wrapper(fake.send);
    const all = [0, 1, 2, 3, 4].map((n) => send(call(n), { bulk: true }));
    await tick();
    expect(fake.started).toEqual([0]);
    fake.pending.shift()!.resolve(ok);
    await tick();
    expect(fake.started).toEqual([0, 1, 2, 3, 4]);
    for (const p of fake.pending.splice(0)) p.resolve(ok);
    await Promise.all(all);
  });

  it('tells the limit each answer: its latency, whether it said "too much", what was in flight; not a Ctrl-C', async () => {
    const seen: LimitSample[] = [];
    const l = createAdaptiveLimit({ initial: 4, max: 8 });
    const spy: AdaptiveLimit = { get limit() { return l.limit; }, peak: 4, max: 8, get epoch() { return l.epoch; }, observe: (s) => { seen.push(s); l.observe(s); } };
    let now = 0;
    const answers: Outcome[] = [ok, { status: 400, headers: {}, latencyMs: 0, code: 'ThrottlingException' }, { status: 0, headers: {}, latencyMs: 0, transport: { failure: 'aborted', message: 'cut' } }];
    let i = 0;
    const send = limitInFlight(spy, { now: () => now }).wrapper(async () => { now += 250; return answers[i++]!; });
    for (let k = 0; k < 3; k++) await send(call(k));
    expect(seen.map((s) => [s.latencyMs, s.overload, s.inFlight])).toEqual([[250, false, 1], [250, true, 1]]);
    expect(l.limit).toBe(2); // halved by the throttling answer
  });

  it('counts throttling, refused, reset and timed-out exchanges as overload; other errors and 5xx are not', () => {
    const t = (failure: 'refused' | 'reset' | 'timeout' | 'too-large' | 'other'): Outcome => ({ status: 0, headers: {}, latencyMs: 0, transport: { failure, message: '' } });
    expect([t('refused'), t('reset'), t('timeout'), { status: 429, headers: {}, latencyMs: 0 }].every(overloaded)).toBe(true);
    expect([t('too-large'), t('other'), { status: 500, headers: {}, latencyMs: 0 }, { status: 400, headers: {}, latencyMs: 0, code: 'InvalidInput' }].some(overloaded)).toBe(false);
  });
});
