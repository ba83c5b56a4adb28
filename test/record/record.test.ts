// `contract-fuzz record` in process, over real loopback HTTP against the builtin emulator: the files it writes,
// what they hold, that replaying them as a target gives the live run's Outcomes for the same seed, and that nock
// itself can load them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import type { Outcome } from '../../src/contract/outcome.ts';
import { recordRun, type RecordOptions, type RecordResult } from '../../src/run/record.ts';
import { exchangeKey, readRecording, toNockDefinitions, type Recording } from '../../src/targets/record/recording.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun, type RunIO } from '../../src/run/run.ts';
import { openTarget } from '../../src/targets/open.ts';
import type { Call } from '../../src/contract/call.ts';
import { wrap, type SendWrapper } from '../../src/targets/target.ts';

const dir = mkdtempSync(join(tmpdir(), 'cf-record-'));
let emulator: RunningEmulator;
beforeAll(async () => { emulator = await startEmulator({ port: 0, operationDelayMs: 5 }); });
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

const SEED = 4242;
const io = (): RunIO & { out: string[] } => {
  const out: string[] = [];
  return { out, write: (t) => out.push(t), writeErr: (t) => out.push(t), isTTY: false };
};
const options = (target: string, sub: string, extra: string[] = []): RecordOptions => ({
  ...parseRunOptions(['--target', target, '--runs', '3', '--seed', String(SEED), '--report-dir', join(dir, sub, 'reports'), '--no-fixtures', ...extra]),
  out: join(dir, sub, 'recorded'), credentials: 'fake',
});

