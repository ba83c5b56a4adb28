// The report contract (DESIGN "report.json"): extend, never rename. Sinks render this one value.
import type { Discrepancy, DiscrepancyKind, Severity } from '../contract/discrepancy.ts';
import type { Case } from '../contract/case.ts';
import type { OracleContext } from '../contract/context.ts';
import type { Confidence } from '../contract/expected.ts';

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
  /** The case that first showed it (`<operation>:<plan index>`, the same whole or sharded); scenarios have none. */
  caseId?: string;
  /** Id of the root cause (`report.findings`) it belongs to, or is a consequence of. */
  finding?: string;
  /** A scenario failure whose steps include an answer already reported as a root cause: listed under it. */
  consequence?: boolean;
  /** Scenario findings: the answer signatures their steps showed (`<operation> <answer>`), to find consequences. */
  answers?: string[];
  /** The representative case's exchange as it went over the wire (the candidate's, for --diff). */
  wire?: WireExchange;
  /** --diff: the reference's exchange of the same case. */
  referenceWire?: WireExchange;
}

/** Where a root cause was seen: one per discrepancy, i.e. per (root cause, operation, constraint). */
export interface SeenOn {
  operation: string;
  constraint: string;
  count: number;
  discrepancy: string;
  gating: boolean;
  baselined: boolean;
}

/**
 * One bug to fix (report.json `findings`). What a target accepts or refuses is a root cause per constraint;
 * how it answers (code, status, 5xx, output shape, protocol) one per answer signature, whatever constraints
 * triggered it; scenario failures caused by such an answer are its consequences.
 */
export interface RootCause {
  /** Stable: from the kind and the signature's parts, never the seed or the wording. */
  id: string;
  kind: DiscrepancyKind;
  /** "<expected> → <observed>" for answers; "<constraint> accepted|refused" for what a target validates. */
  signature: string;
  operations: string[];
  seenOn: SeenOn[];
  /** Cases that showed it, over every constraint. */
  count: number;
  /** The highest of its discrepancies' (consequences included). */
  severity: Severity;
  /** `documented` when any of its discrepancies is documented. */
  confidence: Confidence;
  /** Counts towards the exit code: some discrepancy of it (or a consequence) gates. */
  gating: boolean;
  /** Every discrepancy of it is in the baseline. */
  baselined: boolean;
  expectedCodes: string[];
  /** Where the expectation comes from, and what differed (of the example). */
  source: string;
  detail: string;
  /** The smallest shrunk payload among its discrepancies, and how to re-run it. */
  example: {
    discrepancy: string; operation: string; constraint: string; request: unknown; rawBody?: string; actual: Discrepancy['actual'];
    /** The example's exchange as it went over the wire (and, for --diff, the reference's): see `WireExchange`. */
    wire?: WireExchange; referenceWire?: WireExchange;
  };
  reproduce: string;
  consequences: { discrepancy: string; operation: string; kind: DiscrepancyKind; constraint: string; gating: boolean }[];
}

export type CoverageTable = Record<string, Record<string, { valid: number; invalid: number }>>;

/** --diff: what one side did with a cell's cases (2xx, an error answer, no answer). */
export interface SideCounts { accepted: number; refused: number; none: number }
/** --diff: one cell of the matrix, both sides, and on how many cases they parted (the candidate departed). */
export interface DiffCell { reference: SideCounts; candidate: SideCounts; parted: number }
/** --diff: per operation and constraint id (as `coverage`), the valid and the violating cases' cells. */
export type DiffCoverageTable = Record<string, Record<string, { valid: DiffCell; invalid: DiffCell }>>;

/**
 * The exchange of a finding's representative (shrunk) case as it went over the wire, scrubbed (secret headers
 * and every secret value, in any encoding, are `<scrubbed>`), masked like the rest of the finding (the run's
 * nonce, the target's prerequisite ids), and each body cut at 8 KiB (`bodyLength` is its length before the cut,
 * scrubbed and masked: longer than `body` exactly when it was cut). Headers that differ on every request (`date`, request ids) read `<varies>`: the same
 * seed writes the same report.
 */
