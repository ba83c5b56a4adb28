// An operation whose prerequisites the target could not provide is not tested: a finding of its own kind
// (DESIGN "not-tested"), gating like any error, with the call that failed and the target's answer, and a
// stable id (operation, kind, the failing call, the answer's code) so a baseline can accept it.
import { findingId } from '../report/findingId.ts';
import type { Finding } from '../report/types.ts';
import { gates, type Gate } from './findings.ts';
import { maskDeep, type MaskPairs } from './mask.ts';
import type { NotPrepared } from './prerequisites.ts';

export function notTestedFinding(n: NotPrepared, o: { seed: number; gate: Gate; reproduce: string; pairs: MaskPairs }): Finding {
  const constraint = `prerequisite:${n.call.operation}`;
  const { answer } = n;
  const finding: Finding = {
    operation: n.operation, kind: 'not-tested', constraint, severity: 'error', confidence: 'documented',
    source: `${n.operation} needs ${n.call.operation} (${n.call.service}) to prepare its cases`,
    expected: { outcome: 'success', codes: [], statuses: [200], source: 'the prerequisite call through the public API' },
    actual: { status: answer.status, ...(answer.code ? { code: answer.code } : {}), ...(answer.message ? { message: answer.message } : {}) },
    detail: `not tested: ${n.call.operation} answered ${answer.code ?? '-'} (HTTP ${answer.status}) while preparing ${n.operation}`
      + (n.throttled ? `, still throttled after ${n.throttled.attempts} attempts; lower --rate-limit` : ''),
    id: findingId(n.operation, 'not-tested', constraint, answer.code),
    count: 1,
    request: { service: n.call.service, operation: n.call.operation, input: n.call.input },
    context: {},
    seed: o.seed, path: '', shrinkSteps: 0, gating: false, baselined: false, reproduce: o.reproduce,
  };
  const masked = maskDeep(finding, o.pairs);
  return { ...masked, gating: gates(masked, o.gate) };
}
