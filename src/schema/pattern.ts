// AWS model patterns are Java-flavoured regular expressions (Smithy: ECMA 262 syntax, but the published
// models carry Java-isms). ajv compiles `pattern` with the `u` flag (unicodeRegExp), under which identity
// escapes such as `\_` or `\:` and lone `{`, `}` or `]` are syntax errors. translatePattern rewrites a
// model pattern into an equivalent one that compiles under `u`, or throws CF_ERR_MODEL_FORMAT.
// Most AWS patterns (all in this project's models) come out unchanged.
// The AWS-style message always prints the model's original pattern, never the translation.
import { HarnessError } from '../errors.ts';

// Characters that may be escaped under `u` (SyntaxCharacter and `/`); `-` is allowed inside a class.
const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));
// Escapes that mean a class or a control in both Java and JS.
const KEEP = new Set('dDwWsSbBnrtfv0cxupP123456789'.split(''));
// Java POSIX / java.lang.Character classes (ASCII semantics, as in java.util.regex without UNICODE_CHARACTER_CLASS).
const POSIX: Record<string, string> = {
  Lower: 'a-z', Upper: 'A-Z', ASCII: '\\x00-\\x7F', Alpha: 'a-zA-Z', Digit: '0-9', Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~', Graph: '!-~', Print: ' -~', Blank: ' \\t', Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F', Space: ' \\t\\n\\x0B\\f\\r',
};
const HORIZONTAL_SPACE = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';

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

const QUANTIFIER = /^\{\d+(,\d*)?\}/;

export function translatePattern(pattern: string): string {
  // Always rewritten, even when it already compiles: Java's \p{Alpha}, \p{Lower}… also parse in JS, with
  // Unicode instead of ASCII meaning. For ordinary AWS patterns the rewrite is the identity.
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) fail(pattern, 'trailing backslash');
      i++;
      if (n === 'Q') {
        // \Q…\E quotes literally.
        const end = pattern.indexOf('\\E', i + 1);
        const lit = pattern.slice(i + 1, end < 0 ? undefined : end);
        out += lit.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        i = end < 0 ? pattern.length : end + 1;
      } else if ((n === 'p' || n === 'P') && pattern[i + 1] === '{') {
        const close = pattern.indexOf('}', i);
        const name = pattern.slice(i + 2, close).replace(/^Is/, '');
        const posix = POSIX[name];
        if (posix) out += n === 'p' ? (inClass ? posix : `[${posix}]`) : inClass ? fail(pattern, `negated \\P{${name}} inside a class`) : `[^${posix}]`;
        else out += `\\${n}{${pattern.slice(i + 2, close)}}`;
        i = close;
      } else if (n === 'h') out += inClass ? HORIZONTAL_SPACE : `[${HORIZONTAL_SPACE}]`;
      else if (n === 'A') out += '^';
      else if (n === 'Z' || n === 'z') out += '$';
      else if (n === 'e') out += '\\x1B';
      else if (n === 'a') out += '\\x07';
      else if (KEEP.has(n!) || SYNTAX.has(n!) || (inClass && n === '-')) out += `\\${n}`;
      else out += n; // identity escape of a plain character: the character itself
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      else if (c === '[') fail(pattern, 'nested character class (Java union) is not supported');
      else if (c === '&' && pattern[i + 1] === '&') fail(pattern, 'class intersection (&&) is not supported');
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') out += '\\' + pattern[++i]; // Java: a leading ] is literal
      continue;
    }
    if (c === '{') {
      const q = QUANTIFIER.exec(pattern.slice(i));
      if (q) {
        out += q[0];
        i += q[0].length - 1;
        if (pattern[i + 1] === '+') i++; // possessive → greedy
      } else out += '\\{';
      continue;
    }
    if (c === '}' || c === ']') {
      out += '\\' + c;
      continue;
    }
    if ((c === '*' || c === '+' || c === '?') && pattern[i + 1] === '+') {
      out += c; // possessive → greedy (same language for these patterns' purposes)
      i++;
      continue;
    }
    if (c === '(' && pattern[i + 1] === '?' && /[a-zA-Z]/.test(pattern[i + 2] ?? '')) fail(pattern, 'inline flags are not supported');
    out += c;
  }
  if (!compilesUnicode(out)) fail(pattern, `translation ${JSON.stringify(out)} does not compile with the u flag`);
  return out;
}
