// A finding: where a target's Outcome disagrees with the contract (or with another target). Plain data.
import type { Confidence } from './expected.ts';

export type DiscrepancyKind =
  | 'accepted-invalid'
  | 'rejected-valid'
  | 'error-code'
  | 'status'
  | 'response-schema'
  | 'server-error'
  | 'idempotency'
  | 'state'
  | 'transport'
  | 'message'
  | 'protocol'
  | 'not-tested'
  | 'throttled';

export const DISCREPANCY_KINDS: readonly DiscrepancyKind[] = [
  'accepted-invalid', 'rejected-valid', 'error-code', 'status', 'response-schema',
  'server-error', 'idempotency', 'state', 'transport', 'message', 'protocol', 'not-tested',
  'throttled',
];

export type Severity = 'error' | 'warning' | 'info';

export interface Discrepancy {
  operation: string;
  kind: DiscrepancyKind;
  /** The constraint or rule id the finding concerns ("InstanceId#pattern", "rule:attributes-max-30", "idempotency:token-replay"). */
  constraint: string;
  severity: Severity;
  source: string;
  confidence: Confidence;
  expected: { outcome: 'success' | 'error'; codes: string[]; statuses: number[]; source: string };
  /** `bodyProblem`: the body could not be read as the protocol says (what a server-error root cause is about). */
  actual: { status: number; code?: string; message?: string; bodyProblem?: string };
  /** One line saying what differed, for consoles and JUnit. */
  detail: string;
}
