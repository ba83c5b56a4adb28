// Strings of an exact length from a pattern tree, steered by a stream of choices (all zeros: the simplest
// value — first alternatives, class's first members, length pushed to the right). Each emitted character
// records the class it came from, so breakers can replace it with a character just outside that class.
// Emission can fail on a length the tree cannot make (gaps such as `(ab)+` at odd lengths): undefined.
import { lengthsOf, type ClassNode, type Node } from './tree.ts';

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

export function emit(root: Node, length: number, ch: Choices): Emitted | undefined {
  const out: Emitted = { text: '', from: [] };
  let steps = BUDGET + 4 * length;
  return go(root, length) ? out : undefined;

  function go(n: Node, len: number): boolean {
    if (--steps < 0) return false;
    const [lo, hi] = lens(n);
    if (len < lo || len > hi) return false;
    switch (n.type) {
      case 'empty': case 'look': return true;
      case 'class': {
        const c = n.members[ch.next(n.members.length)]!;
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

  /** Lengths for each item in turn (random within what the rest can still absorb). */
  function spread(items: readonly Node[], len: number): boolean {
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

  /** Run `f`; on failure roll back what it emitted. */
  function attempt(f: () => boolean): boolean {
    const t = out.text, n = out.from.length;
    if (f()) return true;
    out.text = t;
    out.from.length = n;
    return false;
  }
}
