// The canary test's replay listed two findings of one id (one case; a truncated and a non-json body) in the other
// order than the recorded run: findings of one id kept the order their groups closed in, which follows timing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortFindings } from '../../src/run/findings.ts';
import type { Finding } from '../../src/report/types.ts';

const finding = (caseId: string, bodyProblem: string | undefined, status = 422): Finding => ({
  operation: 'CreateServiceInstance', kind: 'unexpected-error', constraint: 'name#pattern', caseId,
  actual: { status, code: 'ValidationException', ...(bodyProblem ? { bodyProblem } : {}) },
} as unknown as Finding);

describe('sortFindings', () => {
  it('orders findings of one id by what was seen, whatever order they came in', () => {
    const all = [finding('CreateServiceInstance:206', 'truncated'), finding('CreateServiceInstance:206', 'non-json'), finding('CreateServiceInstance:31', undefined, 400), finding('CreateServiceInstance:206', undefined, 500)];
    const order = (fs: Finding[]) => fs.map((f) => `${f.caseId} ${f.actual.status} ${f.actual.bodyProblem ?? ''}`);
    const expected = order(sortFindings([...all]));
    fc.assert(fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (shuffled) => {
      expect(order(sortFindings([...shuffled]))).toEqual(expected);
    }));
    expect(expected).toEqual(['CreateServiceInstance:206 422 non-json', 'CreateServiceInstance:206 422 truncated', 'CreateServiceInstance:206 500 ', 'CreateServiceInstance:31 400 ']);
  });
});
