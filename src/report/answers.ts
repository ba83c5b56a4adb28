// How an answer looks, as text that both sides compute the same way: a discrepancy's observed answer (when
// grouping root causes) and a scenario step's answer (when deciding a scenario failure is a consequence).
import { classOf } from '../protocol/errorClasses.ts';

/** An answer as far as root causes care: status, code, an unreadable body, no answer, a broken output shape. */
export interface Answer {
  status: number;
  code?: string;
  message?: string;
  bodyProblem?: string;
  /** No HTTP response at all. */
  transport?: boolean;
  /** A 2xx whose body breaks the output shape: the `output:/…` constraint it breaks. */
  output?: string;
}

/** A code by its class (every validation code alike), or itself when the contract does not classify it. */
export const codeGroup = (code: string | undefined): string => (code === undefined ? 'no code' : classOf(code) ?? code);

/** A 5xx or an unreadable body: "HTTP 500 with a validation code", "HTTP 500 with InternalFailure", "HTTP 502 unreadable body (html)". */
export const serverAnswer = (a: Answer): string =>
  `HTTP ${a.status}${a.bodyProblem ? ` unreadable body (${a.bodyProblem})` : a.code === undefined ? ' without an error code'
    : classOf(a.code) ? ` with a ${classOf(a.code)} code` : ` with ${a.code}`}`;

export const NO_RESPONSE = 'no response';
export const NO_CODE = 'no error code';
export const codeAnswer = (code: string): string => `code ${code}`;
export const statusAnswer = (code: string | undefined, status: number): string => `${codeGroup(code)} with HTTP ${status}`;
export const outputAnswer = (constraint: string): string => `2xx body breaks ${constraint}`;
/** A refusal as the target words it: code and message, verbatim (messages are cut at 300 characters both sides). */
export const refusedAnswer = (code: string | undefined, message: string | undefined): string => `refused ${code ?? NO_CODE}: ${message ?? ''}`;

/** Every answer key an answer shows (an error answer can match a code or a status root cause). */
export function answerKeys(a: Answer): string[] {
  if (a.transport || a.status === 0) return [NO_RESPONSE];
  if (a.status >= 500 || a.bodyProblem) return [serverAnswer(a)];
  if (a.status < 300) return a.output ? [outputAnswer(a.output)] : [];
  return [...(a.code === undefined ? [NO_CODE] : [codeAnswer(a.code), statusAnswer(a.code, a.status)]), refusedAnswer(a.code, a.message)];
}
