// The stream of one operation's cases as a run takes them: counted into the case digest, ended by the time box
// (random cases only: the coverage phase always runs whole) or once --max-findings is reached. Ending the
// stream stops new cases; those in flight finish and are judged.
import type { PlanItem } from '../generate/index.ts';
import type { CaseTally } from './caseDigest.ts';

export interface StreamControl {
  operation: string;
  tally: CaseTally;
  /** Epoch ms after which no random case starts (--duration). */
  deadline?: number;
  /** --max-findings reached. */
  stopped(): boolean;
  /** `fill`: the random phase positions reached (highest + 1: the `--runs` that takes the same random cases);
   * `random`: the random cases this run took. */
  reached: { fill: number; random: number };
  now?: () => number;
}

export function* controlled(items: Iterator<PlanItem>, c: StreamControl): Generator<PlanItem, void, undefined> {
  const now = c.now ?? Date.now;
  for (let n = items.next(); !n.done; n = items.next()) {
    const item = n.value;
    if (c.stopped()) return;
    if (item.fill !== undefined) {
      if (c.deadline !== undefined && now() >= c.deadline) return;
      if (item.fill >= c.reached.fill) c.reached.fill = item.fill + 1;
      c.reached.random++;
    }
    c.tally.take(c.operation, item.index);
    yield item;
  }
}
