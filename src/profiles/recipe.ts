// Prerequisites as data (issue 10 §3): the calls that create what an operation needs on a target, with the
// outputs of one bound into the inputs of the next, and the calls that remove it again. One generic executor
// (src/run/recipe.ts) sends them, for preparation, for cleanup and for keeping a run's population bounded.
import type { OracleContext } from '../contract/context.ts';

/** A JSON value whose strings may name slots: `{name}` inside a text is replaced by the slot's text; a string
 * that is exactly `{name}` takes the slot's value as it is (an object, a list), and an absent slot drops the member. */
export type Template = string | number | boolean | null | readonly Template[] | { readonly [k: string]: Template };

/** How a service reports an asynchronous operation: the call that reads it, where its status is, which values end it. */
export interface Waiter {
  call: RecipeCall;
  status: string;
  success: string;
  failure: string;
  /** The values of an operation still running (the scenarios poll while it shows one). */
  pending?: readonly string[];
  /** Where a failed operation says why. */
  reason?: string;
  /** Many operations' status in one answer (a page of a list call): what a batch of undos is confirmed with. */
  listed?: ListedStatus;
}

/** A list call naming operations and their status, one page per answer. Slots: `{scope}` (the service the
 * operations are on), `{from}`/`{to}` (the Unix seconds their status changed between), `{next}` (the page token). */
export interface ListedStatus {
  call: RecipeCall;
  /** Where the items are, and each item's operation id and status. */
  items: string;
  id: string;
  status: string;
  /** The next page's token in the answer, and the input member it goes back in. */
  next: string;
  /** Items per page at most (the model's MaxResults). */
  pageSize: number;
}

export interface RecipeCall {
  service: string;
  /** The operation's name (may be a slot: `{namespaceOperation}`). */
  operation: string;
  input: Template;
  /** Outputs: slot name → dotted path in the answer (in the awaited operation's answer with `awaits`); a
   * missing or empty one fails the call at once, naming the path. */
  outputs?: Readonly<Record<string, string>>;
  /** The call starts an asynchronous operation: the answer path of its id (`{operationId}` in the waiter), and how to wait. */
  awaits?: { id: string; waiter: Waiter };
  /** Codes that mean "an operation on it is still in progress": wait and send again. */
  retryOn?: readonly string[];
}

/** Removes what a step created. */
export interface UndoCall extends RecipeCall {
  /** First, for every item a listing call returns, undo it (`{item}`), until the listing is empty. A page without
   * `next` (the answer path of a next-page token) was the whole listing: done once its items are undone, unless
   * the call then answers `inUse` (something the listing did not show yet), when it drains again and retries.
   * With `inUse`, the items' asynchronous undos (`each.awaits`) are not waited for before the call: only when it
   * answers `inUse`, then confirmed by a page of the waiter's list filtered by `scope` (`{scope}` there). Items
   * the run knows it left are undone without the listing (one refused is left to that check). */
  drain?: { list: RecipeCall; items: string; id: string; each: RecipeCall; next?: string; inUse?: string; scope?: Template };
  /** After the call: read the resource with `call` until it answers `code` (it is gone). */
  untilGone?: { call: RecipeCall; code: string };
}

export interface RecipeStep extends RecipeCall {
  /** The name its outputs are bound under: `{as.output}`. */
  as: string;
  /** Steps with the same filled-in key run once per run and share their outputs (one namespace per type). */
  once?: string;
  /** What removes it again, sent after the run in reverse order of creation. */
  undo: UndoCall;
}

/** What an operation needs to exist before its cases are sent. */
export interface Prerequisite {
  /** What it is, for messages. */
  name: string;
  /** `context`: each coverage context gets its own (a Cloud Map service per configuration); `run`: one for all. */
  per: 'context' | 'run';
  /** For a coverage context that needs one: its placeholder and the slots its steps read; undefined: none
   * (the context of a missing service). */
  slotsFor(context: OracleContext, name: string): { placeholder: string; slots: Readonly<Record<string, Template | undefined>> } | undefined;
  steps: readonly RecipeStep[];
  /** The slot the placeholder is bound to (an output `service.id`, or a name the recipe chose), in the binding
   * map the profile's `reference` names. */
  binds: string;
}
