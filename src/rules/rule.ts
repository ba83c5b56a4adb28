// A documented rule the model cannot express, as data: what it says, where it is written, how sure we
// are, the error code a violation produces, and a pure check. Rules run only on payloads that already
// satisfy the model (the oracle guarantees it), so a check may assume the modelled types: for
// RegisterInstance, `Attributes` is a map of strings.
import type { Confidence } from '../contract/expected.ts';
import type { OracleContext } from '../contract/context.ts';

/** What a rule reads from the context besides the payload; rules without `needs` read the payload only. */
export type RuleNeeds = 'cloudMap.service' | 'proton.service';

/** Where the rule was broken, and the message the reference emulator answers with. */
export interface RuleViolation {
  /** Dotted payload path (`Attributes`, `Attributes.AWS_INIT_HEALTH_STATUS`). */
  path: string;
  message: string;
}

export interface Rule {
  /** `rule:<name>`, stable (reports, baselines and fixtures key on it). */
  id: string;
  operation: string;
  /** One line: what the rule says. */
  says: string;
  /** Model path of the member the rule is about (`Attributes`), for the constraint catalogue. */
  path: string;
  /** Seed file (and section) or model the rule comes from. */
  source: string;
  confidence: Confidence;
  /** Error code a violation produces. */
  code: string;
  /** Set for service-dependent rules: checked only after the referenced service is known to exist. */
  needs?: RuleNeeds;
  /** Payloads are model-valid plain JSON objects; `ctx` carries the service configuration for `needs`. */
  check(payload: Readonly<Record<string, unknown>>, ctx: OracleContext): RuleViolation | undefined;
}

/** A documented statement the model already expresses: the rule lives in the model, this points at it. */
export interface ModelBackedStatement {
  operation: string;
  says: string;
  source: string;
  /** The model constraint id that enforces it. */
  constraint: string;
}
