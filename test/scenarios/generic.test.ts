// Issue 10 §3: the scenario families are generic over a profile. An operation gets idempotency and state
// scenarios from its profile's data alone: a profile written here, in test code, for Cloud Map CreateService
// (which src/ has no hand-written profile for) runs replay, no-token and re-create-conflict scenarios against the
// builtin emulator without a line of src/scenarios/ naming it; an operation known from its model only gets the
// replay it can be held to; and the catalogue is the profile's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/contract/outcome.ts';
import { profileOf, type Profile } from '../../src/profiles/index.ts';
import type { ScenarioSubject } from '../../src/profiles/scenario.ts';
import { runScenarios, scenariosOf } from '../../src/scenarios/index.ts';
import type { SendWrapper } from '../../src/targets/target.ts';
import { startLab, type Lab } from './harness.ts';

let lab: Lab;
beforeAll(async () => { lab = await startLab(); });
afterAll(async () => { await lab?.close(); });

interface NamespacePrepared { namespaceId: string }

const derived = profileOf('servicediscovery#CreateService');

/** CreateService as a hand-written profile would describe it: services are named once per namespace. */
const createService: Profile = {
  ...derived,
  origin: 'hand-written',
  creates: { scopeMember: 'NamespaceId', idMember: 'Name', again: 'conflict', againState: 'state:service-exists' },
  states: [...derived.states, {
    id: 'state:service-exists', operation: 'CreateService', path: 'Name', code: 'ServiceAlreadyExists', confidence: 'documented',
    says: 'a service of this name exists in the namespace → ServiceAlreadyExists', source: 'model errors of CreateService (ServiceAlreadyExists)',
    message: () => 'Service already exists',
  }],
  scenarios: {
    statements: [
      { id: 'idempotency:token-replay', says: 'the same CreatorRequestId and parameters answer the same service', source: 'test', confidence: 'inferred', expected: { outcome: 'success' } },
      { state: 'state:service-exists', says: 'an existing service name with another CreatorRequestId is refused' },
      { id: 'idempotency:no-token', says: 'two CreateService without a CreatorRequestId are two requests', source: 'test', confidence: 'inferred', expected: { outcome: 'success' } },
    ],
    families: ['replay', 'again', 'noToken'],
    slots: 2,
    variants: 2,
    prepare: () => undefined,
    fits: (p): p is NamespacePrepared => typeof (p as NamespacePrepared).namespaceId === 'string',
    shape: 'a prepared {namespaceId}',
    scope: (p) => p.namespaceId,
    context: () => ({}),
    request: (p, i) => ({
      service: 'servicediscovery', operation: 'CreateService',
      input: { Name: i.id, NamespaceId: p.namespaceId, Description: `variant ${i.variant}`, ...(i.token === undefined ? {} : { CreatorRequestId: i.token }) },
    }),
    answer: { item: 'Service', identity: ['Id', 'Arn'] },
  } satisfies ScenarioSubject<NamespacePrepared>,
};

async function namespace(): Promise<NamespacePrepared> {
  const name = `gen-${Math.random().toString(36).slice(2, 8)}`;
  const r = await lab.target.send({ service: 'emulator', operation: 'Seed', input: { cloudMap: { namespaces: [{ name, type: 'HTTP' }] } } });
  return { namespaceId: (r.body as { cloudMap: { namespaces: Array<{ id: string }> } }).cloudMap.namespaces[0]!.id };
}

/** Every second answer of `operation` to a token it has seen gets another `member` (a replay that is no replay). */
const replayAnswersAnew = (operation: string, token: string, member: string): SendWrapper => (send) => {
  const seen = new Set<string>();
  return async (call, options) => {
    const out: Outcome = await send(call, options);
    const t = (call.input as Record<string, unknown>)[token];
    if (call.operation !== operation || out.status !== 200 || typeof t !== 'string') return out;
    if (!seen.has(t)) { seen.add(t); return out; }
    const body = out.body as Record<string, Record<string, unknown>>;
    return { ...out, body: { ...body, Service: { ...body.Service, [member]: `${String(body.Service?.[member])}-anew` } } };
  };
};