type Seen = Array<[string, Omit<Outcome, 'latencyMs'>]>;
/** Every (call, Outcome) a target answers, latency aside; sorted, so concurrency does not change the list. */
const observer = (seen: Seen): SendWrapper => (send) => async (call: Call, o) => {
  const outcome = await send(call, o);
  const { latencyMs: _l, ...rest } = outcome;
  seen.push([JSON.stringify([call.service, call.operation, call.rawBody ?? call.input ?? null]), rest]);
  return outcome;
};
const sorted = (seen: Seen): Seen => [...seen].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe('record --target URL (builtin emulator over loopback)', () => {
  const live: Seen = [];
  let result: RecordResult;
  let recordings: Recording[];

  beforeAll(async () => {
    result = await recordRun(options(emulator.url, 'live'), new AbortController().signal, io(), { wrappers: [observer(live)] });
    recordings = result.files.map((f) => readRecording(f.file));
  });

  it('writes one file per operation, <Operation>-<seed>.json, with every exchange of the run', () => {
    expect(result.exitCode).toBe(0);
    expect(result.files.map((f) => f.file)).toEqual([
      join(dir, 'live', 'recorded', `RegisterInstance-${SEED}.json`), join(dir, 'live', 'recorded', `CreateServiceInstance-${SEED}.json`),
    ]);
    const total = recordings.reduce((n, r) => n + r.exchanges.length, 0);
    expect(total).toBe(result.report.summary.requests);
    expect(total).toBe(live.length);
    for (const r of recordings) {
      expect(r).toMatchObject({ recordingVersion: 1, target: emulator.url, seed: SEED, tool: { name: 'contract-fuzz' } });
      expect(r.runTag).toMatch(new RegExp(`^${(SEED >>> 0).toString(36)}`));
    }
  });

  it('the recorded requests still carry what replay needs: scope, target, content type and body', () => {
    const [cloudMap, proton] = recordings;
    for (const [r, prefix] of [[cloudMap, 'Route53AutoNaming_v20170314.'], [proton, 'AwsProton20200720.']] as const) {
      for (const x of r.exchanges) {
        expect(x).toMatchObject({ scope: emulator.url, method: 'POST', path: '/' });
        expect(x.reqheaders['x-amz-target'].startsWith(prefix)).toBe(true);
        expect(x.reqheaders['content-type']).toMatch(/^application\/x-amz-json-1\.[01]$/);
        expect(x.body === '' || x.body === undefined).toBe(false);
        expect(x.reqheaders.authorization).toBe('<scrubbed>');
        expect(x.reqheaders['x-amz-date']).toBe('<scrubbed>');
      }
    }
    const registered = cloudMap.exchanges.filter((x) => x.reqheaders['x-amz-target'].endsWith('.RegisterInstance'));
    expect(registered.some((x) => x.status === 200 && typeof (x.body as any).InstanceId === 'string')).toBe(true);
    expect(registered.some((x) => x.status === 400)).toBe(true);
    expect(proton.exchanges.some((x) => x.reqheaders['x-amz-target'].endsWith('.CreateServiceInstance') && x.status === 200)).toBe(true);
  });

  it('each exchange a case sent names its flow (Operation#planIndex), so replay tells identical calls of two cases apart', () => {
    const labelled = recordings.flatMap((r) => r.exchanges).filter((x) => x.call !== undefined);
    expect(labelled.length).toBeGreaterThan(20);
    for (const x of labelled) expect(x.call).toMatch(/^(shrink:)?(RegisterInstance|CreateServiceInstance)#\d+$/);
    // The plan's cases are labelled with their own operation.
    for (const x of labelled) expect(x.reqheaders['x-amz-target'].startsWith(x.call!.includes('RegisterInstance') ? 'Route53' : 'AwsProton')).toBe(true);
  });

  it('nothing of the signature is on disk', () => {
    for (const f of result.files) expect(readFileSync(f.file, 'utf8')).not.toMatch(/AWS4-HMAC-SHA256|Signature=[0-9a-f]|Credential=AKID|AKIDEXAMPLE|contract-fuzz-fake-secret/);
  });

  it('replaying the recording as a target gives the live run\'s Outcomes, and the same report, for the same seed', async () => {
    const replayed: Seen = [];
    const run = await executeRun(options(`replay:${join(dir, 'live', 'recorded')}`, 'replayed'), new AbortController().signal, io(), {
      openTarget: async (spec, o) => {
        const t = await openTarget(spec, o);
        return { ...wrap(t, observer(replayed)), isAws: t.isAws, ...(t.runTag ? { runTag: t.runTag } : {}) };
      },
    });
    expect(replayed.length).toBe(live.length);
    expect(sorted(replayed)).toEqual(sorted(live));
    expect(replayed.some(([, o]) => o.transport !== undefined)).toBe(false);
    expect(run.exitCode).toBe(result.exitCode);
    expect(run.report.summary).toEqual(result.report.summary);
    expect(run.report.coverage).toEqual(result.report.coverage);
    expect(run.report.discrepancies).toEqual(result.report.discrepancies);
  });

  it('one operation\'s file replays that operation alone (its prerequisites are in it)', async () => {
    const run = await executeRun(
      options(`replay:${result.files[0].file}`, 'one', ['--operation', 'RegisterInstance']), new AbortController().signal, io(),
    );
    expect(run.report.summary.requests).toBe(recordings[0].exchanges.length);
    expect(run.report.coverage.RegisterInstance).toEqual(result.report.coverage.RegisterInstance);
    expect(run.report.discrepancies).toEqual([]);
  });

  it('cases the recording does not hold get "not in recording" Outcomes (transport findings), never the network', async () => {
    const seen: Seen = [];
    const other = options(`replay:${result.files[0].file}`, 'other', ['--operation', 'RegisterInstance', '--shrink-requests', '0', '--no-scenarios']);
    const run = await executeRun({ ...other, seed: SEED + 1 }, new AbortController().signal, io(), {
      openTarget: async (spec, o) => {
        const t = await openTarget(spec, o);
        return { ...wrap(t, observer(seen)), isAws: t.isAws, ...(t.runTag ? { runTag: t.runTag } : {}) };
      },
    });
    // The prerequisites are named from the recording's run tag, so they are answered; other seeds' cases are not.
    const missing = seen.filter(([, o]) => o.transport?.message === 'not in recording');
    expect(missing.length).toBeGreaterThan(0);
    expect(run.exitCode).toBe(1);
    expect(run.report.summary.byKind.transport).toBeGreaterThan(0);
  });

  it('a recording is a set of nock definitions: nock.define() answers the recorded request', async () => {
    const r = recordings[0];
    const x = r.exchanges.find((e) => e.reqheaders['x-amz-target'].endsWith('.RegisterInstance') && e.status === 200)!;
    if (!nock.isActive()) nock.activate(); // importing nock activates it
    try {
      nock.define(toNockDefinitions({ ...r, exchanges: [x] }) as nock.Definition[]);
      const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(`${x.scope}${x.path}`, { method: 'POST', headers: { 'content-type': x.reqheaders['content-type'], 'x-amz-target': x.reqheaders['x-amz-target'] } }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end(JSON.stringify(x.body));
      });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toEqual(x.response);
      expect(nock.isDone()).toBe(true);
    } finally {
      nock.cleanAll();
      nock.restore();
    }
  });
});

describe('deterministic recordings', () => {
  it('the same seed against fresh emulators records the same requests in the same order', async () => {
    const requests = async (sub: string) => {
      const r = await recordRun(options('builtin', sub), new AbortController().signal, io());
      return r.files.map((f) => readRecording(f.file)).map((rec) => rec.exchanges.map((x) => exchangeKey(x.reqheaders['x-amz-target'], x.body)));
    };
    const [a, b] = [await requests('det-a'), await requests('det-b')];
    // The file order is the sorted (X-Amz-Target, body) order, stable for identical requests…
    for (const keys of [...a, ...b]) expect(keys).toEqual([...keys].sort());
    // …so the same requests give the same file. Only timing-dependent polls (whether and how often GetOperation
    // was asked before an operation completed) may differ between two runs.
    const steady = (keys: string[][]) => keys.map((k) => k.filter((key) => !key.startsWith('Route53AutoNaming_v20170314.GetOperation\n')));
    expect(a.flat().length).toBeGreaterThan(100);
    expect(steady(b)).toEqual(steady(a));
  });
});
