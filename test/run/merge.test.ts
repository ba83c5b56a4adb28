// merge.ts, pure: findings regrouped as one run groups them, and the baseline verdict of the whole from the shards'.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/report/types.ts';
import { regroup } from '../../src/run/merge.ts';

const finding = (id: string, caseId: string | undefined, count: number, extra: Partial<Finding> = {}): Finding => ({
  id, operation: 'RegisterInstance', kind: 'accepted-invalid', constraint: 'InstanceId#length', severity: 'error', confidence: 'documented',
  source: 's', detail: 'd', expected: { outcome: 'error', codes: ['InvalidInput'], statuses: [400], source: 's' }, actual: { status: 200 },
  count, request: { from: caseId }, context: {}, seed: 1, path: '', shrinkSteps: 0, gating: true, baselined: false, reproduce: 'r',
  ...(caseId ? { caseId } : {}), ...extra,
} as Finding);

describe('regroup', () => {
  it('one finding per id: counts add up, the earliest case (by plan index, not text) represents it', () => {
    const out = regroup([finding('a', 'RegisterInstance:120', 2), finding('a', 'RegisterInstance:17', 3), finding('b', 'RegisterInstance:5', 1), finding('a', 'RegisterInstance:9', 1)]);
    expect(out.map((f) => [f.id, f.count, f.caseId, (f.request as { from: string }).from])).toEqual([
      ['a', 6, 'RegisterInstance:9', 'RegisterInstance:9'], ['b', 1, 'RegisterInstance:5', 'RegisterInstance:5'],
    ]);
  });

  it('a not-tested finding is one per run, whichever shards met it; inputs are not changed', () => {
    const inputs = [finding('n', undefined, 1, { kind: 'not-tested' }), finding('n', undefined, 1, { kind: 'not-tested' })];
    expect(regroup(inputs).map((f) => f.count)).toEqual([1]);
    expect(inputs.map((f) => f.count)).toEqual([1, 1]);
  });
});
