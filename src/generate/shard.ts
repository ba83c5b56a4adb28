// Which shard of `--shard i/n` a unit of the case stream belongs to. A unit is one plan position, or a pair
// that must run in order on the same state (a state sequence's second request follows its first): the pair
// takes its first position's shard. The split hashes the position rather than dealing round-robin, so that no
// shard gets only the valid (or only the invalid) half of the random phase, which alternates.

export interface Shard {
  /** 1-based, as CI systems number parallel jobs (GitLab CI_NODE_INDEX). */
  index: number;
  total: number;
}

/** murmur3's 32-bit finaliser: spreads consecutive positions evenly over the shards. */
export const mix = (n: number): number => {
  let h = n >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/** The shard (1-based) of plan position `unit` among `total`. */
export const shardOfUnit = (unit: number, total: number): number => (mix(unit) % total) + 1;

export const inShard = (shard: Shard, unit: number): boolean => shard.total <= 1 || shardOfUnit(unit, shard.total) === shard.index;

/** The one shard that runs an operation's scenarios (they share the operation's state, so they are not split):
 * chosen from the operation's name, so a rerun of one operation with the same --shard runs them again. */
export function scenarioShard(operation: string, total: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < operation.length; i++) h = Math.imul(h ^ operation.charCodeAt(i), 0x01000193);
  return shardOfUnit(h, total);
}
