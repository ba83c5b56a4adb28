// The core verdict: did the target accept what the contract accepts, reject what it rejects, and with
// the documented code and one of the documented statuses?
import { classOf } from '../protocol/errorClasses.ts';
import type { Discrepancy } from '../contract/discrepancy.ts';
import type { Check } from './exchange.ts';
import { actualSummary, constraintOf, expectedSummary, isSuccessStatus, NO_FINDINGS } from './exchange.ts';

export const outcomeCheck: Check = ({ case: c, expected, outcome }) => {
  // Transport failures, 5xx and unreadable bodies are other checks' business.
  if (outcome.transport || outcome.status >= 500 || outcome.bodyProblem) return NO_FINDINGS;
  const ok = isSuccessStatus(outcome.status);
  // Built only for a finding (most cases have none): the same members in the same order as always.
  const finding = (kind: Discrepancy['kind'], severity: Discrepancy['severity'], detail: string): Discrepancy[] => {
    const violation = expected.outcome === 'error' ? expected.violations[0] : undefined;
    return [{
      operation: c.operation,
      constraint: violation ? violation.constraint : constraintOf(c),
      source: violation ? violation.source : expected.source,
      confidence: violation ? violation.confidence : expected.confidence,
      expected: expectedSummary(expected),
      actual: actualSummary(outcome),
      kind, severity, detail,
    }];
  };

  if (expected.outcome === 'success') {
    if (!ok && isOneOf(outcome.code, expected.alsoAcceptable?.codes)) return NO_FINDINGS;
    return ok ? [] : finding('rejected-valid', 'error', `valid payload rejected with ${outcome.code ?? 'no code'} (HTTP ${outcome.status})`);
  }
  if (ok) return finding('accepted-invalid', 'error', `accepted (HTTP ${outcome.status}); expected ${expected.codes.join(' or ')}`);
  const code = outcome.code;
  if (code === undefined || !expected.codes.includes(code)) {
    // An error even within the class: an SDK raises another exception class, so `catch (InvalidInput)` breaks.
    const sameClass = code !== undefined && classOf(code) !== undefined && classOf(code) === classOf(expected.codes[0]);
    return finding('error-code', 'error',
      `answered ${code ?? 'no error code'}; expected ${expected.codes.join(' or ')}${sameClass ? ' (same error class)' : ''}`);
  }
  if (!expected.statuses.includes(outcome.status)) {
    return finding('status', 'warning', `${code} with HTTP ${outcome.status}; documented: ${expected.statuses.join(' or ')}`);
  }
  return NO_FINDINGS;
};

const isOneOf = (code: string | undefined, acceptable: string[] | undefined): boolean =>
  code !== undefined && acceptable !== undefined && acceptable.includes(code);
