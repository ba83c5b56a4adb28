// A case the target kept throttling through every retry (src/targets/retry.ts) was never judged: it is reported as
// `throttled` (DESIGN kinds), never as what a throttling code would otherwise look like (rejected-valid, error-code).
import type { Case } from '../contract/case.ts';
import type { Expected } from '../contract/expected.ts';
import type { Outcome } from '../contract/outcome.ts';
import { STANDARD_RETRY } from '../protocol/throttling.ts';
import type { Discrepancy } from '../contract/discrepancy.ts';
import { actualSummary, expectedSummary } from './exchange.ts';

/** One finding per operation and answer (`throttling:<code or status>`): the payload is not what it is about. */
export function throttledDiscrepancy(c: Case, expected: Expected, outcome: Outcome, target?: string): Discrepancy {
  const answer = outcome.code ?? `HTTP ${outcome.status}`;
  return {
    operation: c.operation,
    kind: 'throttled',
    constraint: `throttling:${outcome.code ?? outcome.status}`,
    severity: 'warning',
    source: STANDARD_RETRY.source,
    confidence: 'documented',
    expected: expectedSummary(expected),
    actual: actualSummary(outcome),
    detail: `${target ? `${target}: ` : ''}still throttled (${answer}) after ${outcome.attempts ?? 1} attempts: the case was not judged; lower --rate-limit`,
  };
}
