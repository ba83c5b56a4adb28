// Protocol: an error response the AWS SDKs do not all read as the same modelled error. Each SDK's rule
// (src/protocol/sdkErrorRules.ts) is applied; when one reads a modelled code and another reads something
// else, users of that SDK get another exception class: an error. The constraint id names the SDKs that miss,
// so grouping gives one finding per operation and signature.
import { errorShapesOf } from '../protocol/errorShapes.ts';
import { SDK_ERROR_RULES, SDK_RULES_SOURCE } from '../protocol/sdkErrorRules.ts';
import { sdkErrorViews, type SdkView } from '../protocol/sdkErrorView.ts';
import type { Check } from './exchange.ts';
import { actualSummary, expectedSummary, NO_FINDINGS } from './exchange.ts';

export const SDK_ERROR_CODE_CONSTRAINT = 'protocol:sdk-error-code';

const labelOf = new Map(SDK_ERROR_RULES.map((r) => [r.id, r.label]));
const seen = (v: SdkView, modelled: ReadonlySet<string>): string =>
  `${labelOf.get(v.sdk)} reads ${v.code === undefined ? 'no code' : `"${v.code}" (${v.from})`} → ${v.code !== undefined && modelled.has(v.code) ? `raises ${v.code}` : 'a generic service error'}`;

/** The modelled code most SDKs read; ties go to the SDK listed first. */
function intendedCode(views: SdkView[], modelled: ReadonlySet<string>): string | undefined {
  const counts = new Map<string, number>();
  for (const v of views) if (v.code !== undefined && modelled.has(v.code)) counts.set(v.code, (counts.get(v.code) ?? 0) + 1);
  let best: string | undefined;
  for (const [code, n] of counts) if (best === undefined || n > counts.get(best)!) best = code;
  return best;
}

export const sdkErrorCodeCheck: Check = ({ case: c, expected, outcome }) => {
  if (outcome.transport || outcome.bodyProblem || outcome.profile !== undefined || outcome.status < 300) return NO_FINDINGS;
  const views = sdkErrorViews(outcome);
  const shapes = errorShapesOf(c.operation);
  const intended = intendedCode(views, shapes.codes);
  // No SDK sees a modelled error: all raise a generic one alike; a wrong or missing code is error-code's business.
  if (intended === undefined) return NO_FINDINGS;
  const missing = views.filter((v) => v.code !== intended);
  if (missing.length === 0) return NO_FINDINGS;
  const readers = views.filter((v) => v.code === intended).map((v) => labelOf.get(v.sdk)).join(', ');
  return [{
    operation: c.operation,
    kind: 'protocol',
    constraint: `${SDK_ERROR_CODE_CONSTRAINT}:${missing.map((v) => v.sdk).join('+')}`,
    severity: 'error',
    source: SDK_RULES_SOURCE,
    confidence: 'documented',
    expected: expectedSummary(expected),
    actual: actualSummary(outcome),
    detail: `${missing.map((v) => seen(v, shapes.codes)).join('; ')}; but ${readers} raise${readers.includes(', ') ? '' : 's'} ${intended}`,
  }];
};
