// Requests that touch the same state (same instance, name or token) run one after another, so the state
// model's view of "what came first" is the target's too. Unrelated requests still run concurrently.
export interface KeyLock {
  run<T>(keys: string[], task: () => Promise<T>): Promise<T>;
}

export function createKeyLock(): KeyLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    async run(keys, task) {
      if (keys.length === 0) return task();
      const before = keys.map((k) => tails.get(k)).filter((p): p is Promise<unknown> => p !== undefined);
      const result = (before.length ? Promise.allSettled(before) : Promise.resolve()).then(task);
      const settled = result.then(() => undefined, () => undefined);
      for (const k of keys) tails.set(k, settled);
      // Forget a key once its last request is done, so the map stays as small as what is in flight.
      void settled.then(() => { for (const k of keys) if (tails.get(k) === settled) tails.delete(k); });
      return result;
    },
  };
}
