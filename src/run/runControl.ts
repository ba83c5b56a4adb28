// The run-control options' values: `--shard i/n` and `--duration T`. Bad input is one usage line (exit 2).
import { HarnessError } from '../errors.ts';
import type { Shard } from '../generate/shard.ts';

/** More shards than this is a typo, not a CI matrix. */
export const MAX_SHARDS = 1000;

/** `i/n`, 1 ≤ i ≤ n (1-based, as GitLab's CI_NODE_INDEX/CI_NODE_TOTAL). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const total = m ? Number(m[2]) : NaN;
  if (!m || index < 1 || total < 1 || index > total || total > MAX_SHARDS) {
    throw new HarnessError('CF_ERR_USAGE', `--shard must be i/n with 1 ≤ i ≤ n ≤ ${MAX_SHARDS} (e.g. 2/3: the second of three), got '${text}'`);
  }
  return { index, total };
}

export const formatShard = (s: Shard): string => `${s.index}/${s.total}`;

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;
/** A week: longer is a typo. */
const MAX_DURATION_MS = 7 * 24 * UNIT_MS.h;

/** `90s`, `10m`, `1.5h` → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(s|m|h)$/.exec(text.trim());
  const ms = m ? Math.round(Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS]) : NaN;
  if (!m || !(ms >= 1000) || ms > MAX_DURATION_MS) {
    throw new HarnessError('CF_ERR_USAGE', `--duration must be a time from 1s to 168h with a unit s, m or h (e.g. 90s, 10m, 1h), got '${text}'`);
  }
  return ms;
}

/** Milliseconds → the shortest `--duration` spelling that gives them back. */
export function formatDuration(ms: number): string {
  for (const unit of ['h', 'm', 's'] as const) if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  return `${ms / 1000}s`;
}
