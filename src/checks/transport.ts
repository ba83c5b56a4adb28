// No HTTP response at all (timeout, reset, refused, oversized): the target failed below the protocol.
import type { Check } from './exchange.ts';
import { actualSummary, constraintOf, expectedSummary, NO_FINDINGS } from './exchange.ts';

export const transportCheck: Check = ({ case: c, expected, outcome }) => {
  if (!outcome.transport) return NO_FINDINGS;
  return [{
    operation: c.operation,
    kind: 'transport',
    constraint: constraintOf(c),
    severity: 'error',
    source: 'harness: a request must get an HTTP response',
    confidence: 'documented',
    expected: expectedSummary(expected),
    actual: actualSummary(outcome),
    detail: `no response: ${outcome.transport.failure} (${outcome.transport.message})`,
  }];
};
