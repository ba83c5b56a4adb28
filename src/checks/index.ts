// The checks a case goes through, in order. Each is a pure (exchange) → Discrepancy[].
import { contentTypeCheck } from './contentType.ts';
import type { Check } from './exchange.ts';
import { messageCheck } from './message.ts';
import { bodyEncodingCheck } from './bodyEncoding.ts';
import { messageKeyCheck } from './messageKey.ts';
import { outcomeCheck } from './outcome.ts';
import { responseSchemaCheck } from './responseSchema.ts';
import { sdkErrorCodeCheck } from './sdkErrorCode.ts';
import { serverErrorCheck } from './serverError.ts';
import { transportCheck } from './transport.ts';

export const DEFAULT_CHECKS: readonly Check[] = [
  transportCheck, serverErrorCheck, outcomeCheck, responseSchemaCheck,
  // Protocol findings (issue 9 §1, §2): how the answer is framed, judged next to what it says.
  contentTypeCheck, sdkErrorCodeCheck, messageKeyCheck,
  // Issue 8 §2: bytes that are not UTF-8, JSON nested too deep.
  bodyEncodingCheck,
];

export const checksFor = (options: { messages: boolean }): Check[] =>
  options.messages ? [...DEFAULT_CHECKS, messageCheck] : [...DEFAULT_CHECKS];

export type { Check, Exchange } from './exchange.ts';
