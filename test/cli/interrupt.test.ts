// Issue 9 §6: a cancelled run never looks green. SIGTERM (how CI systems and `docker stop` cancel a job) is
// handled like Ctrl-C: the report of what ran is written, says INTERRUPTED, and the exit code is 143.
// The real bin is spawned against a slow loopback target (every answer ~40 ms late).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.ts';
import { startCli, until } from '../support/cli.ts';
import { startFaultyTarget, type FaultyTarget } from '../support/faultyTarget.ts';

let work: string;
let slow: FaultyTarget;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cf-interrupt-'));
  slow = await startFaultyTarget(async (x) => {
    await new Promise((r) => setTimeout(r, 40));
    return x.pass();
  });
});
afterAll(async () => {
  await slow.close();
  await rm(work, { recursive: true, force: true });
});

async function interrupted(signal: 'SIGTERM' | 'SIGINT', dir: string) {
  const before = slow.server.requests.length;
  const run = startCli(['run', '--target', slow.url, '--runs', '100000', '--seed', '7', '--report-dir', dir, '--fixtures-dir', join(dir, 'fixtures')], work);
  // Past preparation and the scenarios' first steps (chained requests go before the cases for a slot, and the
  // scenarios' screening runs send theirs together), so some cases have been answered.
  await until('cases to reach the target', () => slow.server.requests.length - before > 150);
  run.child.kill(signal);
  return run.done;
}

describe('SIGTERM', () => {
  it('writes the partial report, says so and exits 143; summary.md says INTERRUPTED and JUnit passes nothing that did not run', async () => {
    const dir = join(work, 'sigterm');
    const exit = await interrupted('SIGTERM', dir);
    expect(exit.code, exit.stderr).toBe(143);
    expect(exit.stderr).toMatch(/^\s*contract-fuzz: interrupted \(SIGTERM\), writing the report of what ran so far/);
    expect(exit.stdout).toMatch(/INTERRUPTED \(partial report\)/);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
    expect(report.run.interrupted).toBe(true);
    expect(report.summary.cases).toBeGreaterThan(0);
    const summary = await readFile(join(dir, 'summary.md'), 'utf8');
    expect(summary).not.toMatch(/no gating discrepancies|✅/);
    expect(summary.split('\n')[0]).toMatch(/INTERRUPTED/);
    const junit = await readFile(join(dir, 'junit.xml'), 'utf8');
    const testcases = junit.match(/<testcase\b[^>]*(\/>|>[\s\S]*?<\/testcase>)/g) ?? [];
    expect(testcases.length).toBeGreaterThan(0);
    // Every testcase either failed (a finding) or is skipped: none passes by not having run.
    for (const t of testcases) expect(t, t).toMatch(/<skipped\b|<failure\b/);
    // junit-10.xsd counts skipped testcases per <testsuite> (it has no `skipped` on <testsuites>).
    expect(junit).toMatch(/<testsuite [^>]*skipped="[1-9]\d*"/);
  }, 60_000);
});

describe('SIGINT', () => {
  it('stays exit 130 with the same partial report', async () => {
    const dir = join(work, 'sigint');
    const exit = await interrupted('SIGINT', dir);
    expect(exit.code, exit.stderr).toBe(130);
    expect(exit.stderr).toMatch(/interrupted, writing the report of what ran so far/);
    const summary = await readFile(join(dir, 'summary.md'), 'utf8');
    expect(summary).not.toMatch(/no gating discrepancies/);
  }, 60_000);
});
