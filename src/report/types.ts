// The report contract (DESIGN "report.json"): extend, never rename. Sinks render this one value.
import type { Discrepancy, DiscrepancyKind } from '../contract/discrepancy.ts';
import type { Case } from '../contract/case.ts';
import type { OracleContext } from '../contract/context.ts';

/** One bug, grouped: every discrepancy with the same (operation, kind, constraint, observed code). */
export interface Finding extends Discrepancy {
  /** Stable id derived from operation, kind, constraint and observed code (baselines key on it). */
  id: string;
  count: number;
  /** Minimal payload after shrinking (the request body as JSON, or rawBody for malformed JSON). */
  request: unknown;
  rawBody?: string;
  context: OracleContext;
  /** The case before binding to this target's prerequisites (placeholder ids): replay rebinds it anywhere. */
  case?: Case;
  /** Seed of the case that first showed it, and the shrink path taken from it ("" when not shrunk). */
  seed: number;
  path: string;
  shrinkSteps: number;
  /** Counts towards the exit code: gating severity and confidence, and not in the baseline. */
  gating: boolean;
  baselined: boolean;
  fixture?: string;
  /** A command that re-runs it. */
  reproduce: string;
}

export type CoverageTable = Record<string, Record<string, { valid: number; invalid: number }>>;

export interface RunInfo {
  seed: number;
  target: string;
  diff?: string;
  operations: string[];
  runs: number;
  concurrency: number;
  strictness: 'documented' | 'inferred';
  /** Whether the idempotency and state scenarios ran (not with --no-scenarios, nor after Ctrl-C). */
  scenarios?: boolean;
  startedAt: string;
  durationMs: number;
  casesPerSecond: number;
  /** Set when the run was stopped early (Ctrl-C): the report holds what ran so far. */
  interrupted?: boolean;
  baseline?: string;
  /** SDK targets: input members the SDK filled in by itself, per operation (e.g. idempotency tokens). */
  sdkFilled?: Record<string, string[]>;
  /** Cases not sent, per operation and reason: an SDK target cannot send raw bodies, nor what its SDK cannot
   * serialize faithfully (src/targets/sdkFidelity.ts). Not findings; they never gate. */
  skipped?: Record<string, Record<string, number>>;
}

export interface Report {
  tool: { name: string; version: string };
  run: RunInfo;
  summary: {
    cases: number;
    requests: number;
    discrepancies: number;
    gating: number;
    byKind: Partial<Record<DiscrepancyKind, number>>;
    byOperation: Record<string, number>;
  };
  coverage: CoverageTable;
  discrepancies: Finding[];
  /** Baseline entries that no longer occur. */
  fixed: string[];
  /** With --baseline: entries this run did not exercise (neither fixed nor found). */
  notExercised?: string[];
}

/** Report sinks share one interface; each is a separate implementation (JSON, JUnit, Markdown, console).
 * They render the finished report: findings are grouped and shrunk before any sink sees one. */
export interface ReportSink {
  onRunEnd(report: Report): void | Promise<void>;
}
