// Issue 11 §7: a target that throttles. Regressions from main: 429s on a share of requests gave dozens of gating
// findings (rejected-valid and others), and a throttled preparation call exited 2. Throttling answers are retried
// (src/targets/retry.ts, tiny delays here: no real backoff), and only what persists is reported, as `throttled`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun, type RunResult } from '../../src/run/run.ts';
import { STANDARD_RETRY } from '../../src/protocol/throttling.ts';
import { fakeClock } from '../support/fakeClock.ts';
import { awsError, startFaultyTarget, type Deviation } from '../support/faultyTarget.ts';

let work: string;
beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-throttle-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });

const quiet = { write: () => undefined, writeErr: () => undefined, isTTY: false };
// The standard policy with 1 ms delays: the same attempts, no real waiting.
const retry = { policy: { ...STANDARD_RETRY, baseDelayMs: 1, maxBackoffMs: 4 } };
let n = 0;

async function run(url: string, args: string[]): Promise<RunResult> {
  const dir = join(work, `run-${++n}`);
  const options = parseRunOptions(['--target', url, '--seed', '7', '--runs', '20', '--report-dir', join(dir, 'reports'), '--no-fixtures', ...args]);
  return executeRun(options, new AbortController().signal, quiet, { retry });
}

const kinds = (r: RunResult): string[] => [...new Set(r.report.discrepancies.map((f) => f.kind))].sort();

/** Throttles the first time it sees every 3rd distinct request (by operation and body): a third of the traffic,
 * each request at most once, so every retried request gets through whatever the timing. */
function everyThird(answer: (x: Parameters<Deviation>[0]) => Response): Deviation {
  const seen = new Set<string>();
  let distinct = 0;
  return async (x) => {
    const key = `${x.operation}\u0000${x.raw}`;
    if (!seen.has(key)) {
      seen.add(key);
      if (++distinct % 3 === 0) return answer(x);
    }
    return x.pass();
  };
}

