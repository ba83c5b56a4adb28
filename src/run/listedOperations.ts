// Which of a batch of asynchronous operations are finished, read from the waiter's list call (Cloud Map
// ListOperations: up to a page of 100 per request, where GetOperation takes one request each). Shared by the
// population keeper (src/run/population.ts) and cleanup's drain (src/run/recipe.ts). The list only ever says
// "finished" where GetOperation would have (the same operation, SUCCESS); what it does not show is the caller's to
// poll one by one, so a target whose clock differs, or that lists nothing, costs requests, never a wrong "gone".
import type { Outcome } from '../contract/outcome.ts';
import type { RecipeCall, Waiter } from '../profiles/recipe.ts';
import { valueAt as at } from '../profiles/template.ts';

/** The list's time window reaches this far around the batch (seconds): a target's clock may differ a little from ours. */
const LIST_SKEW_S = 2;
/** Pages asked beyond those the batch's own operations fill (other operations of the scope in the same window). */
const LIST_EXTRA_PAGES = 8;

export type SendRecipeCall = (call: RecipeCall, slots: Record<string, unknown>) => Promise<Outcome>;

export interface ListedDone {
  /** The ids among those wanted the list shows finished. */
  done: Set<string>;
  /** False: the target refused the list call (it has none): not worth asking again. */
  listed: boolean;
}

const ok = (o: Outcome) => o.status >= 200 && o.status < 300;

/** The operation ids among `wanted` the list shows finished (the waiter's success), in `scope`, whose status changed
 * between `fromMs` and now. */
export async function listedDone(send: SendRecipeCall, waiter: Waiter, scope: string, wanted: ReadonlySet<string>, fromMs: number, signal?: AbortSignal): Promise<ListedDone> {
  const l = waiter.listed;
  const done = new Set<string>();
  if (!l) return { done, listed: false };
  const slots = { scope, from: String(Math.floor(fromMs / 1000) - LIST_SKEW_S), to: String(Math.ceil(Date.now() / 1000) + LIST_SKEW_S) };
  let next: unknown;
  for (let page = 0; page < Math.ceil(wanted.size / l.pageSize) + LIST_EXTRA_PAGES && !signal?.aborted; page++) {
    const answer = await send(l.call, next === undefined ? slots : { ...slots, next });
    if (!ok(answer)) return { done, listed: false }; // no such list on this target
    const items = at(answer.body, l.items);
    for (const item of Array.isArray(items) ? items : []) {
      const id = at(item, l.id);
      if (typeof id === 'string' && wanted.has(id) && at(item, l.status) === waiter.success) done.add(id);
    }
    next = at(answer.body, l.next);
    if (done.size === wanted.size || typeof next !== 'string') break;
  }
  return { done, listed: true };
}
