// AWS model patterns are Java-flavoured regular expressions (Smithy: ECMA 262 syntax, but the published
// models carry Java-isms). ajv compiles `pattern` with the `u` flag (unicodeRegExp), under which identity
// escapes such as `\_` or `\:` and lone `{`, `}` or `]` are syntax errors. translatePattern rewrites a
// model pattern into an equivalent one that compiles under `u`, or throws CF_ERR_MODEL_FORMAT naming what
// has no exact JS spelling (the pattern's constraint is then not covered).
// Rule: an ECMA-valid construct keeps its ECMA meaning (Smithy's definition); Java-only syntax gets Java's
// meaning (javaDialect.ts, with sources): `\p{IsLetter}`, POSIX classes (ASCII), class union `[a[b]]` and
// intersection `[a&&[^b]]` (computed on code-point sets), `-` after a class escape (a literal in Java),
// octal `\0nn`, inline flags `(?i)` (ASCII case folding, expanded) and `(?s)` (`.` matches all), `\Q…\E`,
// possessive quantifiers (read as greedy: same language), and a quantifier after a quantifier or an anchor
// (`\S+{1,256}`: Java repeats an empty atom; `${1,128}`: Java repeats the anchor).
// Most AWS patterns (all in this project's models) come out unchanged.
// The AWS-style message always prints the model's original pattern, never the translation.
import { HarnessError } from '../errors.ts';
import { CASE_SENSITIVE_PROPERTIES, INLINE_FLAGS, POSIX, PREDEFINED, UNICODE_PROPERTIES, type Ranges } from './javaDialect.ts';
import { asciiCaseSwapped, classBody, classChar, complement, intersect, union } from './ranges.ts';

// Characters that may be escaped under `u` (SyntaxCharacter and `/`); `-` is allowed inside a class.
const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));
// Escapes that mean a control character in both Java and JS.
const CONTROL_ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, f: 12, v: 11, e: 0x1b, a: 7 };
const QUANTIFIER = /^\{\d+(,\d*)?\}/;

interface Flags { i: boolean; s: boolean }

const fail = (pattern: string, why: string): never => {
  throw new HarnessError('CF_ERR_MODEL_FORMAT', `model pattern ${JSON.stringify(pattern)} cannot be used: ${why}`);
};

const compilesUnicode = (p: string): boolean => {
  try {
    new RegExp(p, 'u');
    return true;
  } catch {
    return false;
  }
};

/** One escape: a single code point (`cp`, with its JS spelling) or a class of them (`set` and/or `body`). */
interface Escape {
  next: number;
  text: string;
  cp?: number;
  /** Members, when they are a fixed list. */
  set?: Ranges;
  /** A class escape (property, \d, \w …): `-` after it is a literal in Java. */
  isClass?: boolean;
  /** Zero-width (\b, \B, \A, \z): a quantifier after it repeats the assertion. */
  anchor?: boolean;
  /** \Q…\E: the quoted text. */
  literal?: string;
}

/** Translations by model pattern (pure; the schema, the regex tree and the derived generator all ask). */
const translations = new Map<string, string | HarnessError>();

export function translatePattern(pattern: string): string {
  let t = translations.get(pattern);
  if (t === undefined) {
    try {
      t = translate(pattern);
    } catch (e) {
      if (!(e instanceof HarnessError)) throw e;
      t = e;
    }
    translations.set(pattern, t);
  }
  if (t instanceof HarnessError) throw t;
  return t;
}

