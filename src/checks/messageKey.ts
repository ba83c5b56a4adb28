// Protocol: an error body that carries its message under the other casing than the model's error shape
// names (Cloud Map `Message`, Proton `message`). Every SDK still shows the text (each reads both keys), but
// code reading the modelled member by name finds nothing: a warning, one per operation (no code in `actual`).
import { errorShapesOf } from '../protocol/errorShapes.ts';
import type { Check } from './exchange.ts';
import { expectedSummary, NO_FINDINGS } from './exchange.ts';
import { isObject } from '../contract/json.ts';

export const MESSAGE_KEY_CONSTRAINT = 'protocol:message-key';


export const messageKeyCheck: Check = ({ case: c, expected, outcome }) => {
  if (outcome.transport || outcome.bodyProblem || outcome.profile !== undefined || outcome.status < 300) return NO_FINDINGS;
  const body = outcome.body;
  if (!isObject(body)) return NO_FINDINGS;
  const key = errorShapesOf(c.operation).messageKey(outcome.code);
  if (key === undefined || Object.hasOwn(body, key)) return NO_FINDINGS;
  const other = Object.keys(body).find((k) => k.toLowerCase() === 'message');
  if (other === undefined) return NO_FINDINGS;
  return [{
    operation: c.operation,
    kind: 'protocol',
    constraint: MESSAGE_KEY_CONSTRAINT,
    severity: 'warning',
    source: `model error shape ${outcome.code ?? '(the operation\'s errors)'}: member "${key}"`,
    confidence: 'documented',
    expected: expectedSummary(expected),
    actual: { status: outcome.status },
    detail: `${outcome.code ?? 'error'} body says "${other}"; the model names the member "${key}" (SDKs show the text either way, but code reading the modelled member finds nothing)`,
  }];
};
