// How many requests a run keeps in flight to each target (issue 11 §6): --concurrency C fixed, or by default an
// adaptive limit from 16 up to --max-concurrency (src/targets/adaptiveLimit.ts) that grows while the target's
// latency stays flat. A target this run started itself (builtin) answers as fast as the harness can send, and a
// recording answers from a file: both keep the fixed start value, where more in flight only costs memory.
import type { RunInfo } from '../report/types.ts';
import { createAdaptiveLimit, fixedLimit } from '../targets/adaptiveLimit.ts';
import { limitInFlight, type InFlightLimit } from '../targets/inFlightLimit.ts';
import type { OpenTarget } from '../targets/open.ts';
import type { RunOptions } from './options.ts';

const adapts = (o: Pick<RunOptions, 'maxConcurrency'>, t: Pick<OpenTarget, 'fresh' | 'runTag'>): boolean =>
  o.maxConcurrency !== undefined && t.fresh !== true && t.runTag === undefined;

export function inFlightLimitFor(o: Pick<RunOptions, 'concurrency' | 'maxConcurrency'>, t: Pick<OpenTarget, 'fresh' | 'runTag'>): InFlightLimit & { adaptive: boolean } {
  const adaptive = adapts(o, t);
  const limit = adaptive ? createAdaptiveLimit({ initial: o.concurrency, max: o.maxConcurrency! }) : fixedLimit(o.concurrency);
  return Object.assign(limitInFlight(limit), { adaptive });
}

/** Work items in flight at once (cases, scenario runs): enough to fill the highest limit any target may reach;
 * each target's limit decides how many of them are sent at once, the rest wait for a slot. */
export const slotsFor = (limits: ReadonlyArray<InFlightLimit & { adaptive?: boolean }>): number =>
  Math.max(1, ...limits.map((l) => (l.adaptive ? l.limit.max : l.limit.limit)));

/** report.json `run`: with an adaptive limit, its cap. Not how high it went: that follows the target's latency,
 * and the same seed and options write the same report (timings aside). */
export function adaptiveRunInfo(limits: ReadonlyArray<InFlightLimit & { adaptive?: boolean }>): Pick<RunInfo, 'maxConcurrency'> {
  const adaptive = limits.filter((l) => l.adaptive);
  return adaptive.length === 0 ? {} : { maxConcurrency: Math.max(...adaptive.map((l) => l.limit.max)) };
}
