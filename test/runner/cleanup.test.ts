// Issue 7 §1: what a run created goes away on every target, whatever the number of instances, and a cleanup
// that fails is one warning line, never a finding and never a lost report.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { coverageContexts } from '../../src/generate/index.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { prepare } from '../../src/run/prerequisites.ts';
import { executeRun } from '../../src/run/run.ts';
import { createHttpTarget } from '../../src/targets/http.ts';
import type { Target } from '../../src/targets/target.ts';
import { awsError, startFaultyTarget } from '../support/faultyTarget.ts';

let emulator: RunningEmulator;
let work: string;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, host: '127.0.0.1', operationDelayMs: 5 });
  work = await mkdtemp(join(tmpdir(), 'cf-cleanup-'));
});
afterAll(async () => { await emulator.close(); await rm(work, { recursive: true, force: true }); });

describe('cleanup', () => {
  it('deregisters every instance of a service holding more than one page of them, then deletes it all', async () => {
    const target = createHttpTarget({ url: emulator.url, concurrency: 8 });
    try {
      const contexts = { RegisterInstance: coverageContexts('RegisterInstance') };
      const prepared = await prepare(target, { operations: ['RegisterInstance'], contexts, runTag: 'many1' });
      const http = contexts.RegisterInstance.find((c) => c.context.cloudMap?.service?.namespaceType === 'HTTP' && c.context.cloudMap.service.dnsRecords.length === 0)!;
      const serviceId = prepared.binding.serviceIds.get(http.context.cloudMap!.serviceId)!;
      for (let i = 0; i < 230; i++) {
        const o = await target.send({ service: 'servicediscovery', operation: 'RegisterInstance', input: { ServiceId: serviceId, InstanceId: `i${i}`, Attributes: {} } });
        expect(o.status).toBe(200);
      }
      await new Promise((r) => setTimeout(r, 30)); // the registrations' operations complete
      expect(emulator.emulator.cloudMap.getService(serviceId)?.instances.size).toBe(230);
      expect(await prepared.cleanup()).toEqual([]);
      expect(emulator.emulator.cloudMap.services.size).toBe(0);
      expect([...emulator.emulator.cloudMap.namespaces.values()].filter((n) => !n.deleting)).toEqual([]);
    } finally {
      await target.close();
    }
  });

  // Issue 11 §6: cleanup sends the deregistrations and deletes the service at once (waiting for each one's operation
  // cost a round trip per depth against a slow target). A service whose deregistrations are still running answers
  // ResourceInUse: they are confirmed then (a ListOperations page, then a poll each for what it does not show yet),
  // and the service is deleted again.
  it('a service still in use while its deregistrations run: confirmed, then deleted; nothing left, no problem', async () => {
    const slowOps = await startEmulator({ port: 0, host: '127.0.0.1', operationDelayMs: 300 });
    const http = createHttpTarget({ url: slowOps.url, concurrency: 8 });
    const seen: string[] = [];
    const target: Target = { ...http, send: async (c, o) => { const a = await http.send(c, o); seen.push(`${c.operation} ${a.code ?? a.status}`); return a; } };
    try {
      const contexts = { RegisterInstance: coverageContexts('RegisterInstance') };
      const prepared = await prepare(target, { operations: ['RegisterInstance'], contexts, runTag: 'inuse1', pollIntervalMs: 20 });
      const serviceId = [...prepared.binding.serviceIds.values()][0]!;
      for (let i = 0; i < 5; i++) expect((await target.send({ service: 'servicediscovery', operation: 'RegisterInstance', input: { ServiceId: serviceId, InstanceId: `i${i}`, Attributes: { AWS_INSTANCE_IPV4: '10.0.0.1', AWS_INSTANCE_PORT: '80' } } })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 400)); // the registrations complete
      seen.length = 0;
      expect(await prepared.cleanup()).toEqual([]);
      expect(slowOps.emulator.cloudMap.services.size).toBe(0);
      const inService = seen.filter((l) => /^(DeleteService|ListOperations|DeregisterInstance)/.test(l));
      expect(inService.filter((l) => l.startsWith('DeregisterInstance'))).toHaveLength(5);
      expect(inService.indexOf('DeleteService ResourceInUse')).toBeGreaterThan(-1);
      expect(inService.indexOf('ListOperations 200')).toBeGreaterThan(inService.indexOf('DeleteService ResourceInUse'));
      expect(inService.at(-1)).toBe('DeleteService 200');
    } finally {
      await http.close();
      await slowOps.close();
    }
  });

  // A target may say yes to a registration it never made (a faulty one fabricates its answers): the deregistration
  // it then refuses is no problem when the service can be deleted (the suite's outputs test met this one).
  it('an instance the run registered and something else deregistered, or that was never made: no problem', async () => {
    const http = createHttpTarget({ url: emulator.url, concurrency: 8 });
    try {
      const contexts = { RegisterInstance: coverageContexts('RegisterInstance') };
      const prepared = await prepare(http, { operations: ['RegisterInstance'], contexts, runTag: 'gone1' });
      const serviceId = [...prepared.binding.serviceIds.values()][0]!;
      for (const InstanceId of ['kept', 'gone']) {
        const c = { service: 'servicediscovery', operation: 'RegisterInstance', input: { ServiceId: serviceId, InstanceId, Attributes: { AWS_INSTANCE_IPV4: '10.0.0.1', AWS_INSTANCE_PORT: '80' } } };
        prepared.track(c, await http.send(c));
      }
      // Said to be registered, with an id the target refuses to deregister (longer than 64 characters).
      prepared.track({ service: 'servicediscovery', operation: 'RegisterInstance', input: { ServiceId: serviceId, InstanceId: 'x'.repeat(65) } }, { status: 200, headers: {}, latencyMs: 1, body: {} });
      await new Promise((r) => setTimeout(r, 30));
      expect((await http.send({ service: 'servicediscovery', operation: 'DeregisterInstance', input: { ServiceId: serviceId, InstanceId: 'gone' } })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 30));
      expect(await prepared.cleanup()).toEqual([]);
      expect(emulator.emulator.cloudMap.services.size).toBe(0);
    } finally {
      await http.close();
    }
  });

  it('a cleanup the target refuses: one warning line, exit code and report as without it', async () => {
    const faulty = await startFaultyTarget(async (x) =>
      (x.service === 'servicediscovery' && x.operation === 'DeleteService' ? awsError(x, 500, 'InternalFailure', 'try later') : x.pass()));
    try {
      let stderr = '';
      const dir = join(work, 'refused');
      const o = parseRunOptions(['--target', faulty.url, '--operation', 'RegisterInstance', '--seed', '3', '--runs', '5', '--no-scenarios', '--quiet', '--report-dir', dir]);
      const r = await executeRun(o, new AbortController().signal, { write: () => undefined, writeErr: (t) => void (stderr += t), isTTY: false });
      expect(r.exitCode).toBe(0);
      expect(r.report.discrepancies).toEqual([]);
      expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^contract-fuzz: warning: cleanup on http:\/\/127\.0\.0\.1:\d+ failed \d+ time\(s\): .*DeleteService/)]);
      expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))).toMatchObject({ summary: { discrepancies: 0 } });
    } finally {
      await faulty.close();
    }
  });
});
