// The wrappers a run puts around every target it opens, in order: retries of throttling answers outside, the rate
// limit inside, so every attempt (a retry too) waits for its slot.
import { rateLimit } from './rateLimit.ts';
import { retryThrottled, type RetryOptions } from './retry.ts';
import type { SendWrapper } from './target.ts';

export const throttleAware = (o: { rateLimit?: number | undefined; retry?: RetryOptions | undefined }): SendWrapper[] =>
  [retryThrottled(o.retry), ...(o.rateLimit === undefined ? [] : [rateLimit(o.rateLimit, o.retry?.clock)])];
