import { describe, expect, it } from 'vitest';
import { limitConcurrency } from '../../src/targets/limit.ts';
import type { Call } from '../../src/contract/call.ts';
import type { Send } from '../../src/targets/target.ts';
import type { Outcome } from '../../src/contract/outcome.ts';

const call = (n: number): Call => ({ service: 'servicediscovery', operation: 'RegisterInstance', input: { n } });
const ok = (n: number): Outcome => ({ status: 200, headers: {}, latencyMs: 0, body: { n } });
const tick = () => new Promise((r) => setTimeout(r, 1));

/** A fake send whose calls complete when the test says so. */
function controllable() {
  const pending: Array<{ n: number; resolve: (o: Outcome) => void; reject: (e: Error) => void }> = [];
  let running = 0;
  let maxRunning = 0;
  const started: number[] = [];
  const send: Send = (c) => {
    running++;
    maxRunning = Math.max(maxRunning, running);
    const n = (c.input as { n: number }).n;
    started.push(n);
    return new Promise<Outcome>((resolve, reject) => pending.push({ n, resolve, reject })).finally(() => running--);
  };
  return { send, pending, started, stats: () => ({ running, maxRunning }) };
}

describe('limitConcurrency', () => {
  it('never runs more than `max` calls at once and starts the rest in order', async () => {
    const fake = controllable();
    const send = limitConcurrency(3)(fake.send);
    const results = Array.from({ length: 10 }, (_, i) => send(call(i)));
    await tick();
    expect(fake.started).toEqual([0, 1, 2]);
    while (fake.pending.length > 0) {
      fake.pending.shift()!.resolve(ok(0));
      await tick();
      expect(fake.stats().running).toBeLessThanOrEqual(3);
    }
    await Promise.all(results);
    expect(fake.started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(fake.stats().maxRunning).toBe(3);
  });

  it('a rejected call frees its slot', async () => {
    const fake = controllable();
    const send = limitConcurrency(1)(fake.send);
    const first = send(call(1));
    const second = send(call(2));
    await tick();
    fake.pending.shift()!.reject(new Error('harness failure'));
    await expect(first).rejects.toThrow('harness failure');
    await tick();
    expect(fake.started).toEqual([1, 2]);
    fake.pending.shift()!.resolve(ok(2));
    await expect(second).resolves.toMatchObject({ body: { n: 2 } });
  });

  it('passes results and options through', async () => {
    let seen: AbortSignal | undefined;
    const send = limitConcurrency(2)(async (c, o) => ((seen = o?.signal), ok((c.input as { n: number }).n)));
    const signal = new AbortController().signal;
    expect(await send(call(7), { signal })).toEqual(ok(7));
    expect(seen).toBe(signal);
  });

  it('stays bounded over many calls', async () => {
    let running = 0;
    let max = 0;
    const send = limitConcurrency(4)(async (c) => {
      running++;
      max = Math.max(max, running);
      await tick();
      running--;
      return ok((c.input as { n: number }).n);
    });
    const out = await Promise.all(Array.from({ length: 3000 }, (_, i) => send(call(i))));
    expect(out.map((o) => (o.body as { n: number }).n)).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    expect(max).toBe(4);
  });

  it('rejects a bad limit with CF_ERR_CONFIG', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => limitConcurrency(bad)).toThrow(expect.objectContaining({ code: 'CF_ERR_CONFIG' }));
  });
});
