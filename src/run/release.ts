// Releasing an operation's prerequisites early (issue 11 §6): once an operation's cases are done, the items the run
// knows it left in what it drains at cleanup (Cloud Map: the instances it registered in each service) are undone
// while the run goes on (the scenarios, the other operation), except where the scenarios create. Against a slow
// target cleanup then starts with only a few items left: a round trip less when there are more than the in-flight
// limit. Cleanup still deletes the services (and drains any the run could not know of), and confirms these undos
// with its own when a service says it is still in use.
import type { UndoCall } from '../profiles/recipe.ts';
import type { Target } from '../targets/target.ts';
import type { Poll } from './prerequisiteCall.ts';
import { fill, undoKnown, type Slots, type Started } from './recipe.ts';

/** A drained step the run made for an operation: its undo, its slots, and the item undos already started. */
export interface Drained { operation: string; undo: UndoCall; slots: Slots; started: Started[] }

export const scopeOf = (d: Pick<Drained, 'undo' | 'slots'>): string | undefined =>
  (d.undo.drain?.scope === undefined ? undefined : String(fill(d.undo.drain.scope, d.slots)));

/** Starts the undo of every known item of `operation`'s drained steps in the scopes `which` takes; the items a scope's
 * knowledge cannot vouch for (`known` undefined) are left to cleanup's listing. Never throws: cleanup is where
 * problems count. */
export async function release(target: Target, drained: readonly Drained[], operation: string, which: (scope: string) => boolean, known: (scope: string) => string[] | undefined, poll: Poll): Promise<void> {
  // Nothing waits on these but cleanup: they take their turn for a slot with the cases (`bulk`), not before them.
  const background: Target = { ...target, send: (call, options) => target.send(call, { ...options, bulk: true }) };
  await Promise.all(drained.filter((d) => d.operation === operation).map(async (d) => {
    const scope = scopeOf(d);
    const items = scope === undefined || !which(scope) ? undefined : known(scope);
    if (!d.undo.drain || !items || items.length === 0) return;
    try {
      d.started.push(...(await undoKnown(background, d.undo.drain, d.slots, items, poll)));
    } catch { /* left to cleanup */ }
  }));
}