function translate(pattern: string): string {
  let out = '';
  let flags: Flags = { i: false, s: false };
  const saved: { flags: Flags; look: boolean; start: number }[] = [];
  let prev: 'none' | 'atom' | 'quant' | 'anchor' = 'none';
  let prevStart = 0;

  const caseFold = (c: number, text: string): string => {
    if (!flags.i) return text;
    const other = asciiCaseSwapped([[c, c]]);
    return other.length ? `[${text}${classChar(other[0]![0])}]` : text;
  };

  /** The escape at `i` (pattern[i] is the backslash). */
  function escapeAt(i: number, inClass: boolean): Escape {
    const n = pattern[i + 1];
    if (n === undefined) return fail(pattern, 'trailing backslash');
    const at = i + 2;
    if (n === 'p' || n === 'P') {
      const braced = pattern[at] === '{';
      const close = braced ? pattern.indexOf('}', at) : at;
      if (braced && close < 0) fail(pattern, 'unclosed \\p{');
      const raw = braced ? pattern.slice(at + 1, close) : (pattern[at] ?? '');
      const next = braced ? close + 1 : at + 1;
      const prop = property(raw);
      if (n === 'P') {
        if (prop.set) return { next, text: classBody(complement(prop.set)), set: complement(prop.set), isClass: true };
        return { next, text: prop.body.startsWith('\\p{') && !prop.body.slice(3).includes('\\') ? `\\P${prop.body.slice(2)}` : fail(pattern, `negated \\P{${raw}}`), isClass: true };
      }
      return { next, text: prop.body, ...(prop.set ? { set: prop.set } : {}), isClass: true };
    }
    if (n in PREDEFINED || n === 'D' || n === 'W' || n === 'S' || n === 'H') {
      const lower = n.toLowerCase();
      const set = PREDEFINED[lower]!;
      const neg = n !== lower;
      const body = lower === 'h' ? classBody(set) : `\\${lower}`;
      return { next: at, text: neg ? (lower === 'h' ? classBody(complement(set)) : `\\${n}`) : body, set: neg ? complement(set) : set, isClass: true };
    }
    if (n === 'b' || n === 'B') return inClass ? fail(pattern, '\\b inside a class') : { next: at, text: `\\${n}`, anchor: true };
    if (n === 'A') return { next: at, text: '^', anchor: true };
    if (n === 'Z' || n === 'z') return { next: at, text: '$', anchor: true };
    if (n in CONTROL_ESCAPES) {
      const c = CONTROL_ESCAPES[n]!;
      return { next: at, text: n === 'e' || n === 'a' ? classChar(c) : `\\${n}`, cp: c };
    }
    if (n === '0') {
      // Java octal: \0n, \0nn, \0mnn (m ≤ 3); a lone \0 is JS's NUL
      const digits = /^[0-7]{1,3}/.exec(pattern.slice(at))?.[0] ?? '';
      const take = digits.length === 3 && digits[0]! > '3' ? digits.slice(0, 2) : digits;
      const c = take ? parseInt(take, 8) : 0;
      return { next: at + take.length, text: classChar(c), cp: c };
    }
    if (n === 'x') {
      if (pattern[at] === '{') {
        const close = pattern.indexOf('}', at);
        const c = parseInt(pattern.slice(at + 1, close), 16);
        return { next: close + 1, text: classChar(c), cp: c };
      }
      const c = parseInt(pattern.slice(at, at + 2), 16);
      return Number.isNaN(c) ? fail(pattern, 'bad \\x escape') : { next: at + 2, text: `\\x${pattern.slice(at, at + 2)}`, cp: c };
    }
    if (n === 'u') {
      const hex = pattern.slice(at, at + 4);
      const c = parseInt(hex, 16);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return fail(pattern, 'bad \\u escape');
      // a surrogate pair spelt as two escapes is one code point, in Java and under `u` alike
      const low = /^\\u(d[c-f][0-9a-f]{2})/i.exec(pattern.slice(at + 4))?.[1];
      if (c >= 0xd800 && c <= 0xdbff && low) {
        const l = parseInt(low, 16);
        return { next: at + 10, text: `\\u${hex}\\u${low}`, cp: 0x10000 + ((c - 0xd800) << 10) + (l - 0xdc00) };
      }
      return { next: at + 4, text: `\\u${hex}`, cp: c };
    }
    if (n === 'c') return { next: at + 1, text: `\\c${pattern[at]}`, cp: pattern.charCodeAt(at) % 32 };
    if (/[1-9]/.test(n)) return inClass ? fail(pattern, `octal-looking escape \\${n} inside a class`) : { next: at, text: `\\${n}` };
    if (n === 'Q') {
      const end = pattern.indexOf('\\E', at);
      const lit = pattern.slice(at, end < 0 ? undefined : end);
      return { next: end < 0 ? pattern.length : end + 2, text: '', literal: lit };
    }
    if (/[a-zA-Z]/.test(n)) return fail(pattern, `escape \\${n} has no JS equivalent`);
    // identity escape of a plain character: the character itself (escaped where `u` allows it)
    const c = pattern.codePointAt(i + 1)!;
    const len = c > 0xffff ? 2 : 1;
    return { next: i + 1 + len, text: SYNTAX.has(n) || (inClass && n === '-') ? `\\${n}` : inClass ? classChar(c) : String.fromCodePoint(c), cp: c };
  }

  /** A `\p{…}` name: a fixed set (POSIX, ASCII meaning) or a Unicode class body. */
  function property(raw: string): { body: string; set?: Ranges } {
    const name = raw.startsWith('Is') ? raw.slice(2) : raw;
    if (flags.i && (CASE_SENSITIVE_PROPERTIES.has(name) || CASE_SENSITIVE_PROPERTIES.has(name.toUpperCase()))) fail(pattern, `\\p{${raw}} under (?i)`);
    const posix = Object.hasOwn(POSIX, name) ? POSIX[name]! : undefined;
    if (posix) return flags.i && (name === 'Lower' || name === 'Upper') ? { body: POSIX.Alpha!.text, set: POSIX.Alpha!.set } : { body: posix.text, set: posix.set };
    const binary = name.toUpperCase().replace(/[_ ]/g, '');
    const table = Object.hasOwn(UNICODE_PROPERTIES, name) ? UNICODE_PROPERTIES[name] : raw.startsWith('Is') && Object.hasOwn(UNICODE_PROPERTIES, binary) ? UNICODE_PROPERTIES[binary] : undefined;
    if (table) return { body: table };
    // a general category or script JS knows under the same name (Is-prefixed scripts: Script=…)
    if (compilesUnicode(`\\p{${name}}`)) return { body: `\\p{${name}}` };
    if (raw.startsWith('Is') && compilesUnicode(`\\p{Script=${name}}`)) return { body: `\\p{Script=${name}}` };
    return fail(pattern, `\\p{${raw}} has no JS equivalent`);
  }

  /** A Java class starting at `i` (`[`): its JS spelling, and its members where they are a fixed list. */
  function parseClass(i: number): { next: number; text: string; set?: Ranges } {
    let j = i + 1;
    const negate = pattern[j] === '^';
    if (negate) j++;
    const operands: { texts: string[]; sets: (Ranges | undefined)[] }[] = [{ texts: [], sets: [] }];
    let cur = operands[0]!;
    let prevClassEscape = false;
    let first = true;
    for (;;) {
      const c = pattern[j];
      if (c === undefined) return fail(pattern, 'unclosed character class');
      if (c === ']' && !first) break;
      first = false;
      if (c === '[') {
        const inner = parseClass(j);
        j = inner.next;
        cur.texts.push(inner.set ? classBody(inner.set) : inner.text.startsWith('[^') ? fail(pattern, 'negated nested class with Unicode members') : inner.text.slice(1, -1));
        cur.sets.push(inner.set);
        prevClassEscape = true;
        continue;
      }
      if (c === '&' && pattern[j + 1] === '&') {
        cur = { texts: [], sets: [] };
        operands.push(cur);
        j += 2;
        prevClassEscape = false;
        continue;
      }
      const lo = atom(j);
      j = lo.next;
      if (lo.cp !== undefined && pattern[j] === '-' && pattern[j + 1] !== ']' && pattern[j + 1] !== '[' && pattern[j + 1] !== undefined) {
        const hi = atom(j + 1);
        if (hi.cp === undefined) return fail(pattern, 'range ending in a class');
        if (hi.cp < lo.cp) return fail(pattern, 'illegal character range');
        j = hi.next;
        const set: Ranges = [[lo.cp, hi.cp]];
        const swapped = flags.i ? asciiCaseSwapped(set) : [];
        cur.texts.push(`${lo.text}-${hi.text}${classBody(swapped)}`);
        cur.sets.push(union(set, swapped));
        prevClassEscape = false;
        continue;
      }
      if (lo.cp !== undefined) {
        const swapped = flags.i ? asciiCaseSwapped([[lo.cp, lo.cp]]) : [];
        // a `-` after a class escape is a literal in Java; JS `u` would read a range
        const text = lo.cp === 0x2d && pattern[j] !== ']' && (prevClassEscape || pattern[j] === '[') ? '\\-' : lo.text;
        cur.texts.push(text + classBody(swapped));
        cur.sets.push(union([[lo.cp, lo.cp]], swapped));
        prevClassEscape = false;
      } else {
        cur.texts.push(lo.text);
        cur.sets.push(lo.set);
        prevClassEscape = true;
      }
    }
    const next = j + 1;
    const setOf = (o: { sets: (Ranges | undefined)[] }): Ranges | undefined => (o.sets.every((s) => s !== undefined) ? union(...(o.sets as Ranges[])) : undefined);
    if (operands.length > 1) {
      const sets = operands.map(setOf);
      if (sets.some((s) => s === undefined)) return fail(pattern, 'class intersection (&&) with Unicode members is not computed');
      let set = sets.reduce((a, b) => intersect(a!, b!))!;
      if (negate) set = complement(set);
      return { next, text: `[${classBody(set)}]`, set };
    }
    const set = setOf(cur);
    return { next, text: `[${negate ? '^' : ''}${cur.texts.join('')}]`, ...(set ? { set: negate ? complement(set) : set } : {}) };
  }

  /** One class member at `j`: an escape or a plain character. */
  function atom(j: number): Escape {
    const c = pattern[j]!;
    if (c === '\\') {
      const e = escapeAt(j, true);
      if (e.literal !== undefined) return fail(pattern, '\\Q inside a class');
      return e;
    }
    const code = pattern.codePointAt(j)!;
    return { next: j + (code > 0xffff ? 2 : 1), text: c === '[' || c === ']' || c === '\\' ? `\\${c}` : String.fromCodePoint(code), cp: code };
  }

  const emitAtom = (text: string, kind: 'atom' | 'anchor') => {
    prevStart = out.length;
    out += text;
    prev = kind;
  };

  for (let i = 0; i < pattern.length;) {
    const c = pattern[i]!;
    if (c === '\\') {
      const e = escapeAt(i, false);
      i = e.next;
      if (e.literal !== undefined) {
        // \Q…\E: each character literally
        let lit = '';
        for (const ch of e.literal) lit += caseFold(ch.codePointAt(0)!, /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch);
        if (lit) emitAtom(lit, 'atom'); // a quantifier after \E applies to the last character, as in Java
      } else if (e.anchor) emitAtom(e.text, 'anchor');
      else if (e.cp !== undefined) emitAtom(caseFold(e.cp, e.text), 'atom');
      else if (e.isClass && !/^\\[dDwWsS]$/.test(e.text) && !/^\\[pP]\{[^}]*\}$/.test(e.text)) emitAtom(`[${e.text}]`, 'atom');
      else emitAtom(e.text, 'atom');
      continue;
    }
    if (c === '[') {
      const k = parseClass(i);
      i = k.next;
      emitAtom(k.text, 'atom');
      continue;
    }
    if (c === '(') {
      const m = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(pattern.slice(i));
      if (m && (m[1] || m[2] !== undefined)) {
        const on = m[1] ?? '', off = m[2] ?? '';
        for (const f of on + off) if (!INLINE_FLAGS.includes(f)) fail(pattern, `inline flag (?${f}) has no exact JS translation`);
        const next: Flags = { i: (flags.i || on.includes('i')) && !off.includes('i'), s: (flags.s || on.includes('s')) && !off.includes('s') };
        i += m[0].length;
        if (m[3] === ')') {
          flags = next; // `(?i)`: until the end of the enclosing group (Java restores flags at its close)
        } else {
          saved.push({ flags, look: false, start: out.length });
          flags = next;
          out += '(?:';
          prev = 'none';
        }
        continue;
      }
      const head = /^\(\?<?[=!]/.exec(pattern.slice(i))?.[0]
        ?? (pattern[i + 1] !== '?' ? '(' : pattern.startsWith('(?:', i) ? '(?:' : /^\(\?<[a-zA-Z]\w*>/.exec(pattern.slice(i))?.[0] ?? fail(pattern, `group ${pattern.slice(i, i + 4)}`));
      saved.push({ flags: { ...flags }, look: head.endsWith('=') || head.endsWith('!'), start: out.length });
      out += head;
      i += head.length;
      prev = 'none';
      continue;
    }
    if (c === ')') {
      const s = saved.pop() ?? fail(pattern, 'unbalanced )');
      flags = s.flags;
      out += ')';
      prevStart = s.start;
      prev = s.look ? 'anchor' : 'atom';
      i++;
      continue;
    }
    const q = c === '{' ? QUANTIFIER.exec(pattern.slice(i)) : null;
    if (q || c === '*' || c === '+' || c === '?') {
      const text = q ? q[0] : c;
      i += text.length;
      if (prev === 'quant') {
        if (!q && c === '*') fail(pattern, 'dangling *');
        if (!q) {
          if (c === '?') out += '?'; // lazy
          continue; // `+`: possessive → greedy (the same language)
        }
        out += '(?:)'; // Java: a quantifier after a quantifier repeats an empty atom
      } else if (prev === 'anchor') {
        out = `${out.slice(0, prevStart)}(?:${out.slice(prevStart)})`; // Java repeats the assertion itself
      } else if (prev === 'none') {
        if (!q) fail(pattern, `dangling ${c}`);
        out += '(?:)';
      }
      out += text;
      prev = 'quant';
      continue;
    }
    i++;
    if (c === '{' || c === '}' || c === ']') emitAtom(`\\${c}`, 'atom');
    else if (c === '.') emitAtom(flags.s ? '[\\s\\S]' : '.', 'atom');
    else if (c === '^' || c === '$') emitAtom(c, 'anchor');
    else if (c === '|') {
      out += c;
      prev = 'none';
    } else emitAtom(caseFold(c.codePointAt(0)!, c), 'atom');
  }
  if (saved.length) fail(pattern, 'unclosed group');
  if (!compilesUnicode(out)) fail(pattern, `translation ${JSON.stringify(out)} does not compile with the u flag`);
  return out;
}
