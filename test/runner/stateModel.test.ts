import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/contract/case.ts';
import type { Expected } from '../../src/contract/expected.ts';
import type { Outcome } from '../../src/contract/outcome.ts';
import { coverageContexts, planned } from '../../src/generate/index.ts';
import { expectCase } from '../../src/oracle/expectCase.ts';
import { profileOf } from '../../src/profiles/index.ts';
import { createStateModel, KEEP_HIGH, REMEMBER_MAX, type StateModel } from '../../src/run/stateModel.ts';

const ok: Expected = { outcome: 'success', source: 'model', confidence: 'documented' };
const accepted: Outcome = { status: 200, headers: {}, latencyMs: 1, body: {} };
const refused: Outcome = { status: 400, headers: {}, latencyMs: 1, code: 'InvalidInput', body: {} };
const cm = (input: Record<string, unknown>): Case => ({ operation: 'RegisterInstance', kind: 'valid', input, breaks: [], exercises: [], context: {} });
const pr = (input: Record<string, unknown>): Case => ({ operation: 'CreateServiceInstance', kind: 'valid', input, breaks: [], exercises: [], context: {} });
/** Judge a case, then commit the target's answer (accepted unless said otherwise). */
const send = (s: StateModel, c: Case, answer: Outcome = accepted): Expected => { const e = s.judge(c, ok); s.commit(c, answer); return e; };

