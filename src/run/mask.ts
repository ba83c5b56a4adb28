// What a run writes carries no trace of its nonce or of the ids the target gave its prerequisites: every
// string of a finding goes through the (as sent → as the seed made it) pairs of its case (binding.ts
// maskPairs), so two runs with one seed against one target write the same report.
import type { Discrepancy } from '../contract/discrepancy.ts';
import type { Group } from './runner.ts';
import { maskPairs, type Binding } from './binding.ts';

export type MaskPairs = ReadonlyArray<readonly [string, string]>;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Shorter values than this are replaced only where quoted: a one-letter id must not eat the letter "a" of a sentence. */
const BARE_MIN = 4;

export function maskText(text: string, pairs: MaskPairs): string {
  let out = text;
  for (const [from, to] of [...pairs].sort((a, b) => b[0].length - a[0].length)) {
    if (from === to || from === '' || !out.includes(from)) continue;
    out = from.length >= BARE_MIN
      ? out.split(from).join(to)
      : out.replace(new RegExp(`(['"\`])${escape(from)}\\1`, 'g'), (_m, q: string) => `${q}${to}${q}`);
  }
  return out;
}

/** Every string in a plain JSON-like value, masked (a string equal to a pair's left side becomes its right). */
export function maskDeep<T>(value: T, pairs: MaskPairs): T {
  if (pairs.length === 0) return value;
  const exact = new Map(pairs.map(([from, to]) => [from, to]));
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return exact.get(v) ?? maskText(v, pairs);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** A group as reports write it: the case in the seed's form (placeholders, no nonce), its answer masked alike. */
export function maskGroup(g: Group, bindings: readonly Binding[]): Group {
  const pairs = bindings.flatMap((b) => maskPairs(g.sent, g.unbound, b));
  const discrepancy: Discrepancy = maskDeep(g.discrepancy, pairs);
  return { ...g, sent: g.unbound, discrepancy };
}
