// Issue 8 §2, `record` against targets that misbehave: a reset or a bad chunk waited the whole timeout and was
// reported as `timeout` (under `run`: `reset`); large answers piled up in memory until JSON.stringify gave up
// (79 answers of 10 MB: `Invalid string length` at 2.3 GB RSS, the recording lost). Smaller but representative:
// answers of 2 MB, cut to the recording's body limit, with the file saying so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordRun, type RecordOptions } from '../../src/run/record.ts';
import { readRecording } from '../../src/targets/record/recording.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun, type RunIO } from '../../src/run/run.ts';
import { startChaosTarget, type ChaosTarget } from '../support/chaosTarget.ts';

const dir = mkdtempSync(join(tmpdir(), 'cf-record-chaos-'));
let chaos: ChaosTarget;
beforeAll(async () => { chaos = await startChaosTarget([]); });
afterAll(async () => {
  await chaos.close();
  rmSync(dir, { recursive: true, force: true });
});

const io = (): RunIO => ({ write: () => undefined, writeErr: () => undefined, isTTY: false });
const TIMEOUT_MS = 2_000;
const args = (sub: string) => parseRunOptions([
  '--target', chaos.url, '--operation', 'RegisterInstance', '--runs', '0', '--seed', '3', '--no-scenarios', '--shrink-requests', '0',
  '--timeout-ms', String(TIMEOUT_MS), '--report-dir', join(dir, sub, 'reports'), '--no-fixtures',
]);
const recording = (sub: string): RecordOptions => ({ ...args(sub), out: join(dir, sub, 'recorded'), credentials: 'fake' });
const failures = (details: string[]) => [...new Set(details.map((d) => /^no response: (\w+)/.exec(d)?.[1]).filter(Boolean))].sort();

describe('record against misbehaving targets', () => {
  it('a reset and a bad chunk are classified at once, as run classifies them, not after the timeout', async () => {
    chaos.use(['reset', 'bad-chunk']);
    const started = Date.now();
    const recorded = await recordRun(recording('reset'), new AbortController().signal, io());
    const took = Date.now() - started;
    chaos.use(['reset', 'bad-chunk']);
    const ran = await executeRun(args('reset-run'), new AbortController().signal, io());
    const details = (r: typeof ran) => r.report.discrepancies.filter((d) => d.kind === 'transport').map((d) => d.detail);
    expect(details(recorded).length).toBeGreaterThan(0);
    expect(failures(details(recorded))).toEqual(failures(details(ran)));
    expect(failures(details(recorded))).not.toContain('timeout');
    expect(took).toBeLessThan(20 * TIMEOUT_MS);
  }, 180_000);

  it('large answers: the recording is written, each body cut to the limit and marked as cut', async () => {
    chaos.use(['large-2mb']);
    const r = await recordRun(recording('large'), new AbortController().signal, io());
    expect(r.files.map((f) => f.operation)).toEqual(['RegisterInstance']);
    const file = readRecording(r.files[0].file);
    const limit = file.bodyLimitBytes ?? 0;
    expect(limit).toBeGreaterThan(0);
    const large = file.exchanges.filter((x) => x.reqheaders['x-amz-target'].endsWith('.RegisterInstance'));
    expect(large.length).toBeGreaterThan(30);
    for (const x of large) {
      expect(x.responseCut).toEqual({ bytes: expect.any(Number), kept: limit });
      expect(x.responseCut!.bytes).toBeGreaterThan(2 * 1024 * 1024);
      expect(typeof x.response === 'string' ? Buffer.byteLength(x.response) : Infinity).toBeLessThanOrEqual(limit);
    }
    // Far less than the answers' 2 MB each: what is kept is bounded by the limit.
    expect(statSync(r.files[0].file).size).toBeLessThan(large.length * (limit + 4096) + 1024 * 1024);
  }, 180_000);
});
