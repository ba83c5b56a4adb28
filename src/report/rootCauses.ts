// Root causes (issue 9 §3): the bugs a user fixes, grouped from the per-constraint discrepancies. Pure.
// - what a target accepts is a root cause per (operation, constraint): each is its own validation; what it
//   refuses, per (operation, constraint) too unless the target words the refusals identically (one rule of its own);
// - how it answers (code, status, 5xx, output shape, protocol, wording) is a root cause per answer signature,
//   whatever constraint triggered it (the constraints are listed inside, with counts);
// - a scenario failure whose steps show an answer already reported as a root cause is its consequence.
import { createHash } from 'node:crypto';
import type { DiscrepancyKind, Severity } from '../checks/discrepancy.ts';
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
const expectedSide = (d: Finding): string =>
  d.expected.outcome === 'success' ? 'success' : `${classOf(d.expected.codes[0]) ?? (d.expected.codes.join(' or ') || 'an')} error`;

function keyOf(d: Finding): Key {
  if (d.kind === 'rejected-valid') {
    // Refusals the target words identically are one rule of its own (a token it requires, an off-by-one limit),
    // whichever constraint the valid case happened to exercise; differently worded ones stay apart.
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
      return { parts: [d.kind, statusAnswer(code, status)], answer: statusAnswer(code, status), perOperation: false };
    case 'server-error': {
      const answer = serverAnswer({ status, ...(code !== undefined ? { code } : {}), ...(bodyProblem !== undefined ? { bodyProblem } : {}) });
      return { parts: [d.kind, expectedSide(d), answer], answer, perOperation: false };
    }
    case 'transport':
      return { parts: [d.kind, expectedSide(d)], answer: NO_RESPONSE, perOperation: false };
    case 'response-schema':
      return { parts: [d.kind, d.operation, d.constraint], answer: outputAnswer(d.constraint), perOperation: true };
    case 'message':
      return { parts: [d.kind, codeGroup(code)], perOperation: false };
    default:
      // Protocol findings and kinds added later: one per rule and observed code, over every operation.
      return { parts: [d.kind, d.constraint, code ?? '-'], perOperation: false };
  }
}

export const rootCauseId = (parts: string[]): string =>
  createHash('sha256').update(`root-cause\n${parts.join('\n')}`).digest('hex').slice(0, 12);

const uniqSorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();
const listed = (xs: string[], max = 4): string => (xs.length > max ? `${xs.slice(0, max).join(' | ')} | …` : xs.join(' | '));

function signatureOf(kind: DiscrepancyKind, members: Finding[], key: Key): string {
  const d = members[0]!;
  const codes = uniqSorted(members.flatMap((m) => m.expected.codes));
  switch (kind) {
    case 'accepted-invalid': return `${d.operation} ${d.constraint}: invalid payload accepted (expected ${listed(codes) || 'an error'})`;
    case 'rejected-valid': return `${d.operation}: valid payload refused with ${d.actual.code ?? `HTTP ${d.actual.status}`}${d.actual.message ? ` "${d.actual.message}"` : ''}`;
    case 'error-code': return `${listed(codes) || 'an error code'} → ${d.actual.code ?? NO_CODE}`;
    case 'status': return `${listed(uniqSorted(members.map((m) => m.actual.code ?? NO_CODE)))} → HTTP ${d.actual.status} (documented: ${uniqSorted(members.flatMap((m) => m.expected.statuses.map(String))).join(' or ')})`;
    case 'server-error':
    case 'transport': return `${d.expected.outcome === 'success' ? 'success' : listed(codes) || 'an error'} → ${key.answer}`;
    case 'response-schema': return `${d.operation} ${outputAnswer(d.constraint)}`;
    case 'message': return `${d.actual.code ?? NO_CODE}: other message wording`;
    default: return `${d.operation !== undefined && key.perOperation ? `${d.operation} ` : ''}${d.constraint}${d.actual.code ? ` (${d.actual.code})` : ''}`;
  }
}

/**
 * Names each discrepancy's root cause (`finding`), marking scenario failures caused by a reported answer as
 * `consequence`. Done before the baseline is applied: baseline entries match at the (root cause, constraint) level.
 */
export function assignRootCauses(discrepancies: Finding[]): void {
  const answerCauses = new Map<string, string>(); // "<operation> <answer>" → root cause id
  for (const d of discrepancies) {
    delete d.consequence;
    if (SCENARIO.has(d.kind)) continue;
    const key = keyOf(d);
    d.finding = rootCauseId(key.parts);
    if (key.answer) {
      const at = `${d.operation} ${key.answer}`;
      // The first in report order wins, so the same run always names the same cause.
      if (!answerCauses.has(at)) answerCauses.set(at, d.finding);
    }
  }
  for (const d of discrepancies) {
    if (!SCENARIO.has(d.kind)) continue;
    const cause = (d.answers ?? []).map((a) => answerCauses.get(a)).find((id) => id !== undefined);
    d.finding = cause ?? rootCauseId(keyOf(d).parts);
    if (cause) d.consequence = true;
  }
}

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
    const key = keyOf(members[0]!);
    const candidates = members.some((m) => m.gating) ? members.filter((m) => m.gating) : members;
    const example = candidates.reduce((best, m) => (payloadSize(m) < payloadSize(best) ? m : best));
    causes.push({
      id,
      kind: members[0]!.kind,
      signature: signatureOf(members[0]!.kind, members, key),
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
