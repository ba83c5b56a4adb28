// Reading a listing page by page and removing items from it exclude each other, per scope (a Cloud Map service):
// a walk through ListInstances pages by offset never sees the list shrink under it (an instance would move to a
// page already read and be missed), while any number of walks, or any number of removals, run together. Issue 11
// §6: the scenarios overlap the cases, whose population upkeep deregisters the oldest instances of a full service.
// Waiters are served in arrival order, a group of the same kind at a time, so neither side starves the other.
export interface ListingGuard {
  /** Runs `walk` (reading the listing of `scope`) while nothing is removed from it. */
  reading<T>(scope: string, walk: () => Promise<T>): Promise<T>;
  /** Runs `change` (removing from the listing of `scope`) while nobody walks it. */
  removing<T>(scope: string, change: () => Promise<T>): Promise<T>;
}

type Kind = 'reading' | 'removing';
interface Scope { kind: Kind; active: number; waiting: Array<{ kind: Kind; start: () => void }> }

export function createListingGuard(): ListingGuard {
  const scopes = new Map<string, Scope>();
  const run = async <T>(kind: Kind, key: string, task: () => Promise<T>): Promise<T> => {
    let s = scopes.get(key);
    if (s === undefined) scopes.set(key, (s = { kind, active: 0, waiting: [] }));
    if (s.active === 0 || (s.kind === kind && s.waiting.length === 0)) { s.kind = kind; s.active++; }
    else await new Promise<void>((start) => s!.waiting.push({ kind, start }));
    try {
      return await task();
    } finally {
      if (--s.active === 0) {
        if (s.waiting.length === 0) scopes.delete(key);
        else {
          // The next group: the first waiter's kind, and every waiter of that kind right behind it.
          s.kind = s.waiting[0]!.kind;
          while (s.waiting.length > 0 && s.waiting[0]!.kind === s.kind) { s.active++; s.waiting.shift()!.start(); }
        }
      }
    }
  };
  return { reading: (scope, walk) => run('reading', scope, walk), removing: (scope, change) => run('removing', scope, change) };
}
