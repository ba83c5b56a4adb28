// Issue 7 §2 (long runs): the run keeps what it creates bounded and its state model agrees with the target
// at any length and concurrency. Reproduced on main: `--runs 20000` filled the run's own Cloud Map services
// past the 1,000-instance quota (278 rejected-valid ResourceLimitExceeded), and a long Proton run against a
// separate server reported rejected-valid ConflictException for a name only a raw-body case had created.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/contract/case.ts';
import type { Expected } from '../../src/contract/expected.ts';
import type { Outcome } from '../../src/contract/outcome.ts';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun } from '../../src/run/run.ts';
import { createStateModel, KEEP_HIGH, KEEP_LOW } from '../../src/run/stateModel.ts';
import { coverageContexts } from '../../src/generate/index.ts';
import { prepare } from '../../src/run/prerequisites.ts';
import type { Call } from '../../src/contract/call.ts';
import type { Target } from '../../src/targets/target.ts';

const ok: Expected = { outcome: 'success', source: 'model', confidence: 'documented' };
const accepted: Outcome = { status: 200, headers: {}, latencyMs: 1, body: {} };
const quiet = { write: () => undefined, writeErr: () => undefined, isTTY: false };

let work: string;
beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-long-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });

const run = (args: string[]) => executeRun(
  parseRunOptions(['--no-scenarios', '--no-fixtures', '--shrink-requests', '0', '--report-dir', join(work, `r${Math.random().toString(36).slice(2)}`), ...args]),
  new AbortController().signal, quiet,
);
const summary = (r: Awaited<ReturnType<typeof run>>) => r.report.discrepancies.map((f) => `${f.kind} ${f.constraint} ${f.actual.code ?? '-'} ×${f.count}`);

describe('the state model sees what raw-body cases create', () => {
  // Root cause of the ConflictException: a well-formed but unusual JSON body (the valid side of
  // protocol:malformed-json) creates the instance on the target, but the model only read `input`.
  it('a raw-body create is state: the same name later is a conflict', () => {
    const s = createStateModel({ freshTarget: true });
    const input = { serviceName: 'svc', name: 'G6', spec: 'a' };
    const raw: Case = { operation: 'CreateServiceInstance', kind: 'valid', input, rawBody: ` \r\n\t${JSON.stringify(input)}\n `, breaks: [], exercises: [], context: {} };
    expect(s.keys(raw)).toEqual(['CreateServiceInstance/svc/G6']);
    s.judge(raw, ok);
    s.commit(raw, accepted);
    const plain: Case = { ...raw, rawBody: undefined, input: { ...input, spec: 'b' } };
    delete plain.rawBody;
    expect(s.judge(plain, ok)).toMatchObject({ outcome: 'error', codes: ['ConflictException'] });
  });
  it('keys of a bound raw body name the real service, the one the object cases lock on', () => {
    const s = createStateModel({ freshTarget: true });
    const c: Case = { operation: 'RegisterInstance', kind: 'valid', input: { ServiceId: 'srv-a-srv', InstanceId: 'i', Attributes: {} }, rawBody: '{"ServiceId":"srv-real","InstanceId":"\\u0069","Attributes":{}}', breaks: [], exercises: [], context: {} };
    expect(s.keys(c)).toEqual(['RegisterInstance/srv-real/i']);
  });
});

describe('a long-lived target', () => {
  it('an existing name with a token this run never sent: the conflict or the token-mismatch answer', () => {
    const s = createStateModel({ freshTarget: false });
    const c = (input: Record<string, unknown>): Case => ({ operation: 'CreateServiceInstance', kind: 'valid', input, breaks: [], exercises: [], context: {} });
    s.commit(c({ serviceName: 'svc', name: 'a', spec: 'x' }), accepted);
    expect(s.judge(c({ serviceName: 'svc', name: 'a', spec: 'y', clientToken: 'a' }), ok)).toMatchObject({ outcome: 'error', codes: ['ConflictException', 'ValidationException'] });
    expect(createStateModel({ freshTarget: true }).judge(c({ serviceName: 'svc', name: 'b', spec: 'y', clientToken: 'a' }), ok)).toBe(ok);
  });
});

