// Everything the generators need from a pattern they have no hand-written spec for, derived from the regex
// itself: valid values of any length the pattern can make (a fast-check arbitrary over a choice stream, so
// shrinks stay valid: shorter, then simpler choices), values at exact lengths, structural edges, and breaker
// classes — each character class with a character just outside it at its position, a leading and a
// trailing blank, control characters, non-ASCII, the empty string, what a negative lookahead forbids.
// Every value is checked against the regex as the oracle compiles it (`u` flag) before it is offered: a
// valid value the regex rejects falls back to a known one, a breaker the regex accepts is dropped.
import fc from 'fast-check';
import { translatePattern } from '../../../schema/pattern.ts';
import { edges, showChar } from '../chars.ts';
import { BULK_BIAS, pickLength, type LengthBias } from '../length.ts';
import { rngFrom } from '../random.ts';
import { choicesOf, emit, type Emitted } from './emit.ts';
import { lengthsOf, parsePattern, UnsupportedPattern, type ClassNode, type Node } from './tree.ts';

export interface Labelled {
  label: string;
  value: string;
}

const cpLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** How many choice streams are tried for a value of a given length before giving up on that length. */
const TRIES = 24;
const CHOICES = 8;
const SEARCH = 64;
/** Breakers: classes tried (in order of first use) and characters just outside each. */
const CLASSES = 12;
const OUTSIDE = 3;

export class DerivedPattern {
  readonly re: RegExp;
  readonly tree: Node;
  readonly minLength: number;
  readonly maxLength: number;
  private readonly witnesses = new Map<number, Emitted | null>();

  constructor(readonly pattern: string) {
    this.tree = parsePattern(pattern);
    this.re = new RegExp(translatePattern(pattern), 'u');
    [this.minLength, this.maxLength] = lengthsOf(this.tree);
  }

  matches = (s: string): boolean => this.re.test(s);

  /** A value of exactly `length` code points from these choices, if the pattern accepts what they make. */
  make(length: number, choices: readonly number[]): string | undefined {
    const e = emit(this.tree, length, choicesOf(choices));
    return e && this.re.test(e.text) ? e.text : undefined;
  }

  /** A fixed valid value of exactly `length` (the simplest found), or undefined when none was found. */
  witness(length: number): Emitted | undefined {
    let w = this.witnesses.get(length);
    if (w === undefined) {
      w = null;
      for (let k = 0; k < TRIES && !w; k++) {
        const e = emit(this.tree, length, choicesOf(k === 0 ? [] : [k, k * 7 + 3, k * 13 + 5]));
        if (e && this.re.test(e.text)) w = e;
      }
      this.witnesses.set(length, w);
    }
    return w ?? undefined;
  }

  /**
   * A length from `from` towards `to` (inclusive, either direction) that has a witness: the first of the
   * next SEARCH lengths, then in doubling strides (a lookahead such as `(?=^.{1,127}$)` cuts a long range).
   */
  feasible(from: number, to: number): number | undefined {
    const dir = to >= from ? 1 : -1;
    const span = Math.abs(to - from);
    let failed = -1;
    for (let k = 0; k <= span; k = k < SEARCH ? k + 1 : Math.min(span, k * 2)) {
      if (this.witness(from + dir * k)) {
        // after a stride: bisect back towards the last length that failed
        while (k - failed > 1) {
          const mid = (k + failed) >> 1;
          if (this.witness(from + dir * mid)) k = mid;
          else failed = mid;
        }
        return from + dir * k;
      }
      failed = k;
      if (k === span) break;
    }
    return undefined;
  }

  /** Valid values of lo..hi code points (both feasible), lengths drawn with `bias`. */
  valid(lo: number, hi: number, bias: LengthBias = BULK_BIAS): fc.Arbitrary<string> {
    return new PatternArbitrary(this, lo, hi, bias);
  }

  /** The text of the fallback for a length (the witness at it, or at the nearest feasible one in lo..hi). */
  fallback(length: number, lo: number, hi: number): string {
    const n = this.witness(length) ? length : (this.feasible(length, lo) ?? this.feasible(length, hi) ?? lo);
    return this.witness(n)!.text;
  }

