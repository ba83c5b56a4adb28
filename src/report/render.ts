// Small text helpers the human-facing sinks share: one line per finding, payloads cut to a readable size.

import type { Finding, RootCause } from './types.ts';

/** JSON of a payload, long strings (Proton `spec` is sensitive and up to 51,200 chars) cut in the middle. */
export function shortPayload(value: unknown, maxString = 80, maxTotal = 600): string {
  const text = JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'string' && v.length > maxString ? `${v.slice(0, maxString / 2)}…(${v.length} chars)…${v.slice(-8)}` : v);
  if (text === undefined) return 'undefined';
  return text.length > maxTotal ? `${text.slice(0, maxTotal)}…` : text;
}

export function findingLine(f: Finding): string {
  const observed = f.actual.status === 0 ? 'no response' : `${f.actual.code ?? '-'} ${f.actual.status}`;
  const expected = f.expected.outcome === 'success' ? 'success' : f.expected.codes.join('|');
  return `${f.operation} ${f.kind} [${f.constraint}] expected ${expected}, got ${observed} ×${f.count}${f.baselined ? ' (baselined)' : ''}`;
}

/** Both axes, shown on every finding: "error · documented". */
export const axes = (c: Pick<RootCause, 'severity' | 'confidence'>): string => `${c.severity} · ${c.confidence}`;

/** One line per root cause: its axes, kind and signature, how often, its id. */
export function rootCauseLine(c: RootCause): string {
  const state = c.baselined ? ' (baselined)' : '';
  return `${axes(c)} · ${c.kind}: ${c.signature} ×${c.count} [${c.id}]${state}`;
}

/** "InstanceId#pattern ×5, InstanceId#length ×3 (RegisterInstance)", cut after `max` constraints. */
export function seenOnText(c: RootCause, max = 12): string {
  const byOp = new Map<string, string[]>();
  for (const s of c.seenOn) byOp.set(s.operation, [...(byOp.get(s.operation) ?? []), `${s.constraint} ×${s.count}${s.baselined ? ' (baselined)' : ''}`]);
  const parts: string[] = [];
  let shown = 0;
  for (const [op, items] of byOp) {
    const room = Math.max(0, max - shown);
    if (room === 0) break;
    parts.push(`${op}: ${items.slice(0, room).join(', ')}`);
    shown += Math.min(room, items.length);
  }
  const more = c.seenOn.length - shown;
  return `${c.seenOn.length} constraint(s): ${parts.join('; ')}${more > 0 ? `; … ${more} more` : ''}`;
}
