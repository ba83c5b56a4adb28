// A property: one line of the test plan. The runner checks it; JUnit reports one testcase per property.
import type { DiscrepancyKind } from '../src/contract/discrepancy.ts';

export interface Property {
  id: string;
  says: string;
  /** The discrepancy kinds that break it. */
  kinds: DiscrepancyKind[];
  /** Set when the property runs as a stateful scenario (idempotency, state) rather than per case. */
  scenario?: boolean;
}

export interface OperationPlan {
  operation: string;
  properties: Property[];
}
