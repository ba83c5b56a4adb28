// Issue 7 §1 and §3: runs against a long-lived target (one emulator served over real loopback HTTP and kept
// between runs, as `contract-fuzz serve`, LocalStack or a shared emulator are in CI), and against a target
// that implements only part of the contract.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import type { Report } from '../../src/report/types.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun, type RunResult } from '../../src/run/run.ts';
import { awsError, startFaultyTarget } from '../support/faultyTarget.ts';

let work: string;
beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-rerun-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });

let runNo = 0;
interface Ran extends RunResult { dir: string; stderr: string }
async function run(target: string, extra: string[] = []): Promise<Ran> {
  const dir = join(work, `run-${++runNo}`);
  let stderr = '';
  const options = parseRunOptions(['--target', target, '--seed', '1', '--runs', '5', '--report-dir', join(dir, 'reports'), '--fixtures-dir', join(dir, 'fixtures'), '--quiet', ...extra]);
  const result = await executeRun(options, new AbortController().signal, { write: () => undefined, writeErr: (t) => void (stderr += t), isTTY: false });
  return { ...result, dir, stderr };
}

/** report.json without what legitimately differs between two runs: when, how fast, and how many times the
 * scenarios polled an operation still in progress (timing, on a target whose operations take time). */
async function comparable(dir: string): Promise<unknown> {
  const r = JSON.parse(await readFile(join(dir, 'reports', 'report.json'), 'utf8')) as Report;
  const { startedAt: _s, durationMs: _d, casesPerSecond: _c, ...runInfo } = r.run;
  const { requests: _r, ...summary } = r.summary;
  // Each run writes into its own folder: the folder's name aside.
  // Paths may be absolute or relative to the cwd (`../../cf-rerun-…/run-6/…` from a checkout under /tmp): whatever
  // leads to the folder's last two segments is the folder.
  const tail = dir.split(sep).slice(-2).join(sep).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return JSON.parse(JSON.stringify({ ...r, run: runInfo, summary }).replace(new RegExp(`[^"\\s]*${tail}`, 'g'), 'DIR'));
}

type Json = Record<string, unknown>;
async function call(url: string, service: 'servicediscovery' | 'proton', operation: string, input: Json = {}): Promise<Json> {
  const prefix = service === 'proton' ? 'AwsProton20200720' : 'Route53AutoNaming_v20170314';
  const r = await fetch(url, {
    method: 'POST', body: JSON.stringify(input),
    headers: { 'content-type': `application/x-amz-json-${service === 'proton' ? '1.0' : '1.1'}`, 'x-amz-target': `${prefix}.${operation}` },
  });
  const body = await r.json() as Json;
  if (r.status !== 200) throw new Error(`${operation}: ${r.status} ${JSON.stringify(body)}`);
  return body;
}

/** What the target holds, through its public list calls. */
async function holdings(url: string) {
  const namespaces = (await call(url, 'servicediscovery', 'ListNamespaces')).Namespaces as Json[];
  const services = (await call(url, 'servicediscovery', 'ListServices')).Services as Json[];
  const environments = (await call(url, 'proton', 'ListEnvironments')).environments as Json[];
  const protonServices = (await call(url, 'proton', 'ListServices')).services as Json[];
  const instances = (await call(url, 'proton', 'ListServiceInstances')).serviceInstances as Json[];
  return { namespaces, services, environments, protonServices, instances };
}

describe('re-runs against a long-lived target', () => {
  let served: RunningEmulator;
  // As `contract-fuzz serve` runs it: Cloud Map operations stay in progress for 20 ms.
  beforeAll(async () => { served = await startEmulator({ port: 0, host: '127.0.0.1', operationDelayMs: 20 }); });
  afterAll(async () => { await served.close(); });

  // Regression: the second run with one seed reused run 1's seed-derived clientToken / CreatorRequestId with
  // other parameters and reported the target's correct IdempotentParameterMismatch as rejected-valid.
  it('the same seed twice: no finding either time, and the two report.json files are the same', async () => {
    const first = await run(served.url);
    const second = await run(served.url);
    expect(first.report.discrepancies.map((f) => `${f.kind} ${f.constraint}`)).toEqual([]);
    expect(second.report.discrepancies.map((f) => `${f.kind} ${f.constraint} ${f.actual.message ?? ''}`)).toEqual([]);
    expect([first.exitCode, second.exitCode]).toEqual([0, 0]);
    expect(await comparable(second.dir)).toEqual(await comparable(first.dir));
  });

  it('leaves nothing behind on the target, and --keep leaves what it created', async () => {
    await run(served.url, ['--no-scenarios']);
    const after = await holdings(served.url);
    expect(after).toEqual({ namespaces: [], services: [], environments: [], protonServices: [], instances: [] });

    await run(served.url, ['--no-scenarios', '--keep']);
    const kept = await holdings(served.url);
    expect(kept.namespaces.length).toBe(3);
    expect(kept.services.length).toBeGreaterThan(3);
    expect(kept.environments.length).toBe(1);
    expect(kept.protonServices.length).toBe(1);
    expect(kept.instances.length).toBeGreaterThan(0);
  });
});

