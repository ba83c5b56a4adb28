// Model string shape → arbitraries: valid values, values at the length bounds, values with edge
// characters, and values that break exactly the length or exactly the pattern. Everything is built from
// the shape's facts (min, max, pattern, enum): a pattern from the hand-written table (overrides), else from
// the regex itself (regex/derived.ts); nothing filters.
import fc from 'fast-check';
import type { StringShape } from '../../contract/model.ts';
import { translatePattern } from '../../schema/pattern.ts';
import { HarnessError } from '../../errors.ts';
import { FREE_TEXT, FREE_TEXT_BOUNDARY, edges, justOutside } from './chars.ts';
import { classString, type ClassStringSpec } from './classString.ts';
import { BOUNDARY_BIAS, BULK_BIAS, EDGE_BIAS, type LengthBias } from './length.ts';
import { patternSpec, type PatternSpec } from './patterns.ts';
import { atLength, derivePattern, DerivedPattern } from './regex/derived.ts';

/** Longest value generated for a string without a max (and how far past a max violations go). */
const UNBOUNDED = 256;
/** Longest value ever generated: past it a model maximum (2^31 in some models) is not exercised. */
export const LONGEST = 1 << 16;
const PAST_MAX = 64;

export interface StringModel {
  shape: StringShape;
  spec: PatternSpec | undefined;
  /** Valid length bounds, pattern included (`+` makes 1 the minimum; a derived pattern's own bounds). */
  min: number;
  max: number;
  /** The pattern derived from its regex, when the table has no spec for it. */
  derived?: DerivedPattern;
  /** Why the pattern cannot be generated from (its shape): the pattern constraint is not covered. */
  uncovered?: string;
}

/** Pattern-free strings: any character; model min/max only. */
const FREE: PatternSpec = { first: FREE_TEXT, rest: FREE_TEXT, minLength: 0, anywhere: [], leading: [], boundary: FREE_TEXT_BOUNDARY };

export function stringModel(shape: StringShape): StringModel {
  const spec = shape.pattern === undefined ? FREE : patternSpec(shape.pattern);
  const min = Math.max(shape.min ?? 0, spec?.minLength ?? 0);
  const max = Math.min(shape.max ?? Math.max(min, UNBOUNDED), LONGEST);
  if (spec || shape.pattern === undefined) return { shape, spec, min, max };
  const d = derivePattern(shape.pattern);
  if (!(d instanceof DerivedPattern)) return { shape, spec, min, max, uncovered: d.shape };
  // the valid lengths the pattern can make within the model's bounds
  const lo = d.feasible(Math.max(min, d.minLength), Math.min(max, d.maxLength));
  const hi = lo === undefined ? undefined : d.feasible(Math.min(max, d.maxLength), lo);
  if (lo === undefined || hi === undefined) {
    return { shape, spec, min, max, uncovered: `no value of ${min}..${max} characters found (pattern makes ${d.minLength}..${d.maxLength})` };
  }
  return { shape, spec, min: lo, max: hi, derived: d };
}

const classes = (m: StringModel, min: number, max: number, bias: LengthBias, edge = false): ClassStringSpec => {
  const s = m.spec!;
  if (edge) return { min, max, first: edges(s.first), rest: edges(s.rest), bias };
  return { min, max, first: s.first, rest: s.rest, bias };
};

/** Classes for values at or past a length bound (pattern-free text gets astral characters there). */
const atBound = (m: StringModel, min: number, max: number, bias: LengthBias): ClassStringSpec => {
  const s = m.spec!;
  return s.boundary ? { min, max, first: s.boundary, rest: s.boundary, bias } : classes(m, min, max, bias);
};

/**
 * A pattern neither the table nor the derivation can make values for: one clear error naming the pattern and
 * the construct that stops it (fast-check's stringMatching would loop or throw on the same constructs).
 */
const byRegex = (m: StringModel): never => {
  throw new HarnessError('CF_ERR_PATTERN_UNSUPPORTED', `cannot generate values for pattern ${JSON.stringify(m.shape.pattern)}: ${m.uncovered ?? 'unknown shape'}`);
};

/** Valid values of the shape, lengths biased by `bias` (bulk: mostly short). */
export function validString(m: StringModel, bias: LengthBias = BULK_BIAS, edge = false): fc.Arbitrary<string> {
  if (m.shape.enum) return fc.constantFrom(...m.shape.enum);
  if (m.derived) return m.derived.valid(m.min, m.max, bias);
  if (!m.spec) return byRegex(m);
  const main = classString(classes(m, m.min, m.max, bias, edge));
  const extra = m.spec.extra?.filter((e) => e.length >= m.min && e.length <= m.max) ?? [];
  return extra.length ? fc.oneof({ arbitrary: main, weight: 4 }, { arbitrary: fc.constantFrom(...extra), weight: 1 }) : main;
}

/** Valid values of exactly `length` code points. */
export const exactString = (m: StringModel, length: number): fc.Arbitrary<string> =>
  m.derived ? m.derived.valid(length, length) : m.spec ? classString(atBound(m, length, length, BOUNDARY_BIAS)) : byRegex({ ...m, min: length, max: length });

