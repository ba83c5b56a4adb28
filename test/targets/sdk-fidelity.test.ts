// Issue 7 §4: the AWS SDK serializes an explicit null idempotency token as `"clientToken":}` (malformed JSON),
// so `--target sdk+http://…` against the builtin emulator blamed it with rejected-valid SerializationException
// on every seed. The SDK target skips what the SDK cannot send faithfully and the report counts the skips.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun } from '../../src/run/run.ts';
import { createSdkTarget } from '../../src/targets/sdk.ts';
import { CaseSkipped, unfaithful } from '../../src/targets/sdkFidelity.ts';

let server: RunningEmulator;
let work: string;
beforeAll(async () => { server = await startEmulator({ port: 0 }); work = await mkdtemp(join(tmpdir(), 'cf-sdkf-')); });
afterAll(async () => { await server.close(); await rm(work, { recursive: true, force: true }); });
const quiet = { write: () => undefined, writeErr: () => undefined, isTTY: false };

describe('what the SDK cannot serialize faithfully', () => {
  it('a body that is not JSON, or that differs from the case, is unfaithful; null members the SDK drops or fills are not', () => {
    expect(unfaithful({ name: 'a', clientToken: null }, '{"name":"a","clientToken":}')).toMatch(/clientToken/);
    expect(unfaithful({ tags: [null] }, '{"tags":[],"clientToken":"x"}')).toMatch(/tags/);
    expect(unfaithful({ name: null, spec: 's' }, '{"spec":"s","clientToken":"x"}')).toBeUndefined();
    expect(unfaithful({ a: { b: 1 } }, '{"a":{"b":1}}')).toBeUndefined();
  });
  it('the SDK target does not send a null idempotency token: it throws CaseSkipped naming the SDK', async () => {
    const t = createSdkTarget({ endpoint: `sdk+${server.url}` });
    try {
      const e = await t.send({ service: 'proton', operation: 'CreateServiceInstance', input: { name: 'a', serviceName: 'x', spec: 's', clientToken: null } }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(CaseSkipped);
      expect((e as CaseSkipped).reason).toMatch(/@aws-sdk\/client-proton.*clientToken/);
    } finally {
      await t.close();
    }
  });
  for (const seed of ['1', '2', '3']) {
    it(`sdk+http against the builtin emulator: 0 findings, skips counted (seed ${seed})`, async () => {
      const o = parseRunOptions(['--target', `sdk+${server.url}`, '--seed', seed, '--runs', '10', '--no-fixtures', '--shrink-requests', '20', '--report-dir', join(work, seed)]);
      const { report, exitCode } = await executeRun(o, new AbortController().signal, quiet);
      expect(report.discrepancies.map((f) => `${f.kind} ${f.constraint} ${f.actual.code ?? '-'}`)).toEqual([]);
      expect(exitCode).toBe(0);
      const skipped = report.run.skipped ?? {};
      expect(Object.values(skipped).flatMap((r) => Object.values(r)).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    }, 60_000);
  }
});