describe('a target that throttles a third of the requests', () => {
  it('429 with Retry-After: retried, no finding, exit 0', async () => {
    const target = await startFaultyTarget(everyThird((x) => new Response(JSON.stringify({ message: 'Too Many Requests' }), { status: 429, headers: { 'content-type': x.service === 'proton' ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1', 'retry-after': '0' } })));
    try {
      const r = await run(target.url, []);
      expect(r.report.discrepancies.map((f) => `${f.operation} ${f.kind} ${f.constraint}`)).toEqual([]);
      expect(r.exitCode).toBe(0);
      // Retries are requests too: the report counts every one the target saw but the reachability probe.
      expect(r.report.summary.requests).toBe(target.server.requests.length - 1);
    } finally {
      await target.close();
    }
  });

  it('ThrottlingException (400, as Cloud Map answers it): retried, no finding', async () => {
    const target = await startFaultyTarget(everyThird((x) => awsError(x, 400, 'ThrottlingException', 'Rate exceeded')));
    try {
      const r = await run(target.url, ['--operation', 'RegisterInstance']);
      expect(r.report.discrepancies.map((f) => `${f.kind} ${f.constraint}`)).toEqual([]);
      expect(r.exitCode).toBe(0);
    } finally {
      await target.close();
    }
  });
});

describe('a target that always throttles the fuzzed operation', () => {
  it('reports throttled findings, never rejected-valid or any verdict on the payload (nor idempotency or state from the scenarios)', async () => {
    const target = await startFaultyTarget(async (x) => (x.operation === 'RegisterInstance' ? awsError(x, 400, 'ThrottlingException', 'Rate exceeded') : x.pass()));
    try {
      const r = await run(target.url, ['--operation', 'RegisterInstance']);
      expect(kinds(r)).toEqual(['throttled']);
      const [f] = r.report.discrepancies;
      expect(f).toMatchObject({ operation: 'RegisterInstance', kind: 'throttled', actual: { status: 400, code: 'ThrottlingException' } });
      expect(f!.detail).toMatch(/3 attempts/);
      expect(r.report.summary.byKind).toEqual({ throttled: 1 });
      // Every case was sent three times (the standard mode's attempts), none more.
      const sends = new Map<string, number>();
      for (const q of target.server.requests) if (q.headers['x-amz-target']?.endsWith('.RegisterInstance')) sends.set(q.body, (sends.get(q.body) ?? 0) + 1);
      expect(sends.size).toBeGreaterThan(100);
      expect([...sends.values()].filter((k) => k % 3 !== 0)).toEqual([]);
      // Never judged, so nothing counts as covered (but the protocol cases sent to another operation, not throttled).
      const covered = Object.entries(r.report.coverage.RegisterInstance ?? {}).filter(([id, c]) => !id.startsWith('protocol:') && c.valid + c.invalid > 0);
      expect(covered).toEqual([]);
      expect(r.report.coverage.RegisterInstance?.['InstanceId#length']).toEqual({ valid: 0, invalid: 0 });
      expect(f!.reproduce).toMatch(/contract-fuzz run /);
    } finally {
      await target.close();
    }
  });
});

describe('--diff against a target that always throttles', () => {
  it('reports the candidate\'s throttling as throttled, not as a difference', async () => {
    const target = await startFaultyTarget(async (x) => (x.operation === 'RegisterInstance' ? new Response('{}', { status: 429, headers: { 'content-type': 'application/x-amz-json-1.1' } }) : x.pass()));
    try {
      const r = await run('builtin', ['--diff', target.url, '--operation', 'RegisterInstance', '--no-scenarios']);
      expect(kinds(r)).toEqual(['throttled']);
      expect(r.report.discrepancies[0]!.detail).toContain(target.url);
    } finally {
      await target.close();
    }
  });
});

describe('a throttled preparation call', () => {
  it('is retried: the run prepares and runs (main exited 2)', async () => {
    let throttled = 0;
    const target = await startFaultyTarget(async (x) => {
      if (x.operation === 'CreateHttpNamespace' && throttled < 2) { throttled++; return awsError(x, 400, 'ThrottlingException', 'Rate exceeded'); }
      return x.pass();
    });
    try {
      const r = await run(target.url, ['--operation', 'RegisterInstance', '--no-scenarios']);
      expect(throttled).toBe(2);
      expect(r.report.discrepancies.map((f) => `${f.kind} ${f.constraint}`)).toEqual([]);
      expect(r.exitCode).toBe(0);
    } finally {
      await target.close();
    }
  });
});

describe('--rate-limit', () => {
  it('spaces every request of the run, preparation and cleanup included (virtual clock: no real waiting)', async () => {
    const clock = fakeClock();
    const start = clock.now();
    const options = parseRunOptions(['--seed', '7', '--runs', '10', '--operation', 'CreateServiceInstance', '--rate-limit', '100', '--report-dir', join(work, 'rate', 'reports'), '--no-fixtures']);
    const r = await executeRun(options, new AbortController().signal, quiet, { retry: { ...retry, clock } });
    expect(r.exitCode).toBe(0);
    const requests = r.report.summary.requests;
    expect(requests).toBeGreaterThan(50);
    // 100 a second: the n-th request goes out no earlier than (n − 1) × 10 ms after the first.
    expect(clock.now() - start).toBeGreaterThanOrEqual((requests - 1) * 10);
    expect(clock.sleeps.length).toBeGreaterThan(requests / 2);
  });

  it('takes a positive number; anything else is one line, exit 2', () => {
    expect(parseRunOptions(['--rate-limit', '0.5']).rateLimit).toBe(0.5);
    expect(parseRunOptions([]).rateLimit).toBeUndefined();
    for (const bad of ['0', '-1', 'fast', '1e3', '']) {
      expect(() => parseRunOptions(['--rate-limit', bad]), bad).toThrow(expect.objectContaining({ code: 'CF_ERR_USAGE' }));
    }
  });
});

describe('a preparation call that stays throttled through every attempt', () => {
  // Seen on a clean clone: a target throttling 80% of its preparation calls made GetOperation fail three times
  // and the run exit 2 ("GetOperation failed while preparing the run (ThrottlingException…)"): a throttling
  // target is the target's state, not a usage error. The operation is not tested (a finding), the run exits 1.
  it('is not an exit 2: the operation is reported not tested, with the throttling answer', async () => {
    const target = await startFaultyTarget(async (x) => (x.operation === 'CreateHttpNamespace' ? awsError(x, 400, 'ThrottlingException', 'Rate exceeded') : x.pass()));
    try {
      const r = await run(target.url, ['--operation', 'RegisterInstance', '--no-scenarios']);
      expect(r.exitCode).toBe(1);
      expect(r.report.discrepancies.map((f) => `${f.kind} ${f.constraint} ${f.actual.code}`)).toEqual(['not-tested prerequisite:CreateHttpNamespace ThrottlingException']);
      expect(r.report.discrepancies[0]!.detail).toMatch(/throttl/i);
      // Three attempts (the standard retry mode), then given up.
      expect(target.server.requests.filter((q) => q.headers['x-amz-target']?.endsWith('.CreateHttpNamespace'))).toHaveLength(3);
    } finally {
      await target.close();
    }
  });
});
