// Differential verdict: the same case sent to a reference target (A) and a target under test (B). No oracle:
// A's answer is the expectation. One finding per way B disagrees (outcome, code class, code, status, faults).
import type { Case } from '../contract/case.ts';
import type { Outcome } from '../contract/outcome.ts';
import { classOf } from '../protocol/errorClasses.ts';
import { statusesFor } from '../profiles/index.ts';
import { serviceOf } from '../model/load.ts';
import type { Discrepancy } from '../contract/discrepancy.ts';
import { actualSummary, constraintOf, isSuccessStatus } from './exchange.ts';

const faultOf = (o: Outcome): string | undefined =>
  o.transport ? `no response (${o.transport.failure})` : o.status >= 500 ? `HTTP ${o.status}` : o.bodyProblem ? `unreadable (${o.bodyProblem})` : undefined;

export function diffOutcomes(c: Case, a: Outcome, b: Outcome, referenceName: string): Discrepancy[] {
  const aOk = isSuccessStatus(a.status);
  const bOk = isSuccessStatus(b.status);
  const expected: Discrepancy['expected'] = aOk
    ? { outcome: 'success', codes: [], statuses: [a.status], source: `observed on ${referenceName}` }
    : { outcome: 'error', codes: a.code ? [a.code] : [], statuses: [a.status], source: `observed on ${referenceName}` };
  const finding = (kind: Discrepancy['kind'], severity: Discrepancy['severity'], detail: string): Discrepancy[] => [{
    operation: c.operation, kind, constraint: constraintOf(c), severity, source: `differential against ${referenceName}`,
    confidence: 'documented', expected, actual: actualSummary(b), detail,
  }];
  const aFault = faultOf(a);
  const bFault = faultOf(b);
  if (bFault && !aFault) return finding(b.transport ? 'transport' : 'server-error', 'error', `${bFault}; ${referenceName} answered ${a.code ?? a.status}`);
  if (aFault) return []; // the reference itself failed: nothing to compare against
  if (aOk && !bOk) return finding('rejected-valid', 'error', `rejected with ${b.code ?? b.status} what ${referenceName} accepted`);
  if (!aOk && bOk) return finding('accepted-invalid', 'error', `accepted what ${referenceName} rejected with ${a.code ?? a.status}`);
  if (aOk) return [];
  if (a.code !== b.code) {
    const sameClass = classOf(a.code) !== undefined && classOf(a.code) === classOf(b.code);
    return finding('error-code', 'error', `${b.code ?? 'no code'} where ${referenceName} answered ${a.code ?? 'no code'}${sameClass ? ' (same class)' : ` (class ${classOf(b.code) ?? '?'} vs ${classOf(a.code) ?? '?'})`}`);
  }
  // The model's httpError and the API reference disagree; either documented status is right for both.
  const documented = b.code !== undefined ? statusesFor(serviceOf(c.operation), b.code) : [];
  if (a.status !== b.status && !(documented.includes(a.status) && documented.includes(b.status))) {
    return finding('status', 'warning', `${b.code} with HTTP ${b.status} where ${referenceName} used ${a.status}`);
  }
  return [];
}