describe('the runner state model', () => {
  it('re-registering an instance is success, with DuplicateRequest acceptable (one request must complete first)', () => {
    const s = createStateModel({ freshTarget: true });
    expect(send(s, cm({ ServiceId: 's', InstanceId: 'i', Attributes: {} }))).toBe(ok);
    expect(send(s, cm({ ServiceId: 's', InstanceId: 'i', Attributes: { a: 'b' } }))).toMatchObject({ outcome: 'success', alsoAcceptable: { codes: ['DuplicateRequest'] } });
    expect(s.keys(cm({ ServiceId: 's', InstanceId: 'i', CreatorRequestId: 't' }))).toEqual(['RegisterInstance/s/i', 'RegisterInstance/token/t']);
  });
  it('a widened expectation is made once per expectation it widens (shared and frozen), not on every case', () => {
    const s = createStateModel(); // not a fresh target: a token may predate the run
    const a = s.judge(pr({ serviceName: 'svc', name: 'a', spec: 'x', clientToken: 'tok-a' }), ok);
    const b = s.judge(pr({ serviceName: 'svc', name: 'b', spec: 'y', clientToken: 'tok-b' }), ok);
    expect(a).toMatchObject({ outcome: 'success', alsoAcceptable: { codes: expect.arrayContaining(['ValidationException']) } });
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(ok).not.toHaveProperty('alsoAcceptable'); // the oracle's expectation itself is untouched
  });
  it('a reused CreatorRequestId with other parameters expects a conflict-class error (inferred)', () => {
    const s = createStateModel({ freshTarget: true });
    send(s, cm({ ServiceId: 's', InstanceId: 'i', CreatorRequestId: 't', Attributes: {} }));
    expect(send(s, cm({ ServiceId: 's', InstanceId: 'i', CreatorRequestId: 't', Attributes: {} }))).toBe(ok);
    expect(s.judge(cm({ ServiceId: 's', InstanceId: 'j', CreatorRequestId: 't', Attributes: {} }), ok)).toMatchObject({ outcome: 'error', codes: ['DuplicateRequest', 'ResourceInUse'], confidence: 'inferred' });
  });
  it('the 1,001st instance of a service expects ResourceLimitExceeded', () => {
    const s = createStateModel({ freshTarget: true });
    for (let i = 0; i < 1000; i++) send(s, cm({ ServiceId: 's', InstanceId: `i${i}`, Attributes: {} }));
    expect(s.judge(cm({ ServiceId: 's', InstanceId: 'last', Attributes: {} }), ok)).toMatchObject({ outcome: 'error', codes: ['ResourceLimitExceeded'] });
    expect(s.judge(cm({ ServiceId: 'other', InstanceId: 'last', Attributes: {} }), ok)).toBe(ok);
  });
  it('Proton: an existing name conflicts, a token replay is success, a token with other parameters is a mismatch', () => {
    const s = createStateModel({ freshTarget: true });
    const first = { serviceName: 'svc', name: 'n', spec: 'a', clientToken: 'tok' };
    expect(send(s, pr(first))).toBe(ok);
    expect(send(s, pr(first))).toBe(ok);
    expect(s.judge(pr({ ...first, spec: 'b' }), ok)).toMatchObject({ codes: ['ValidationException'], confidence: 'inferred' });
    expect(s.judge(pr({ serviceName: 'svc', name: 'n', spec: 'a' }), ok)).toMatchObject({ codes: ['ConflictException'] });
    // An empty token is no token: no idempotency can hang on "".
    expect(s.keys(pr({ serviceName: 'svc', name: 'm', spec: 'a', clientToken: '' }))).toEqual(['CreateServiceInstance/svc/m']);
  });
  // Regression: the model once recorded a create before the target answered, so a target that wrongly refused
  // a valid create was then also blamed for "accepting" the next one with the same name.
  it('only what the target accepted becomes state', () => {
    const s = createStateModel({ freshTarget: true });
    const c = pr({ serviceName: 'svc', name: 'n', spec: 'a' });
    send(s, c, refused);
    expect(s.judge(c, ok)).toBe(ok);
  });
  it('leaves expected errors alone: invalid payloads never reach the state', () => {
    const s = createStateModel({ freshTarget: true });
    const err: Expected = { outcome: 'error', codes: ['InvalidInput'], statuses: [400], violations: [], message: 'm', source: 's', confidence: 'documented' };
    expect(s.judge(cm({ ServiceId: 's', InstanceId: 'i' }), err)).toBe(err);
  });
  // Issue 11 §6: cases without an id (absent, empty, not a string) all shared one key per service, so against a
  // slow target a run's ~15 of them went one round trip after another and the case phase ended ~15 rounds after
  // it began. Such a case is refused by the contract (below), reads no state and can share none with a case the
  // contract accepts: it holds no id key. Its token key stays (a valid case may send the same token).
  it('a case the contract refuses and that names no id holds no id key; its token key stays', () => {
    const s = createStateModel({ freshTarget: true });
    const err: Expected = { outcome: 'error', codes: ['InvalidInput'], statuses: [400], violations: [], message: 'm', source: 's', confidence: 'documented' };
    for (const InstanceId of [undefined, '', 42, { a: 1 }]) {
      expect(s.keys(cm({ ServiceId: 's', InstanceId, CreatorRequestId: 't' }), err)).toEqual(['RegisterInstance/token/t']);
      expect(s.keys(pr({ serviceName: 'svc', name: InstanceId, spec: 'a' }), err)).toEqual([]);
    }
    // Judged acceptable (or not judged yet): the key stays, whatever the id.
    expect(s.keys(cm({ ServiceId: 's', InstanceId: '', CreatorRequestId: 't' }), ok)).toEqual(['RegisterInstance/s/', 'RegisterInstance/token/t']);
    expect(s.keys(cm({ ServiceId: 's', InstanceId: '' }))).toEqual(['RegisterInstance/s/']);
    // A refused case with an id keeps its key: a target that wrongly accepts it creates what a valid case may meet.
    expect(s.keys(cm({ ServiceId: 's', InstanceId: 'i' }), err)).toEqual(['RegisterInstance/s/i']);
  });
  it('the contract refuses every create whose id is absent, empty or not a string (why such a case needs no id key)', () => {
    for (const op of ['RegisterInstance', 'CreateServiceInstance']) {
      const idMember = profileOf(op).creates!.idMember;
      const plan = planned(op, { seed: 1, runs: 0, contexts: coverageContexts(op) });
      const valid: Case[] = [];
      for (let n = plan.items.next(); !n.done && valid.length < 20; n = plan.items.next()) if (n.value.case.kind === 'valid' && n.value.case.rawBody === undefined) valid.push(n.value.case);
      expect(valid.length).toBeGreaterThan(0);
      for (const c of valid) {
        expect(expectCase(c).outcome).toBe('success');
        for (const id of [undefined, '', 42]) {
          const input = { ...(c.input as Record<string, unknown>) };
          if (id === undefined) delete input[idMember]; else input[idMember] = id;
          expect(expectCase({ ...c, input }).outcome, `${op} with ${idMember} ${JSON.stringify(id)}`).toBe('error');
        }
      }
    }
  });
  it('on a target this run did not start, a token it has not sent may predate it: the mismatch answer is accepted too', () => {
    const s = createStateModel({ freshTarget: false });
    expect(s.judge(cm({ ServiceId: 's', InstanceId: 'i', CreatorRequestId: '1', Attributes: {} }), ok)).toMatchObject({ outcome: 'success', alsoAcceptable: { codes: ['DuplicateRequest', 'ResourceInUse'] } });
    expect(s.judge(pr({ serviceName: 'svc', name: 'n', spec: 'a', clientToken: 't' }), ok)).toMatchObject({ outcome: 'success', alsoAcceptable: { codes: ['ValidationException'] } });
    expect(s.judge(pr({ serviceName: 'svc', name: 'm', spec: 'a' }), ok)).toBe(ok); // without a token nothing can predate the run
  });
});

