// The replay:FILE target on hand-made recordings: matching on (X-Amz-Target, body), recorded order for identical
// calls, "not in recording" for the rest, bad files as CF_ERR_FIXTURE, and the `replay:` branch of openTarget.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHarnessError } from '../../src/errors.ts';
import { createRecordingTarget, NOT_IN_RECORDING } from '../../src/targets/record/replayTarget.ts';
import { readRecording, toNockDefinitions, type RecordedExchange, type Recording } from '../../src/targets/record/recording.ts';
import { createSpool } from '../../src/targets/record/spool.ts';
import { openTarget } from '../../src/targets/open.ts';
import type { Call } from '../../src/contract/call.ts';
import { withCallLabel } from '../../src/targets/callLabel.ts';

const dir = mkdtempSync(join(tmpdir(), 'cf-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CM = 'Route53AutoNaming_v20170314';
const exchange = (operation: string, body: unknown, status: number, response: unknown, extra: Partial<RecordedExchange> = {}): RecordedExchange => ({
  scope: 'http://127.0.0.1:4566', method: 'POST', path: '/', body, status, response,
  rawHeaders: { 'content-type': 'application/x-amz-json-1.1', ...(status >= 400 ? { 'x-amzn-errortype': (response as { __type: string }).__type } : {}) },
  reqheaders: { authorization: '<scrubbed>', 'x-amz-date': '<scrubbed>', 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${CM}.${operation}` },
  ...extra,
});
const recording = (exchanges: RecordedExchange[], runTag = 'tag1'): Recording => ({
  recordingVersion: 1, operation: 'RegisterInstance', target: 'http://127.0.0.1:4566', seed: 1, runTag, tool: { name: 'contract-fuzz', version: '0' }, exchanges,
});
const write = (name: string, r: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(r));
  return file;
};
const call = (operation: string, input: unknown, rawBody?: string): Call => ({ service: 'servicediscovery', operation, input, ...(rawBody ? { rawBody } : {}) });

const register = { ServiceId: 'srv-1', InstanceId: 'i-1', Attributes: { AWS_INSTANCE_IPV4: '10.0.0.1' } };
const file = write('RegisterInstance-1.json', recording([
  exchange('GetOperation', { OperationId: 'op-1' }, 200, { Operation: { Id: 'op-1', Status: 'PENDING' } }),
  exchange('RegisterInstance', register, 200, { OperationId: 'op-1' }),
  exchange('RegisterInstance', { ServiceId: 'srv-1' }, 400, { __type: 'InvalidInput', message: 'InstanceId is required' }),
  exchange('GetOperation', { OperationId: 'op-1' }, 200, { Operation: { Id: 'op-1', Status: 'SUCCESS' } }),
  exchange('RegisterInstance', '{"ServiceId":', 400, { __type: 'SerializationException', message: 'bad json' }),
]));

describe('replay:FILE answers from the recording', () => {
  it('matches a call on its operation and body as a JSON value (key order aside, as nock does)', async () => {
    const t = createRecordingTarget(file);
    const reordered = { Attributes: { AWS_INSTANCE_IPV4: '10.0.0.1' }, InstanceId: 'i-1', ServiceId: 'srv-1' };
    expect(await t.send(call('RegisterInstance', reordered))).toMatchObject({ status: 200, body: { OperationId: 'op-1' }, latencyMs: 0 });
    // Used once: the same request again is not in the recording.
    expect((await t.send(call('RegisterInstance', register))).transport).toEqual({ failure: 'other', message: NOT_IN_RECORDING });
    expect((await t.send(call('RegisterInstance', { ...register, InstanceId: 'i-2' }))).transport?.message).toBe(NOT_IN_RECORDING);
  });

  it('decodes error answers like the live target (code, class, message) and raw (malformed JSON) bodies', async () => {
    const t = createRecordingTarget(file);
    expect(await t.send(call('RegisterInstance', { ServiceId: 'srv-1' }))).toMatchObject({ status: 400, code: 'InvalidInput', errorClass: 'validation', message: 'InstanceId is required' });
    expect(await t.send(call('RegisterInstance', undefined, '{"ServiceId":'))).toMatchObject({ status: 400, code: 'SerializationException' });
  });

  it('gives identical calls their recorded answers in order, each once; then "not in recording"', async () => {
    const t = createRecordingTarget(file);
    const poll = call('GetOperation', { OperationId: 'op-1' });
    expect(((await t.send(poll)).body as any).Operation.Status).toBe('PENDING');
    expect(((await t.send(poll)).body as any).Operation.Status).toBe('SUCCESS');
    expect(await t.send(poll)).toEqual({ status: 0, headers: {}, latencyMs: 0, transport: { failure: 'other', message: NOT_IN_RECORDING } });
    expect(t.remaining()).toBe(3);
  });

  it('identical calls of different flows (two cases in flight at once) get the answer their own flow got live', async () => {
    // Live, case #7 was answered first with a 422 and case #3 then with a 500: arrival order was timing.
    const same = { ServiceId: 'srv-1', InstanceId: 'dup' };
    const t = createRecordingTarget(write('RegisterInstance-dup.json', recording([
      exchange('RegisterInstance', same, 422, { __type: 'ValidationException', message: 'seven' }, { call: 'RegisterInstance#7' }),
      exchange('RegisterInstance', same, 500, { __type: 'InternalFailure', message: 'three' }, { call: 'RegisterInstance#3' }),
    ])));
    // Replayed, case #3 asks first: it gets its own answer, not the first one recorded.
    expect(await withCallLabel('RegisterInstance#3', () => t.send(call('RegisterInstance', same)))).toMatchObject({ status: 500, message: 'three' });
    expect(await withCallLabel('RegisterInstance#7', () => t.send(call('RegisterInstance', same)))).toMatchObject({ status: 422, message: 'seven' });
    // A flow the recording does not name (an older recording; a sweep timing started) takes an answer no flow claims
    // first: case #7 may still ask, and must get its own (stop 16: a replayed case got another flow's answer, once).
    const u = createRecordingTarget(write('RegisterInstance-dup2.json', recording([
      exchange('RegisterInstance', same, 422, { __type: 'ValidationException', message: 'first' }, { call: 'RegisterInstance#7' }),
      exchange('RegisterInstance', same, 500, { __type: 'InternalFailure', message: 'second' }),
      exchange('RegisterInstance', same, 503, { __type: 'ServiceUnavailable', message: 'third' }),
    ])));
    expect(await withCallLabel('RegisterInstance#9', () => u.send(call('RegisterInstance', same)))).toMatchObject({ message: 'second' });
    expect(await u.send(call('RegisterInstance', same))).toMatchObject({ message: 'third' });
    expect(await withCallLabel('RegisterInstance#7', () => u.send(call('RegisterInstance', same)))).toMatchObject({ message: 'first' });
    // Only when no other answer is left does a flow take another flow's.
    const v = createRecordingTarget(write('RegisterInstance-dup3.json', recording([
      exchange('RegisterInstance', same, 422, { __type: 'ValidationException', message: 'only' }, { call: 'RegisterInstance#7' }),
    ])));
    expect(await v.send(call('RegisterInstance', same))).toMatchObject({ message: 'only' });
  });

  it('a call of another operation with the same body is not in the recording', async () => {
    const t = createRecordingTarget(file);
    expect((await t.send(call('DeregisterInstance', register))).transport?.message).toBe(NOT_IN_RECORDING);
    expect((await t.send({ service: 'proton', operation: 'RegisterInstance', input: register })).transport?.message).toBe(NOT_IN_RECORDING);
  });

  it('opens through openTarget as replay:FILE, with the recording\'s run tag', async () => {
    const t = await openTarget(`replay:${file}`, { region: 'us-east-1', timeoutMs: 1000, concurrency: 1, allowAws: false });
    expect(t).toMatchObject({ name: `replay:${file}`, isAws: false, runTag: 'tag1' });
    expect((await t.send(call('RegisterInstance', register))).status).toBe(200);
    await t.close();
  });

  it('a folder of recordings of one run is one target', async () => {
    const sub = join(dir, 'run');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(sub);
    write('run/A-1.json', recording([exchange('GetOperation', { OperationId: 'a' }, 200, { Operation: { Status: 'SUCCESS' } })]));
    write('run/B-1.json', recording([exchange('GetOperation', { OperationId: 'b' }, 200, { Operation: { Status: 'FAIL' } })]));
    const t = createRecordingTarget(sub);
    expect(((await t.send(call('GetOperation', { OperationId: 'b' }))).body as any).Operation.Status).toBe('FAIL');
    write('run/C-2.json', recording([], 'other-run'));
    expect(codeOf(() => createRecordingTarget(sub))).toBe('CF_ERR_FIXTURE');
  });
});

const codeOf = (f: () => unknown): string | undefined => {
  try { f(); } catch (e) { return isHarnessError(e) ? e.code : `not a HarnessError: ${String(e)}`; }
  return undefined;
};

describe('bad recordings', () => {
  it('a missing file, unparseable JSON or a file that is not a recording is CF_ERR_FIXTURE, one line', () => {
    expect(codeOf(() => createRecordingTarget(join(dir, 'nope.json')))).toBe('CF_ERR_FIXTURE');
    expect(codeOf(() => createRecordingTarget(write('garbage.json', '{'.repeat(3))))).toBe('CF_ERR_FIXTURE');
    writeFileSync(join(dir, 'text.json'), '{not json');
    expect(codeOf(() => createRecordingTarget(join(dir, 'text.json')))).toBe('CF_ERR_FIXTURE');
    expect(codeOf(() => createRecordingTarget(write('fixture.json', { fixtureVersion: 1, operation: 'RegisterInstance' })))).toBe('CF_ERR_FIXTURE');
    expect(codeOf(() => createRecordingTarget(write('noTag.json', { ...recording([]), runTag: undefined })))).toBe('CF_ERR_FIXTURE');
  });
});

describe('recording files', () => {
  it('the spool writes one file per operation, sorted stably by (X-Amz-Target, body), that reads back as a recording', async () => {
    const proton = (body: unknown): RecordedExchange => ({ ...exchange('CreateServiceInstance', body, 200, {}), reqheaders: { 'x-amz-target': 'AwsProton20200720.CreateServiceInstance' } });
    const first = exchange('GetOperation', { OperationId: 'op-1' }, 200, { n: 1 });
    const second = exchange('GetOperation', { OperationId: 'op-1' }, 200, { n: 2 });
    const spool = createSpool();
    try {
      spool.add('RegisterInstance', exchange('RegisterInstance', register, 200, {}));
      spool.add('RegisterInstance', first);
      spool.add('CreateServiceInstance', proton({ name: 'b' }));
      spool.add('RegisterInstance', second);
      spool.add('CreateServiceInstance', proton({ name: 'a' }));
      const files = await spool.write(join(dir, 'spooled'), { recordingVersion: 1, target: 't', seed: 1, runTag: 'r', tool: { name: 'n', version: 'v' }, bodyLimitBytes: 10 },
        ['RegisterInstance', 'CreateServiceInstance', 'Other']);
      expect(files.map((f) => [f.operation, f.exchanges])).toEqual([['RegisterInstance', 3], ['CreateServiceInstance', 2]]);
      const [cm, pr] = files.map((f) => readRecording(f.file));
      expect(cm).toMatchObject({ recordingVersion: 1, operation: 'RegisterInstance', runTag: 'r', bodyLimitBytes: 10 });
      expect(cm.exchanges.map((x) => [x.reqheaders['x-amz-target'].split('.')[1], x.response])).toEqual([
        ['GetOperation', { n: 1 }], ['GetOperation', { n: 2 }], ['RegisterInstance', {}],
      ]);
      expect(pr.exchanges.map((x) => x.body)).toEqual([{ name: 'a' }, { name: 'b' }]);
    } finally {
      spool.discard();
    }
  });

  it('toNockDefinitions keeps matching on target and content type only (signatures are scrubbed)', () => {
    const [d] = toNockDefinitions(recording([exchange('GetOperation', { OperationId: 'a' }, 200, {})]));
    expect(d.reqheaders).toEqual({ 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${CM}.GetOperation` });
  });
});
