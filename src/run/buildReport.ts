// The report of a run from its parts: coverage in catalogue order, discrepancies sorted, grouped into root
// causes and judged against the baseline, the summary counted. `run` and `merge` both build their report here, so a merged report of shards
// is grouped, judged and counted by the same code as the report of one run.
import { constraintsOf } from '../oracle/index.ts';
import { assignRootCauses, rootCauses } from '../report/rootCauses.ts';
import type { CoverageTable, DiffCoverageTable, Finding, Report, RunInfo } from '../report/types.ts';
import { TOOL } from '../version.ts';
import { sortFindings } from './findings.ts';

export interface ReportParts {
  run: RunInfo;
  cases: number;
  requests: number;
  coverage: CoverageTable;
  /** --diff: what each side did per constraint. */
  diffCoverage?: DiffCoverageTable;
  /** Discrepancies, grouped (one per operation, kind, constraint and observed code). */
  findings: Finding[];
}

/** Marks baselined findings and says which baseline entries are fixed or not exercised (none without a baseline). */
export type BaselineStep = (findings: Finding[]) => { fixed: string[]; notExercised?: string[] };

/** Catalogue order first, then ids only the generators name, sorted: the same seed gives the same file. */
export function orderCoverage(operations: readonly string[], coverage: CoverageTable): void {
  for (const op of operations) {
    const table = coverage[op];
    if (!table) continue;
    const known = new Set(constraintsOf(op).map((c) => c.id));
    const extras = Object.keys(table).filter((id) => !known.has(id)).sort();
    coverage[op] = Object.fromEntries([...Object.keys(table).filter((id) => known.has(id)), ...extras].map((id) => [id, table[id]]));
  }
}

export function buildReport(p: ReportParts, baseline: BaselineStep): Report {
  const { findings, coverage } = p;
  orderCoverage(p.run.operations, coverage);
  sortFindings(findings);
  // Root causes are named before the baseline judges: its entries match per (root cause, constraint).
  assignRootCauses(findings);
  const { fixed, notExercised } = baseline(findings);
  const causes = rootCauses(findings);
  const byKind: Report['summary']['byKind'] = {};
  const byOperation: Record<string, number> = Object.fromEntries(p.run.operations.map((op) => [op, 0]));
  for (const f of findings) {
    byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
    byOperation[f.operation] = (byOperation[f.operation] ?? 0) + 1;
  }
  return {
    tool: { name: TOOL.name, version: TOOL.version },
    run: p.run,
    summary: {
      cases: p.cases, requests: p.requests, discrepancies: findings.length,
      gating: findings.filter((f) => f.gating).length,
      findings: causes.length, gatingFindings: causes.filter((c) => c.gating).length, byKind, byOperation,
    },
    coverage,
    ...(p.diffCoverage ? { diffCoverage: p.diffCoverage } : {}),
    findings: causes,
    discrepancies: findings,
    fixed,
    ...(notExercised ? { notExercised } : {}),
  };
}
