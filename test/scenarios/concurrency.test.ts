// Issue 11 §6: against a slow target, independent scenarios (families, and the runs of one family) are in
// flight together within the run's concurrency, instead of one step at a time. Asserted by overlap, not by
// wall time: every answer is delayed and the requests in flight at once are counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenarios } from '../../src/scenarios/index.ts';
import type { SendWrapper } from '../../src/targets/target.ts';
import * as faults from '../support/faults.ts';
import { startLab, type Lab } from './harness.ts';

let lab: Lab;
beforeAll(async () => { lab = await startLab(); });
afterAll(async () => { await lab?.close(); });

const DELAY_MS = 30;
/** Every answer late by DELAY_MS; `peak` is the most requests ever in flight at once. */
function slow(): { wrapper: SendWrapper; stats: { inFlight: number; peak: number } } {
  const stats = { inFlight: 0, peak: 0 };
  const wrapper: SendWrapper = (send) => async (call, o) => {
    stats.peak = Math.max(stats.peak, ++stats.inFlight);
    try {
      await new Promise((r) => setTimeout(r, DELAY_MS));
      return await send(call, o);
    } finally {
      stats.inFlight--;
    }
  };
  return { wrapper, stats };
}

describe('scenarios against a slow target', () => {
  it.each(['RegisterInstance', 'CreateServiceInstance'] as const)('%s: with concurrency, families and runs overlap (more in flight than one at a time) and a correct target still gives no finding', async (operation) => {
    const prepared = operation === 'RegisterInstance' ? await lab.cloudMapService('http') : await lab.protonService();
    const one = slow();
    const sequential = await runScenarios({ operation, target: lab.faulty(one.wrapper).target, prepared, seed: 5, runs: 2 });
    const many = slow();
    const concurrent = await runScenarios({ operation, target: lab.faulty(many.wrapper).target, prepared, seed: 6, runs: 2, concurrency: 16 });
    expect(sequential).toEqual([]);
    expect(concurrent).toEqual([]);
    // One at a time, only a family that races requests on purpose has several in flight; concurrently, the
    // families' runs add up.
    expect(many.stats.peak).toBeGreaterThan(one.stats.peak);
    expect(many.stats.peak).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('a finding found concurrently is the one the sequential run reports (shrunk the same way)', async () => {
    const run = async (concurrency?: number) => runScenarios({
      operation: 'RegisterInstance', target: lab.faulty(faults.reregisterNotUpdated()).target, prepared: await lab.cloudMapService('dns-a'),
      seed: 99, runs: 5, ...(concurrency ? { concurrency } : {}),
    });
    const [a, b] = [await run(), await run(16)];
    expect(a.map((f) => f.constraint)).toEqual(['state:re-register-updates']);
    // The ids differ (each service its own prefix; the concurrent pass used the first run numbers): the rest is equal.
    const shape = (f: (typeof a)[number]) => ({ ...f, steps: f.steps.length, actual: f.actual.code, detail: f.detail.replace(/cf[0-9a-z]+-[a-z]+\d+-\d+/g, 'ID') });
    expect(b.map(shape)).toEqual(a.map(shape));
  }, 60_000);
});
