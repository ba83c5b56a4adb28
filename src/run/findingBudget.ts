// `--max-findings N`: the run stops taking cases once N distinct gating findings are known. "How many distinct
// findings so far" is counted here and only here: a finding is today a group (operation, kind, constraint,
// observed code); when root causes group further, `findingKey` becomes the root cause's key and nothing else
// changes. Counted: what would fail the gate (not informational, within --strictness, not in the baseline),
// so a run stopped early always has what it stopped for in its exit code.
import type { Discrepancy } from '../checks/discrepancy.ts';
import { findingId } from '../report/findingId.ts';
import { gates, type Strictness } from './findings.ts';
import { groupKey } from './runner.ts';

/** What makes two discrepancies one finding for --max-findings. */
export const findingKey = (d: Discrepancy): string => groupKey(d);

export class FindingBudget {
  private readonly keys = new Set<string>();

  constructor(
    readonly max: number | undefined,
    private readonly o: { strictness: Strictness; baselined: ReadonlySet<string> },
  ) {}

  /** A discrepancy the run found (a new group, a scenario or not-tested finding). */
  see(d: Discrepancy): void {
    if (this.max === undefined || !gates(d, this.o.strictness)) return;
    if (this.o.baselined.has(findingId(d.operation, d.kind, d.constraint, d.actual.code))) return;
    this.keys.add(findingKey(d));
  }

  /** Distinct gating findings so far. */
  get found(): number { return this.keys.size; }

  reached(): boolean { return this.max !== undefined && this.keys.size >= this.max; }
}
