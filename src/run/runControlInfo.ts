// What report.json says about run control (additive RunInfo fields): the cases taken, the shard, the time
// box, an early stop.
import { scenarioShard } from '../generate/index.ts';
import type { RunInfo } from '../report/types.ts';
import type { CaseTally } from './caseDigest.ts';
import type { FindingBudget } from './findingBudget.ts';
import type { RunOptions } from './options.ts';
import { decidingWords } from './reproduce.ts';
import { formatDuration } from './runControl.ts';

type RunControlInfo = Pick<RunInfo, 'caseDigest' | 'shard' | 'timeBox' | 'stoppedEarly'>;

export function runControlInfo(o: RunOptions, r: { tally: CaseTally; randomCases: number; budget: FindingBudget }): RunControlInfo {
  return {
    caseDigest: r.tally.digests(o.operations),
    ...(o.shard ? { shard: { ...o.shard, options: decidingWords(o), scenarios: o.operations.filter((op) => scenarioShard(op, o.shard!.total) === o.shard!.index) } } : {}),
    ...(o.durationMs !== undefined ? { timeBox: { duration: formatDuration(o.durationMs), durationMs: o.durationMs, randomCases: r.randomCases } } : {}),
    ...(r.budget.reached() && o.maxFindings !== undefined
      ? { stoppedEarly: { reason: 'max-findings' as const, maxFindings: o.maxFindings, findings: r.budget.found } } : {}),
  };
}
