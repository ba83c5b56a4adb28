// A SendWrapper that caps in-flight calls: at most `max` sends run at once; later calls wait in FIFO order.
// Each wrapped send has its own cap. Waiting calls are started as running ones settle (resolve or reject).
import { HarnessError } from '../errors.ts';
import type { SendWrapper } from './target.ts';

export function limitConcurrency(max: number): SendWrapper {
  if (!Number.isInteger(max) || max < 1) throw new HarnessError('CF_ERR_CONFIG', `concurrency must be a positive integer, got ${String(max)}`);
  return (send) => {
    let running = 0;
    let waiting: Array<(() => void) | undefined> = [];
    let head = 0;
    const release = (): void => {
      if (head < waiting.length) {
        const next = waiting[head] as () => void;
        waiting[head++] = undefined;
        if (head === waiting.length || (head >= 1024 && head * 2 >= waiting.length)) {
          waiting = waiting.slice(head); // keep the queue from growing while it never quite drains
          head = 0;
        }
        next(); // hand the slot over: `running` stays the same
      } else {
        running--;
      }
    };
    return async (call, options) => {
      if (running < max) running++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await send(call, options);
      } finally {
        release();
      }
    };
  };
}
