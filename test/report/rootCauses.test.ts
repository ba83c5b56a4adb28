// Issue 9 §3: grouping discrepancies into root causes (pure), and baselines matching at the
// (root cause, constraint) level.
import { describe, expect, it } from 'vitest';
import { findingId } from '../../src/report/findingId.ts';
import { assignRootCauses, rootCauses } from '../../src/report/rootCauses.ts';
import type { Finding } from '../../src/report/types.ts';
import { applyBaseline, type Baseline } from '../../src/run/baseline.ts';
import { discrepancy, wrongCode } from './reports.ts';

const group = (ds: Finding[]) => {
  assignRootCauses(ds);
  return rootCauses(ds);
};

describe('root causes', () => {
  it('what a target accepts: one per (operation, constraint)', () => {
    const causes = group([
      discrepancy({ constraint: 'InstanceId#length' }),
      discrepancy({ constraint: 'InstanceId#pattern' }),
      discrepancy({ operation: 'CreateServiceInstance', constraint: 'name#length' }),
    ]);
    expect(causes.map((c) => `${c.kind} ${c.operations.join()} ${c.seenOn.map((s) => s.constraint).join()}`).sort()).toEqual([
      'accepted-invalid CreateServiceInstance name#length',
      'accepted-invalid RegisterInstance InstanceId#length',
      'accepted-invalid RegisterInstance InstanceId#pattern',
    ]);
  });

  it('what a target refuses: one per rule of its own, told by its words; differently worded refusals stay apart', () => {
    const refused = (constraint: string, code: string, message: string) =>
      discrepancy({ kind: 'rejected-valid', constraint, actual: { status: 400, code, message }, expected: { outcome: 'success', codes: [], statuses: [200], source: 'model' } });
    const causes = group([
      refused('InstanceId#length', 'InvalidInput', 'CreatorRequestId is required'),
      refused('Attributes{key}#pattern', 'InvalidInput', 'CreatorRequestId is required'),
      refused('rule:custom-attributes-max-30', 'InvalidInput', 'You can add up to 29 custom attributes.'),
      refused('InstanceId#pattern', 'InvalidInput', "1 validation error detected: Value 'a' at 'instanceId' failed to satisfy constraint"),
      refused('ServiceId#length', 'InvalidInput', "1 validation error detected: Value 'b' at 'serviceId' failed to satisfy constraint"),
    ]);
    expect(causes.map((c) => c.seenOn.map((s) => s.constraint).join()).sort()).toEqual([
      'InstanceId#length,Attributes{key}#pattern', 'InstanceId#pattern', 'ServiceId#length', 'rule:custom-attributes-max-30',
    ]);
    expect(causes.map((c) => c.signature)).toContain('RegisterInstance: valid payload refused with InvalidInput "CreatorRequestId is required"');
  });

  it('how it answers: one per answer signature over constraints and operations, constraints listed with counts', () => {
    const ds = [
      wrongCode('InstanceId#pattern', 'ValidationException', { count: 4 }),
      wrongCode('InstanceId#length', 'ValidationException', { count: 2 }),
      wrongCode('Attributes#size', 'ServiceQuotaExceededException'), // another class: another bug
      wrongCode('ServiceId#length', undefined, { count: 5 }),
      wrongCode('state:service-not-found', undefined, { expected: { outcome: 'error', codes: ['ServiceNotFound'], statuses: [404], source: 'model' }, actual: { status: 404 } }),
      wrongCode('name#length', undefined, { operation: 'CreateServiceInstance', expected: { outcome: 'error', codes: ['ValidationException'], statuses: [400], source: 'model' } }),
      discrepancy({ kind: 'status', constraint: 'InstanceId#length', severity: 'warning', actual: { status: 403, code: 'InvalidInput' } }),
      discrepancy({ kind: 'status', operation: 'CreateServiceInstance', constraint: 'name#length', severity: 'warning', actual: { status: 403, code: 'ValidationException' } }),
      discrepancy({ kind: 'status', constraint: 'CreatorRequestId#length', severity: 'warning', actual: { status: 422, code: 'InvalidInput' } }),
      discrepancy({ kind: 'server-error', constraint: 'InstanceId#length', actual: { status: 500, code: 'InvalidInput' } }),
      discrepancy({ kind: 'server-error', operation: 'CreateServiceInstance', constraint: 'tags#size', actual: { status: 500, code: 'ValidationException' } }),
      discrepancy({ kind: 'server-error', constraint: 'Attributes{value}#length', actual: { status: 502, bodyProblem: 'html' } }),
      discrepancy({ kind: 'server-error', constraint: 'InstanceId#length', expected: { outcome: 'success', codes: [], statuses: [200], source: 'model' }, actual: { status: 500, code: 'InvalidInput' } }),
    ];
    const causes = group(ds);
    const sig = (c: (typeof causes)[number]) => `${c.kind}: ${c.signature} @ ${c.seenOn.map((s) => `${s.constraint}×${s.count}`).join(', ')}`;
    expect(causes.map(sig).sort()).toEqual([
      'error-code: InvalidInput | ServiceNotFound | ValidationException → no error code @ ServiceId#length×5, state:service-not-found×3, name#length×3',
      'error-code: InvalidInput → ServiceQuotaExceededException @ Attributes#size×3',
      'error-code: InvalidInput → ValidationException @ InstanceId#pattern×4, InstanceId#length×2',
      'server-error: InvalidInput → HTTP 500 InvalidInput | ValidationException @ InstanceId#length×3, tags#size×3',
      'server-error: InvalidInput → HTTP 502 unreadable body (html) @ Attributes{value}#length×3',
      'server-error: success → HTTP 500 InvalidInput @ InstanceId#length×3',
      'status: InvalidInput | ValidationException → HTTP 403 (documented: 400) @ InstanceId#length×3, name#length×3',
      'status: InvalidInput → HTTP 422 (documented: 400) @ CreatorRequestId#length×3',
    ]);
    const renamed = causes.find((c) => c.signature.endsWith('→ ValidationException'))!;
    expect(renamed.count).toBe(6);
    for (const d of ds) expect(causes.map((c) => c.id)).toContain(d.finding);
    // Gating ones first, errors before warnings.
    expect(causes.map((c) => c.severity)).toEqual([...causes.map((c) => c.severity)].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1)));
  });

  it('a scenario failure whose steps show a reported answer is a consequence of it; otherwise its own root cause', () => {
    const ds = [
      wrongCode('InstanceId#pattern', 'ValidationException'),
      discrepancy({ kind: 'idempotency', constraint: 'idempotency:token-mismatch', answers: ['RegisterInstance validation with HTTP 400', 'RegisterInstance code ValidationException'] }),
      // The same answer on another operation is not the reported bug (Proton answers ValidationException by contract).
      discrepancy({ kind: 'idempotency', operation: 'CreateServiceInstance', constraint: 'idempotency:token-mismatch', answers: ['CreateServiceInstance code ValidationException'] }),
      discrepancy({ kind: 'state', constraint: 'state:re-register-updates', answers: ['RegisterInstance code InvalidInput'] }),
      // A refusal reported as a root cause (a token the target requires) breaks the no-token scenario too.
      discrepancy({ kind: 'rejected-valid', constraint: 'InstanceId#length', actual: { status: 400, code: 'InvalidInput', message: 'token required' }, expected: { outcome: 'success', codes: [], statuses: [200], source: 'model' } }),
      discrepancy({ kind: 'idempotency', constraint: 'idempotency:no-token', answers: ['RegisterInstance code InvalidInput', 'RegisterInstance refused InvalidInput: token required'] }),
    ];
    const causes = group(ds);
    expect(causes.map((c) => c.kind).sort()).toEqual(['error-code', 'idempotency', 'rejected-valid', 'state']);
    expect(causes.find((c) => c.kind === 'rejected-valid')!.consequences.map((q) => q.constraint)).toEqual(['idempotency:no-token']);
    const code = causes.find((c) => c.kind === 'error-code')!;
    expect(code.consequences.map((q) => `${q.operation} ${q.constraint}`)).toEqual(['RegisterInstance idempotency:token-mismatch']);
    expect(ds[1]).toMatchObject({ finding: code.id, consequence: true });
    expect(ds[2]!.consequence).toBeUndefined();
    expect(code.count).toBe(3); // consequences are listed, not counted as cases of it
  });

  it('the most specific cause explains a scenario: the same rule seen case by case, then a refusal in the same words, then a code', () => {
    const valid = { outcome: 'success' as const, codes: [], statuses: [200], source: 'model' };
    const ds = [
      wrongCode('InstanceId#pattern', 'ValidationException'),
      discrepancy({ kind: 'rejected-valid', constraint: 'InstanceId#length', expected: valid, actual: { status: 400, code: 'ValidationException', message: 'token required' } }),
      // A wrong code in the refusal's words is that rule firing first: the same root cause.
      wrongCode('state:service-not-found', 'ValidationException', { actual: { status: 400, code: 'ValidationException', message: 'token required' }, expected: { outcome: 'error', codes: ['ServiceNotFound'], statuses: [404], source: 'model' } }),
      discrepancy({ kind: 'idempotency', constraint: 'idempotency:no-token', answers: ['RegisterInstance code ValidationException', 'RegisterInstance refused ValidationException: token required'] }),
      discrepancy({ constraint: 'state:name-conflict' }),
      discrepancy({ kind: 'state', constraint: 'state:name-conflict', answers: [] }),
    ];
    const causes = group(ds);
    const refusal = causes.find((c) => c.kind === 'rejected-valid')!;
    expect(refusal.signature).toBe('RegisterInstance: valid payload refused with ValidationException "token required"');
    expect(refusal.seenOn.map((o) => o.constraint).sort()).toEqual(['InstanceId#length', 'state:service-not-found']);
    expect(refusal.consequences.map((q) => q.constraint)).toEqual(['idempotency:no-token']);
    const accepted = causes.find((c) => c.kind === 'accepted-invalid')!;
    expect(accepted.consequences.map((q) => q.constraint)).toEqual(['state:name-conflict']);
    expect(causes.map((c) => c.kind).sort()).toEqual(['accepted-invalid', 'error-code', 'rejected-valid']);
  });

  it('a refused valid case names no rule: a scenario with its constraint id is not its consequence without its answer', () => {
    const ds = [
      discrepancy({ kind: 'rejected-valid', operation: 'CreateServiceInstance', constraint: 'state:name-conflict', actual: { status: 400, code: 'ValidationException', message: 'bad tags' }, expected: { outcome: 'success', codes: [], statuses: [200], source: 'model' } }),
      discrepancy({ kind: 'state', operation: 'CreateServiceInstance', constraint: 'state:name-conflict', answers: ['CreateServiceInstance code ConflictException'] }),
    ];
    expect(group(ds).map((c) => c.kind).sort()).toEqual(['rejected-valid', 'state']);
  });

  it('protocol: one root cause per departure from the wire format, over operations and codes', () => {
    const proto = (operation: string, constraint: string, code?: string) => discrepancy({
      kind: 'protocol', operation, constraint, severity: constraint.endsWith('content-type') ? 'warning' : 'error',
      actual: { status: 400, ...(code ? { code } : {}) },
    });
    const causes = group([
      proto('RegisterInstance', 'protocol:content-type'), proto('CreateServiceInstance', 'protocol:content-type'),
      proto('RegisterInstance', 'protocol:sdk-error-code:botocore', 'InvalidInput'),
      proto('CreateServiceInstance', 'protocol:sdk-error-code:botocore', 'ValidationException'),
    ]);
    expect(causes.map((c) => [c.seenOn.length, c.operations.length, c.severity]).sort()).toEqual([[2, 2, 'error'], [2, 2, 'warning']]);
  });

  it('both axes: the highest severity, documented when any is, gating when any gates, baselined only when all are', () => {
    const [c] = group([
      wrongCode('a', 'ValidationException', { severity: 'warning', confidence: 'inferred', gating: false, baselined: true }),
      wrongCode('b', 'ValidationException', { severity: 'error', confidence: 'documented', gating: true }),
    ]);
    expect(c).toMatchObject({ severity: 'error', confidence: 'documented', gating: true, baselined: false });
    // The example is a gating one, its payload the smallest of those.
    expect(c!.example.constraint).toBe('b');
  });

  it('ids are stable: the same bug has the same id whatever its constraints, counts, payloads or order', () => {
    const one = group([wrongCode('a', 'ValidationException', { count: 1, request: { x: 1 } })])[0]!.id;
    const two = group([wrongCode('z', 'ValidationException', { count: 9 }), wrongCode('a', 'ValidationException')]).map((c) => c.id);
    expect(two).toEqual([one]);
    expect(group([wrongCode('a', 'OtherException')])[0]!.id).not.toBe(one);
    expect(group([discrepancy({ constraint: 'a' })])[0]!.id).not.toBe(group([discrepancy({ constraint: 'b' })])[0]!.id);
  });
});