describe('a profile written outside src/ gets the generic scenario families', () => {
  it('passes against the builtin emulator: replay, no-token and re-create conflict ran', async () => {
    const calls: string[] = [];
    const { target } = lab.faulty((send) => (call, o) => { calls.push(call.operation); return send(call, o); });
    const findings = await runScenarios({ operation: 'CreateService', profile: createService, target, prepared: await namespace(), seed: 4, runs: 3 });
    expect(findings).toEqual([]);
    expect(calls.filter((c) => c === 'CreateService').length).toBeGreaterThan(10);
  });

  it('reports a replay that answers another service under the profile\'s scenario id', async () => {
    const { target } = lab.faulty(replayAnswersAnew('CreateService', 'CreatorRequestId', 'Id'));
    const findings = await runScenarios({ operation: 'CreateService', profile: createService, target, prepared: await namespace(), seed: 4, runs: 3 });
    expect(findings.map((f) => [f.constraint, f.kind, f.confidence])).toEqual([['idempotency:token-replay', 'idempotency', 'inferred']]);
    expect(findings[0]!.detail).toMatch(/returned another answer: Id "\S+-anew" \(was "\S+"\)/);
  });

  it('reports a re-create that is accepted under the profile\'s own state expectation', async () => {
    // The target forgets names: a second CreateService of a name with a fresh token is accepted.
    const forgets: SendWrapper = (send) => async (call, o) => {
      const out = await send(call, o);
      return call.operation === 'CreateService' && out.code === 'ServiceAlreadyExists' ? { ...out, status: 200, code: undefined, body: { Service: { Id: 'srv-again', Arn: 'arn:again' } } } : out;
    };
    const findings = await runScenarios({ operation: 'CreateService', profile: createService, target: lab.faulty(forgets).target, prepared: await namespace(), seed: 4, runs: 3 });
    expect(findings.map((f) => [f.constraint, f.kind, f.expected.codes])).toEqual([['state:service-exists', 'state', ['ServiceAlreadyExists']]]);
  });
});

describe('an operation known from its model only, with an idempotency token', () => {
  const OPS = ['servicediscovery#CreateHttpNamespace', 'servicediscovery#CreatePrivateDnsNamespace', 'servicediscovery#CreatePublicDnsNamespace',
    'servicediscovery#CreateService', 'proton#CreateEnvironmentTemplateVersion', 'proton#CreateServiceTemplateVersion'];

  it('has the replay scenario only (a stateless mock can be held to nothing else)', () => {
    for (const op of OPS) expect(scenariosOf(op).map((s) => [s.id, s.confidence]), op).toEqual([['idempotency:token-replay', 'inferred']]);
    expect(scenariosOf('servicediscovery#DeleteNamespace')).toEqual([]); // no token, no scenario
    // JUnit lists the replay as a property of its own, so a pass is reported too.
    expect(profileOf('servicediscovery#CreateHttpNamespace').junit?.properties.filter((p) => p.scenario).map((p) => p.id)).toEqual(['idempotency']);
    expect(profileOf('servicediscovery#DeleteNamespace').junit).toBeUndefined();
  });

  it.each(OPS)('%s: the builtin (stateful route or stateless mock) answers every replay as the original', async (op) => {
    const calls: string[] = [];
    const { target } = lab.faulty((send) => (call, o) => { calls.push(JSON.stringify(call.input)); return send(call, o); });
    expect(await runScenarios({ operation: op, target, prepared: { context: {} }, seed: 11, runs: 5 })).toEqual([]);
    const replays = calls.filter((c, i) => i > 0 && c === calls[i - 1]).length;
    // CreateService's generated NamespaceId names no namespace of the emulator: refused, so nothing to replay.
    if (op === 'servicediscovery#CreateService') expect(replays).toBe(0);
    else expect(replays).toBeGreaterThanOrEqual(3);
  });

  it('reports a replay of an accepted request that answers anew', async () => {
    const anew: SendWrapper = (send) => {
      const seen = new Set<string>();
      return async (call, o) => {
        const out = await send(call, o);
        const t = (call.input as Record<string, unknown>).CreatorRequestId as string;
        if (out.status !== 200 || !seen.has(t)) { seen.add(t); return out; }
        return { ...out, body: { ...(out.body as object), OperationId: 'another-operation' } };
      };
    };
    const findings = await runScenarios({ operation: 'servicediscovery#CreateHttpNamespace', target: lab.faulty(anew).target, prepared: { context: {} }, seed: 11, runs: 5 });
    expect(findings.map((f) => [f.constraint, f.kind, f.confidence])).toEqual([['idempotency:token-replay', 'idempotency', 'inferred']]);
    expect(findings[0]!.steps).toHaveLength(2);
    expect(findings[0]!.steps[1]!.call).toEqual(findings[0]!.steps[0]!.call); // the very same request, sent again
  });
});