describe('the population a run keeps', () => {
  const cm = (id: string): Case => ({ operation: 'RegisterInstance', kind: 'valid', input: { ServiceId: 's', InstanceId: id, Attributes: {} }, breaks: [], exercises: [], context: {} });
  it('past KEEP_HIGH instances in a service, the oldest are evicted down to KEEP_LOW, once each', () => {
    const s = createStateModel({ freshTarget: true });
    for (let i = 0; i <= KEEP_HIGH; i++) { const c = cm(`i${i}`); s.judge(c, ok); s.commit(c, accepted); }
    const out = s.evictions();
    expect(out).toHaveLength(KEEP_HIGH + 1 - KEEP_LOW);
    expect(out[0]).toEqual({ service: 's', id: 'i0', key: s.keys(cm('i0'))[0] });
    expect(s.evictions()).toEqual([]); // already under way
    s.evicted(out[0]!, 'gone');
    expect(s.judge(cm('i0'), ok)).toBe(ok); // its id is free again
    s.evicted(out[1]!, 'leaving');
    // Deregistration maybe still in progress: success or DuplicateRequest.
    expect(s.judge(cm('i1'), ok)).toMatchObject({ outcome: 'success', alsoAcceptable: { codes: ['DuplicateRequest'] } });
    s.evicted(out[2]!, 'kept');
    expect(s.judge(cm('i2'), ok)).toMatchObject({ alsoAcceptable: { codes: ['DuplicateRequest'] } });
  });
  it('near the quota, registrations in flight on other instances make ResourceLimitExceeded acceptable, not expected', () => {
    const s = createStateModel({ freshTarget: true });
    for (let i = 0; i < 999; i++) { const c = cm(`i${i}`); s.judge(c, ok); s.commit(c, accepted); }
    expect(s.judge(cm('a'), ok)).toBe(ok); // 999 certain, this one makes 1,000
    expect(s.judge(cm('b'), ok)).toMatchObject({ outcome: 'success', alsoAcceptable: { codes: ['ResourceLimitExceeded'] } });
  });
});

describe('long runs find nothing against a correct target', () => {
  it('RegisterInstance --runs 20000 on the builtin emulator stays under the instance quota', async () => {
    const r = await run(['--operation', 'RegisterInstance', '--runs', '20000', '--seed', '1']);
    expect(summary(r)).toEqual([]);
    expect(r.report.summary.cases).toBeGreaterThan(20000);
  }, 60_000);
  it('CreateServiceInstance --runs 8000 at concurrency 64 against a separate server: the model agrees with it', async () => {
    const server: RunningEmulator = await startEmulator({ port: 0 });
    try {
      const r = await run(['--target', server.url, '--operation', 'CreateServiceInstance', '--runs', '8000', '--seed', '2', '--concurrency', '64']);
      expect(summary(r)).toEqual([]);
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('the user\'s --service-id', () => {
  it('an instance the run deregistered as it went is not deregistered again at cleanup', async () => {
    const calls: Call[] = [];
    const answer = (body: unknown): Outcome => ({ status: 200, headers: {}, latencyMs: 0, body });
    const target: Target = {
      name: 'scripted', close: async () => undefined,
      send: async (call) => {
        calls.push(call);
        if (call.operation === 'GetService') return answer({ Service: { Id: 'srv-user' } });
        if (call.operation === 'DeregisterInstance') return answer({ OperationId: 'op-1' });
        if (call.operation === 'GetOperation') return answer({ Operation: { Status: 'SUCCESS' } });
        return answer({});
      },
    };
    const prepared = await prepare(target, { operations: ['RegisterInstance'], contexts: { RegisterInstance: coverageContexts('RegisterInstance') }, runTag: 't', serviceId: 'srv-user' });
    const reg = (id: string): Call => ({ service: 'servicediscovery', operation: 'RegisterInstance', input: { ServiceId: 'srv-user', InstanceId: id, Attributes: {} } });
    prepared.track(reg('a'), accepted);
    prepared.track(reg('b'), accepted);
    prepared.track({ service: 'servicediscovery', operation: 'DeregisterInstance', input: { ServiceId: 'srv-user', InstanceId: 'a' } }, accepted);
    expect(await prepared.cleanup()).toEqual([]);
    expect(calls.filter((c) => c.operation === 'DeregisterInstance').map((c) => (c.input as { InstanceId: string }).InstanceId)).toEqual(['b']);
  });
});

describe('cleanup after the last cases', () => {
  it('a DuplicateRequest (a registration still in progress) is waited out, not a cleanup warning', async () => {
    const { undo } = await import('../../src/run/recipe.ts');
    const { cloudMapService } = await import('../../src/profiles/servicediscovery/prerequisites.ts');
    const cloudMapServiceCleanup = (t: Target, id: string, o: { pollIntervalMs: number }) => undo(t, cloudMapService.steps[1]!.undo, { 'service.id': id }, o);
    let listed = false;
    let busy = 2;
    const answer = (body: unknown): Outcome => ({ status: 200, headers: {}, latencyMs: 0, body });
    const target: Target = {
      name: 'scripted', close: async () => undefined,
      send: async (call) => {
        if (call.operation === 'ListInstances') return answer({ Instances: listed ? [] : ((listed = true), [{ Id: 'i' }]) });
        if (call.operation === 'DeregisterInstance' && busy-- > 0) return { status: 400, headers: {}, latencyMs: 0, code: 'DuplicateRequest', message: 'Another operation of type RegisterInstance is in progress', body: {} };
        if (call.operation === 'DeregisterInstance') return answer({ OperationId: 'op' });
        if (call.operation === 'GetOperation') return answer({ Operation: { Status: 'SUCCESS' } });
        return answer({});
      },
    };
    await expect(cloudMapServiceCleanup(target, 'srv', { pollIntervalMs: 1 })).resolves.toBeUndefined();
    expect(busy).toBe(-1);
  });
});
