// `--max-findings N`: the run stops taking cases once N distinct gating root causes are known. "How many distinct
// findings so far" is counted here and only here (`findingKey`: the root cause a discrepancy belongs to, the
// grouping report.json `findings` use; a scenario failure counts as its own, as it is not yet known whether it
// is the consequence of an answer). Counted: what would fail the gate (--fail-on, --strictness, not in the
// baseline), so a run stopped early always has what it stopped for in its exit code.
import type { Discrepancy } from '../contract/discrepancy.ts';
import { findingId } from '../report/findingId.ts';
import { rootCauseOf } from '../report/rootCauses.ts';
import { gates, type Gate } from './findings.ts';

/** What makes two discrepancies one finding for --max-findings. */
export const findingKey = (d: Discrepancy): string => rootCauseOf(d);

export class FindingBudget {
  private readonly keys = new Set<string>();

  constructor(
    readonly max: number | undefined,
    private readonly o: { gate: Gate; baselined: ReadonlySet<string> },
  ) {}

  /** A discrepancy the run found (a new group, a scenario or not-tested finding). */
  see(d: Discrepancy): void {
    if (this.max === undefined || !gates(d, this.o.gate)) return;
    if (this.o.baselined.has(findingId(d.operation, d.kind, d.constraint, d.actual.code))) return;
    this.keys.add(findingKey(d));
  }

  /** Distinct gating root causes so far. */
  get found(): number { return this.keys.size; }

  reached(): boolean { return this.max !== undefined && this.keys.size >= this.max; }
}
