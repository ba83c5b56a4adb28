// Root causes (issue 9 §3): the bugs a user fixes, grouped from the per-constraint discrepancies. Pure.
// - what a target accepts is a root cause per (operation, constraint): each is its own validation; what it
//   refuses, per (operation, constraint) too unless the target words the refusals identically (one rule of its own);
// - how it answers (code, status, 5xx, output shape, protocol, wording) is a root cause per answer signature,
//   whatever constraint triggered it (the constraints are listed inside, with counts);
// - a scenario failure whose steps show an answer already reported as a root cause is its consequence.
import { createHash } from 'node:crypto';
import type { Discrepancy, DiscrepancyKind, Severity } from '../contract/discrepancy.ts';
import { classOf } from '../protocol/errorClasses.ts';
import { codeAnswer, codeGroup, NO_CODE, NO_RESPONSE, outputAnswer, refusedAnswer, serverAnswer, statusAnswer } from './answers.ts';
import type { Finding, RootCause } from './types.ts';

const WHAT: ReadonlySet<DiscrepancyKind | string> = new Set(['accepted-invalid', 'rejected-valid', 'not-tested']);
const SCENARIO: ReadonlySet<DiscrepancyKind | string> = new Set(['idempotency', 'state']);
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

interface Key {
  /** Identity parts (hashed into the id): never wording, never the seed. */
  parts: string[];
  /** The observed answer, as answers.ts words it (answer root causes only): what scenario steps are matched on. */
  answer?: string;
  /** The operation is part of the identity (what it validates, its output shape, its scenarios). */
  perOperation: boolean;
}

/** The expected side of an answer: a success, or the class of the codes expected. */
const expectedSide = (d: Discrepancy): string =>
  d.expected.outcome === 'success' ? 'success' : `${classOf(d.expected.codes[0]) ?? (d.expected.codes.join(' or ') || 'an')} error`;

function keyOf(d: Discrepancy): Key {
  if (d.kind === 'rejected-valid' && d.actual.message) {
    // Refusals the target words identically are one rule of its own (a token it requires, an off-by-one limit),
    // whichever constraint the valid case happened to exercise; differently worded ones stay apart, and so do
    // refusals without words (one per constraint).
    const answer = refusedAnswer(d.actual.code, d.actual.message);
    return { parts: [d.kind, d.operation, answer], answer, perOperation: true };
  }
  if (WHAT.has(d.kind) || SCENARIO.has(d.kind)) return { parts: [d.kind, d.operation, d.constraint], perOperation: true };
  const { status, code, bodyProblem } = d.actual;
  switch (d.kind) {
    case 'error-code':
      // A missing code is the bug whatever code was expected; a wrong one is judged against the class expected.
      return code === undefined
        ? { parts: [d.kind, NO_CODE], answer: NO_CODE, perOperation: false }
        : { parts: [d.kind, expectedSide(d), code], answer: codeAnswer(code), perOperation: false };
    case 'status':
      return { parts: [d.kind, codeGroup(code), String(status)], answer: statusAnswer(code, status), perOperation: false };
    case 'server-error': {
      const answer = serverAnswer({ status, ...(code !== undefined ? { code } : {}), ...(bodyProblem !== undefined ? { bodyProblem } : {}) });
      return { parts: [d.kind, expectedSide(d), String(status), bodyProblem ? `body ${bodyProblem}` : `code ${codeGroup(code)}`], answer, perOperation: false };
    }
    case 'transport':
      return { parts: [d.kind, expectedSide(d)], answer: NO_RESPONSE, perOperation: false };
    case 'response-schema':
      return { parts: [d.kind, d.operation, d.constraint], answer: outputAnswer(d.constraint), perOperation: true };
    case 'message':
      return { parts: [d.kind, codeGroup(code)], perOperation: false };
    case 'protocol':
      // Where the wire departs (the header, where the code sits, the message key), whatever code it carried.
      return { parts: [d.kind, d.constraint], perOperation: false };
    default:
      // Protocol findings and kinds added later: one per rule and observed code, over every operation.
      return { parts: [d.kind, d.constraint, code ?? '-'], perOperation: false };
  }
}