  /**
   * Valid values at the edges of each class the simplest value goes through: each range end of the class in
   * its position. `lo`..`hi`: the valid lengths (the value used is the shortest of at least 3, if any).
   */
  edgeValues(lo: number, hi: number): Labelled[] {
    const base = this.base(lo, hi);
    if (!base) return [];
    const out: Labelled[] = [];
    for (const [i, cls] of firstPositions(base)) {
      for (const c of edges(cls.members).slice(0, 4)) {
        const v = replaceAt(base.text, i, c);
        if (v !== base.text && this.re.test(v)) out.push({ label: `${showChar(c)} at ${i}`, value: v });
      }
    }
    return dedupe([{ label: `simplest (length ${cpLength(base.text)})`, value: base.text }, ...out]);
  }

  /**
   * Breaker classes whose length stays within min..max (model bounds): every value breaks the pattern and
   * only the pattern. `lo`..`hi`: the valid lengths.
   */
  breakers(lo: number, hi: number, min: number, max: number): Labelled[] {
    const fits = (v: string) => {
      const n = cpLength(v);
      return n >= min && n <= max;
    };
    const out: Labelled[] = [];
    const add = (label: string, v: string | undefined) => {
      if (v !== undefined && fits(v) && !this.re.test(v)) out.push({ label, value: v });
    };
    const base = this.base(lo, hi);
    if (base) {
      const t = base.text;
      const n = cpLength(t);
      const mid = n >> 1;
      // each class once where the simplest value first goes through it, a few characters just outside it
      let classes = 0;
      for (const [i, cls] of firstPositions(base)) {
        if (classes++ >= CLASSES) break;
        for (const c of cls.outside.slice(0, OUTSIDE)) add(`${showChar(c)} at ${i}`, replaceAt(t, i, c));
      }
      add('leading blank', n + 1 <= max ? ` ${t}` : replaceAt(t, 0, ' '));
      add('trailing blank', n + 1 <= max ? `${t} ` : replaceAt(t, n - 1, ' '));
      for (const c of ['\u0000', '\u001f', '\u007f', '\n']) add(`control ${showChar(c)}`, n + 1 <= max ? insertAt(t, mid, c) : replaceAt(t, mid, c));
      for (const c of ['é', '中', '😀']) add(`non-ASCII ${showChar(c)}`, n + 1 <= max ? insertAt(t, mid, c) : replaceAt(t, mid, c));
      for (const body of negativeLooks(this.tree, true)) {
        // what a negative lookbehind forbids, at the end (where `(?<!x)$` patterns put it)
        const e = emit(body, Math.max(lengthsOf(body)[0], 1), choicesOf([]));
        if (!e) continue;
        const label = `lookbehind forbids ${JSON.stringify(e.text)}`;
        add(label, t + e.text);
        add(label, [...t].slice(0, Math.max(0, n - cpLength(e.text))).join('') + e.text);
      }
      for (const body of negativeLooks(this.tree, false)) {
        const [blo] = lengthsOf(body);
        const e = emit(body, Math.max(blo, 1), choicesOf([])) ?? emit(body, blo, choicesOf([]));
        if (!e) continue;
        const label = `lookahead forbids ${JSON.stringify(e.text)}`;
        add(label, e.text + [...t].slice(cpLength(e.text)).join(''));
        add(label, e.text + t);
        add(label, e.text);
      }
    }
    // a value made only of characters outside the first class: breaks an unanchored pattern (`\\w+`) too
    const first = base ? firstPositions(base).next().value : undefined;
    for (const c of first ? first[1].outside.slice(0, OUTSIDE) : []) add(`only ${showChar(c)}`, c.repeat(Math.max(min, 1)));
    add('empty', '');
    return dedupe(out);
  }

  /** The simplest valid value of at least 3 code points within lo..hi (else of lo), with its trace. */
  private base(lo: number, hi: number): Emitted | undefined {
    const n = this.feasible(Math.min(hi, Math.max(lo, 3)), hi) ?? this.feasible(lo, hi);
    return n === undefined ? undefined : this.witness(n);
  }
}

