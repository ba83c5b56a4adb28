// The constructive string arbitrary behind every model string: a length (biased to the boundaries) and
// characters drawn from a first-character class and a class for the rest. Values never leave the spec,
// and neither do shrinks: prefixes down to `min`, then characters replaced by the class's first one.
import fc from 'fast-check';
import type { CharClass } from './chars.ts';
import { BOUNDARY_BIAS, pickLength, type LengthBias } from './length.ts';
import { below, rngFrom, type Rng } from './random.ts';

export interface ClassStringSpec {
  /** Length bounds in code points (Smithy's length unit). */
  min: number;
  max: number;
  /** Class of the first character; defaults to `rest`. */
  first?: CharClass;
  rest: CharClass;
  bias?: LengthBias;
}

interface Alphabet {
  chars: CharClass;
  set: ReadonlySet<string>;
  /** UTF-16 codes when every member is one unit (fast path), else undefined. */
  codes: Uint16Array | undefined;
}

const alphabet = (chars: CharClass): Alphabet => {
  if (chars.length === 0) throw new Error('classString: empty character class');
  const bmp = chars.every((c) => c.length === 1);
  return { chars, set: new Set(chars), codes: bmp ? Uint16Array.from(chars, (c) => c.charCodeAt(0)) : undefined };
};

const SURROGATE = /[\uD800-\uDFFF]/;
/** Up to this length, concatenation beats a typed-array round trip. */
const SHORT = 12;
/** Longer strings repeat a random block of BLOCK characters (prime, so it does not line up with bounds). */
const LONG = 256;
const BLOCK = 127;
const BUFFER = new Uint16Array(LONG + 1);

export class ClassStringArbitrary extends fc.Arbitrary<string> {
  private readonly first: Alphabet;
  private readonly rest: Alphabet;
  private readonly bias: LengthBias;

  constructor(readonly spec: ClassStringSpec) {
    super();
    if (spec.min < 0 || spec.max < spec.min) throw new Error(`classString: bad length bounds ${spec.min}..${spec.max}`);
    this.rest = alphabet(spec.rest);
    this.first = spec.first ? alphabet(spec.first) : this.rest;
    this.bias = spec.bias ?? BOUNDARY_BIAS;
  }

  generate(mrng: fc.Random): fc.Value<string> {
    const rng = rngFrom(mrng);
    return new fc.Value(this.build(rng, this.pickLength(rng)), undefined);
  }

  /** A length drawn with the spec's bias. */
  pickLength(rng: Rng): number {
    return pickLength(rng, this.spec.min, this.spec.max, this.bias);
  }

  /**
   * A string of exactly `length` code points from the spec's classes. Past LONG characters the rest is a
   * random block of BLOCK characters repeated: what a long value is for is its length and its classes.
   */
  build(rng: Rng, length: number): string {
    if (length === 0) return '';
    const f = this.first.chars[below(rng, this.first.chars.length)]!;
    if (length <= LONG) return f + this.random(rng, length - 1);
    const rest = length - 1;
    const block = this.random(rng, BLOCK);
    const whole = Math.floor(rest / BLOCK);
    const part = rest - whole * BLOCK;
    return f + block.repeat(whole) + (this.rest.codes ? block.slice(0, part) : Array.from(block).slice(0, part).join(''));
  }

  /** `n` random code points of the rest class: two per 32-bit draw (16 bits each, scaled, not reduced modulo). */
  private random(rng: Rng, n: number): string {
    const r = this.rest;
    const size = r.chars.length;
    if (!r.codes || n <= SHORT) {
      const chars = r.chars;
      let out = '';
      for (let i = 0; i < n; i += 2) {
        const x = rng();
        out += chars[((x & 0xffff) * size) >>> 16]!;
        if (i + 1 < n) out += chars[((x >>> 16) * size) >>> 16]!;
      }
      return out;
    }
    const codes = r.codes;
    for (let i = 0; i < n; i += 2) {
      const x = rng();
      BUFFER[i] = codes[((x & 0xffff) * size) >>> 16]!;
      BUFFER[i + 1] = codes[((x >>> 16) * size) >>> 16]!; // harmless past n: only n units are read
    }
    return String.fromCharCode.apply(null, BUFFER.subarray(0, n) as unknown as number[]);
  }

  canShrinkWithoutContext(value: unknown): value is string {
    if (typeof value !== 'string') return false;
    const cps = Array.from(value);
    if (cps.length < this.spec.min || cps.length > this.spec.max) return false;
    return cps.every((c, i) => (i === 0 ? this.first : this.rest).set.has(c));
  }

  shrink(value: string, _context?: unknown): fc.Stream<fc.Value<string>> {
    return new fc.Stream(this.shrinks(value));
  }

  private *shrinks(s: string): IterableIterator<fc.Value<string>> {
    const cps = SURROGATE.test(s) ? Array.from(s) : undefined;
    const n = cps ? cps.length : s.length;
    const cut = (k: number) => (cps ? cps.slice(0, k).join('') : s.slice(0, k));
    const min = this.spec.min;
    if (n > min) {
      const mid = (n + min) >> 1;
      yield new fc.Value(cut(min), undefined);
      if (mid > min && mid < n) yield new fc.Value(cut(mid), undefined);
      if (n - 1 > min && n - 1 !== mid) yield new fc.Value(cut(n - 1), undefined);
    }
    const at = (i: number) => (cps ? cps[i]! : s[i]!);
    for (let i = 0; i < n; i++) {
      const canon = (i === 0 ? this.first : this.rest).chars[0]!;
      if (at(i) !== canon) {
        const chars = cps ? cps.slice() : Array.from(s);
        chars[i] = canon;
        yield new fc.Value(chars.join(''), undefined);
        return;
      }
    }
  }
}

/** Strings of `spec.min`..`spec.max` code points: first character from `first`, the others from `rest`. */
export const classString = (spec: ClassStringSpec): ClassStringArbitrary => new ClassStringArbitrary(spec);
