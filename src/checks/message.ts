// Informational: AWS's message wording differs. Never gates; useful when building an emulator.
import type { Check } from './exchange.ts';
import { actualSummary, constraintOf, expectedSummary, NO_FINDINGS } from './exchange.ts';

// Only validation messages have a known AWS wording ("N validation errors detected: …"); state, idempotency
// and protocol messages are the emulator's own words, so comparing them would report our guess, not AWS.
const WORDING_UNKNOWN = /^(state|idempotency|protocol):/;

export const messageCheck: Check = ({ case: c, expected, outcome }) => {
  if (expected.outcome !== 'error' || outcome.code === undefined || !expected.codes.includes(outcome.code)) return NO_FINDINGS;
  if (expected.violations.some((v) => WORDING_UNKNOWN.test(v.constraint))) return NO_FINDINGS;
  if (outcome.message === expected.message) return NO_FINDINGS;
  return [{
    operation: c.operation,
    kind: 'message',
    constraint: expected.violations[0]?.constraint ?? constraintOf(c),
    severity: 'info',
    source: expected.source,
    confidence: 'inferred',
    expected: expectedSummary(expected),
    actual: actualSummary(outcome),
    detail: `message differs: expected "${expected.message.slice(0, 160)}"`,
  }];
};