export const rootCauseId = (parts: string[]): string =>
  createHash('sha256').update(`root-cause\n${parts.join('\n')}`).digest('hex').slice(0, 12);

/** The root cause a discrepancy belongs to on its own (before scenario failures are joined to an answer's cause):
 * what --max-findings counts while the run goes. */
export const rootCauseOf = (d: Discrepancy): string => rootCauseId(keyOf(d).parts);

const uniqSorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();
const listed = (xs: string[], max = 4): string => (xs.length > max ? `${xs.slice(0, max).join(' | ')} | …` : xs.join(' | '));

function signatureOf(kind: DiscrepancyKind, members: Finding[], key: Key): string {
  const d = members[0]!;
  const codes = uniqSorted(members.flatMap((m) => m.expected.codes));
  switch (kind) {
    case 'accepted-invalid': return `${d.operation} ${d.constraint}: invalid payload accepted (expected ${listed(codes) || 'an error'})`;
    case 'rejected-valid': return d.actual.message
      ? `${d.operation}: valid payload refused with ${d.actual.code ?? `HTTP ${d.actual.status}`} "${d.actual.message}"`
      : `${d.operation} ${d.constraint}: valid payload refused with ${d.actual.code ?? `HTTP ${d.actual.status}`}`;
    case 'error-code': return `${listed(codes) || 'an error code'} → ${d.actual.code ?? NO_CODE}`;
    case 'status': return `${listed(uniqSorted(members.map((m) => m.actual.code ?? NO_CODE)))} → HTTP ${d.actual.status} (documented: ${uniqSorted(members.flatMap((m) => m.expected.statuses.map(String))).join(' or ')})`;
    case 'server-error': {
      const observed = d.actual.bodyProblem ? `unreadable body (${d.actual.bodyProblem})` : listed(uniqSorted(members.map((m) => m.actual.code ?? NO_CODE)));
      return `${d.expected.outcome === 'success' ? 'success' : listed(codes) || 'an error'} → HTTP ${d.actual.status} ${observed}`;
    }
    case 'transport': return `${d.expected.outcome === 'success' ? 'success' : listed(codes) || 'an error'} → ${key.answer}`;
    case 'response-schema': return `${d.operation} ${outputAnswer(d.constraint)}`;
    case 'message': return `${d.actual.code ?? NO_CODE}: other message wording`;
    case 'protocol': return `${d.constraint}${members.some((m) => m.actual.code) ? ` (codes: ${listed(uniqSorted(members.map((m) => m.actual.code ?? NO_CODE)))})` : ''}`;
    default: return `${key.perOperation ? `${d.operation} ` : ''}${d.constraint}${d.actual.code ? ` (${d.actual.code})` : ''}`;
  }
}

/**
 * Names each discrepancy's root cause (`finding`), marking scenario failures caused by a reported answer as
 * `consequence`. Done before the baseline is applied: baseline entries match at the (root cause, constraint) level.
 */
export function assignRootCauses(discrepancies: Finding[]): void {
  // "<operation> <answer>" → the root cause reporting that answer; "<operation> <constraint>" → what it validates.
  const answerCauses = new Map<string, { id: string; rank: number }>();
  const constraintCauses = new Map<string, string>();
  for (const d of discrepancies) {
    delete d.consequence;
    if (SCENARIO.has(d.kind)) continue;
    const key = keyOf(d);
    d.finding = rootCauseId(key.parts);
    // Only acceptance names its rule: a refused valid case's constraint is merely the one it exercised.
    if (d.kind === 'accepted-invalid') constraintCauses.set(`${d.operation} ${d.constraint}`, d.finding);
    if (key.answer) {
      const at = `${d.operation} ${key.answer}`;
      const rank = CONSEQUENCE_RANK[d.kind] ?? 9;
      const known = answerCauses.get(at);
      // The most specific cause wins, then the first in report order: the same run always names the same cause.
      if (!known || rank < known.rank) answerCauses.set(at, { id: d.finding, rank });
    }
  }
  for (const d of discrepancies) {
    // A wrong code answered in the very words of a refusal reported as a root cause is that rule firing first
    // (a token required before the service is looked up): the same bug.
    if (d.kind !== 'error-code' || !d.actual.message) continue;
    const refusal = answerCauses.get(`${d.operation} ${refusedAnswer(d.actual.code, d.actual.message)}`);
    if (refusal && refusal.rank === CONSEQUENCE_RANK['rejected-valid']) d.finding = refusal.id;
  }
  for (const d of discrepancies) {
    if (!SCENARIO.has(d.kind)) continue;
    // The same rule seen case by case (state:name-conflict accepted), else the most specific answer its steps show.
    const byConstraint = constraintCauses.get(`${d.operation} ${d.constraint}`);
    const byAnswer = (d.answers ?? []).map((a) => answerCauses.get(a)).filter((c) => c !== undefined)
      .sort((a, b) => a.rank - b.rank)[0]?.id;
    const cause = byConstraint ?? byAnswer;
    d.finding = cause ?? rootCauseId(keyOf(d).parts);
    if (cause) d.consequence = true;
  }
}