describe('a service the user supplied (--service-id)', () => {
  it('stays, without the instances the run registered in it; instances registered by others stay too', async () => {
    const served = await startEmulator({ port: 0, host: '127.0.0.1', operationDelayMs: 5 });
    try {
      const started = await call(served.url, 'servicediscovery', 'CreateHttpNamespace', { Name: 'mine' });
      await new Promise((r) => setTimeout(r, 20));
      const op = await call(served.url, 'servicediscovery', 'GetOperation', { OperationId: started.OperationId });
      const ns = ((op.Operation as Json).Targets as Json).NAMESPACE;
      const svc = (await call(served.url, 'servicediscovery', 'CreateService', { Name: 'mine', NamespaceId: ns })).Service as Json;
      await call(served.url, 'servicediscovery', 'RegisterInstance', { ServiceId: svc.Id, InstanceId: 'theirs', Attributes: {} });
      const r = await run(served.url, ['--operation', 'RegisterInstance', '--service-id', String(svc.Id)]);
      expect(r.report.discrepancies).toEqual([]);
      expect(r.report.summary.cases).toBeGreaterThan(0);
      await new Promise((res) => setTimeout(res, 20));
      const left = (await call(served.url, 'servicediscovery', 'ListInstances', { ServiceId: svc.Id })).Instances as Json[];
      expect(left.map((i) => i.Id)).toEqual(['theirs']);
      expect((await call(served.url, 'servicediscovery', 'ListServices')).Services).toHaveLength(1);
    } finally {
      await served.close();
    }
  });
});

