// A 5xx or a response the protocol cannot read is a server fault whatever the payload was.
// InternalServerException is a documented Proton error, but never the right answer to a generated case.
import type { Check } from './exchange.ts';
import { actualSummary, constraintOf, expectedSummary, NO_FINDINGS } from './exchange.ts';

export const serverErrorCheck: Check = ({ case: c, expected, outcome }) => {
  if (outcome.transport) return NO_FINDINGS;
  // A body nested too deep is read fine by JSON itself: the protocol check classifies it.
  const unreadable = outcome.bodyProblem !== undefined && outcome.bodyProblem !== 'too-deep';
  const fault = outcome.status >= 500 ? `HTTP ${outcome.status}` : unreadable ? `unreadable response (${outcome.bodyProblem})` : undefined;
  if (!fault) return NO_FINDINGS;
  return [{
    operation: c.operation,
    kind: 'server-error',
    constraint: constraintOf(c),
    severity: 'error',
    source: 'awsJson protocol: a JSON body with a parseable error code or output',
    confidence: 'documented',
    expected: expectedSummary(expected),
    actual: actualSummary(outcome),
    detail: outcome.bodyExcerpt ? `${fault}: ${outcome.bodyExcerpt.slice(0, 120)}` : fault,
  }];
};
