// The population keeper (src/run/population.ts) confirms a sweep's deregistrations with the waiter's list call
// (ListOperations, up to 100 per request) instead of one GetOperation each: about 0.46 requests per case against
// `serve` were housekeeping, half of them confirmations. What the list does not show finished is polled as
// before, so the state model hears the same verdicts; a target without the list is polled one by one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Case } from '../../src/contract/case.ts';
import type { Expected } from '../../src/contract/expected.ts';
import type { Outcome } from '../../src/contract/outcome.ts';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { createKeyLock } from '../../src/run/keyLock.ts';
import { keepPopulation } from '../../src/run/population.ts';
import { createStateModel, KEEP_HIGH, KEEP_LOW } from '../../src/run/stateModel.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun } from '../../src/run/run.ts';
import { openTarget, type OpenTarget } from '../../src/targets/open.ts';
import { createHttpTarget } from '../../src/targets/http.ts';
import type { Target } from '../../src/targets/target.ts';
import { cloudMap, ok, waitForOperation } from '../emulator/helpers.ts';

const valid: Expected = { outcome: 'success', source: 'model', confidence: 'documented' };
const accepted: Outcome = { status: 200, headers: {}, latencyMs: 1, body: {} };
const reg = (serviceId: string, id: string): Case => ({
  operation: 'RegisterInstance', kind: 'valid', input: { ServiceId: serviceId, InstanceId: id, Attributes: {} }, breaks: [], exercises: [], context: {},
});

let em: RunningEmulator;
let work: string;
beforeAll(async () => {
  em = await startEmulator({ port: 0 }); // serve's default: operations take 20 ms
  work = await mkdtemp(join(tmpdir(), 'cf-population-'));
});
afterAll(async () => {
  await em.close();
  await rm(work, { recursive: true, force: true });
});

/** A fresh HTTP service holding `n` instances i0…, each known to a state model as registered by the run. */
async function populated(n: number) {
  const ns = ok(await cloudMap(em.url, 'CreateHttpNamespace', { Name: `ns-${Math.random().toString(36).slice(2)}` }));
  const namespaceId = (await waitForOperation(em.url, ns.OperationId)).Targets.NAMESPACE as string;
  const serviceId = (ok(await cloudMap(em.url, 'CreateService', { Name: 'svc', NamespaceId: namespaceId })).Service as { Id: string }).Id;
  const state = createStateModel();
  for (let k = 0; k < n; k++) {
    ok(await cloudMap(em.url, 'RegisterInstance', { ServiceId: serviceId, InstanceId: `i${k}`, Attributes: {} }));
    const c = reg(serviceId, `i${k}`);
    state.judge(c, valid);
    state.commit(c, accepted);
  }
  return { serviceId, state };
}

/** The emulator over HTTP, every call counted by operation; `without` answers as a target lacking those operations. */
function counted(without: string[] = []) {
  const http = createHttpTarget({ url: em.url, concurrency: 8 });
  const calls: Record<string, number> = {};
  const target: Target = {
    name: 'counted', close: () => http.close(),
    send: (call, o) => {
      calls[call.operation] = (calls[call.operation] ?? 0) + 1;
      if (without.includes(call.operation)) return Promise.resolve({ status: 400, headers: {}, latencyMs: 0, code: 'UnknownOperationException', body: {} });
      return http.send(call, o);
    },
  };
  return { target, calls };
}

describe('the population keeper confirms a sweep by the page', () => {
  it.each([
    ['ListOperations', [] as string[]],
    ['GetOperation one by one (a target without ListOperations)', ['ListOperations']],
  ])('%s: the oldest instances are gone on the target and in the model', async (_how, without) => {
    const n = KEEP_HIGH + 51;
    const { serviceId, state } = await populated(n);
    const { target, calls } = counted(without);
    try {
      const sweep = keepPopulation(target, state, createKeyLock())();
      expect(sweep).toBeDefined();
      await sweep;
      const evicted = n - KEEP_LOW;
      expect(calls.DeregisterInstance).toBe(evicted);
      if (without.length === 0) {
        // 251 finished deregistrations: three pages (and perhaps a round for the last few), no GetOperation.
        expect(calls.ListOperations).toBeGreaterThanOrEqual(Math.ceil(evicted / 100));
        expect(calls.ListOperations).toBeLessThanOrEqual(2 * Math.ceil(evicted / 100) + 4);
        expect(calls.GetOperation ?? 0).toBe(0);
      } else {
        expect(calls.ListOperations).toBe(1); // asked once, then not again
        expect(calls.GetOperation).toBeGreaterThanOrEqual(evicted);
      }
      // The target holds the newest KEEP_LOW.
      const listed = ok(await cloudMap(em.url, 'ListInstances', { ServiceId: serviceId, MaxResults: 100 }));
      let count = listed.Instances.length;
      for (let next = listed.NextToken; next; ) {
        const page = ok(await cloudMap(em.url, 'ListInstances', { ServiceId: serviceId, MaxResults: 100, NextToken: next }));
        count += page.Instances.length;
        next = page.NextToken;
      }
      expect(count).toBe(KEEP_LOW);
      // Confirmed gone: registering the oldest again is a plain success (no DuplicateRequest allowed for it), the
      // same verdict either way; a kept one is an update, for which the model allows DuplicateRequest.
      expect(state.judge(reg(serviceId, 'i0'), valid)).toEqual(valid);
      expect(state.judge(reg(serviceId, `i${n - 1}`), valid)).toMatchObject({ alsoAcceptable: { codes: ['DuplicateRequest'] } });
      // Nothing left to sweep.
      expect(keepPopulation(target, state, createKeyLock())()).toBeUndefined();
    } finally {
      await target.close();
    }
  }, 60_000);
});

describe('a long run against a separate server', () => {
  it('stays under the instance quota with 0 findings, its housekeeping mostly deregistrations', async () => {
    const server = await startEmulator({ port: 0 });
    const calls: Record<string, number> = {};
    const openCounting = async (spec: string, o: Parameters<typeof openTarget>[1]): Promise<OpenTarget> => {
      const t = await openTarget(spec, o);
      return { ...t, send: (call, so) => { calls[call.operation] = (calls[call.operation] ?? 0) + 1; return t.send(call, so); } };
    };
    try {
      const { report } = await executeRun(
        parseRunOptions(['--target', server.url, '--operation', 'RegisterInstance', '--runs', '10000', '--seed', '3', '--concurrency', '32',
          '--no-scenarios', '--no-fixtures', '--shrink-requests', '0', '--report-dir', join(work, 'long')]),
        new AbortController().signal, { write: () => undefined, writeErr: () => undefined, isTTY: false }, { openTarget: openCounting },
      );
      expect(report.discrepancies.map((f) => `${f.kind} ${f.constraint} ${f.actual.code ?? '-'}`)).toEqual([]);
      expect(report.summary.cases).toBeGreaterThan(10000);
      // Sweeps happened and were confirmed by the page: the GetOperation calls are (nearly all) the cleanup's, which
      // polls each of the instances left at the end; one GetOperation per deregistration or more before.
      expect(calls.DeregisterInstance).toBeGreaterThan(3000);
      expect(calls.ListOperations).toBeGreaterThan(0);
      expect(calls.ListOperations!).toBeLessThan(calls.DeregisterInstance! / 20);
      expect(calls.GetOperation ?? 0).toBeLessThan(calls.DeregisterInstance! * 0.6);
    } finally {
      await server.close();
    }
  }, 180_000);
});
