// Releasing an operation's prerequisites early (issue 11 §6, src/run/release.ts): once its cases are done, the
// instances the run registered are deregistered while its scenarios still run, except in the service the scenarios
// create in; cleanup then has only that one's left, deletes everything, and lists nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { coverageContexts } from '../../src/generate/index.ts';
import { prepare } from '../../src/run/prerequisites.ts';
import { createHttpTarget } from '../../src/targets/http.ts';
import type { Call } from '../../src/contract/call.ts';
import type { CloudMapServiceConfig } from '../../src/contract/context.ts';
import { attributesFor } from '../../src/profiles/servicediscovery/registerScenarios.ts';

let emulator: RunningEmulator;
beforeAll(async () => { emulator = await startEmulator({ port: 0, host: '127.0.0.1', operationDelayMs: 0 }); });
afterAll(async () => { await emulator.close(); });

describe('release', () => {
  it('deregisters what the run registered in every service but the kept ones, before cleanup; cleanup then lists nothing', async () => {
    const target = createHttpTarget({ url: emulator.url, concurrency: 16 });
    const sent: Call[] = [];
    const watched = { ...target, send: (c: Call, o?: Parameters<typeof target.send>[1]) => { sent.push(c); return target.send(c, o); } };
    try {
      const op = 'RegisterInstance';
      const prepared = await prepare(watched, { operations: [op], contexts: { [op]: coverageContexts(op) }, runTag: 'rel1' });
      const configs = new Map<string, CloudMapServiceConfig>();
      for (const nc of prepared.contexts[op]!) {
        const cm = nc.context.cloudMap;
        const id = cm?.service ? prepared.binding.serviceIds.get(cm.serviceId) : undefined;
        if (id && cm?.service) configs.set(id, cm.service);
      }
      const services = [...configs.keys()];
      expect(services.length).toBeGreaterThan(1);
      for (const [serviceId, config] of configs) {
        for (const id of ['a', 'b']) {
          const c = { service: 'servicediscovery', operation: op, input: { ServiceId: serviceId, InstanceId: id, Attributes: attributesFor(config, 0) } };
          const answer = await watched.send(c);
          expect(answer.status).toBe(200);
          prepared.track(c, answer);
        }
      }
      const registered = (id: string) => emulator.emulator.cloudMap.services.get(id)?.instances.size;
      expect(services.map(registered).every((n) => n! >= 1)).toBe(true);
      const kept = services[0]!;
      const before = sent.length;
      await prepared.release(op, (scope) => scope !== kept);
      const released = sent.slice(before);
      expect(released.length).toBe(2 * (services.length - 1));
      expect(released.every((c) => c.operation === 'DeregisterInstance' && (c.input as { ServiceId: string }).ServiceId !== kept)).toBe(true);
      // A run's target tracks every answer (run.ts `counted`); this one is plain: told here.
      for (const c of released) prepared.track(c, { status: 200, headers: {}, latencyMs: 1, body: {} });
      expect(registered(kept)).toBeGreaterThan(0);
      // Another operation's release touches nothing of this one's.
      const n = sent.length;
      await prepared.release('CreateServiceInstance', () => true);
      expect(sent.length).toBe(n);
      const cleaning = sent.length;
      expect(await prepared.cleanup()).toEqual([]);
      expect(emulator.emulator.cloudMap.services.size).toBe(0);
      const cleanup = sent.slice(cleaning);
      expect(cleanup.filter((c) => c.operation === 'ListInstances')).toEqual([]);
      // Only the kept service's instances were left to deregister.
      expect(cleanup.filter((c) => c.operation === 'DeregisterInstance').every((c) => (c.input as { ServiceId: string }).ServiceId === kept)).toBe(true);
    } finally {
      await target.close();
    }
  });
});

describe('cleanup of what waits until gone (a Proton service before its environment)', () => {
  const op = 'CreateServiceInstance';
  const proton = (c: Call, name: string) => c.service === 'proton' && c.operation === name;

  it('the environment is deleted right after the service, without reading the service until it is gone first', async () => {
    const target = createHttpTarget({ url: emulator.url, concurrency: 8 });
    const sent: Call[] = [];
    const watched = { ...target, send: (c: Call, o?: Parameters<typeof target.send>[1]) => { sent.push(c); return target.send(c, o); } };
    try {
      const prepared = await prepare(watched, { operations: [op], contexts: { [op]: coverageContexts(op) }, runTag: 'gone1' });
      const from = sent.length;
      expect(await prepared.cleanup()).toEqual([]);
      const cleaning = sent.slice(from).map((c) => c.operation);
      expect(cleaning).toEqual(['DeleteService', 'DeleteEnvironment']);
      expect(emulator.emulator.proton.environments.size).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('a service still going away (the environment refused as in use) is waited for, then the environment deleted again', async () => {
    const target = createHttpTarget({ url: emulator.url, concurrency: 8 });
    const sent: Call[] = [];
    let lingering = 0; // reads of the deleted service that still find it
    let refusals = 0;
    const send = async (c: Call, o?: Parameters<typeof target.send>[1]) => {
      sent.push(c);
      // The service lingers for two reads after its deletion; meanwhile its environment is in use.
      if (proton(c, 'GetService') && lingering > 0) { lingering--; return { status: 200, headers: {}, latencyMs: 1, body: { service: { status: 'DELETE_IN_PROGRESS' } } }; }
      if (proton(c, 'DeleteEnvironment') && lingering > 0) { refusals++; return { status: 409, headers: {}, latencyMs: 1, code: 'ConflictException', message: 'in use' }; }
      const answer = await target.send(c, o);
      if (proton(c, 'DeleteService')) lingering = 2;
      return answer;
    };
    try {
      const prepared = await prepare({ ...target, send }, { operations: [op], contexts: { [op]: coverageContexts(op) }, runTag: 'gone2' });
      const from = sent.length;
      expect(await prepared.cleanup()).toEqual([]);
      expect(refusals).toBe(1);
      expect(sent.slice(from).map((c) => c.operation)).toEqual(['DeleteService', 'DeleteEnvironment', 'GetService', 'GetService', 'GetService', 'DeleteEnvironment']);
      expect(emulator.emulator.proton.environments.size).toBe(0);
    } finally {
      await target.close();
    }
  });
});
