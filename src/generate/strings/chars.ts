// Character classes as data: the alphabet a constructive string arbitrary draws from, ordered simplest
// first (shrinking replaces characters by the class's first one). Members are code points as strings, so
// astral characters (one code point, two UTF-16 units) count as one character, as Smithy's length does.

export type CharClass = readonly string[];

/** The characters of `[from-to]` (inclusive, by code point). */
export const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let c = from.codePointAt(0)!; c <= to.codePointAt(0)!; c++) out.push(String.fromCodePoint(c));
  return out;
};

/** Union in order, without duplicates. */
export const union = (...parts: readonly (readonly string[] | string)[]): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of parts) for (const c of typeof p === 'string' ? Array.from(p) : p) if (!seen.has(c)) (seen.add(c), out.push(c));
  return out;
};

export const without = (cls: CharClass, drop: CharClass | string): string[] => {
  const d = new Set(typeof drop === 'string' ? Array.from(drop) : drop);
  return cls.filter((c) => !d.has(c));
};

export const LOWER = range('a', 'z');
export const UPPER = range('A', 'Z');
export const DIGIT = range('0', '9');
export const NONZERO = range('1', '9');
export const ALNUM = union(LOWER, DIGIT, UPPER);
/** `[!-~]`: printable ASCII without space (the model's `[a-zA-Z0-9!-~]` is the same set). */
export const VISIBLE = union(LOWER, DIGIT, UPPER, range('!', '~'));
/** `[ \t!-~]`: VISIBLE plus space and tab (attribute values after their first character). */
export const VISIBLE_WS = union(VISIBLE, ' \t');

/** Characters outside every model class here, used where a pattern must break "anywhere". */
export const SPECIAL_OUTSIDE: CharClass = [
  ' ', '\t', '\n', '\r', '\u0000', '\u001f', '\u007f', '\u0080', '\u00a0', 'é', 'ß', '\u200b', '中', '\u2028', '\ufeff', '😀', '𝔘',
];

const ASCII_TEXT = union(LOWER, DIGIT, UPPER, range(' ', '~'));
const OTHER_TEXT = ['é', 'ü', 'ß', 'Ω', 'я', '中', '文', '☃', '€', '\t', '\n'];
/** Astral characters: one code point, two UTF-16 units (where length counting goes wrong). */
export const ASTRAL = ['😀', '𝔘', '🀄'];
/**
 * Text for members without a pattern: printable ASCII (weighted four to one), other scripts, tab and
 * newline. Members without a pattern accept any character.
 */
export const FREE_TEXT: CharClass = [...ASCII_TEXT, ...ASCII_TEXT, ...ASCII_TEXT, ...ASCII_TEXT, ...OTHER_TEXT];
/** FREE_TEXT with astral characters one in ~25: for values at a length bound, where code points must be counted. */
export const FREE_TEXT_BOUNDARY: CharClass = union(ASCII_TEXT, OTHER_TEXT, ASTRAL);

/** Universe probed for "just outside" characters: ASCII, Latin-1 and a few others. */
const UNIVERSE = union(range('\u0000', '\u00ff'), SPECIAL_OUTSIDE);

/**
 * Characters not in `cls` that sit next to one that is (`,` and `;` for `[-./0-9:]`), plus the
 * usual suspects (space, tab, newline, NUL, DEL, non-ASCII, astral): what a validator gets wrong first.
 */
export function justOutside(cls: CharClass): string[] {
  const inside = new Set(cls);
  const near: string[] = [];
  for (const c of UNIVERSE) {
    if (inside.has(c)) continue;
    const cp = c.codePointAt(0)!;
    if (inside.has(String.fromCodePoint(Math.max(0, cp - 1))) || inside.has(String.fromCodePoint(cp + 1))) near.push(c);
  }
  return union(near, SPECIAL_OUTSIDE.filter((c) => !inside.has(c)));
}

/** Characters of `cls` at the edge of one of its ranges (`0`, `9`, `a`, `z`, `-`, `~`): boundary-valid picks. */
export function edges(cls: CharClass): string[] {
  const inside = new Set(cls);
  return cls.filter((c) => {
    const cp = c.codePointAt(0)!;
    return !inside.has(String.fromCodePoint(Math.max(0, cp - 1))) || !inside.has(String.fromCodePoint(cp + 1)) || cp === 0;
  });
}

/** A character as a label shows it: printable ASCII quoted, anything else as U+XXXX. */
export const showChar = (c: string): string => {
  const cp = c.codePointAt(0)!;
  return cp > 0x20 && cp < 0x7f ? `'${c}'` : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
};
