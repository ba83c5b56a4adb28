// Groups → findings: stable ids, gating by strictness and --fail-on, reproduction commands. Pure.
import type { Discrepancy } from '../contract/discrepancy.ts';
import type { Case } from '../contract/case.ts';
import { findingId } from '../report/findingId.ts';
import type { Finding } from '../report/types.ts';
import type { Group } from './runner.ts';

export type Strictness = 'documented' | 'inferred';
export type FailOn = 'error' | 'warning';

/** The two gate axes: which confidences (`--strictness`) and which severities (`--fail-on`) fail a run. */
export interface Gate { strictness: Strictness; failOn: FailOn }

/** A finding fails the gate when its severity is within --fail-on (info never) and its confidence within the strictness. */
export const gates = (d: Discrepancy, gate: Gate): boolean =>
  (d.severity === 'error' || (d.severity === 'warning' && gate.failOn === 'warning'))
  && (gate.strictness === 'inferred' || d.confidence === 'documented');

export interface FindingInput {
  discrepancy: Discrepancy;
  count: number;
  sent: Case;
  unbound?: Case;
  seed: number;
  path: number[];
  steps: number;
}

/** The command that re-runs a finding (reproduce.ts `reproduceFor`: replay of its fixture, or the same run again). */
export type Reproduce = (f: Pick<Finding, 'operation' | 'kind' | 'id'>) => string;

export function toFinding(g: FindingInput, gate: Gate, reproduce: Reproduce): Finding {
  const d = g.discrepancy;
  const id = findingId(d.operation, d.kind, d.constraint, d.actual.code);
  return {
    ...d,
    id,
    count: g.count,
    request: g.sent.rawBody !== undefined ? null : g.sent.input,
    ...(g.sent.rawBody !== undefined ? { rawBody: g.sent.rawBody } : {}),
    context: g.sent.context,
    ...(g.unbound ? { case: g.unbound } : {}),
    seed: g.seed,
    path: g.path.join(':'),
    shrinkSteps: g.steps,
    gating: gates(d, gate),
    baselined: false,
    reproduce: reproduce({ operation: d.operation, kind: d.kind, id }),
  };
}

export const fromGroup = (g: Group, gate: Gate, reproduce: Reproduce): Finding =>
  toFinding({ discrepancy: g.discrepancy, count: g.count, sent: g.sent, unbound: g.unbound, seed: g.item.seed, path: g.shrink.path, steps: g.shrink.steps }, gate, reproduce);

export function sortFindings(findings: Finding[]): Finding[] {
  // A total order: findings that share operation, kind, constraint and code (one id) but differ in what was seen
  // (status, unreadable body, case) otherwise kept the order their groups closed in, which follows answer timing:
  // the same seed against a recording and its replay listed them in another order.
  const key = (f: Finding) => [f.operation, f.kind, f.constraint, f.actual.code ?? '', f.caseId ?? '', String(f.actual.status).padStart(3, '0'), f.actual.bodyProblem ?? '', f.actual.message ?? ''].join('\u0000');
  return findings.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
