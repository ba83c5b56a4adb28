import { describe, expect, it } from 'vitest';
import { diffOutcomes } from '../../src/checks/diff.ts';
import { DEFAULT_CHECKS } from '../../src/checks/index.ts';
import { messageCheck } from '../../src/checks/message.ts';
import type { Case } from '../../src/contract/case.ts';
import type { Expected } from '../../src/contract/expected.ts';
import type { Outcome } from '../../src/contract/outcome.ts';

const invalidCase: Case = { operation: 'RegisterInstance', kind: 'invalid', input: { InstanceId: 'x'.repeat(65) }, breaks: ['InstanceId#length'], exercises: [], context: {} };
const validCase: Case = { operation: 'RegisterInstance', kind: 'valid', input: {}, breaks: [], exercises: ['InstanceId#length'], context: {} };
const rejects: Expected = {
  outcome: 'error', codes: ['InvalidInput'], statuses: [400], message: '1 validation error detected: …', source: 'model', confidence: 'documented',
  violations: [{ constraint: 'InstanceId#length', path: 'InstanceId', message: '…', code: 'InvalidInput', source: 'model', confidence: 'documented' }],
};
const accepts: Expected = { outcome: 'success', source: 'model', confidence: 'documented' };
const out = (o: Partial<Outcome>): Outcome => ({ status: 200, headers: {}, latencyMs: 1, body: { OperationId: 'op-1' }, ...o });
const run = (c: Case, e: Expected, o: Outcome) => DEFAULT_CHECKS.flatMap((check) => check({ case: c, expected: e, outcome: o }));

describe('per-case checks', () => {
  it('says nothing when the target answers as the contract says', () => {
    expect(run(invalidCase, rejects, out({ status: 400, code: 'InvalidInput', body: {} }))).toEqual([]);
    expect(run(validCase, accepts, out({}))).toEqual([]);
  });
  it('accepted-invalid names the broken constraint, its source and confidence', () => {
    const [d] = run(invalidCase, rejects, out({}));
    expect(d).toMatchObject({ kind: 'accepted-invalid', constraint: 'InstanceId#length', severity: 'error', confidence: 'documented' });
  });
  it('rejected-valid, unless the state made the error acceptable', () => {
    expect(run(validCase, accepts, out({ status: 400, code: 'InvalidInput', body: {} }))[0]).toMatchObject({ kind: 'rejected-valid', constraint: 'InstanceId#length' });
    const inFlight: Expected = { ...accepts, alsoAcceptable: { codes: ['DuplicateRequest'], why: 'in progress' } };
    expect(run(validCase, inFlight, out({ status: 409, code: 'DuplicateRequest', body: {} }))).toEqual([]);
  });
  // Issue 9 §4: a wrong exact code is an error even within its class (an SDK raises another exception class).
  it('error-code: a same-class code is an error, as is another class', () => {
    expect(run(invalidCase, rejects, out({ status: 400, code: 'ValidationException', body: {} }))[0]).toMatchObject({ kind: 'error-code', severity: 'error' });
    expect(run(invalidCase, rejects, out({ status: 404, code: 'ServiceNotFound', body: {} }))[0]).toMatchObject({ kind: 'error-code', severity: 'error' });
  });
  it('status: the right code with an undocumented status', () => {
    expect(run(invalidCase, rejects, out({ status: 422, code: 'InvalidInput', body: {} }))).toMatchObject([{ kind: 'status' }]);
  });
  it('server-error for 5xx and unreadable bodies, transport when nothing came back, and nothing else then', () => {
    expect(run(validCase, accepts, out({ status: 500, body: undefined }))).toMatchObject([{ kind: 'server-error' }]);
    expect(run(validCase, accepts, out({ status: 200, body: undefined, bodyProblem: 'html', bodyExcerpt: '<html>' }))).toMatchObject([{ kind: 'server-error' }]);
    expect(run(invalidCase, rejects, out({ status: 0, body: undefined, transport: { failure: 'reset', message: 'ECONNRESET' } }))).toMatchObject([{ kind: 'transport' }]);
  });
  it('response-schema: a 2xx body that breaks the output shape', () => {
    const proton: Case = { operation: 'CreateServiceInstance', kind: 'valid', input: {}, breaks: [], exercises: ['name#length'], context: {} };
    const [d] = run(proton, accepts, out({ body: { serviceInstance: { name: 'a' } } }));
    expect(d).toMatchObject({ kind: 'response-schema', severity: 'error' });
    expect(d.detail).toContain('serviceInstance');
  });
  it('message is informational and only compares exact codes', () => {
    expect(messageCheck({ case: invalidCase, expected: rejects, outcome: out({ status: 400, code: 'InvalidInput', message: 'other words' }) })).toMatchObject([{ kind: 'message', severity: 'info' }]);
    expect(messageCheck({ case: invalidCase, expected: rejects, outcome: out({ status: 400, code: 'InvalidInput', message: rejects.message }) })).toEqual([]);
  });
});

describe('differential verdict', () => {
  const a = (o: Partial<Outcome>) => out(o);
  it('compares outcome, code class, code and status against the reference', () => {
    expect(diffOutcomes(invalidCase, a({ status: 400, code: 'InvalidInput' }), a({}), 'aws')).toMatchObject([{ kind: 'accepted-invalid' }]);
    expect(diffOutcomes(validCase, a({}), a({ status: 400, code: 'InvalidInput' }), 'aws')).toMatchObject([{ kind: 'rejected-valid' }]);
    expect(diffOutcomes(invalidCase, a({ status: 400, code: 'InvalidInput' }), a({ status: 400, code: 'ValidationException' }), 'aws')).toMatchObject([{ kind: 'error-code', severity: 'error' }]);
    expect(diffOutcomes(invalidCase, a({ status: 400, code: 'InvalidInput' }), a({ status: 409, code: 'InvalidInput' }), 'aws')).toMatchObject([{ kind: 'status' }]);
    expect(diffOutcomes(invalidCase, a({ status: 400, code: 'InvalidInput' }), a({ status: 502 }), 'aws')).toMatchObject([{ kind: 'server-error' }]);
    expect(diffOutcomes(invalidCase, a({ status: 400, code: 'InvalidInput' }), a({ status: 400, code: 'InvalidInput' }), 'aws')).toEqual([]);
  });
  // Regression: builtin answers the model's status (404) where AWS answers the reference page's (400); both are
  // documented, so a diff between them must not fail the gate.
  it('two documented statuses for the same code are no difference', () => {
    expect(diffOutcomes(invalidCase, a({ status: 404, code: 'ServiceNotFound' }), a({ status: 400, code: 'ServiceNotFound' }), 'builtin')).toEqual([]);
    expect(diffOutcomes(invalidCase, a({ status: 404, code: 'ServiceNotFound' }), a({ status: 418, code: 'ServiceNotFound' }), 'builtin')).toMatchObject([{ kind: 'status' }]);
  });
  it('says nothing when the reference itself failed', () => {
    expect(diffOutcomes(validCase, a({ status: 0, transport: { failure: 'timeout', message: 't' } }), a({ status: 400, code: 'X' }), 'aws')).toEqual([]);
  });
});
