// Hand-made discrepancies and reports for the sink and root-cause tests: grouped the way a run groups them.
import { findingId } from '../../src/report/findingId.ts';
import { assignRootCauses, rootCauses } from '../../src/report/rootCauses.ts';
import type { Finding, Report, RunInfo } from '../../src/report/types.ts';

export function discrepancy(over: Partial<Finding> = {}): Finding {
  const base: Finding = {
    id: '', operation: 'RegisterInstance', kind: 'accepted-invalid', constraint: 'InstanceId#pattern', severity: 'error',
    source: 'model', confidence: 'documented', detail: 'accepted (HTTP 200); expected InvalidInput',
    expected: { outcome: 'error', codes: ['InvalidInput'], statuses: [400], source: 'model' }, actual: { status: 200 },
    count: 3, request: { ServiceId: 'srv-x', InstanceId: 'a<b>' }, context: {}, seed: 1, path: '0:2', shrinkSteps: 2,
    gating: true, baselined: false, reproduce: 'npx contract-fuzz replay fixtures/RegisterInstance/x.json --target builtin',
    ...over,
  };
  return { ...base, id: over.id ?? findingId(base.operation, base.kind, base.constraint, base.actual.code) };
}

/** A code answered where another was expected, on `constraint`. */
export const wrongCode = (constraint: string, code: string | undefined, over: Partial<Finding> = {}): Finding => discrepancy({
  kind: 'error-code', constraint, actual: { status: 400, ...(code !== undefined ? { code } : {}) }, detail: `answered ${code ?? 'no error code'}; expected InvalidInput`, ...over,
});

export function reportOf(findings: Finding[], run: Partial<RunInfo> = {}): Report {
  assignRootCauses(findings);
  const causes = rootCauses(findings);
  return {
    tool: { name: 'contract-fuzz', version: '0.1.0' },
    run: {
      seed: 1, target: 'builtin', operations: ['RegisterInstance', 'CreateServiceInstance'], runs: 10, concurrency: 4,
      strictness: 'documented', failOn: 'error', scenarios: true, startedAt: '2026-12-01T20:00:00.000Z', durationMs: 1234, casesPerSecond: 10, ...run,
    },
    summary: {
      cases: 10, requests: 12, discrepancies: findings.length, gating: findings.filter((f) => f.gating).length,
      findings: causes.length, gatingFindings: causes.filter((c) => c.gating).length, byKind: {}, byOperation: {},
    },
    coverage: {}, findings: causes, discrepancies: findings, fixed: [],
  };
}
