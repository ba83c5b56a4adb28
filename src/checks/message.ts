// Informational: AWS's message wording differs. Never gates; useful when building an emulator.
import type { Check } from './exchange.ts';
import { actualSummary, constraintOf, expectedSummary } from './exchange.ts';

export const messageCheck: Check = ({ case: c, expected, outcome }) => {
  if (expected.outcome !== 'error' || outcome.code === undefined || !expected.codes.includes(outcome.code)) return [];
  if (outcome.message === expected.message) return [];
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
