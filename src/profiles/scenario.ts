// What an operation's idempotency and state scenarios need to know about it, as profile data (issue 10 §3): the
// catalogue (what each scenario says, its source and confidence), which generic families apply, how a create
// request of an item looks, what of the answer a replay must repeat, how the item is read (and listed) back,
// and, for asynchronous operations, how the operation is waited for. The families themselves (src/scenarios/)
// are generic over this; replay, mismatch and re-create semantics come from the profile's `idempotency` and
// `creates`.
import type { Call } from '../contract/call.ts';
import type { NamedContext, OracleContext } from '../contract/context.ts';
import type { Confidence } from '../contract/expected.ts';
import type { RecipeCall, Waiter } from './recipe.ts';

/**
 * The generic scenario families (src/scenarios/families/):
 * - `replay`: the same request (same token, same parameters) again, in flight or after completion: the same answer, nothing twice;
 * - `mismatch`: the token again with other parameters (another variant, or another item): refused, nothing changes;
 * - `noToken`: requests without the token work, and a second one is no replay of the first;
 * - `again`: the item created again with a fresh token: an update (`creates.again: 'update'`, read back) or refused (`'conflict'`);
 * - `readAfterWrite`: what was created reads back as written;
 * - `concurrent`: creates of one item in flight at once: 2xx or the in-progress code, never two items;
 * - `replayAnswer`: for an operation known from its model only: a replay of a valid, accepted request answers as the original.
 */
export type FamilyName = 'replay' | 'mismatch' | 'noToken' | 'again' | 'readAfterWrite' | 'concurrent' | 'replayAnswer';

/** One catalogue entry. `expected`: success (`also`: state expectations of the profile whose codes are accepted
 * too, with their statuses), or refused with `codes`. */
export interface ScenarioStatement {
  id: string;
  says: string;
  source: string;
  confidence: Confidence;
  expected: { outcome: 'success'; also?: readonly string[] } | { outcome: 'error'; codes: readonly string[] };
}

/** The world of an operation known from its model only: the coverage context its valid requests are drawn in. */
export interface ModelPrepared {
  context: OracleContext;
}

/** A catalogue entry written once elsewhere in the profile: the token mismatch (`idempotency.mismatch`), or a
 * state expectation (`states`: its id, source, confidence and code; refused with that code). */
export type StatementRef = { mismatch: true } | { state: string; says: string };

/** What one create request of a scenario is about: item `id`, parameter variant `variant`, its token (none: absent). */
export interface ItemRequest {
  id: string;
  variant: number;
  token?: string;
  /** Send the optional members the prepared resource names (Proton's template versions). */
  extras?: boolean;
}

/** A call whose input template reads `{scope}` (the prepared resource) and `{id}` (the item). */
export type ItemCall = RecipeCall;

export interface ScenarioSubject<P = unknown> {
  /** The catalogue, in report order. */
  statements: readonly (ScenarioStatement | StatementRef)[];
  /** In run order; each family's tag is part of every id it creates. */
  families: readonly FamilyName[];
  /** Items one run creates, and parameter variants per item (enough to tell an update from a stale read). */
  slots: number;
  variants: number;
  /** Which coverage context the scenarios run in and what is prepared there (`bound`: the target's name for a placeholder). */
  prepare(contexts: readonly NamedContext[], bound: (placeholder: string) => string): { placeholder: string; prepared: P } | undefined;
  /** Whether a value is this operation's prepared world, and what one looks like (for the one-line refusal). */
  fits(p: unknown): p is P;
  shape: string;
  /** The prepared resource's name (it scopes the run's ids) and the oracle's view of the world. */
  scope(p: P): string;
  context(p: P): OracleContext;
  /** The create request. Every variant must be valid for the contract (checked before a run). Absent: the
   * family draws valid requests from the model (`replayAnswer`). */
  request?(p: P, item: ItemRequest): Call;
  /** The scenario id a re-create that updates the item (`creates.again: 'update'`) reports under. */
  updates?: string;
  /** Whether `extras` exist to be sent or not (readAfterWrite draws it). */
  extras?: boolean;
  /** What a replay must answer again: these members of the answer (at `item`, when given). */
  answer?: { item?: string; identity: readonly string[] };
  /** How one item is read back; `showsIdentity`: the read shows the answer's identity members too. */
  read?: { call: ItemCall; item: string; showsIdentity: boolean };
  /** Request members the created item shows as sent (`map`: compared key by key); `ifShown`: compared when shown. */
  written?: { members: readonly string[]; map?: string; ifShown?: readonly string[] };
  /** How the items of the scope are listed (pages of `items`, each named by `id`; `next` answer path → `nextMember`). */
  list?: { call: ItemCall; items: string; id: string; next: string; nextMember: string; pages: number };
  /** An asynchronous operation: where the answer names it, how it is waited for, what it must say when done. */
  completes?: {
    scenario: string;
    id: string;
    waiter: Waiter;
    type: { path: string; value: string };
    /** Path (in the waiter's answer) of the item the operation worked on. */
    target: string;
    /** Where a refusal as "in progress" names the operation it is a duplicate of. */
    duplicateOf: string;
  };
}