describe('baseline at the (root cause, constraint) level', () => {
  // A run that exercised these constraints both ways (so an entry it did not find is fixed, not "not exercised").
  const both = { valid: 1, invalid: 1 };
  const RUN = {
    operations: ['RegisterInstance'], cases: { RegisterInstance: 10 }, scenarios: new Set<string>(),
    coverage: { RegisterInstance: { 'CreatorRequestId#length': both, 'InstanceId#length': both, 'InstanceId#pattern': both } },
  };
  const entryOf = (d: Finding) => ({ id: d.id, operation: d.operation, kind: d.kind, constraint: d.constraint, finding: d.finding! });

  it('a known deviation on one constraint never hides the same deviation on a new constraint, nor another deviation on the same one', () => {
    const known = [discrepancy({ kind: 'status', constraint: 'CreatorRequestId#length', severity: 'warning', actual: { status: 422, code: 'InvalidInput' } })];
    assignRootCauses(known);
    const baseline: Baseline = { baselineVersion: 1, findings: known.map(entryOf) };

    const now = [
      discrepancy({ kind: 'status', constraint: 'CreatorRequestId#length', severity: 'warning', actual: { status: 422, code: 'InvalidInput' } }), // known
      discrepancy({ kind: 'status', constraint: 'InstanceId#length', severity: 'warning', actual: { status: 422, code: 'InvalidInput' } }), // same bug, new constraint
    ];
    assignRootCauses(now);
    expect(applyBaseline(now, baseline, RUN).fixed).toEqual([]);
    expect(now.map((d) => [d.constraint, d.baselined, d.gating])).toEqual([['CreatorRequestId#length', true, false], ['InstanceId#length', false, true]]);
    const [cause] = rootCauses(now);
    expect(cause).toMatchObject({ gating: true, baselined: false });

    // Same constraint, same code, another status: the discrepancy id is the same (operation, kind, constraint,
    // code), but the root cause is not: it is new, and the known one is fixed.
    const other = [discrepancy({ kind: 'status', constraint: 'CreatorRequestId#length', severity: 'warning', actual: { status: 403, code: 'InvalidInput' } })];
    assignRootCauses(other);
    expect(other[0]!.id).toBe(known[0]!.id);
    expect(applyBaseline(other, baseline, RUN).fixed).toEqual([known[0]!.id]);
    expect(other[0]).toMatchObject({ baselined: false, gating: true });
  });

  it('entries of older baselines (no finding) keep matching by id', () => {
    const now = [discrepancy()];
    assignRootCauses(now);
    const fixed = applyBaseline(now, { baselineVersion: 1, findings: [{ id: findingId('RegisterInstance', 'accepted-invalid', 'InstanceId#pattern', undefined), operation: 'RegisterInstance', kind: 'accepted-invalid', constraint: 'InstanceId#pattern' }] }, RUN);
    expect(fixed).toEqual({ fixed: [], notExercised: [] });
    expect(now[0]).toMatchObject({ baselined: true, gating: false });
  });
});