/**
 * Values of exactly `length` code points outside the valid length bounds, made of the pattern's classes (so
 * past the maximum only the length breaks; under the pattern's minimum the pattern breaks too).
 */
export const pastBound = (m: StringModel, length: number): fc.Arbitrary<string> =>
  m.derived ? atLength(m.derived, length).value : m.spec ? classString(atBound(m, length, length, BOUNDARY_BIAS)) : fc.constant('x'.repeat(length));

/** Valid values at the length bounds: min (or the pattern's shortest) and max. */
export const boundaryLengthString = (m: StringModel): fc.Arbitrary<string> =>
  m.max > m.min ? fc.oneof(exactString(m, m.min), exactString(m, m.max)) : exactString(m, m.min);

/** Valid values made of the class characters at a range edge (`0`, `9`, `-`, `~`, space, tab …). */
export const edgeString = (m: StringModel): fc.Arbitrary<string> =>
  m.derived ? edgesOf(m) : validString(m, BOUNDARY_BIAS, true);

/** A derived pattern's structural edges (each class's range ends in place), else its boundary values. */
function edgesOf(m: StringModel): fc.Arbitrary<string> {
  const e = m.derived!.edgeValues(m.min, m.max);
  return e.length ? fc.constantFrom(...e.map((x) => x.value)) : validString(m, BOUNDARY_BIAS);
}

/** The model's own maximum (a derived pattern may make `m.max` smaller). */
export const modelMax = (m: StringModel): number => Math.min(m.shape.max ?? Math.max(m.min, UNBOUNDED), LONGEST);

/** Whether the model has a maximum a value one past can be generated for. */
export const hasReachableMax = (m: StringModel): boolean => m.shape.max !== undefined && m.shape.max < LONGEST;

/** Whether a value of `length` code points also breaks the pattern (lengths outside what it can make). */
export const alsoBreaksPattern = (m: StringModel, length: number): boolean =>
  m.derived ? atLength(m.derived, length).alsoPattern : length < (m.spec?.minLength ?? 0);

/** Pattern-valid values longer than max: max+1 (mostly) up to max+64. Breaks only the length. */
export const tooLong = (m: StringModel): fc.Arbitrary<string> =>
  m.derived ? atLength(m.derived, modelMax(m) + 1).value : m.spec ? classString(atBound(m, m.max + 1, m.max + Math.min(PAST_MAX, m.max + 1), EDGE_BIAS)) : fc.constant('x'.repeat(m.max + 1));

/** Values shorter than the model min; they also break a pattern that needs more characters. */
export function tooShort(m: StringModel): { value: fc.Arbitrary<string>; alsoPattern: boolean } | undefined {
  const min = m.shape.min ?? 0;
  if (min > 0 && m.derived) return atLength(m.derived, min - 1);
  if (min <= 0 || !m.spec) return undefined;
  const len = min - 1;
  return { value: classString(atBound(m, Math.max(0, min - 1 - 8), len, EDGE_BIAS)), alsoPattern: len < m.spec.minLength };
}

/** Values within the length bounds that break the pattern, and nothing else. */
export function patternBreaker(m: StringModel): fc.Arbitrary<string> | undefined {
  if (m.derived) {
    const b = m.derived.breakers(m.min, m.max, m.shape.min ?? 0, modelMax(m));
    return b.length ? fc.constantFrom(...b.map((x) => x.value)) : undefined;
  }
  const s = m.spec;
  if (!m.shape.pattern || !s || m.max < 1) return undefined;
  const parts: fc.Arbitrary<string>[] = [];
  // a valid value of len in [min-1, max-1] with one outside character inserted anywhere
  const lo = Math.max(0, m.min - 1);
  const base = classString(classes(m, lo, m.max - 1, BULK_BIAS));
  const outside = s.anywhere.length ? s.anywhere : justOutside([...s.first, ...s.rest]);
  parts.push(fc.tuple(base, fc.constantFrom(...outside), fc.nat()).map(([v, c, at]) => insertAt(v, c, at)));
  if (s.leading.length && m.max >= 2) {
    const nonEmpty = classString(classes(m, Math.max(1, lo), m.max - 1, BULK_BIAS));
    parts.push(fc.tuple(fc.constantFrom(...s.leading), nonEmpty).map(([c, v]) => c + v));
  }
  const whole = s.whole?.filter((w) => [...w].length >= m.min && [...w].length <= m.max) ?? [];
  if (whole.length) parts.push(fc.constantFrom(...whole));
  // the empty string, when only the pattern (not a model min) forbids it
  if (s.minLength > 0 && (m.shape.min ?? 0) === 0) parts.push(fc.constant(''));
  return parts.length === 1 ? parts[0]! : fc.oneof(...parts);
}

function insertAt(v: string, c: string, at: number): string {
  const cps = Array.from(v);
  const i = at % (cps.length + 1);
  cps.splice(i, 0, c);
  return cps.join('');
}
