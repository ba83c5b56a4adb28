// One profile per operation (issue 10 §3, §4): the state model, the scenario catalogue, the binding and the
// oracle's state expectations read the same profile; every operation of both committed models has one
// (hand-written or derived from the model); DeregisterInstance is one hand-written profile file.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/contract/case.ts';
import { loadServiceModel, SERVICES } from '../../src/model/load.ts';
import { expectState, stateOf } from '../../src/oracle/index.ts';
import { HAND_WRITTEN, profileOf } from '../../src/profiles/index.ts';
import { bindCase, emptyBinding } from '../../src/run/binding.ts';
import { runNonce } from '../../src/run/nonce.ts';
import { createStateModel } from '../../src/run/stateModel.ts';
import { scenarioOf } from '../../src/scenarios/index.ts';

const valid = (operation: string, input: Record<string, unknown>): Case => ({ operation, kind: 'valid', input, breaks: [], exercises: [], context: {} });
const success = { outcome: 'success', source: 'test', confidence: 'documented' } as const;

describe('profiles', () => {
  it('every operation of both committed models has a profile, hand-written or derived from the model', () => {
    for (const service of SERVICES) {
      const model = loadServiceModel(service);
      for (const [name, op] of Object.entries(model.operations)) {
        const p = profileOf(`${service}#${name}`);
        expect(p).toMatchObject({ service, operation: name });
        // The derived ones take their idempotency token from the model's idempotencyToken trait.
        const shape = op.input ? model.shapes[op.input] : undefined;
        const tokens = shape?.type === 'structure' ? Object.keys(shape.members).filter((m) => shape.members[m]!.idempotencyToken) : [];
        if (p.origin === 'derived') {
          expect(p.idempotency?.tokenMember).toBe(tokens[0]);
          // Its tokens first, then the name a create-like operation gives what it makes (test/profiles/undo.test.ts).
          expect(p.nonceMembers.slice(0, tokens.length)).toEqual(tokens);
          if (!/^(Create|Put|Register|Start|Add|Allocate|Associate|Attach)[A-Z]/.test(name)) expect(p.nonceMembers).toEqual(tokens);
        } else if (tokens.length) expect(p.idempotency?.tokenMember).toBe(tokens[0]);
      }
    }
  });

  it('a bare name two services share, or no model defines, fails loudly (CF_ERR_UNKNOWN_OPERATION)', () => {
    expect(() => profileOf('CreateService')).toThrow(expect.objectContaining({ code: 'CF_ERR_UNKNOWN_OPERATION' }));
    expect(() => profileOf('servicediscovery#Nope')).toThrow(expect.objectContaining({ code: 'CF_ERR_UNKNOWN_OPERATION' }));
    expect(profileOf('proton#CreateService')).toMatchObject({ origin: 'derived', operation: 'CreateService', service: 'proton' });
    expect(profileOf('servicediscovery#CreateService')).toMatchObject({ origin: 'derived', idempotency: { tokenMember: 'CreatorRequestId' } });
  });

  it('hand-written profiles: one per file, keyed service#Operation, their state expectations are the oracle\'s', () => {
    expect(HAND_WRITTEN.map((p) => p.key).sort()).toEqual(['proton#CreateServiceInstance', 'servicediscovery#DeregisterInstance', 'servicediscovery#RegisterInstance']);
    for (const p of HAND_WRITTEN) {
      for (const s of p.states) expect(stateOf(p.key, s.id)).toBe(s);
      if (p.reference) expect(stateOf(p.key, p.reference.notFound)).toBeDefined();
      if (p.creates) expect(stateOf(p.key, p.creates.againState)).toBeDefined();
    }
  });

  it('idempotency is written once: the state model\'s mismatch and the scenario catalogue\'s are the profile\'s', () => {
    for (const [key, member, other] of [['servicediscovery#RegisterInstance', 'CreatorRequestId', 'InstanceId'], ['proton#CreateServiceInstance', 'clientToken', 'name']] as const) {
      const p = profileOf(key);
      const model = createStateModel({ freshTarget: true });
      const scope = p.creates!.scopeMember;
      const first = valid(p.operation, { [scope]: 'svc', [other]: 'a', [member]: 'tok' });
      model.judge(first, success);
      model.commit(first, { status: 200, headers: {}, latencyMs: 1 } as never);
      const second = model.judge(valid(p.operation, { [scope]: 'svc', [other]: 'b', [member]: 'tok' }), success);
      expect(second).toMatchObject({ outcome: 'error', codes: p.idempotency!.mismatch.codes, source: p.idempotency!.mismatch.source });
      const scenario = scenarioOf(p.operation, 'idempotency:token-mismatch');
      expect(scenario.expected.codes).toEqual(p.idempotency!.mismatch.codes);
      expect(scenario.source).toBe(p.idempotency!.mismatch.source);
      expect(second.outcome === 'error' && second.statuses).toEqual(scenario.expected.statuses);
    }
  });

  it('DeregisterInstance: one profile file gives the binding its placeholder member and nonce, and the oracle its state errors', () => {
    const binding = emptyBinding();
    binding.serviceIds.set('srv-a-srv', 'srv-real');
    binding.nonce = runNonce('abcd1234');
    const bound = bindCase(valid('DeregisterInstance', { ServiceId: 'srv-a-srv', InstanceId: 'i-1' }), binding);
    expect((bound.input as Record<string, unknown>).ServiceId).toBe('srv-real');
    expect((bound.input as Record<string, unknown>).InstanceId).not.toBe('i-1');
    expect(expectState('servicediscovery#DeregisterInstance', 'state:instance-not-found', { InstanceId: 'i-1' })).toMatchObject({ outcome: 'error', codes: ['InstanceNotFound'] });
    // It creates nothing: the state model has nothing to serialise or judge.
    const model = createStateModel();
    expect(model.keys(valid('DeregisterInstance', { ServiceId: 's', InstanceId: 'i' }))).toEqual([]);
  });
});
