// A generated test case: the payload, what it is meant to be, and the constraint ids it breaks.
import type { OracleContext } from './context.ts';

export interface Case {
  operation: string;
  /** valid: every constraint holds; invalid: exactly `breaks` are violated. */
  kind: 'valid' | 'invalid';
  input: unknown;
  /** Raw body to send instead of JSON (malformed JSON cases). */
  rawBody?: string;
  /** Constraint/rule ids this case violates (empty for valid cases). */
  breaks: string[];
  /** Constraint/rule ids this case sits on the boundary of while staying valid (coverage). */
  exercises: string[];
  context: OracleContext;
  /**
   * Operation name to put in X-Amz-Target instead of `operation` (protocol:unknown-operation cases); the
   * payload is `operation`'s. Judge such cases with `expectCase` (src/oracle/expectCase.ts).
   */
  wireOperation?: string;
  /** Name of the coverage context the case was generated for (`coverageContexts`), when it was. */
  contextName?: string;
}
