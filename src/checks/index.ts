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

/** How an answer is framed, whatever it says: the wire format a target owes every SDK (issue 9 §1, §2) and the
 * bytes it sends (issue 8 §2: not UTF-8, JSON nested too deep). A differential run judges them too. */
export const PROTOCOL_CHECKS: readonly Check[] = [contentTypeCheck, sdkErrorCodeCheck, messageKeyCheck, bodyEncodingCheck];

export const DEFAULT_CHECKS: readonly Check[] = [
  transportCheck, serverErrorCheck, outcomeCheck, responseSchemaCheck,
  ...PROTOCOL_CHECKS,
];

export const checksFor = (options: { messages: boolean }): Check[] =>
  options.messages ? [...DEFAULT_CHECKS, messageCheck] : [...DEFAULT_CHECKS];

export type { Check, Exchange } from './exchange.ts';
