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

/** The modelled code most SDKs read; ties go to the SDK listed first. A handful of views: counted in place, no
 * map per error answer. */
function intendedCode(views: SdkView[], modelled: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (let i = 0; i < views.length; i++) {
    const code = views[i]!.code;
    if (code === undefined || !modelled.has(code) || seenBefore(views, i, code)) continue;
    let n = 1;
    for (let j = i + 1; j < views.length; j++) if (views[j]!.code === code) n++;
    if (best === undefined || n > bestCount) { best = code; bestCount = n; }
  }
  return best;
}
const seenBefore = (views: SdkView[], i: number, code: string): boolean => {
  for (let j = 0; j < i; j++) if (views[j]!.code === code) return true;
  return false;
};

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
