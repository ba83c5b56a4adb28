import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/generate/case.ts';
import type { Expected } from '../../src/oracle/expected.ts';
import { createStateModel } from '../../src/run/stateModel.ts';

const ok: Expected = { outcome: 'success', source: 'model', confidence: 'documented' };
const cm = (input: Record<string, unknown>): Case => ({ operation: 'RegisterInstance', kind: 'valid', input, breaks: [], exercises: [], context: {} });
const pr = (input: Record<string, unknown>): Case => ({ operation: 'CreateServiceInstance', kind: 'valid', input, breaks: [], exercises: [], context: {} });

describe('the runner state model', () => {
  it('re-registering an instance is success, with DuplicateRequest acceptable (one request must complete first)', () => {
    const s = createStateModel({ freshTarget: true });
    expect(s.apply(cm({ ServiceId: 's', InstanceId: 'i', Attributes: {} }), ok).expected).toBe(ok);
    const again = s.apply(cm({ ServiceId: 's', InstanceId: 'i', Attributes: { a: 'b' } }), ok);
    expect(again.expected).toMatchObject({ outcome: 'success', alsoAcceptable: { codes: ['DuplicateRequest'] } });
    expect(again.keys).toEqual(['cm:s:i']);
  });
  it('a reused CreatorRequestId with other parameters expects a conflict-class error (inferred)', () => {
    const s = createStateModel({ freshTarget: true });
    s.apply(cm({ ServiceId: 's', InstanceId: 'i', CreatorRequestId: 't', Attributes: {} }), ok);
    expect(s.apply(cm({ ServiceId: 's', InstanceId: 'i', CreatorRequestId: 't', Attributes: {} }), ok).expected).toBe(ok);
    expect(s.apply(cm({ ServiceId: 's', InstanceId: 'j', CreatorRequestId: 't', Attributes: {} }), ok).expected).toMatchObject({ outcome: 'error', codes: ['DuplicateRequest', 'ResourceInUse'], confidence: 'inferred' });
  });
  it('the 1,001st instance of a service expects ResourceLimitExceeded', () => {
    const s = createStateModel({ freshTarget: true });
    for (let i = 0; i < 1000; i++) s.apply(cm({ ServiceId: 's', InstanceId: `i${i}`, Attributes: {} }), ok);
    expect(s.apply(cm({ ServiceId: 's', InstanceId: 'last', Attributes: {} }), ok).expected).toMatchObject({ outcome: 'error', codes: ['ResourceLimitExceeded'] });
    expect(s.apply(cm({ ServiceId: 'other', InstanceId: 'last', Attributes: {} }), ok).expected).toBe(ok);
  });
  it('Proton: an existing name conflicts, a token replay is success, a token with other parameters is a mismatch', () => {
    const s = createStateModel({ freshTarget: true });
    const first = { serviceName: 'svc', name: 'n', spec: 'a', clientToken: 'tok' };
    expect(s.apply(pr(first), ok).expected).toBe(ok);
    expect(s.apply(pr(first), ok).expected).toBe(ok);
    expect(s.apply(pr({ ...first, spec: 'b' }), ok).expected).toMatchObject({ codes: ['ValidationException'], confidence: 'inferred' });
    expect(s.apply(pr({ serviceName: 'svc', name: 'n', spec: 'a' }), ok).expected).toMatchObject({ codes: ['ConflictException'] });
    // An empty token is no token: no idempotency can hang on "".
    expect(s.apply(pr({ serviceName: 'svc', name: 'm', spec: 'a', clientToken: '' }), ok).keys).toEqual(['pr:svc/m']);
  });
  it('leaves expected errors alone: invalid payloads never reach the state', () => {
    const s = createStateModel({ freshTarget: true });
    const err: Expected = { outcome: 'error', codes: ['InvalidInput'], statuses: [400], violations: [], message: 'm', source: 's', confidence: 'documented' };
    expect(s.apply(cm({ ServiceId: 's', InstanceId: 'i' }), err)).toEqual({ expected: err, keys: [] });
  });
  it('on a target this run did not start, a token it has not sent may predate it: the mismatch answer is accepted too', () => {
    const s = createStateModel({ freshTarget: false });
    expect(s.apply(cm({ ServiceId: 's', InstanceId: 'i', CreatorRequestId: '1', Attributes: {} }), ok).expected).toMatchObject({ outcome: 'success', alsoAcceptable: { codes: ['DuplicateRequest', 'ResourceInUse'] } });
    expect(s.apply(pr({ serviceName: 'svc', name: 'n', spec: 'a', clientToken: 't' }), ok).expected).toMatchObject({ outcome: 'success', alsoAcceptable: { codes: ['ValidationException'] } });
    // Without a token nothing can predate the run.
    expect(s.apply(pr({ serviceName: 'svc', name: 'm', spec: 'a' }), ok).expected).toBe(ok);
  });
});
