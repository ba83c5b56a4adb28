// Issue 11 §6: the concurrent screening pass goes eagerly against a target whose timing is free (`eager`): the
// read-back of a write goes along with the wait for its completion, a retry in flight along with that wait, and a
// refused reuse's read after serves as the next one's read before. Against a slow target the longest run's chain
// of round trips is then shorter; what is reported never changes: a read that raced the completion and shows
// something else is read again, and a failing run is judged again one step at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenarios } from '../../src/scenarios/index.ts';
import type { SendWrapper } from '../../src/targets/target.ts';
import * as faults from '../support/faults.ts';
import { rounds, type SlowRequest } from '../support/slowTarget.ts';
import { startLab, type Lab } from './harness.ts';

let lab: Lab;
let lagging: Lab;
beforeAll(async () => { [lab, lagging] = await Promise.all([startLab(), startLab({ operationDelayMs: 150 })]); });
afterAll(async () => { await lab?.close(); await lagging?.close(); });

const DELAY_MS = 80;
/** Every answer DELAY_MS late; each request's span recorded, to count the rounds any was in flight. */
function slow(): { wrapper: SendWrapper; requests: SlowRequest[] } {
  const requests: SlowRequest[] = [];
  const wrapper: SendWrapper = (send) => async (call, o) => {
    const start = Date.now();
    const answer = await send(call, o); // answered at once, the answer held back: like a slow network
    await new Promise((r) => setTimeout(r, DELAY_MS));
    requests.push({ operation: call.operation, start, end: Date.now() });
    return answer;
  };
  return { wrapper, requests };
}

describe('eager screening runs', () => {
  it('against a slow correct target: no finding, and fewer rounds of round trips than the same runs in order', async () => {
    const run = async (eager: boolean) => {
      const s = slow();
      const found = await runScenarios({ operation: 'RegisterInstance', target: lab.faulty(s.wrapper).target, prepared: await lab.cloudMapService('http'), seed: 11, runs: 5, concurrency: 64, ...(eager ? { eager } : {}) });
      return { found, rounds: rounds(s.requests, DELAY_MS), reads: s.requests.filter((r) => r.operation === 'GetInstance').length };
    };
    const plain = await run(false);
    const eager = await run(true);
    expect(plain.found).toEqual([]);
    expect(eager.found).toEqual([]);
    // The longest chains (re-registrations read back, retries in flight, reuses read before and after) lose a round
    // trip per step; harness time only adds to both.
    expect(eager.rounds).toBeLessThan(plain.rounds - 1.5);
  }, 60_000);

  it('a read that raced the completion (the target shows a registration only once its operation has run) is read again: no finding', async () => {
    const run = async (on: Lab) => {
      const s = slow();
      const found = await runScenarios({ operation: 'RegisterInstance', target: on.faulty(s.wrapper).target, prepared: await on.cloudMapService('http'), seed: 11, runs: 5, concurrency: 64, eager: true });
      const count = (op: string) => s.requests.filter((r) => r.operation === op).length;
      return { found, reads: count('GetInstance'), registrations: count('RegisterInstance') };
    };
    const [atOnce, late] = [await run(lab), await run(lagging)];
    expect(atOnce.found).toEqual([]);
    expect(late.found).toEqual([]);
    // The same runs (same seed): the reads that raced were sent again, and no run was judged again in order (that
    // registers everything anew).
    expect(late.reads).toBeGreaterThan(atOnce.reads);
    expect(late.registrations).toBe(atOnce.registrations);
  }, 60_000);

  it('a fault found eagerly is the finding the sequential run reports', async () => {
    const run = async (eager: boolean) => runScenarios({
      operation: 'RegisterInstance', target: lab.faulty(faults.reregisterNotUpdated()).target, prepared: await lab.cloudMapService('dns-a'),
      seed: 99, runs: 5, ...(eager ? { concurrency: 16, eager } : {}),
    });
    const [a, b] = [await run(false), await run(true)];
    expect(a.map((f) => f.constraint)).toEqual(['state:re-register-updates']);
    const shape = (f: (typeof a)[number]) => ({ ...f, steps: f.steps.length, actual: f.actual.code, detail: f.detail.replace(/cf[0-9a-z]+-[a-z]+\d+-\d+/g, 'ID') });
    expect(b.map(shape)).toEqual(a.map(shape));
  }, 60_000);
});
