// The case loop: a lazy plan streamed through an exchange with a concurrency limit and bounded memory;
// one group per (operation, kind, constraint, observed code), counted, its earliest case shrunk afterwards.
import type { Discrepancy } from '../contract/discrepancy.ts';
import type { Case } from '../contract/case.ts';
import type { PlanItem } from '../generate/index.ts';
import type { CoverageTable, DiffCoverageTable } from '../report/types.ts';
import type { CapturedWire } from '../targets/wireCapture.ts';
import { countDiff } from './diffCoverage.ts';
import type { CaseExchange } from './exchange.ts';
import { forEachConcurrent } from '../pool.ts';
import { shrinkAgainst } from './shrink.ts';
import { settled } from './settle.ts';
import { callLabelsWanted, withCallLabel } from '../targets/callLabel.ts';

export interface Group {
  key: string;
  discrepancy: Discrepancy;
  count: number;
  item: PlanItem;
  /** The case as sent (bound), after shrinking when shrinking ran. */
  sent: Case;
  /** The same case before binding (placeholder prerequisites): what a fixture replays on any target. */
  unbound: Case;
  shrink: { path: number[]; steps: number; requests: number };
  /** The representative case's exchange over the wire (unscrubbed; src/run/wire.ts makes it report-ready). */
  wire?: CapturedWire;
  referenceWire?: CapturedWire;
}

export interface CaseLoopOptions {
  items: Iterator<PlanItem>;
  exchange: CaseExchange;
  concurrency: number;
  /** Most requests spent shrinking one finding (0: no shrinking). */
  shrinkRequests: number;
  signal?: AbortSignal;
  onProgress?(done: number, findings: number): void;
  /** Shrinking starts (after the last case). */
  onShrinking?(): void;
  /** A discrepancy that starts a new group (--max-findings counts them as they come). */
  onGroup?(d: Discrepancy): void;
}

export interface CaseLoopResult {
  cases: number;
  /** Cases the target did not send, per reason (an SDK that cannot serialize them faithfully). */
  skipped: Record<string, number>;
  coverage: CoverageTable;
  /** --diff: what each side did, per constraint (empty otherwise). */
  diffCoverage: DiffCoverageTable;
  groups: Group[];
}

/** How many findings get the full per-finding shrink budget before the run-wide one runs out. */
const SHRINK_FINDINGS_AT_FULL_BUDGET = 10;

export const groupKey = (d: Discrepancy): string => `${d.operation}\u0000${d.kind}\u0000${d.constraint}\u0000${d.actual.code ?? ''}`;

export function countCoverage(coverage: CoverageTable, c: Case): void {
  const table = (coverage[c.operation] ??= {});
  const ids = c.kind === 'valid' ? c.exercises : c.breaks;
  for (const id of ids) (table[id] ??= { valid: 0, invalid: 0 })[c.kind]++;
}

export async function runCases(o: CaseLoopOptions): Promise<CaseLoopResult> {
  const groups = new Map<string, Group>();
  const coverage: CoverageTable = {};
  const diffCoverage: DiffCoverageTable = {};
  const skipped: Record<string, number> = {};
  let cases = 0;

  await forEachConcurrent(o.items, o.concurrency, async (item) => {
    const { found, sent, skipped: why, throttled, sides, wire, referenceWire } = await (callLabelsWanted() ? withCallLabel(`${item.case.operation}#${item.index}`, () => o.exchange(item.case)) : o.exchange(item.case));
    if (o.signal?.aborted) return; // a request cut by Ctrl-C says nothing about the target
    if (why !== undefined) {
      skipped[why] = (skipped[why] ?? 0) + 1;
      return;
    }
    cases++;
    if (!throttled) countCoverage(coverage, item.case); // never judged: covers nothing
    if (!throttled && sides) countDiff(diffCoverage, item.case, sides);
    for (const d of found) {
      const key = groupKey(d);
      const g = groups.get(key);
      if (!g) {
        groups.set(key, { key, discrepancy: d, count: 1, item, sent, unbound: item.case, shrink: { path: [], steps: 0, requests: 0 }, wire, referenceWire });
        o.onGroup?.(d);
      } else {
        g.count++;
        // The earliest case represents the group: the same seed gives the same finding whatever the timing.
        if (item.index < g.item.index) Object.assign(g, { discrepancy: d, item, sent, unbound: item.case, wire, referenceWire });
      }
    }
    o.onProgress?.(cases, groups.size);
  }, o.signal);

  const sorted = [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // A run-wide bound too: many findings against a slow target must not turn shrinking into hours.
  let budget = o.shrinkRequests * SHRINK_FINDINGS_AT_FULL_BUDGET;
  if (o.shrinkRequests > 0 && sorted.length > 0 && !o.signal?.aborted) o.onShrinking?.();
  for (const g of sorted) {
    if (o.shrinkRequests <= 0 || budget <= 0 || o.signal?.aborted) break;
    // No response (or only "slow down") is a matter of timing, not of the payload: every candidate would "still fail" after
    // waiting the whole timeout.
    if (g.discrepancy.kind === 'transport' || g.discrepancy.kind === 'throttled') continue;
    // The shrunk case's own answer goes with it: a message echoing the payload must match the payload shown.
    let last: Pick<Group, 'sent' | 'unbound' | 'discrepancy' | 'wire' | 'referenceWire'> | undefined;
    const judge = settled(o.exchange, o.signal);
    const shrunk = await withCallLabel(`shrink:${g.item.case.operation}#${g.item.index}`, () => shrinkAgainst(g.item.arbitrary, g.item.value, async (candidate) => {
      const { found, sent, wire, referenceWire } = await judge(candidate);
      const same = found.find((d) => groupKey(d) === g.key);
      if (same) last = { sent, unbound: candidate, discrepancy: same, wire, referenceWire };
      return same !== undefined;
    }, Math.min(o.shrinkRequests, budget)));
    budget -= shrunk.requests;
    g.shrink = { path: shrunk.path, steps: shrunk.steps, requests: shrunk.requests };
    if (shrunk.steps > 0 && last) Object.assign(g, last);
  }
  return { cases, skipped, coverage, diffCoverage, groups: sorted };
}
