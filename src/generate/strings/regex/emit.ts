// Strings of an exact length from a pattern tree, steered by a stream of choices (all zeros: the simplest
// value — first alternatives, class's first members, length pushed to the right). Each emitted character
// records the class it came from, so breakers can replace it with a character just outside that class.
// Emission can fail on a length the tree cannot make (gaps such as `(ab)+` at odd lengths): undefined.
import { endsAnchored, lengthsOf, type ClassNode, type Node } from './tree.ts';

export interface Choices {
  /** A number in [0, n). */
  next(n: number): number;
}

/** Choices from a list of numbers; past its end, a hash of the list (zeros when the list is empty). */
export function choicesOf(list: readonly number[]): Choices {
  let i = 0;
  let h = list.reduce((a, x) => Math.imul(a ^ x, 0x9e3779b1) >>> 0, list.length);
  return {
    next(n) {
      if (n <= 1) return 0;
      const x = i < list.length ? list[i]! : list.length ? (h = (Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ i) >>> 0) : 0;
      i++;
      return (x >>> 0) % n;
    },
  };
}

export interface Emitted {
  text: string;
  /** The class node each code point came from. */
  from: ClassNode[];
}

const lengths = new WeakMap<Node, [number, number]>();
const lens = (n: Node): [number, number] => {
  let l = lengths.get(n);
  if (!l) lengths.set(n, (l = lengthsOf(n)));
  return l;
};

/** Steps an emission may take (alternatives retried under repeats can backtrack exponentially). */
const BUDGET = 20_000;
/** Lengths tried per item when forced characters steer the search. */
const SEARCH_LENGTHS = 64;
const SEARCH_ITEMS = 256;

/**
 * A positive lookahead (`(?=[^:]+:fsx:)`, `(?=^\S+$)`) is emitted where it stands, into an overlay of forced
 * characters the following classes must take (a class that cannot take its forced character fails that
 * branch); negative lookaheads, lookbehinds and word boundaries are left to the whole-regex check.
 */
export function emit(root: Node, length: number, ch: Choices): Emitted | undefined {
  const out: Emitted = { text: '', from: [] };
  let steps = BUDGET + 4 * length;
  /** Forced characters by code-point position, and the log of writes (for rollback). */
  const forced: (string | undefined)[] = [];
  const writes: [number, string | undefined][] = [];
  return go(root, length) ? out : undefined;

  function go(n: Node, len: number): boolean {
    if (--steps < 0) return false;
    const [lo, hi] = lens(n);
    if (len < lo || len > hi) return false;
    switch (n.type) {
      case 'empty': return true;
      case 'look': return n.negate || n.behind === true ? true : ahead(n.body);
      case 'class': {
        const at = out.from.length;
        const want = forced[at];
        if (want !== undefined && !n.test(want)) return false;
        const c = want ?? n.members[ch.next(n.members.length)]!;
        out.text += c;
        out.from.push(n);
        return true;
      }
      case 'alt': {
        const fit = n.options.filter((o) => lens(o)[0] <= len && len <= lens(o)[1]);
        const start = ch.next(fit.length);
        for (let k = 0; k < fit.length; k++) if (attempt(() => go(fit[(start + k) % fit.length]!, len))) return true;
        return false;
      }
      case 'seq': return spread(n.items, len);
      case 'repeat': {
        const [clo, chi] = lens(n.item);
        // counts that can make len: k·clo ≤ len ≤ k·chi, within min..max (an empty-able item needs no more than len)
        const kMin = Math.max(n.min, chi === Infinity ? (len > 0 ? 1 : 0) : chi === 0 ? n.min : Math.ceil(len / chi));
        const kMax = Math.min(n.max, clo === 0 ? Math.max(n.min, len) : Math.floor(len / clo));
        if (kMin > kMax) return false;
        const k = kMin + ch.next(Math.min(kMax - kMin, 4) + 1);
        return spread(Array<Node>(k).fill(n.item), len);
      }
    }
  }

  /** Lengths for each item in turn (random within what the rest can still absorb); under forced characters
   * (a lookahead emitted earlier), each item's other lengths are tried too, depth first, within the budget. */
  function spread(items: readonly Node[], len: number): boolean {
    // (a search is as deep as the items: long repeats keep the single pass)
    if (writes.length > 0 && items.length <= SEARCH_ITEMS) return search(items, 0, len);
    return single(items, len);
  }

  function search(items: readonly Node[], i: number, left: number): boolean {
    if (i === items.length) return left === 0;
    let minAfter = 0, maxAfter = 0;
    for (let k = i + 1; k < items.length; k++) {
      const [lo, hi] = lens(items[k]!);
      minAfter += lo;
      maxAfter += hi;
    }
    const [lo, hi] = lens(items[i]!);
    const a = Math.max(lo, left - maxAfter);
    const b = Math.min(hi, left - minAfter);
    if (a > b) return false;
    const span = b - a;
    const start = ch.next(Math.min(span, 1 << 20) + 1);
    for (let k = 0; k <= Math.min(span, SEARCH_LENGTHS); k++) {
      if (steps < 0) return false;
      const pick = a + ((start + k) % (span + 1));
      if (attempt(() => go(items[i]!, pick) && search(items, i + 1, left - pick))) return true;
    }
    return false;
  }

  function single(items: readonly Node[], len: number): boolean {
    // what the items after each one can still absorb (suffix sums: Infinity does not subtract)
    const minAfter = new Array<number>(items.length + 1).fill(0);
    const maxAfter = new Array<number>(items.length + 1).fill(0);
    for (let i = items.length - 1; i >= 0; i--) {
      const [lo, hi] = lens(items[i]!);
      minAfter[i] = minAfter[i + 1]! + lo;
      maxAfter[i] = maxAfter[i + 1]! + hi;
    }
    let left = len;
    for (let i = 0; i < items.length; i++) {
      const [lo, hi] = lens(items[i]!);
      const a = Math.max(lo, left - maxAfter[i + 1]!);
      const b = Math.min(hi, left - minAfter[i + 1]!);
      if (a > b) return false;
      const pick = a + ch.next(Math.min(b - a, 1 << 20) + 1);
      if (!go(items[i]!, pick)) return false;
      left -= pick;
    }
    return left === 0;
  }

  /** Emit a positive lookahead's body at the current position into the overlay (the rest must follow it). */
  function ahead(body: Node): boolean {
    const at = out.from.length;
    const rest = length - at;
    const [blo, bhi] = lens(body);
    let len: number;
    if (endsAnchored(body)) len = rest;
    else {
      const top = Math.min(bhi, rest);
      if (blo > top) return false;
      len = blo + ch.next(Math.min(top - blo, 64) + 1);
    }
    const t = out.text, n = out.from.length;
    const ok = go(body, len);
    const made = out.from.length - n;
    const text = [...out.text.slice(t.length)];
    out.text = t;
    out.from.length = n;
    if (!ok || made !== len) return false;
    for (let k = 0; k < len; k++) {
      writes.push([at + k, forced[at + k]]);
      forced[at + k] = text[k];
    }
    return true;
  }

  /** Run `f`; on failure roll back what it emitted and forced. */
  function attempt(f: () => boolean): boolean {
    const t = out.text, n = out.from.length, w = writes.length;
    if (f()) return true;
    out.text = t;
    out.from.length = n;
    while (writes.length > w) {
      const [i, prev] = writes.pop()!;
      forced[i] = prev;
    }
    return false;
  }
}
