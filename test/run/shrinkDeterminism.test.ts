// Issue 9 §5: identical runs shrink to identical payloads, whether the target is fresh or was used before by a run
// with the same seed (a long-lived `serve`, moto, LocalStack). Payloads are compared unbound (placeholder
// prerequisites): each run names its own namespaces and services, the payload is what must not move.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun } from '../../src/run/run.ts';
import { startFaultyTarget, type Deviation, type DeviationName } from '../support/faultyTarget.ts';

let work: string;
beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-shrink-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });

const io = { write: () => undefined, writeErr: () => undefined, isTTY: false };
let runNo = 0;

/** kind, constraint and the shrunk unbound payload of every finding of one run. */
async function shrunk(url: string, operation: string): Promise<string[]> {
  const o = parseRunOptions(['--target', url, '--operation', operation, '--seed', '42', '--runs', '30', '--no-scenarios', '--no-fixtures',
    '--report-dir', join(work, `r${++runNo}`)]);
  const { report } = await executeRun(o, new AbortController().signal, io);
  expect(report.discrepancies.length).toBeGreaterThan(0);
  return report.discrepancies.map((f) => `${f.kind} ${f.constraint} ${JSON.stringify(f.case?.input ?? f.rawBody)}`);
}

/** Run 1 on a fresh target, run 2 on the same target again, run 3 on another fresh one. */
async function freshReusedFresh(deviation: DeviationName, operation: string): Promise<string[][]> {
  const first = await startFaultyTarget(deviation);
  const second = await startFaultyTarget(deviation);
  try {
    return [await shrunk(first.url, operation), await shrunk(first.url, operation), await shrunk(second.url, operation)];
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
}

/** A target whose every registration answers OperationId as a number (issue 9 §3's example): each shrink candidate
 * is a real registration, and Cloud Map keeps the same instance "in progress" for a moment after each. */
const numericOperationId: Deviation = async (x) => {
  const u = await x.forward();
  const numeric = x.operation === 'RegisterInstance' && u.status === 200;
  return new Response(numeric ? JSON.stringify({ OperationId: 12345 }) : u.text, { status: u.status, headers: u.headers });
};

describe('identical runs shrink identically', () => {
  // Regression: shrinking re-registers the same instance in quick succession; whether a candidate met
  // DuplicateRequest (the earlier registration still in progress, which the contract allows) depended on timing,
  // so the shrink path (report.json `path`, `shrinkSteps`) differed from run to run on fresh targets.
  it('a candidate that meets an answer only the target\'s state allows is judged again once it settles: same path every time', async () => {
    const runs: string[][] = [];
    for (let i = 0; i < 3; i++) {
      const target = await startFaultyTarget(numericOperationId);
      try {
        const o = parseRunOptions(['--target', target.url, '--operation', 'RegisterInstance', '--seed', '42', '--runs', '30', '--no-scenarios',
          '--no-fixtures', '--report-dir', join(work, `settle${i}`)]);
        const { report } = await executeRun(o, new AbortController().signal, io);
        runs.push(report.discrepancies.map((f) => `${f.kind} ${f.constraint} ${f.count} ${f.path} ${f.shrinkSteps} ${JSON.stringify(f.case?.input)}`));
      } finally {
        await target.close();
      }
    }
    expect(runs[0]!.length).toBeGreaterThan(0);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  }, 120_000);

  it('the README example (31 custom attributes accepted): fresh, reused and fresh again give the same minimal payload', async () => {
    const [fresh, reused, again] = await freshReusedFresh('custom-attributes-over-30-accepted', 'RegisterInstance');
    expect(reused).toEqual(fresh);
    expect(again).toEqual(fresh);
    // What the README shows: 31 empty custom attributes, the shortest InstanceId, the two addresses the service needs.
    const payload = JSON.parse(fresh[0]!.slice(fresh[0]!.indexOf('{'))) as { InstanceId: string; Attributes: Record<string, string> };
    const custom = Object.entries(payload.Attributes).filter(([k]) => !k.startsWith('AWS_'));
    expect(custom).toHaveLength(31);
    expect(custom.every(([, v]) => v === '')).toBe(true);
    expect(payload.InstanceId).toBe('0');
  }, 120_000);

  // Without the run nonce the second run on the same target sent the first run's idempotency tokens again, the
  // target answered them as token mismatches, and shrinking met other answers. With it, a reused target is new ground.
  it('a stateful finding (Proton answers without arn): a reused target shrinks like a fresh one', async () => {
    const [fresh, reused, again] = await freshReusedFresh('proton-output-without-arn', 'CreateServiceInstance');
    expect(again).toEqual(fresh);
    expect(reused).toEqual(fresh);
  }, 120_000);
});
