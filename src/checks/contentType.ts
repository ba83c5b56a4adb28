// Protocol: a response whose body was read as JSON under another Content-Type than awsJson's. The SDKs parse
// the body anyway, so the other checks judged it as usual; this is one warning per operation (the finding
// carries no code, so every answer with the wrong header falls in the same group).
import { AWS_JSON_CONTENT_TYPE, isAwsJsonContentType } from '../protocol/contentType.ts';
import type { Check } from './exchange.ts';
import { expectedSummary, NO_FINDINGS } from './exchange.ts';

export const CONTENT_TYPE_CONSTRAINT = 'protocol:content-type';

export const contentTypeCheck: Check = ({ case: c, expected, outcome }) => {
  // Unreadable bodies are server errors; envelope targets speak their own protocol; no header, nothing to judge.
  if (outcome.transport || outcome.bodyProblem || outcome.profile !== undefined) return NO_FINDINGS;
  const contentType = outcome.headers['content-type'];
  if (contentType === undefined || isAwsJsonContentType(contentType)) return NO_FINDINGS;
  return [{
    operation: c.operation,
    kind: 'protocol',
    constraint: CONTENT_TYPE_CONSTRAINT,
    severity: 'warning',
    source: AWS_JSON_CONTENT_TYPE.source,
    confidence: 'documented',
    expected: expectedSummary(expected),
    actual: { status: outcome.status },
    detail: `Content-Type "${contentType.slice(0, 80)}" instead of ${AWS_JSON_CONTENT_TYPE.mediaTypes.join(' or ')} (the JSON body was read and judged as usual; the AWS SDKs do not check the header)`,
  }];
};