/** Derived patterns by pattern text (derivation parses and compiles once). */
const cache = new Map<string, DerivedPattern | UnsupportedPattern>();

export function derivePattern(pattern: string): DerivedPattern | UnsupportedPattern {
  let d = cache.get(pattern);
  if (!d) {
    try {
      d = new DerivedPattern(pattern);
    } catch (e) {
      if (!(e instanceof UnsupportedPattern)) throw e;
      d = e;
    }
    cache.set(pattern, d);
  }
  return d;
}

interface Context {
  length: number;
  choices: readonly number[];
}

/** Valid values over a choice stream: shrinks go to the shortest length, then to simpler choices. */
class PatternArbitrary extends fc.Arbitrary<string> {
  constructor(private readonly d: DerivedPattern, private readonly lo: number, private readonly hi: number, private readonly bias: LengthBias) {
    super();
  }

  private value(length: number, choices: readonly number[]): fc.Value<string> {
    const text = this.d.make(length, choices) ?? this.d.fallback(length, this.lo, this.hi);
    return new fc.Value(text, { length, choices } satisfies Context);
  }

  generate(mrng: fc.Random): fc.Value<string> {
    const rng = rngFrom(mrng);
    const length = pickLength(rng, this.lo, this.hi, this.bias);
    const choices = Array.from({ length: CHOICES }, () => rng());
    return this.value(length, choices);
  }

  canShrinkWithoutContext(_value: unknown): _value is string {
    return false;
  }

  shrink(_value: string, context?: unknown): fc.Stream<fc.Value<string>> {
    const c = context as Context | undefined;
    if (!c) return fc.Stream.nil();
    const out: fc.Value<string>[] = [];
    if (c.length > this.lo) out.push(this.value(this.lo, c.choices), this.value((c.length + this.lo) >> 1, c.choices));
    if (c.choices.length) out.push(this.value(c.length, []), this.value(c.length, c.choices.slice(1)));
    return fc.Stream.of(...out);
  }
}

/** A value of `length` code points the oracle judges for the length alone where the pattern allows it. */
export function atLength(d: DerivedPattern, length: number): { value: fc.Arbitrary<string>; alsoPattern: boolean } {
  if (d.witness(length)) return { value: d.valid(length, length), alsoPattern: false };
  // no valid value of that length was found: any text of it, judged by the regex itself
  const unit = [...(d.witness(d.feasible(d.minLength, d.minLength + SEARCH) ?? -1)?.text || 'a')];
  const text = Array.from({ length }, (_, i) => unit[i % unit.length]!).join('');
  return { value: fc.constant(text), alsoPattern: !d.matches(text) };
}

function* firstPositions(e: Emitted): Generator<[number, ClassNode]> {
  const seen = new Set<number>();
  for (let i = 0; i < e.from.length; i++) {
    const c = e.from[i]!;
    if (!seen.has(c.id)) (seen.add(c.id), yield [i, c]);
  }
}

function negativeLooks(n: Node, behind: boolean): Node[] {
  switch (n.type) {
    case 'look': return n.negate && (n.behind === true) === behind ? [n.body] : [];
    case 'seq': return n.items.flatMap((x) => negativeLooks(x, behind));
    case 'alt': return n.options.flatMap((x) => negativeLooks(x, behind));
    case 'repeat': return negativeLooks(n.item, behind);
    default: return [];
  }
}

const replaceAt = (s: string, i: number, c: string): string => {
  const cps = [...s];
  if (i < 0 || i >= cps.length) return s;
  cps[i] = c;
  return cps.join('');
};
const insertAt = (s: string, i: number, c: string): string => {
  const cps = [...s];
  cps.splice(i, 0, c);
  return cps.join('');
};

const dedupe = (list: Labelled[]): Labelled[] => {
  const seen = new Set<string>();
  const labels = new Set<string>();
  return list.filter((x) => {
    if (seen.has(x.value)) return false;
    seen.add(x.value);
    let label = x.label;
    for (let k = 2; labels.has(label); k++) label = `${x.label} #${k}`;
    labels.add(label);
    x.label = label;
    return true;
  });
};

export { UnsupportedPattern };
