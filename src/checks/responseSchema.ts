// A 2xx body must satisfy the model's output shape (ajv, compiled once per operation).
import type { ErrorObject } from 'ajv';
import { outputValidator } from '../schema/index.ts';
import type { Check } from './exchange.ts';
import { actualSummary, constraintOf, expectedSummary, isSuccessStatus, NO_FINDINGS } from './exchange.ts';

const describe = (e: ErrorObject): string => `${e.instancePath || '/'} ${e.message ?? e.keyword}`;

/** Where a 2xx body breaks the operation's output shape (`output:/…`, list indexes as `[]`), or undefined. */
export function outputProblem(operation: string, body: unknown): { constraint: string; errors: string } | undefined {
  const validate = outputValidator(operation);
  if (validate(body ?? {})) return undefined;
  return {
    constraint: `output:${(validate.errors?.[0]?.instancePath || '/').replace(/\/\d+(?=\/|$)/g, '/[]')}`,
    errors: (validate.errors ?? []).slice(0, 3).map(describe).join('; '),
  };
}

export const responseSchemaCheck: Check = ({ case: c, expected, outcome }) => {
  if (outcome.transport || outcome.bodyProblem || !isSuccessStatus(outcome.status)) return NO_FINDINGS;
  const problem = outputProblem(c.operation, outcome.body);
  if (!problem) return NO_FINDINGS;
  const { errors } = problem;
  return [{
    operation: c.operation,
    kind: 'response-schema',
    constraint: problem.constraint,
    severity: 'error',
    source: `model output shape of ${c.operation}`,
    confidence: 'documented',
    expected: expectedSummary(expected),
    actual: actualSummary(outcome),
    detail: `2xx body breaks the output shape: ${errors} (case ${constraintOf(c)})`,
  }];
};
