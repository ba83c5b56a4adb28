// Code-point sets as sorted, disjoint, inclusive ranges: what Java class unions, intersections and negations
// are computed on (pattern.ts), and their spelling as a JS `u` class body.
import type { Ranges } from './javaDialect.ts';

const MAX = 0x10ffff;

export function normalize(list: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export const union = (...sets: Ranges[]): Ranges => normalize(sets.flat());

export function complement(set: Ranges): Ranges {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of normalize(set)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX) out.push([next, MAX]);
  return out;
}

export function intersect(a: Ranges, b: Ranges): Ranges {
  const out: [number, number][] = [];
  for (const [alo, ahi] of a) for (const [blo, bhi] of b) {
    const lo = Math.max(alo, blo), hi = Math.min(ahi, bhi);
    if (lo <= hi) out.push([lo, hi]);
  }
  return normalize(out);
}

/** The other ASCII case of every ASCII letter in `set` (Java `(?i)` without UNICODE_CASE). */
export function asciiCaseSwapped(set: Ranges): Ranges {
  const out: [number, number][] = [];
  for (const [base, other] of [[0x41, 0x61], [0x61, 0x41]] as const) {
    for (const [lo, hi] of intersect(set, [[base, base + 25]])) out.push([lo - base + other, hi - base + other]);
  }
  return normalize(out);
}

/** One code point as it may stand inside a JS `u` class. */
export function classChar(c: number): string {
  if (c < 0x20 || c === 0x7f) return `\\x${c.toString(16).padStart(2, '0')}`;
  const s = String.fromCodePoint(c);
  if ('\\]^-['.includes(s)) return `\\${s}`;
  if (c > 0x7e && c < 0xa1) return `\\x${c.toString(16)}`;
  if ((c >= 0xd800 && c <= 0xdfff) || c > 0xffff || c === 0x2028 || c === 0x2029) return `\\u{${c.toString(16)}}`;
  return s;
}

/** A set as a JS class body (no brackets). */
export const classBody = (set: Ranges): string =>
  normalize(set).map(([lo, hi]) => (lo === hi ? classChar(lo) : `${classChar(lo)}-${classChar(hi)}`)).join('');
