// Time for the send wrappers that wait (retries, rate limits): injectable, so tests never sleep for real.
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts (a wait must never outlive Ctrl-C). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const done = (): void => { clearTimeout(timer); signal?.removeEventListener('abort', done); resolve(); };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  }),
};
