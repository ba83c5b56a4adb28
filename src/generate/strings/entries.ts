// Lists of distinct (key, value) string pairs in one arbitrary (map entries): one random draw for the whole
// list, instead of an fc.array of fc.tuple values, because bulk payloads need hundreds of thousands of them.
// Keys are made distinct by construction (the last character is changed, the length kept), and shrinks stay
// within the bounds: shorter lists, then shorter or simpler keys and values.
import fc from 'fast-check';
import type { ClassStringArbitrary } from './classString.ts';
import { COUNT_BIAS, pickLength, type LengthBias } from './length.ts';
import { rngFrom } from './random.ts';

export type Entry = readonly [string, string];

export interface EntriesSpec {
  key: ClassStringArbitrary;
  value: ClassStringArbitrary;
  min: number;
  max: number;
  /** Applied to every key (keeps keys out of a reserved space); must keep keys valid for `key`. */
  keyMap?(key: string): string;
  /** Bias of the entry count (default: mostly none to a few). */
  bias?: LengthBias;
}

export class EntriesArbitrary extends fc.Arbitrary<Entry[]> {
  private readonly keyMap: (k: string) => string;
  constructor(readonly spec: EntriesSpec) {
    super();
    this.keyMap = spec.keyMap ?? ((k) => k);
  }

  generate(mrng: fc.Random): fc.Value<Entry[]> {
    const rng = rngFrom(mrng);
    const { key, value } = this.spec;
    const n = pickLength(rng, this.spec.min, this.spec.max, this.spec.bias ?? COUNT_BIAS);
    if (n === 0) return new fc.Value([], undefined);
    const out: Entry[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const kl = key.pickLength(rng);
      const k = this.distinct(seen, this.keyMap(key.build(rng, kl)));
      seen.add(k);
      out.push([k, value.build(rng, value.pickLength(rng))]);
    }
    return new fc.Value(out, undefined);
  }

  /** A key not in `seen`: one character of `k` replaced (last ones first), else one appended. */
  private distinct(seen: ReadonlySet<string>, k: string): string {
    if (!seen.has(k)) return k;
    const { key } = this.spec;
    const cps = Array.from(k);
    const fresh = (s: string) => {
      const m = this.keyMap(s);
      return !seen.has(m) && key.canShrinkWithoutContext(m) ? m : undefined;
    };
    for (let i = cps.length - 1; i >= 0; i--) {
      for (const c of i === 0 ? (key.spec.first ?? key.spec.rest) : key.spec.rest) {
        const found = fresh([...cps.slice(0, i), c, ...cps.slice(i + 1)].join(''));
        if (found) return found;
      }
    }
    // small key spaces: the first free key in counting order, from the shortest length up
    const first = key.spec.first ?? key.spec.rest;
    const rest = key.spec.rest;
    for (let length = Math.max(1, key.spec.min), tried = 0; length <= key.spec.max && tried < 100_000; length++) {
      const digits = new Array<number>(length).fill(0);
      for (;;) {
        const found = fresh(digits.map((d, i) => (i === 0 ? first : rest)[d]!).join(''));
        if (found) return found;
        if (++tried >= 100_000) break;
        let i = length - 1;
        while (i >= 0 && ++digits[i]! >= (i === 0 ? first : rest).length) digits[i--] = 0;
        if (i < 0) break;
      }
    }
    throw new Error(`entries: no distinct key near '${k}' (key space too small for ${this.spec.max} entries)`);
  }

  canShrinkWithoutContext(v: unknown): v is Entry[] {
    if (!Array.isArray(v) || v.length < this.spec.min || v.length > this.spec.max) return false;
    const keys = new Set<string>();
    for (const e of v) {
      if (!Array.isArray(e) || e.length !== 2 || !this.spec.key.canShrinkWithoutContext(e[0]) || !this.spec.value.canShrinkWithoutContext(e[1])) return false;
      if (keys.has(e[0])) return false;
      keys.add(e[0]);
    }
    return true;
  }

  shrink(v: Entry[], _context?: unknown): fc.Stream<fc.Value<Entry[]>> {
    return new fc.Stream(this.shrinks(v));
  }

  private *shrinks(v: Entry[]): IterableIterator<fc.Value<Entry[]>> {
    const min = this.spec.min;
    const n = v.length;
    if (n > min) {
      const mid = (n + min) >> 1;
      yield new fc.Value(v.slice(0, min), undefined);
      if (mid > min && mid < n) yield new fc.Value(v.slice(0, mid), undefined);
      if (n - 1 > min && n - 1 !== mid) yield new fc.Value(v.slice(0, n - 1), undefined);
    }
    for (let i = 0; i < n; i++) {
      const [k, val] = v[i]!;
      let yielded = false;
      for (const s of this.spec.key.shrink(k).take(2)) {
        const nk = this.keyMap(s.value);
        if (v.some((e, j) => j !== i && e[0] === nk)) continue;
        const copy = v.slice();
        copy[i] = [nk, val];
        yielded = true;
        yield new fc.Value(copy, undefined);
      }
      for (const s of this.spec.value.shrink(val).take(2)) {
        const copy = v.slice();
        copy[i] = [k, s.value];
        yielded = true;
        yield new fc.Value(copy, undefined);
      }
      if (yielded) return;
    }
  }
}

export const entries = (spec: EntriesSpec): EntriesArbitrary => new EntriesArbitrary(spec);
