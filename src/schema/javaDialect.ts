// What java.util.regex means by the constructs AWS model patterns borrow from it and JavaScript (`u` flag) spells
// differently or not at all: data, read by pattern.ts. Each entry gives the JS class-body text with the same
// members, and its source. Where Java's meaning has no exact JS spelling the name is absent, and the pattern
// is refused (its constraint is then not covered), never approximated.
//
// Sources (java.util.regex.Pattern, Java SE 17 API docs, "Classes for Unicode scripts, blocks, categories and
// binary properties" and "POSIX character classes (US-ASCII only)"; CharPredicates.forProperty /
// forUnicodeProperty in OpenJDK 17 for the names the docs do not list):
export const JAVA_PATTERN_DOCS = 'https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/regex/Pattern.html';

/** A set of code points as sorted, disjoint, inclusive ranges. */
export type Ranges = readonly (readonly [number, number])[];

const cp = (c: string): number => c.codePointAt(0)!;
const r = (lo: string, hi = lo): [number, number] => [cp(lo), cp(hi)];

/** POSIX classes: US-ASCII only in Java (without UNICODE_CHARACTER_CLASS), whatever JS would read `\p{Alpha}` as.
 * `text`: the class body as translations spell it; `set`: its members. */
export const POSIX: Readonly<Record<string, { text: string; set: Ranges }>> = {
  Lower: { text: 'a-z', set: [r('a', 'z')] },
  Upper: { text: 'A-Z', set: [r('A', 'Z')] },
  ASCII: { text: '\\x00-\\x7F', set: [[0, 0x7f]] },
  Alpha: { text: 'a-zA-Z', set: [r('A', 'Z'), r('a', 'z')] },
  Digit: { text: '0-9', set: [r('0', '9')] },
  Alnum: { text: 'a-zA-Z0-9', set: [r('0', '9'), r('A', 'Z'), r('a', 'z')] },
  Punct: { text: '!-\\/:-@\\[-`{-~', set: [r('!', '/'), r(':', '@'), r('[', '`'), r('{', '~')] },
  Graph: { text: '!-~', set: [r('!', '~')] },
  Print: { text: ' -~', set: [r(' ', '~')] },
  Blank: { text: ' \\t', set: [[9, 9], [32, 32]] },
  Cntrl: { text: '\\x00-\\x1F\\x7F', set: [[0, 0x1f], [0x7f, 0x7f]] },
  XDigit: { text: '0-9a-fA-F', set: [r('0', '9'), r('A', 'F'), r('a', 'f')] },
  Space: { text: ' \\t\\n\\x0B\\f\\r', set: [[9, 13], [32, 32]] },
  // Pattern docs do not list it; CharPredicates.forProperty: "L1" = Latin-1, 0x00..0xFF
  L1: { text: '\\x00-\\xFF', set: [[0, 0xff]] },
};

/** Predefined classes with fixed members in both Java and JS (`\d`, `\w`; ASCII in both without flags). */
export const PREDEFINED: Readonly<Record<string, Ranges>> = {
  d: [r('0', '9')],
  w: [r('0', '9'), r('A', 'Z'), r('_'), r('a', 'z')],
  // JS `\s` (ECMA-262 WhiteSpace + LineTerminator): kept with its ECMA meaning, as every ECMA-valid construct is
  s: [[9, 13], [32, 32], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]],
  // Java `\h`: horizontal whitespace (Pattern docs: [ \t\xA0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000])
  h: [[9, 9], [32, 32], [0xa0, 0xa0], [0x1680, 0x1680], [0x180e, 0x180e], [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000]],
};

/**
 * Java property names JS lacks, as JS class-body text (Unicode meaning, no fixed member list). Keys: the name
 * after `\p{` with a leading `Is` removed; binary properties upper-cased without `_` (Java matches them so).
 */
export const UNICODE_PROPERTIES: Readonly<Record<string, string>> = {
  // Pattern docs, binary properties "IsAlphabetic … IsLetter …": Character.isLetter = general category L
  LETTER: '\\p{L}',
  ALPHABETIC: '\\p{Alphabetic}',
  LOWERCASE: '\\p{Lowercase}',
  UPPERCASE: '\\p{Uppercase}',
  TITLECASE: '\\p{Lt}',
  PUNCTUATION: '\\p{P}',
  CONTROL: '\\p{Cc}',
  WHITESPACE: '\\p{White_Space}',
  DIGIT: '\\p{Nd}',
  HEXDIGIT: '\\p{Hex_Digit}',
  JOINCONTROL: '\\p{Join_Control}',
  NONCHARACTERCODEPOINT: '\\p{Noncharacter_Code_Point}',
  ASSIGNED: '\\P{Cn}',
  IDEOGRAPHIC: '\\p{Ideographic}',
  // CharPredicates.forProperty: "LD" = letters and decimal digits (L ∪ Nd), "all" = any code point
  LD: '\\p{L}\\p{Nd}',
  all: '\\s\\S',
  // Pattern docs, "Classes for … java.lang.Character classes (simple java character type)"
  javaLowerCase: '\\p{Lowercase}',
  javaUpperCase: '\\p{Uppercase}',
  javaLetter: '\\p{L}',
  javaDigit: '\\p{Nd}',
  javaLetterOrDigit: '\\p{L}\\p{Nd}',
  javaAlphabetic: '\\p{Alphabetic}',
};

/** Properties whose members change under `(?i)` in Java (CharPredicates: caseIns): refused under that flag. */
export const CASE_SENSITIVE_PROPERTIES: ReadonlySet<string> = new Set(['Lu', 'Ll', 'Lt', 'LOWERCASE', 'UPPERCASE', 'TITLECASE', 'javaLowerCase', 'javaUpperCase', 'Lowercase', 'Uppercase']);

/** Inline flags translated exactly: `i` (US-ASCII case folding, Java's default without UNICODE_CASE), `s` (DOTALL). */
export const INLINE_FLAGS = 'is';
