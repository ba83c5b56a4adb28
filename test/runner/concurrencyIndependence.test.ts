// Nothing a run reports depends on how many requests it keeps in flight (issue 11 §6: the default limit is
// adaptive now, so it differs from run to run): the same seed takes the same cases and finds the same root
// causes, each represented by the same earliest case, at a fixed 1, at the cap (128) and adaptively through a
// slow proxy; and a correct target (the emulator over HTTP, as `contract-fuzz serve` runs it) gives no finding
// at any of them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun } from '../../src/run/run.ts';
import type { Report } from '../../src/report/types.ts';
import { startFaultyTarget, type FaultyTarget } from '../support/faultyTarget.ts';
import { startSlowTarget } from '../support/slowTarget.ts';

let emulator: RunningEmulator;
let faulty: FaultyTarget;
let work: string;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, host: '127.0.0.1', operationDelayMs: 0 });
  faulty = await startFaultyTarget('a-record-without-ipv4-accepted');
  work = await mkdtemp(join(tmpdir(), 'cf-inflight-'));
});
afterAll(async () => { await emulator.close(); await faulty.close(); await rm(work, { recursive: true, force: true }); });

let n = 0;
async function run(url: string, extra: string[]): Promise<Report> {
  const o = parseRunOptions(['--target', url, '--seed', '7', '--runs', '30', '--quiet', '--no-fixtures', '--report-dir', join(work, `r${n++}`), ...extra]);
  return (await executeRun(o, new AbortController().signal, { write: () => undefined, writeErr: () => undefined, isTTY: false })).report;
}

const verdicts = (r: Report) => ({
  caseDigest: r.run.caseDigest,
  rootCauses: r.findings.map((f) => ({ id: f.id, count: f.count })).sort((a, b) => a.id.localeCompare(b.id)),
  discrepancies: r.discrepancies.map((d) => ({ id: d.id, caseId: d.caseId, count: d.count })).sort((a, b) => a.id.localeCompare(b.id)),
});

describe('what a run reports does not depend on the requests in flight', () => {
  it('a correct target: no finding at 1, at the cap and adaptively, the same cases', async () => {
    const one = await run(emulator.url, ['--concurrency', '1']);
    const cap = await run(emulator.url, ['--concurrency', '128']);
    const adaptive = await run(emulator.url, []);
    for (const r of [one, cap, adaptive]) expect(r.discrepancies).toEqual([]);
    expect(verdicts(cap)).toEqual(verdicts(one));
    expect(verdicts(adaptive)).toEqual(verdicts(one));
    expect(adaptive.run.maxConcurrency).toBe(128);
  }, 120_000);

  it('a faulty target: the same root causes, each with the same earliest case, one at a time or adaptively through a slow proxy', async () => {
    const one = await run(faulty.url, ['--concurrency', '1', '--shrink-requests', '0']);
    const slow = await startSlowTarget(faulty.url, 50);
    try {
      const adaptive = await run(slow.url, ['--shrink-requests', '0']);
      expect(one.findings.length).toBeGreaterThan(0);
      expect(verdicts(adaptive)).toEqual(verdicts(one));
    } finally {
      await slow.close();
    }
  }, 120_000);
});