/** Which reported answer explains a scenario failure best: a refusal in the target's words before a bare code. */
const CONSEQUENCE_RANK: Partial<Record<string, number>> = {
  'rejected-valid': 0, 'response-schema': 1, 'server-error': 2, transport: 3, 'error-code': 4, status: 5,
};

const payloadSize = (d: Finding): number => (d.rawBody ?? JSON.stringify(d.request) ?? '').length;

/** Root causes from discrepancies whose `finding` is assigned (and the baseline applied): gating ones first. */
export function rootCauses(discrepancies: Finding[]): RootCause[] {
  const groups = new Map<string, { members: Finding[]; consequences: Finding[] }>();
  for (const d of discrepancies) {
    const id = d.finding ?? rootCauseId(keyOf(d).parts);
    const g = groups.get(id) ?? { members: [], consequences: [] };
    (d.consequence ? g.consequences : g.members).push(d);
    groups.set(id, g);
  }
  const causes: RootCause[] = [];
  for (const [id, { members, consequences }] of groups) {
    if (members.length === 0) continue; // cannot happen: a consequence names a cause that has members
    const all = [...members, ...consequences];
    // The member the cause is named after (others may have joined it: a wrong code in a refusal's words).
    const lead = members.find((m) => rootCauseId(keyOf(m).parts) === id) ?? members[0]!;
    const key = keyOf(lead);
    // The example: of the lead's kind, gating if any gates, the smallest payload.
    const own = members.filter((m) => m.kind === lead.kind);
    const candidates = own.some((m) => m.gating) ? own.filter((m) => m.gating) : own;
    const example = candidates.reduce((best, m) => (payloadSize(m) < payloadSize(best) ? m : best));
    causes.push({
      id,
      kind: lead.kind,
      signature: signatureOf(lead.kind, [lead, ...members.filter((m) => m !== lead)], key),
      operations: uniqSorted(members.map((m) => m.operation)),
      seenOn: members.map((m) => ({ operation: m.operation, constraint: m.constraint, count: m.count, discrepancy: m.id, gating: m.gating, baselined: m.baselined })),
      count: members.reduce((n, m) => n + m.count, 0),
      severity: all.map((m) => m.severity).sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])[0]!,
      confidence: all.some((m) => m.confidence === 'documented') ? 'documented' : 'inferred',
      gating: all.some((m) => m.gating),
      baselined: all.every((m) => m.baselined),
      expectedCodes: uniqSorted(members.flatMap((m) => m.expected.codes)),
      source: example.source,
      detail: example.detail,
      example: {
        discrepancy: example.id, operation: example.operation, constraint: example.constraint, request: example.request,
        ...(example.rawBody !== undefined ? { rawBody: example.rawBody } : {}), actual: example.actual,
      },
      reproduce: example.reproduce,
      consequences: consequences.map((c) => ({ discrepancy: c.id, operation: c.operation, kind: c.kind, constraint: c.constraint, gating: c.gating })),
    });
  }
  const rank = (c: RootCause) => `${c.gating ? 0 : 1}${SEVERITY_RANK[c.severity]}\u0000${c.operations[0] ?? ''}\u0000${c.kind}\u0000${c.signature}\u0000${c.id}`;
  return causes.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}