export interface WireExchange {
  request: { method: string; path: string; headers: Record<string, string>; body: string; bodyLength: number };
  /** Absent when no HTTP response came back (`failure` says why). */
  response?: { status: number; headers: Record<string, string>; body: string; bodyLength: number };
  failure?: string;
}

export interface RunInfo {
  /** The command that runs this run again, every option that shapes its cases and verdicts carried (src/run/reproduce.ts). */
  reproduce?: string;
  seed: number;
  target: string;
  diff?: string;
  operations: string[];
  runs: number;
  /** Requests in flight to each target: fixed (--concurrency), or where the adaptive limit started. */
  concurrency: number;
  /** The adaptive limit's cap (--max-concurrency; absent: the limit was fixed). How high it went follows the
   * target's latency, so it is not recorded: the same seed and options write the same report. */
  maxConcurrency?: number;
  strictness: 'documented' | 'inferred';
  /** Which severities gate (`--fail-on`): `error` (default) or `warning` too; `info` never. */
  failOn?: 'error' | 'warning';
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
  /** The cases this run took, per operation: a count and an order-independent digest of their ids (shards add up). */
  caseDigest?: Record<string, { cases: number; digest: string }>;
  /** `--shard i/n`: which shard this report is, the option words every shard of the run shares, and the operations
   * whose scenarios this shard runs (each operation's in exactly one shard). */
  shard?: { index: number; total: number; options: string[]; scenarios: string[] };
  /** A report merged from shards (`contract-fuzz merge`): how many, and the option words they shared. */
  merged?: { shards: number; options: string[] };
  /** `--duration`: the random phase ran until the time was spent; how many random cases that was. */
  timeBox?: { duration: string; durationMs: number; randomCases: number };
  /** `--max-findings`: the run stopped taking cases once that many distinct gating findings were known. */
  stoppedEarly?: { reason: 'max-findings'; maxFindings: number; findings: number };
  /** --include/--exclude: the patterns, and per operation the ids they left out (src/run/filters.ts). */
  filters?: { include: string[]; exclude: string[]; excluded: Record<string, { count: number; ids: string[] }> };
  /** Model-only create-like operations: the inverse that undid their successes after the run and how many it undid
   * (0 on a target the run started, or with --keep), or why none could be (src/profiles/undo.ts; inferred). */
  undo?: Record<string, { via?: string; undone?: number; notUndone?: string; confidence: 'inferred' }>;
}

export interface Report {
  tool: { name: string; version: string };
  run: RunInfo;
  summary: {
    cases: number;
    requests: number;
    discrepancies: number;
    /** Gating discrepancies (per constraint). */
    gating: number;
    /** Root causes (`findings`), and how many of them gate. */
    findings: number;
    gatingFindings: number;
    byKind: Partial<Record<DiscrepancyKind, number>>;
    byOperation: Record<string, number>;
  };
  coverage: CoverageTable;
  /** --diff runs: what each target did per constraint, and where they parted (report.html's side-by-side matrix). */
  diffCoverage?: DiffCoverageTable;
  /** Root causes, the ones that gate first: what to fix. */
  findings: RootCause[];
  /** Per constraint, each naming its root cause (`finding`). */
  discrepancies: Finding[];
  /** Baseline entries that no longer occur. */
  fixed: string[];
  /** With --baseline: entries this run did not exercise (neither fixed nor found). */
  notExercised?: string[];
}

/** Report sinks share one interface; each is a separate implementation (JSON, JUnit, Markdown, HTML, console).
 * They render the finished report: findings are grouped and shrunk before any sink sees one. */
export interface ReportSink {
  onRunEnd(report: Report): void | Promise<void>;
}