describe('a token on a target this run did not start (issue 7 §7: a valid 64-character clientToken refused)', () => {
  const long = 'Ab3'.repeat(21) + 'x'; // 64 characters, 64 letters and digits
  it('with the run nonce, a token of 8+ letters and digits is the run\'s own: its mismatch answer is not accepted', () => {
    const s = createStateModel({ tokensCarryNonce: true });
    expect(s.judge(pr({ serviceName: 'svc', name: 'n', spec: 'a', clientToken: long }), ok)).toBe(ok);
    expect(s.judge(cm({ ServiceId: 's', InstanceId: 'i', CreatorRequestId: 'abcd1234', Attributes: {} }), ok)).toBe(ok);
  });
  it('a short or punctuation token may be an earlier run\'s even with the nonce: the mismatch answer is accepted', () => {
    const s = createStateModel({ tokensCarryNonce: true });
    expect(s.judge(pr({ serviceName: 'svc', name: 'n', spec: 'a', clientToken: 'U' }), ok)).toMatchObject({ alsoAcceptable: { codes: ['ValidationException'] } });
    expect(s.judge(pr({ serviceName: 'svc', name: 'n', spec: 'a', clientToken: '!'.repeat(64) }), ok)).toMatchObject({ alsoAcceptable: { codes: ['ValidationException'] } });
  });
  it('without the nonce (a fixture replayed as written), any token may be an earlier run\'s', () => {
    const s = createStateModel({});
    expect(s.judge(pr({ serviceName: 'svc', name: 'n', spec: 'a', clientToken: long }), ok)).toMatchObject({ alsoAcceptable: { codes: ['ValidationException'] } });
  });
});

describe('the state model stays bounded at any run length (issue 11 §2)', () => {
  it('Proton names and tokens past REMEMBER_MAX are forgotten into "maybe": held entries stay flat, old ones widen what is accepted', () => {
    const s = createStateModel({ freshTarget: true });
    const n = REMEMBER_MAX * 2 + 10;
    for (let i = 0; i < n; i++) send(s, pr({ serviceName: 'svc', name: `n${i}`, spec: 'a', clientToken: `t${i}` }));
    expect(s.held()).toBeLessThanOrEqual(2 * REMEMBER_MAX);
    // The first name and token: maybe still on the target, so either answer is right.
    expect(s.judge(pr({ serviceName: 'svc', name: 'n0', spec: 'b' }), ok)).toMatchObject({ outcome: 'success', alsoAcceptable: { codes: ['ConflictException'] } });
    expect(s.judge(pr({ serviceName: 'svc', name: 'fresh', spec: 'b', clientToken: 't0' }), ok)).toMatchObject({ outcome: 'success', alsoAcceptable: { codes: expect.arrayContaining(['ValidationException']) } });
    // The latest are still known exactly.
    expect(s.judge(pr({ serviceName: 'svc', name: `n${n - 1}`, spec: 'a' }), ok)).toMatchObject({ codes: ['ConflictException'] });
    expect(s.judge(pr({ serviceName: 'svc', name: 'never', spec: 'a' }), ok)).toBe(ok);
  });
});

describe('instances never confirmed gone stay bounded too', () => {
  it('past KEEP_HIGH "leaving" instances per service, the oldest become "maybe leaving": re-registering one still accepts DuplicateRequest', () => {
    const s = createStateModel({ freshTarget: true });
    for (let i = 0; i < KEEP_HIGH * 3; i++) {
      send(s, cm({ ServiceId: 's', InstanceId: `i${i}`, Attributes: {} }));
      for (const e of s.evictions()) s.evicted(e, 'leaving');
    }
    expect(s.held()).toBeLessThanOrEqual(2 * KEEP_HIGH + 1);
    expect(s.judge(cm({ ServiceId: 's', InstanceId: 'i0', Attributes: {} }), ok)).toMatchObject({ outcome: 'success', alsoAcceptable: { codes: ['DuplicateRequest'] } });
  });
});
