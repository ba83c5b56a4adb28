// Requests that touch the same state (same instance, name or token) run one after another, so the state
// model's view of "what came first" is the target's too. Unrelated requests still run concurrently.
//
// A hold is taken in call order: it waits for the latest earlier hold of each of its keys. The case loop takes
// and gives back holds itself (`take`/`release`): a free hold costs no promise and no tick, which on the hot path
// (almost every case meets free keys) saves a promise chain per case over `run`.
export interface Hold {
  /** Undefined when the keys were free: the hold is held already. Else resolves once it is held. */
  readonly ready: Promise<void> | undefined;
}

export interface KeyLock {
  run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T>;
  /** Takes a hold on `keys` (held at once or once `ready` resolves); give it back with `release`, in any case. */
  take(keys: readonly string[]): Hold;
  /** Gives a hold back (once; later calls do nothing). */
  release(hold: Hold): void;
}

class Ticket implements Hold {
  ready: Promise<void> | undefined = undefined;
  /** Earlier holds on a shared key not yet released. */
  waitingFor = 0;
  /** Later holds waiting for this one. */
  followers: Ticket[] | undefined = undefined;
  wake: (() => void) | undefined = undefined;
  released = false;
  constructor(readonly keys: readonly string[]) {}
}

/** The hold on no key: always free, shared. */
const NO_KEYS = new Ticket([]);

export function createKeyLock(): KeyLock {
  // Per key, the latest hold on it; forgotten once that hold is released, so the map stays as small as what is in flight.
  const tails = new Map<string, Ticket>();
  const take = (keys: readonly string[]): Ticket => {
    if (keys.length === 0) return NO_KEYS;
    const t = new Ticket(keys);
    for (const k of keys) {
      const last = tails.get(k);
      // The same key twice in one hold: it does not wait for itself.
      if (last !== undefined && last !== t) {
        (last.followers ??= []).push(t);
        t.waitingFor++;
      }
      tails.set(k, t);
    }
    if (t.waitingFor > 0) t.ready = new Promise<void>((resolve) => { t.wake = resolve; });
    return t;
  };
  const release = (hold: Hold): void => {
    const t = hold as Ticket;
    if (t === NO_KEYS || t.released) return;
    t.released = true;
    for (const k of t.keys) if (tails.get(k) === t) tails.delete(k);
    if (t.followers) for (const f of t.followers) if (--f.waitingFor === 0) f.wake!();
  };
  return {
    take,
    release,
    run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
      if (keys.length === 0) return task();
      const t = take(keys);
      let result: Promise<T>;
      // The usual case: no earlier request on these keys, so the task starts now (no extra promise, no tick).
      if (t.ready === undefined) {
        try { result = task(); } catch (e) { result = Promise.reject(e); }
      } else {
        result = t.ready.then(task);
      }
      const done = (): void => release(t);
      result.then(done, done);
      return result;
    },
  };
}
