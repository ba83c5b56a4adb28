// Issue 9 §3/§4: the console leads with root causes, each with both axes (severity · confidence), the
// constraints it was seen on, and its consequences; the verdict counts root causes.
import { describe, expect, it } from 'vitest';
import { renderConsole } from '../../src/report/console.ts';
import { discrepancy, reportOf, wrongCode } from './reports.ts';

describe('console', () => {
  it('one block per root cause, gating first, both axes on each; the verdict counts root causes', () => {
    const r = reportOf([
      discrepancy({ kind: 'status', constraint: 'CreatorRequestId#length', severity: 'warning', gating: false, actual: { status: 422, code: 'InvalidInput' } }),
      wrongCode('InstanceId#pattern', 'ValidationException', { count: 4 }),
      wrongCode('InstanceId#length', 'ValidationException', { count: 2 }),
      discrepancy({ kind: 'idempotency', constraint: 'idempotency:token-replay', answers: ['RegisterInstance code ValidationException'] }),
    ]);
    const text = renderConsole(r, 'reports');
    const blocks = text.split('\n').filter((l) => /^[✗·] /.test(l));
    expect(blocks).toEqual([
      `✗ error · documented · error-code: InvalidInput → ValidationException ×6 [${r.findings[0]!.id}]`,
      `· warning · documented · status: InvalidInput → HTTP 422 (documented: 400) ×3 [${r.findings[1]!.id}]`,
    ]);
    expect(text).toContain('seen on 2 constraint(s): RegisterInstance: InstanceId#pattern ×4, InstanceId#length ×2');
    expect(text).toContain('consequence: the RegisterInstance idempotency scenario [idempotency:token-replay] fails with it');
    expect(text).toContain('RegisterInstance: 2 finding(s)');
    expect(text).toMatch(/FAIL: 1 gating, 1 other finding\(s\) \(4 discrepancies over constraints and scenarios\); reports in reports\/\n$/);
  });
});
