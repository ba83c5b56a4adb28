// Runs tasks from a lazy source with at most `concurrency` in flight: bounded memory whatever the run size.
export async function forEachConcurrent<T>(
  source: Iterator<T>,
  concurrency: number,
  task: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let done = false;
  const worker = async (): Promise<void> => {
    while (!done && !signal?.aborted) {
      const next = source.next();
      if (next.done) { done = true; return; }
      try {
        await task(next.value);
      } catch (e) {
        done = true; // the others stop taking items: the run is failing, not continuing without one worker
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}
