// What report.html shows, computed from the report alone (pure): the constraint × outcome matrix, root causes
// most severe first with their wire exchange, scenario failures as step lists. The template only lays it out.
import type { Severity } from '../contract/discrepancy.ts';
import { shortPayload } from './render.ts';
import type { Finding, Report, RootCause } from './types.ts';

/** What the target did in one cell: as the contract (or the reference) expects, a finding, or never exercised. */
export type CellState = 'expected' | 'finding' | 'unexercised';
/** `severity`: the highest of the cell's discrepancies (findings only), which colours it. */
export interface Cell { state: CellState; cases: number; findings: number; kinds: string[]; severity?: Severity }
export interface MatrixRow { constraint: string; valid: Cell; invalid: Cell }
export interface OperationMatrix { operation: string; rows: MatrixRow[] }

export interface RootCauseView {
  cause: RootCause;
  request: Folded;
  exchange: Folded;
}
export interface ScenarioView { finding: Finding; steps: { call: string; answer: string }[] }
/** A long text: its first part always shown, the rest folded (and cut at `MAX_TEXT`: the page stays attachable). */
export interface Folded { head: string; rest?: string; length: number }

export interface HtmlView {
  report: Report;
  verdict: 'PASS' | 'FAIL' | 'INTERRUPTED';
  rerun: string;
  matrix: OperationMatrix[];
  causes: RootCauseView[];
  scenarios: ScenarioView[];
  filters: { operation: string[]; kind: string[]; severity: string[]; confidence: string[] };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const HEAD = 1_200;
const MAX_TEXT = 16_000;

export function fold(text: string): Folded {
  if (text.length <= HEAD) return { head: text, length: text.length };
  const kept = text.slice(0, MAX_TEXT);
  const cut = text.length > MAX_TEXT ? `\n…(${text.length - MAX_TEXT} more characters not shown)` : '';
  return { head: kept.slice(0, HEAD), rest: kept.slice(HEAD) + cut, length: text.length };
}

/** Valid or violating: the case's own kind when the report kept it, else what was expected of it. */
const columnOf = (f: Finding): 'valid' | 'invalid' =>
  f.case?.kind ?? (f.kind === 'rejected-valid' || f.expected.outcome === 'success' ? 'valid' : 'invalid');

function matrixOf(r: Report): OperationMatrix[] {
  return r.run.operations.map((operation) => {
    const table = r.coverage[operation] ?? {};
    const ids = [...Object.keys(table)];
    for (const f of r.discrepancies) if (f.operation === operation && !ids.includes(f.constraint)) ids.push(f.constraint);
    const rows = ids.map((constraint): MatrixRow => {
      const cell = (column: 'valid' | 'invalid'): Cell => {
        const cases = table[constraint]?.[column] ?? 0;
        const hits = r.discrepancies.filter((f) => f.operation === operation && f.constraint === constraint && columnOf(f) === column);
        const findings = hits.reduce((n, f) => n + f.count, 0);
        const state: CellState = hits.length > 0 ? 'finding' : cases > 0 ? 'expected' : 'unexercised';
        const severity = hits.map((f) => f.severity).sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])[0];
        return { state, cases, findings, kinds: [...new Set(hits.map((f) => f.kind))].sort(), ...(severity ? { severity } : {}) };
      };
      return { constraint, valid: cell('valid'), invalid: cell('invalid') };
    });
    return { operation, rows };
  });
}

/** The exchange as the report holds it (scrubbed when it was recorded): the request on the wire, the answer read. */
function exchangeOf(c: RootCause): string {
  const body = c.example.rawBody ?? JSON.stringify(c.example.request, null, 2) ?? '';
  const a = c.example.actual;
  const answer = a.status === 0
    ? '(no response)'
    : [`HTTP ${a.status}`, a.code !== undefined ? `error code: ${a.code}` : undefined, a.message !== undefined ? `message: ${a.message}` : undefined,
      a.bodyProblem !== undefined ? `body: ${a.bodyProblem}` : undefined].filter((l) => l !== undefined).join('\n');
  return `→ POST / (${c.example.operation})\n${body}\n\n← ${answer}`;
}

const stepsOf = (f: Finding): ScenarioView['steps'] => {
  const steps = (f.request as { steps?: { call?: { operation?: string; input?: unknown }; outcome?: { status?: number; code?: string; message?: string } }[] } | undefined)?.steps ?? [];
  return steps.map((s) => ({
    call: `${s.call?.operation ?? '?'} ${shortPayload(s.call?.input, 60, 300)}`,
    answer: `${s.outcome?.status ?? '?'}${s.outcome?.code ? ` ${s.outcome.code}` : ''}${s.outcome?.message ? `: ${s.outcome.message.slice(0, 200)}` : ''}`,
  }));
};

/** `contract-fuzz run …` with what the report says shaped the cases and the verdicts. */
export function rerunCommand(r: Report): string {
  const run = r.run;
  return ['contract-fuzz run', '--target', run.target, ...(run.diff ? ['--diff', run.diff] : []),
    '--operation', run.operations.length === 1 ? run.operations[0]! : 'all', '--seed', String(run.seed), '--runs', String(run.runs),
    ...(run.strictness !== 'documented' ? ['--strictness', run.strictness] : []), ...(run.failOn === 'warning' ? ['--fail-on', 'warning'] : []),
    ...(run.scenarios === false && !run.interrupted ? ['--no-scenarios'] : [])].join(' ');
}

const uniq = (xs: string[]): string[] => [...new Set(xs)].sort();

export function htmlView(r: Report): HtmlView {
  const causes = [...r.findings].sort((a, b) =>
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || Number(b.gating) - Number(a.gating) || b.count - a.count || a.id.localeCompare(b.id));
  return {
    report: r,
    verdict: r.run.interrupted ? 'INTERRUPTED' : r.summary.gating > 0 ? 'FAIL' : 'PASS',
    rerun: r.run.reproduce ?? rerunCommand(r),
    matrix: matrixOf(r),
    causes: causes.map((cause) => ({
      cause,
      request: fold(cause.example.rawBody ?? JSON.stringify(cause.example.request, null, 2) ?? ''),
      exchange: fold(exchangeOf(cause)),
    })),
    scenarios: r.discrepancies.filter((f) => f.kind === 'idempotency' || f.kind === 'state').map((finding) => ({ finding, steps: stepsOf(finding) })),
    filters: {
      operation: uniq(r.findings.flatMap((c) => c.operations)),
      kind: uniq(r.findings.map((c) => c.kind)),
      severity: uniq(r.findings.map((c) => c.severity)),
      confidence: uniq(r.findings.map((c) => c.confidence)),
    },
  };
}
