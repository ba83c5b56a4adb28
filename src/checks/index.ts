// The checks a case goes through, in order. Each is a pure (exchange) → Discrepancy[].
import type { Check } from './exchange.ts';
import { messageCheck } from './message.ts';
import { bodyEncodingCheck } from './bodyEncoding.ts';
import { outcomeCheck } from './outcome.ts';
import { responseSchemaCheck } from './responseSchema.ts';
import { serverErrorCheck } from './serverError.ts';
import { transportCheck } from './transport.ts';

export const DEFAULT_CHECKS: readonly Check[] = [transportCheck, serverErrorCheck, bodyEncodingCheck, outcomeCheck, responseSchemaCheck];

export const checksFor = (options: { messages: boolean }): Check[] =>
  options.messages ? [...DEFAULT_CHECKS, messageCheck] : [...DEFAULT_CHECKS];

export type { Check, Exchange } from './exchange.ts';
