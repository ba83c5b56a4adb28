// How the body is encoded, whatever it says: bytes that are not UTF-8 (AWS JSON is UTF-8, RFC 8259 §8.1; SDKs
// decode bodies as UTF-8 and silently replace what is not), and JSON nested deeper than anything is walked
// (MAX_JSON_DEPTH; botocore's json.loads stops near 1,000 levels). Both are protocol findings.
import { MAX_JSON_DEPTH } from '../protocol/decode.ts';
import type { Discrepancy } from '../contract/discrepancy.ts';
import type { Check } from './exchange.ts';
import { actualSummary, constraintOf, expectedSummary, NO_FINDINGS } from './exchange.ts';

export const bodyEncodingCheck: Check = ({ case: c, expected, outcome }) => {
  if (outcome.transport || (!outcome.invalidUtf8 && outcome.bodyProblem !== 'too-deep')) return NO_FINDINGS;
  const found: Discrepancy[] = [];
  const finding = (constraint: string, severity: Discrepancy['severity'], source: string, detail: string): Discrepancy => ({
    operation: c.operation, kind: 'protocol', constraint, severity, source, confidence: 'documented',
    expected: expectedSummary(expected), actual: actualSummary(outcome), detail: `${detail} (case ${constraintOf(c)})`,
  });
  if (outcome.invalidUtf8) {
    found.push(finding('protocol:utf-8', 'warning', 'RFC 8259 §8.1: JSON exchanged between systems MUST be UTF-8 (awsJson bodies are JSON)', 'the body is not valid UTF-8'));
  }
  if (outcome.bodyProblem === 'too-deep') {
    found.push(finding('protocol:json-depth', 'error', `awsJson outputs nest a few levels; deeper than ${MAX_JSON_DEPTH} is not read (botocore's parser stops near 1,000)`,
      `the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`));
  }
  return found;
};
