// Small text helpers the human-facing sinks share: one line per finding, payloads cut to a readable size.

import type { Finding } from './types.ts';

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
