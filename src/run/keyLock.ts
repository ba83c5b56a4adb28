// Requests that touch the same state (same instance, name or token) run one after another, so the state
// model's view of "what came first" is the target's too. Unrelated requests still run concurrently.
export interface KeyLock {
  run<T>(keys: string[], task: () => Promise<T>): Promise<T>;
}

export function createKeyLock(): KeyLock {
  // Per key, a promise that settles (never rejects) once the last request holding the key is done.
  const tails = new Map<string, Promise<void>>();
  return {
    run<T>(keys: string[], task: () => Promise<T>): Promise<T> {
      if (keys.length === 0) return task();
      let before: Promise<void> | Array<Promise<void>> | undefined;
      for (const k of keys) {
        const t = tails.get(k);
        if (t === undefined) continue;
        before = before === undefined ? t : Array.isArray(before) ? [...before, t] : [before, t];
      }
      // The usual case: no earlier request on these keys, so the task starts now (no extra promise, no tick).
      let result: Promise<T>;
      if (before === undefined) {
        try { result = task(); } catch (e) { result = Promise.reject(e); }
      } else {
        result = (Array.isArray(before) ? Promise.all(before) : before).then(task);
      }
      // Forget a key once its last request is done, so the map stays as small as what is in flight.
      const release = (): void => { for (const k of keys) if (tails.get(k) === settled) tails.delete(k); };
      const settled: Promise<void> = result.then(release, release);
      for (const k of keys) tails.set(k, settled);
      return result;
    },
  };
}
