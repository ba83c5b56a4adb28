// State-dependent outcomes: errors that depend on what exists at the target, not on the payload alone. They
// are written once, in each operation's profile (src/profiles/); this module is the oracle's view of them.
// The oracle decides `state:service-not-found` itself from the context; the others need state the context
// does not carry (instances in flight, instance counts, existing names), so the emulator and the
// state/idempotency checks ask for their expectation with expectState().
import type { OperationKey } from '../contract/operation.ts';
import { HAND_WRITTEN, profileOf, type StateExpectation } from '../profiles/index.ts';

export type { StateExpectation } from '../profiles/index.ts';

/** Keyed `service#Operation` (a bare name could be another service's operation of the same name). */
export const STATE_EXPECTATIONS: Readonly<Record<OperationKey, readonly StateExpectation[]>> =
  Object.fromEntries(HAND_WRITTEN.map((p) => [p.key, p.states]));

export const statesOf = (operation: OperationKey): readonly StateExpectation[] => profileOf(operation).states;
export const stateOf = (operation: OperationKey, id: string): StateExpectation | undefined => statesOf(operation).find((s) => s.id === id);