describe('findings on a long-lived target', () => {
  // The nonce and the target's ids are masked in report.json, fixtures and reproduce commands: with findings
  // that echo the payload back (ids in messages, raw bodies), two runs still write the same files.
  it('two runs with one seed write the same report.json and the same fixtures', async () => {
    const faulty = await startFaultyTarget(async (x) => {
      const id = x.operation === 'RegisterInstance' ? x.input?.InstanceId : undefined;
      if (typeof id === 'string' && !/^[0-9a-zA-Z_/:.@-]+$/.test(id)) {
        return awsError(x, 400, 'ValidationException', `Value '${id}' at 'instanceId' of service ${String(x.input?.ServiceId)} failed to satisfy constraint`);
      }
      if (typeof id === 'string' && id.length > 64) return new Response(JSON.stringify({ OperationId: `op-${id.length}` }), { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' } });
      return x.pass();
    });
    try {
      const first = await run(faulty.url, ['--operation', 'RegisterInstance']);
      const second = await run(faulty.url, ['--operation', 'RegisterInstance']);
      expect(first.report.discrepancies.map((f) => `${f.kind} ${f.constraint}`).sort()).toEqual(['accepted-invalid InstanceId#length', 'error-code InstanceId#pattern']);
      const echoed = first.report.discrepancies.find((f) => f.kind === 'error-code')!;
      expect(echoed.actual.message).toMatch(/of service srv-[a-z-]+ failed/);
      expect(await comparable(second.dir)).toEqual(await comparable(first.dir));
      const fixtures = async (r: Ran) => Promise.all(r.report.discrepancies.map((f) => readFile(f.fixture!, 'utf8')));
      expect(await fixtures(second)).toEqual(await fixtures(first));
    } finally {
      await faulty.close();
    }
  });
});

describe('scenario findings on a long-lived target', () => {
  it('two runs with one seed write the same steps: scenario ids carry the nonce, reports the seed\'s ids', async () => {
    const faulty = await startFaultyTarget('proton-existing-name-accepted');
    try {
      const first = await run(faulty.url, ['--operation', 'CreateServiceInstance']);
      const second = await run(faulty.url, ['--operation', 'CreateServiceInstance']);
      expect(first.report.discrepancies.map((f) => `${f.kind} ${f.constraint}`)).toContain('state state:name-conflict');
      const steps = JSON.stringify(first.report.discrepancies.map((f) => f.request));
      expect(steps).toContain('"serviceName":"svc-main"');
      expect(await comparable(second.dir)).toEqual(await comparable(first.dir));
    } finally {
      await faulty.close();
    }
  });
});

describe('a target with one private DNS namespace per VPC', () => {
  // Regression: run 1 left its private namespace behind in the fixed VPC, so run 2 stopped at preparation
  // (CreatePrivateDnsNamespace → ConflictingDomainExists, exit 2).
  it('runs twice with one seed', async () => {
    const faulty = await startFaultyTarget(async (x) => {
      if (x.operation !== 'CreatePrivateDnsNamespace') return x.pass();
      const vpc = String(x.input?.Vpc);
      const taken = [...faulty.emulator.emulator.cloudMap.namespaces.values()].some((n) => n.type === 'DNS_PRIVATE' && n.vpc === vpc);
      return taken ? awsError(x, 400, 'ConflictingDomainExists', `A private DNS namespace already exists in ${vpc}`) : x.pass();
    });
    try {
      const first = await run(faulty.url, ['--operation', 'RegisterInstance', '--no-scenarios']);
      const second = await run(faulty.url, ['--operation', 'RegisterInstance', '--no-scenarios']);
      expect(first.exitCode).toBe(0);
      expect(second.stderr).toBe('');
      expect(second.exitCode).toBe(0);
    } finally {
      await faulty.close();
    }
  });
});

describe('a target that implements Cloud Map and not Proton', () => {
  // Regression: `--operation all` stopped at preparation (CreateEnvironment … HTTP 500), printed twice, no report.
  it('runs RegisterInstance, reports CreateServiceInstance as not-tested, writes the report', async () => {
    const faulty = await startFaultyTarget(async (x) =>
      (x.service === 'proton' ? awsError(x, 500, 'InternalFailure', 'Proton is not implemented') : x.pass()));
    try {
      const r = await run(faulty.url, ['--no-scenarios']);
      expect(r.exitCode).toBe(1);
      const f = r.report.discrepancies;
      expect(f.map((d) => `${d.operation} ${d.kind} ${d.constraint}`)).toEqual(['CreateServiceInstance not-tested prerequisite:CreateEnvironment']);
      expect(f[0]).toMatchObject({ gating: true, actual: { status: 500, code: 'InternalFailure' } });
      expect(f[0].id).toMatch(/^[0-9a-f]{12}$/);
      expect(f[0].request).toMatchObject({ service: 'proton', operation: 'CreateEnvironment', input: { name: 'cf-RUN-env' } });
      expect(f[0].fixture).toBeUndefined();
      expect(f[0].reproduce).toContain('--operation CreateServiceInstance --seed 1');
      expect(r.report.summary.byKind).toEqual({ 'not-tested': 1 });
      expect(r.report.summary.cases).toBeGreaterThan(0);
      expect(r.report.run.operations).toEqual(['RegisterInstance', 'CreateServiceInstance']);
      const written = JSON.parse(await readFile(join(r.dir, 'reports', 'report.json'), 'utf8')) as Report;
      expect(written.discrepancies.map((d) => d.kind)).toEqual(['not-tested']);
      const junit = await readFile(join(r.dir, 'reports', 'junit.xml'), 'utf8');
      // One testcase per root cause, under the property it breaks.
      expect(junit).toMatch(/<testcase classname="contract-fuzz\.CreateServiceInstance\.prerequisites" name="not-tested: [^"]*" time="[\d.]+">\s*<failure [^>]*type="not-tested"/);
      // One line about it, once.
      expect(r.stderr.split('\n').filter((l) => l.includes('CreateEnvironment')).length).toBeLessThanOrEqual(1);
      // Baselinable: a baseline with its id turns the gate green.
      const baseline = join(r.dir, 'baseline.json');
      await run(faulty.url, ['--no-scenarios', '--write-baseline', baseline]);
      const again = await run(faulty.url, ['--no-scenarios', '--baseline', baseline]);
      expect(again.exitCode).toBe(0);
    } finally {
      await faulty.close();
    }
  });

  it('exits 2 when no operation could be prepared', async () => {
    const faulty = await startFaultyTarget(async (x) =>
      (x.service === 'proton' ? awsError(x, 500, 'InternalFailure', 'Proton is not implemented') : x.pass()));
    try {
      await expect(run(faulty.url, ['--operation', 'CreateServiceInstance'])).rejects.toMatchObject({ code: 'CF_ERR_PREREQUISITE' });
    } finally {
      await faulty.close();
    }
  });
});
