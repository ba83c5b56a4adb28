// Proton CreateServiceInstance scenarios over real loopback HTTP: the builtin emulator passes every one;
// each injected idempotency/state deviation is reported under the right scenario id and kind, with the
// two or so requests that show it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenarios, scenarioOf, type ScenarioFinding, type Step } from '../../src/scenarios/index.ts';
import type { SendWrapper } from '../../src/targets/target.ts';
import * as faults from '../support/faults.ts';
import { startLab, type Lab } from './harness.ts';

let lab: Lab;
beforeAll(async () => { lab = await startLab(); });
afterAll(async () => { await lab?.close(); });

const OP = 'CreateServiceInstance';
const input = (s: Step) => s.call.input as Record<string, any>;
const creations = (f: ScenarioFinding) => f.steps.filter((s) => s.call.operation === OP);

async function run(seed: number, ...wrappers: SendWrapper[]) {
  const { target, requests } = lab.faulty(...wrappers);
  const prepared = await lab.protonService();
  const findings = await runScenarios({ operation: OP, target, prepared, seed, runs: 100 });
  return { findings, requests: requests.n, prepared };
}

describe('CreateServiceInstance scenarios against the builtin emulator', () => {
  it.each([1, 2, 3, 20261122])('pass every scenario (seed %i), in a bounded number of requests', async (seed) => {
    const { findings, requests } = await run(seed);
    expect(findings).toEqual([]);
    expect(requests).toBeGreaterThan(30);
    expect(requests).toBeLessThanOrEqual(200);
  });

  it('create what they say: the instances are there afterwards, under the prepared service', async () => {
    const { findings, prepared } = await run(5);
    expect(findings).toEqual([]);
    const instances = lab.emulator.emulator.proton.services.get(prepared.serviceName)!.instances;
    expect(instances.size).toBeGreaterThan(5);
    for (const name of instances.keys()) expect(name).toMatch(/^cf[0-9a-z]+-(rp|mm|nc|nt|rw)\d+-\d$/);
  });
});

interface Case {
  fault: () => SendWrapper;
  id: string;
  kind: 'idempotency' | 'state';
  maxSteps: number;
  shows(f: ScenarioFinding): void;
}

const CASES: Record<string, Case> = {
  'replay returns another arn': {
    fault: faults.protonReplayNewArn, id: 'idempotency:token-replay', kind: 'idempotency', maxSteps: 3,
    shows: (f) => {
      const [first, again] = creations(f);
      expect(input(again)).toEqual(input(first));
      expect(input(first).clientToken).toEqual(expect.any(String));
      expect(f.detail).toMatch(/returned another answer: arn/);
    },
  },
  'token reused with other parameters is accepted': {
    fault: faults.protonMismatchAccepted, id: 'idempotency:token-mismatch', kind: 'idempotency', maxSteps: 3,
    shows: (f) => {
      const [first, reused] = creations(f);
      expect(input(reused).clientToken).toBe(input(first).clientToken);
      expect(input(reused)).not.toEqual(input(first));
      expect(f.actual.status).toBe(200);
      expect(f.expected.codes).toEqual(['ValidationException']);
    },
  },
  'an existing name is accepted': {
    fault: faults.protonExistingNameAccepted, id: 'state:name-conflict', kind: 'state', maxSteps: 3,
    shows: (f) => {
      const [first, again] = creations(f);
      expect(input(again).name).toBe(input(first).name);
      expect(input(again).clientToken).not.toBe(input(first).clientToken);
      expect(f.actual.status).toBe(200);
      expect(f.expected.codes).toEqual(['ConflictException']);
    },
  },
  'GetServiceInstance reports another template version': {
    fault: faults.protonStaleRead, id: 'state:read-after-write', kind: 'state', maxSteps: 2,
    shows: (f) => {
      expect(f.steps.map((s) => s.call.operation)).toEqual([OP, 'GetServiceInstance']);
      expect(f.detail).toMatch(/templateMinorVersion "1" \(was "0"\)/);
    },
  },
  'a request without clientToken is rejected': {
    fault: faults.noTokenRejected, id: 'idempotency:no-token', kind: 'idempotency', maxSteps: 1,
    shows: (f) => {
      expect(input(f.steps[0])).not.toHaveProperty('clientToken');
      expect(f.actual).toEqual({ status: 400, code: 'ValidationException', message: 'clientToken is required' });
    },
  },
};

describe('CreateServiceInstance scenarios catch each injected deviation', () => {
  it.each(Object.entries(CASES))('%s', async (_name, c) => {
    const { findings, prepared } = await run(11, c.fault());
    expect(findings.map((x) => x.constraint)).toEqual([c.id]); // that deviation and nothing else
    const f = findings[0];
    const s = scenarioOf(OP, c.id);
    expect(f).toMatchObject({ operation: OP, kind: c.kind, constraint: c.id, source: s.source, confidence: s.confidence, expected: s.expected, seed: 11 });
    expect(f.severity).toBe('error'); // whatever the confidence: --strictness gates on that
    expect(f.steps.length).toBeGreaterThan(0);
    expect(f.steps.length).toBeLessThanOrEqual(c.maxSteps);
    expect(f.steps.map((x) => x.outcome)).toContainEqual(f.actual);
    for (const st of f.steps) expect(input(st).serviceName).toBe(prepared.serviceName);
    c.shows(f);
  });
});
