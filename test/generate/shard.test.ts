// --shard i/n splits the case stream: the shards together are the whole stream, each case exactly once and
// identical to the unsharded one, a state sequence's two requests in one shard, and no shard left empty.
import { describe, expect, it } from 'vitest';
import { inShard, plan, scenarioShard, type PlanItem } from '../../src/generate/index.ts';
import { OPERATIONS } from './helpers.ts';

const key = (i: PlanItem): string => `${i.index} ${i.seed} ${i.phase} ${JSON.stringify(i.case.input ?? i.case.rawBody)}`;

describe('plan(operation, {shard})', () => {
  for (const operation of OPERATIONS) {
    it(`${operation}: 3 shards are the whole stream, each case once, as generated unsharded`, () => {
      const whole = [...plan(operation, { seed: 7, runs: 60 })];
      const shards = [1, 2, 3].map((index) => [...plan(operation, { seed: 7, runs: 60, shard: { index, total: 3 } })]);
      const union = shards.flat().sort((a, b) => a.index - b.index);
      expect(union.map(key)).toEqual(whole.map(key));
      for (const s of shards) expect(s.length).toBeGreaterThan(whole.length / 6);
      // both halves of the random phase reach every shard
      for (const s of shards) expect(new Set(s.filter((i) => i.phase === 'fill').map((i) => i.case.kind))).toEqual(new Set(['valid', 'invalid']));
      // a request that must follow another runs in the same shard
      for (const s of shards) {
        const indices = new Set(s.map((i) => i.index));
        for (const i of s) if (i.dependsOn !== undefined) expect(indices.has(i.dependsOn)).toBe(true);
      }
      expect(whole.some((i) => i.dependsOn !== undefined)).toBe(true);
    });
  }

  it('1/1 is the whole stream; the split does not depend on the seed', () => {
    expect([...plan(OPERATIONS[0]!, { seed: 3, runs: 10, shard: { index: 1, total: 1 } })].map(key))
      .toEqual([...plan(OPERATIONS[0]!, { seed: 3, runs: 10 })].map(key));
    const a = [...plan(OPERATIONS[0]!, { seed: 3, runs: 10, shard: { index: 2, total: 4 } })].map((i) => i.index);
    const b = [...plan(OPERATIONS[0]!, { seed: 4, runs: 10, shard: { index: 2, total: 4 } })].map((i) => i.index);
    expect(a).toEqual(b);
    expect(inShard({ index: 1, total: 1 }, 12345)).toBe(true);
  });

  it('each operation\'s scenarios go to exactly one shard, the same whatever other operations run', () => {
    for (const operation of OPERATIONS) {
      const s = scenarioShard(operation, 3);
      expect(s).toBeGreaterThanOrEqual(1);
      expect(s).toBeLessThanOrEqual(3);
      expect(scenarioShard(operation, 3)).toBe(s);
      expect(scenarioShard(operation, 1)).toBe(1);
    }
  });
});
