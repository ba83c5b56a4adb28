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
  it('binds a shared context once: cases of one context get one bound context, still following the binding', () => {
    const cb = emptyBinding();
    cb.serviceIds.set('srv-http', 'srv-1');
    const c: Case = { operation: 'RegisterInstance', kind: 'valid', input: { ServiceId: 'srv-http' }, breaks: [], exercises: [], context: ctx };
    const first = bindCase(c, cb).context;
    expect(bindCase({ ...c, input: { ServiceId: 'srv-http', InstanceId: 'x' } }, cb).context).toBe(first);
    expect(first).toEqual({ cloudMap: { serviceId: 'srv-1', service: null } });
    cb.serviceIds.set('srv-http', 'srv-2'); // a binding that changes is followed
    expect(bindCase(c, cb).context.cloudMap?.serviceId).toBe('srv-2');
    expect(ctx.cloudMap.serviceId).toBe('srv-http');
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
  it('a task on keys nobody holds starts at once (no tick), and a released key is forgotten', async () => {
    const lock = createKeyLock();
    let started = false;
    const done = lock.run(['free'], async () => { started = true; });
    expect(started).toBe(true);
    await done;
    let second = false;
    const again = lock.run(['free'], async () => { second = true; });
    expect(second).toBe(true); // the first one's release forgot the key: nothing to wait for
    await again;
  });
  it('take/release: a free hold is held at once (no promise), a later one on a shared key waits for its release, in order', async () => {
    const lock = createKeyLock();
    const a = lock.take(['k', 't']);
    expect(a.ready).toBeUndefined();
    const b = lock.take(['t']);
    const c = lock.take(['k', 'k']); // one key twice: waits for `a` only, never for itself
    const d = lock.take(['other']);
    expect(b.ready).toBeInstanceOf(Promise);
    expect(c.ready).toBeInstanceOf(Promise);
    expect(d.ready).toBeUndefined();
    const log: string[] = [];
    void b.ready!.then(() => log.push('b'));
    void c.ready!.then(() => log.push('c'));
    await Promise.resolve();
    expect(log).toEqual([]);
    lock.release(a);
    lock.release(a); // a second release changes nothing
    await new Promise((r) => setTimeout(r, 0));
    expect(log.sort()).toEqual(['b', 'c']);
    for (const h of [b, c, d]) lock.release(h);
    expect(lock.take(['k', 't', 'other']).ready).toBeUndefined(); // released keys are forgotten
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
