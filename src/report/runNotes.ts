// What a report says about how the run was bounded or split: a shard, a merge of shards, a time box, an early
// stop. One wording for every human-facing sink.
import type { RunInfo } from './types.ts';

export function runNotes(run: RunInfo): string[] {
  const notes: string[] = [];
  if (run.shard) notes.push(`shard ${run.shard.index}/${run.shard.total}`);
  if (run.merged) notes.push(`merged from ${run.merged.shards} shards`);
  if (run.timeBox) notes.push(`time-boxed (${run.timeBox.duration}): ${run.timeBox.randomCases} random cases`);
  if (run.stoppedEarly) notes.push(`STOPPED EARLY: --max-findings ${run.stoppedEarly.maxFindings} reached (${run.stoppedEarly.findings} finding(s))`);
  return notes;
}

/** " · note · note", or "". */
export const runNotesSuffix = (run: RunInfo, separator = ' · '): string => runNotes(run).map((n) => `${separator}${n}`).join('');
