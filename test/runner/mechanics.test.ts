import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/contract/case.ts';
import { bindCase, emptyBinding } from '../../src/run/binding.ts';
import { createKeyLock } from '../../src/run/keyLock.ts';
import { forEachConcurrent } from '../../src/pool.ts';
import { shrinkAgainst } from '../../src/run/shrink.ts';

describe('binding placeholders to real prerequisites', () => {
  const b = emptyBinding();
  b.serviceIds.set('srv-http', 'srv-abcdefgh12345678');
  b.serviceNames.set('svc-main', 'cf-run-svc');
  const ctx = { cloudMap: { serviceId: 'srv-http', service: null } };
  it('swaps the service member and the context, nothing else', () => {
    const c: Case = { operation: 'RegisterInstance', kind: 'valid', input: { ServiceId: 'srv-http', InstanceId: 'srv-http' }, breaks: [], exercises: [], context: ctx };
    const bound = bindCase(c, b);
    expect(bound.input).toEqual({ ServiceId: 'srv-abcdefgh12345678', InstanceId: 'srv-http' });
    expect(bound.context.cloudMap?.serviceId).toBe('srv-abcdefgh12345678');
    expect(c.input).toEqual({ ServiceId: 'srv-http', InstanceId: 'srv-http' }); // the original is untouched
  });
  it('finds placeholders in raw bodies however they are escaped, and keeps the rest byte for byte', () => {
    const raw = ' {"\\u0053erviceId" : "\\u0073rv-http", "x":"srv-httpx"}\n';
    const c: Case = { operation: 'RegisterInstance', kind: 'valid', input: null, rawBody: raw, breaks: [], exercises: [], context: ctx };
    expect(bindCase(c, b).rawBody).toBe(' {"\\u0053erviceId" : "srv-abcdefgh12345678", "x":"srv-httpx"}\n');
  });
  it('binds Proton serviceName', () => {
    const c: Case = { operation: 'CreateServiceInstance', kind: 'valid', input: { serviceName: 'svc-main', name: 'svc-main' }, breaks: [], exercises: [], context: {} };
    expect(bindCase(c, b).input).toEqual({ serviceName: 'cf-run-svc', name: 'svc-main' });
  });
});

describe('key lock', () => {
  it('runs tasks sharing a key one after another, others at once', async () => {
    const lock = createKeyLock();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => { log.push(`${name}+`); await new Promise((r) => setTimeout(r, ms)); log.push(`${name}-`); };
    await Promise.all([lock.run(['k'], task('a', 30)), lock.run(['k'], task('b', 1)), lock.run(['other'], task('c', 1))]);
    expect(log.indexOf('b+')).toBeGreaterThan(log.indexOf('a-'));
    expect(log.indexOf('c-')).toBeLessThan(log.indexOf('a-'));
  });
  it('a failing task does not block the next one on its key', async () => {
    const lock = createKeyLock();
    await expect(lock.run(['k'], async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(lock.run(['k'], async () => 7)).resolves.toBe(7);
  });
});

describe('bounded concurrency', () => {
  it('never has more than C tasks in flight and runs every item once', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    await forEachConcurrent([...Array(50).keys()][Symbol.iterator](), 4, async (i) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 1));
      seen.push(i);
      inFlight--;
    });
    expect(peak).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
  });
  // Regression: after one task failed, the other workers kept sending to targets that were already closed.
  it('stops taking items once a task fails, and rejects with its error', async () => {
    let pulled = 0;
    const source = { next: () => ({ done: false as const, value: ++pulled }) };
    await expect(forEachConcurrent(source, 4, async (i) => { await new Promise((r) => setTimeout(r, 1)); if (i === 3) throw new Error('boom'); })).rejects.toThrow('boom');
    await new Promise((r) => setTimeout(r, 20));
    expect(pulled).toBeLessThan(10);
  });
  it('stops taking items once aborted', async () => {
    const ac = new AbortController();
    let ran = 0;
    await forEachConcurrent([...Array(100).keys()][Symbol.iterator](), 2, async () => { if (++ran === 10) ac.abort(); }, ac.signal);
    expect(ran).toBeLessThan(13);
  });
});

describe('shrinking against a target', () => {
  it('finds the minimal failing value through fast-check shrink trees, within the request budget', async () => {
    const arb = fc.integer({ min: 0, max: 10_000 });
    const fails = async (n: number) => n >= 100;
    // The first seed whose generated value fails: a real fast-check Value with its shrink context.
    let seed = 0;
    let begin = arb.generate(new fc.Random(xoroshiro128plus(seed)), undefined);
    while (begin.value_ < 100) begin = arb.generate(new fc.Random(xoroshiro128plus(++seed)), undefined);
    const shrunk = await shrinkAgainst(arb, begin, fails, 500);
    expect(shrunk.value).toBe(100);
    expect(shrunk.steps).toBeGreaterThan(0);
    const cut = await shrinkAgainst(arb, begin, fails, 3);
    expect(cut.requests).toBe(3);
  });
});
