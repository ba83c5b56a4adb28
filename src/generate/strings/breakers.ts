// The boundaries and breaker classes of one model string, enumerated: what the coverage phase sends, each as
// its own case. Lengths at min−1, min, max and max+1 (where representable); for a pattern, a valid value at
// each edge of its structure (each edge character first, each character allowed only after the first, the
// rest class's edge characters, whole values such as `0`) and every breaker class (each character just
// outside a class — control characters and non-ASCII among them —, each forbidden first character, a
// leading and a trailing blank where the pattern forbids them, forbidden whole values, the empty string).
// Values are constants or constructive arbitraries whose shrinks stay in their class.
import fc from 'fast-check';
import { edges, showChar } from './chars.ts';
import { classString } from './classString.ts';
import { BULK_BIAS } from './length.ts';
import { alsoBreaksPattern, exactString, hasReachableMax, modelMax, pastBound, type StringModel } from './shapeString.ts';

export interface StringVariant {
  label: string;
  value: fc.Arbitrary<string>;
  /** The value also breaks the pattern (the empty string under a model minimum of 1). */
  alsoPattern?: boolean;
}

export interface StringVariants {
  valid: StringVariant[];
  invalid: StringVariant[];
}

export { showChar } from './chars.ts';

/** Lengths: min and max (valid); min−1 (when the model has a minimum) and max+1 (violating). */
export function lengthVariants(m: StringModel): StringVariants {
  const valid: StringVariant[] = [{ label: `length ${m.min}`, value: exactString(m, m.min) }];
  if (m.max > m.min) valid.push({ label: `length ${m.max}`, value: exactString(m, m.max) });
  const invalid: StringVariant[] = [];
  const modelMin = m.shape.min ?? 0;
  if (modelMin > 0) invalid.push({ label: `length ${modelMin - 1}`, value: pastBound(m, modelMin - 1), alsoPattern: alsoBreaksPattern(m, modelMin - 1) });
  // a model without a maximum has no length to break above (the generator's own cap is no constraint)
  if (hasReachableMax(m)) {
    const over = modelMax(m) + 1;
    invalid.push({ label: `length ${over}`, value: pastBound(m, over), alsoPattern: m.derived ? alsoBreaksPattern(m, over) : false });
  }
  return { valid, invalid };
}

/** A pattern's structural edges (valid) and breaker classes (violating); empty lists without a known pattern. */
export function patternVariants(m: StringModel): StringVariants {
  if (m.derived) {
    const constant = (x: { label: string; value: string }): StringVariant => ({ label: x.label, value: fc.constant(x.value) });
    return {
      valid: m.derived.edgeValues(m.min, m.max).map(constant),
      invalid: m.derived.breakers(m.min, m.max, m.shape.min ?? 0, modelMax(m)).map(constant),
    };
  }
  const s = m.spec;
  if (m.shape.pattern === undefined || !s || m.max < 1) return { valid: [], invalid: [] };
  const fits = (v: string) => [...v].length >= m.min && [...v].length <= m.max;
  const first0 = s.first[0]!;
  const rest0 = s.rest[0]!;
  /** `head` padded with the simplest rest character up to the minimum length. */
  const padded = (head: string, tail = '') => head + rest0.repeat(Math.max(0, m.min - [...head].length - [...tail].length)) + tail;

  const valid: StringVariant[] = [];
  const constant = (label: string, v: string) => (fits(v) ? [{ label, value: fc.constant(v) }] : []);
  for (const e of s.extra ?? []) valid.push(...constant(`whole ${JSON.stringify(e)}`, e));
  for (const c of edges(s.first)) valid.push(...constant(`first ${showChar(c)}`, padded(c)));
  const firstSet = new Set(s.first);
  for (const c of s.rest.filter((x) => !firstSet.has(x))) valid.push(...constant(`${showChar(c)} last`, padded(first0, c)));
  const restEdges = edges(s.rest).join('');
  if (restEdges && m.max >= 2) valid.push(...constant('rest edges', padded(first0 + [...restEdges].slice(0, m.max - 1).join(''))));

  const invalid: StringVariant[] = [];
  // a valid non-empty value one character shorter than the maximum (room for the breaking character)
  const room = m.max >= 2 ? classString({ min: Math.max(1, m.min - 1), max: m.max - 1, first: s.first, rest: s.rest, bias: BULK_BIAS }) : undefined;
  const inside = inner(m);
  for (const c of s.anywhere) {
    if (inside) invalid.push({ label: `${showChar(c)} inside`, value: inside.map(([p, q]) => p + c + q) });
    else if (m.min <= 1) invalid.push({ label: showChar(c), value: fc.constant(c) });
  }
  if (room) {
    for (const c of s.leading) invalid.push({ label: `leading ${showChar(c)}`, value: room.map((v) => c + v) });
    if (!firstSet.has(' ') && !s.leading.includes(' ')) invalid.push({ label: 'leading blank', value: room.map((v) => ` ${v}`) });
    if (!s.rest.includes(' ')) invalid.push({ label: 'trailing blank', value: room.map((v) => `${v} `) });
  }
  for (const w of s.whole ?? []) if (fits(w)) invalid.push({ label: `whole ${JSON.stringify(w)}`, value: fc.constant(w) });
  if (s.minLength > 0 && (m.shape.min ?? 0) === 0) invalid.push({ label: 'empty', value: fc.constant('') });
  return { valid, invalid };
}

/**
 * Valid heads and tails to put a breaking character between (neither empty, so the character is neither
 * first nor last: a validator missing `^` or `$` accepts it too); undefined when the maximum leaves no room.
 */
function inner(m: StringModel): fc.Arbitrary<[string, string]> | undefined {
  const s = m.spec!;
  if (m.max < 3) return undefined;
  const lo = Math.max(1, Math.ceil((m.min - 1) / 2));
  const hi = Math.max(lo, Math.floor((m.max - 1) / 2));
  return fc.tuple(
    classString({ min: lo, max: hi, first: s.first, rest: s.rest, bias: BULK_BIAS }),
    classString({ min: lo, max: hi, rest: s.rest, bias: BULK_BIAS }),
  );
}
