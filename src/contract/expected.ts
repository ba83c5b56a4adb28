// What the reference validator says a target must answer. Plain data: checks compare it with an Outcome.

export type Confidence = 'documented' | 'inferred';

/** One broken constraint or rule, as found by the oracle. */
export interface Violation {
  /** Stable id: a model constraint ("InstanceId#length") or a documented rule ("rule:attributes-max-30"). */
  constraint: string;
  /** Where in the payload, dotted (`Attributes.AWS_INIT_HEALTH_STATUS`, `tags.3.key`). */
  path: string;
  /** AWS-style fragment: "Value 'x' at 'instanceId' failed to satisfy constraint: Member must …". */
  message: string;
  /** The error code this violation produces (InvalidInput, ValidationException, ServiceNotFound …). */
  code: string;
  source: string;
  confidence: Confidence;
}

export interface ExpectedSuccess {
  outcome: 'success';
  source: string;
  confidence: Confidence;
  /** Errors that are also a correct answer given the target's state (e.g. DuplicateRequest while an
   * earlier request for the same instance may still be in progress). Set by the runner, not the oracle. */
  alsoAcceptable?: { codes: string[]; why: string };
}

export interface ExpectedError {
  outcome: 'error';
  /** Acceptable exact codes; the first is the one the reference emulator answers with. */
  codes: string[];
  /** Acceptable HTTP statuses: both documented sources (model httpError and the API reference page). */
  statuses: number[];
  violations: Violation[];
  /** The full AWS-style message ("1 validation error detected: …" / "N validation errors detected: …; …"). */
  message: string;
  source: string;
  confidence: Confidence;
}

export type Expected = ExpectedSuccess | ExpectedError;
