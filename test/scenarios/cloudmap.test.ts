// Cloud Map RegisterInstance scenarios over real loopback HTTP: the builtin emulator passes every one; each
// injected idempotency/state deviation is reported under the right scenario id and kind, with a short
// step list that shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenarios, scenarioOf, type ScenarioFinding, type Step } from '../../src/scenarios/index.ts';
import type { SendWrapper } from '../../src/targets/target.ts';
import * as faults from '../support/faults.ts';
import { startLab, type Lab, type ServiceKind } from './harness.ts';

let lab: Lab;
beforeAll(async () => { lab = await startLab(); });
afterAll(async () => { await lab?.close(); });

const OP = 'RegisterInstance';
const input = (s: Step) => s.call.input as Record<string, any>;
const registrations = (f: ScenarioFinding) => f.steps.filter((s) => s.call.operation === OP);

async function run(kind: ServiceKind, seed: number, ...wrappers: SendWrapper[]) {
  const { target, requests } = lab.faulty(...wrappers);
  const prepared = await lab.cloudMapService(kind);
  const findings = await runScenarios({ operation: OP, target, prepared, seed, runs: 100 });
  return { findings, requests: requests.n, prepared };
}

describe('RegisterInstance scenarios against the builtin emulator', () => {
  it.each([
    ['http', 1], ['dns-a', 2], ['srv', 3], ['http', 20261122],
  ] as const)('a %s service passes every scenario (seed %i), in a bounded number of requests', async (kind, seed) => {
    const { findings, requests } = await run(kind, seed);
    expect(findings).toEqual([]);
    expect(requests).toBeGreaterThan(50); // the scenarios did run
    expect(requests).toBeLessThanOrEqual(300);
  });
});

interface Case {
  fault: () => SendWrapper;
  id: string;
  kind: 'idempotency' | 'state';
  /** Other scenario ids the same deviation legitimately shows up in. */
  also?: string[];
  maxSteps: number;
  shows(f: ScenarioFinding): void;
}

const CASES: Record<string, Case> = {
  'replay returns a new OperationId': {
    fault: faults.replayNewOperationId, id: 'idempotency:token-replay', kind: 'idempotency', maxSteps: 5,
    shows: (f) => {
      const [first, again] = registrations(f);
      expect(input(again)).toEqual(input(first)); // the very same request, sent again
      expect(f.detail).toMatch(/returned another answer: OperationId "\S+" \(was "\S+"\)/);
    },
  },
  'replay registers a second instance': {
    fault: faults.replayDuplicatesInstance, id: 'idempotency:token-replay', kind: 'idempotency', also: ['idempotency:concurrent-same-instance'], maxSteps: 5,
    shows: (f) => {
      expect(f.steps.at(-1)!.call.operation).toBe('ListInstances');
      expect(f.detail).toMatch(/ListInstances shows item \S+ 2 times/);
    },
  },
  'token reused with other parameters is accepted': {
    fault: faults.tokenMismatchAccepted, id: 'idempotency:token-mismatch', kind: 'idempotency', maxSteps: 4,
    shows: (f) => {
      const [first, reused] = registrations(f);
      expect(input(reused).CreatorRequestId).toBe(input(first).CreatorRequestId);
      expect(input(reused)).not.toEqual(input(first));
      expect(f.actual.status).toBe(200);
      expect(f).toMatchObject({ severity: 'error', confidence: 'inferred' }); // two axes: how bad, how sure
    },
  },
  'concurrent same-instance registrations get HTTP 500': {
    fault: faults.concurrentServerError, id: 'idempotency:concurrent-same-instance', kind: 'idempotency', maxSteps: 4,
    shows: (f) => {
      const rs = registrations(f);
      expect(rs.length).toBeGreaterThanOrEqual(2);
      expect(new Set(rs.map((s) => input(s).InstanceId)).size).toBe(1);
      expect(f.actual.status).toBe(500);
    },
  },
  're-register does not update': {
    fault: faults.reregisterNotUpdated, id: 'state:re-register-updates', kind: 'state', maxSteps: 8,
    shows: (f) => {
      const rs = registrations(f);
      expect(rs).toHaveLength(2);
      expect(input(rs[1]).InstanceId).toBe(input(rs[0]).InstanceId);
      expect(input(rs[1]).Attributes).not.toEqual(input(rs[0]).Attributes);
      expect(f.steps.at(-1)!.call.operation).toBe('GetInstance');
    },
  },
  'GetInstance loses custom attributes': {
    fault: faults.customAttributesLost, id: 'state:read-after-write', kind: 'state', maxSteps: 3,
    shows: (f) => {
      expect(f.steps.map((s) => s.call.operation)).toEqual(['RegisterInstance', 'GetOperation', 'GetInstance']);
      expect(f.detail).toMatch(/cf-variant=\(absent\)/);
    },
  },
  'GetOperation reports another type': {
    fault: faults.operationWrongType, id: 'state:operation-completes', kind: 'state', maxSteps: 2,
    shows: (f) => {
      expect(f.steps.map((s) => s.call.operation)).toEqual(['RegisterInstance', 'GetOperation']);
      expect(f.detail).toMatch(/Type DEREGISTER_INSTANCE, expected REGISTER_INSTANCE/);
    },
  },
  'a request without CreatorRequestId is rejected': {
    fault: faults.noTokenRejected, id: 'idempotency:no-token', kind: 'idempotency', maxSteps: 1,
    shows: (f) => {
      expect(input(f.steps[0])).not.toHaveProperty('CreatorRequestId');
      expect(f.actual).toEqual({ status: 400, code: 'InvalidInput', message: 'CreatorRequestId is required' });
    },
  },
};

describe('RegisterInstance scenarios catch each injected deviation', () => {
  it.each(Object.entries(CASES))('%s', async (_name, c) => {
    const { findings, prepared } = await run('dns-a', 7, c.fault());
    const f = findings.find((x) => x.constraint === c.id);
    expect(f, `no ${c.id} finding in ${JSON.stringify(findings.map((x) => x.constraint))}`).toBeDefined();
    // Only the deviation injected, no collateral findings.
    for (const other of findings) expect([c.id, ...(c.also ?? [])]).toContain(other.constraint);
    const s = scenarioOf(OP, c.id);
    expect(f).toMatchObject({ operation: OP, kind: c.kind, constraint: c.id, source: s.source, confidence: s.confidence, expected: s.expected, seed: 7 });
    expect(f!.severity).toBe('error'); // whatever the confidence: --strictness gates on that
    // A minimal run: few steps, all against the prepared service, one of them the answer reported.
    expect(f!.steps.length).toBeGreaterThan(0);
    expect(f!.steps.length).toBeLessThanOrEqual(c.maxSteps);
    expect(f!.steps.map((x) => x.outcome)).toContainEqual(f!.actual);
    for (const st of registrations(f!)) expect(input(st).ServiceId).toBe(prepared.serviceId);
    c.shows(f!);
  });
});
