// A model pattern as a small tree a generator can walk: character classes (a membership test and sample
// members, simplest first), sequences, alternations, repeats, lookarounds and anchors. Parsed by
// @eslint-community/regexpp from the pattern as the oracle compiles it (translatePattern, `u` flag), so the
// generator and ajv read the same regex. Lookbehinds and word boundaries are zero-width nodes emission skips
// (every value is checked against the whole regex). What the tree cannot express (backreferences) is an
// UnsupportedPattern naming the construct: the caller marks the constraint not covered.
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { translatePattern } from '../../../schema/pattern.ts';
import { DIGIT, LOWER, SPECIAL_OUTSIDE, UPPER, range, union } from '../chars.ts';

export interface ClassNode { type: 'class'; id: number; raw: string; test(c: string): boolean; members: string[]; outside: string[] }
export type Node =
  | ClassNode
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; options: Node[] }
  | { type: 'repeat'; min: number; max: number; item: Node }
  | { type: 'look'; negate: boolean; body: Node; behind?: true }
  | { type: 'empty'; end?: true };

export class UnsupportedPattern extends Error {
  constructor(readonly pattern: string, readonly shape: string) {
    super(`pattern ${JSON.stringify(pattern)} not covered: ${shape}`);
  }
}

/** Candidate characters, simplest first: what members and "just outside" characters are picked from. */
const UNIVERSE = union(
  LOWER, DIGIT, UPPER, range('!', '/'), range(':', '@'), range('[', '`'), range('{', '~'), ' ', '\t', '\n', '\r',
  range('\u0000', '\u001f'), range('\u007f', '\u00ff'), SPECIAL_OUTSIDE, ['Ω', 'я', '€', '☃', '\u3000'],
);
/** Breakers tried per class: neighbours first, then blanks, controls, non-ASCII (at most this many). */
const OUTSIDE_PER_CLASS = 8;
const USUAL_OUTSIDE = [' ', '\t', '\n', '\u0000', '\u001f', '\u007f', 'é', '中', '😀'];

export function parsePattern(pattern: string): Node {
  let source: string;
  try {
    source = translatePattern(pattern);
  } catch (e) {
    throw new UnsupportedPattern(pattern, (e as Error).message);
  }
  let ast: AST.Pattern;
  try {
    ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: true });
  } catch (e) {
    throw new UnsupportedPattern(pattern, `does not parse: ${(e as Error).message}`);
  }
  let ids = 0;
  const cls = (raw: string, explicit: string[]): ClassNode => {
    const re = new RegExp(`^(?:${raw})$`, 'u');
    const test = (c: string) => re.test(c);
    const members = union(UNIVERSE, explicit).filter(test);
    if (members.length === 0) throw new UnsupportedPattern(pattern, `character class ${raw} matches no character the generator knows`);
    const inside = new Set(members);
    const near = explicit.flatMap((c) => {
      const cp = c.codePointAt(0)!;
      return [cp - 1, cp + 1].filter((x) => x >= 0 && x <= 0x10ffff).map((x) => String.fromCodePoint(x));
    });
    const outside = union(near.filter((c) => !inside.has(c) && !test(c)), USUAL_OUTSIDE.filter((c) => !test(c))).slice(0, OUTSIDE_PER_CLASS);
    return { type: 'class', id: ids++, raw, test, members, outside };
  };
  const alts = (list: readonly AST.Alternative[]): Node =>
    list.length === 1 ? seq(list[0]!.elements) : { type: 'alt', options: list.map((a) => seq(a.elements)) };
  const seq = (els: readonly AST.Element[]): Node => (els.length === 1 ? el(els[0]!) : { type: 'seq', items: els.map(el) });
  function el(e: AST.Element): Node {
    switch (e.type) {
      case 'Character': return cls(e.raw, [String.fromCodePoint(e.value)]);
      case 'CharacterSet': return cls(e.raw, []);
      case 'CharacterClass': return cls(e.raw, explicitOf(e));
      case 'ExpressionCharacterClass': return cls(e.raw, []);
      case 'Group': case 'CapturingGroup': return alts(e.alternatives);
      case 'Quantifier': return { type: 'repeat', min: e.min, max: e.max, item: el(e.element) };
      case 'Assertion':
        if (e.kind === 'start') return { type: 'empty' };
        if (e.kind === 'end') return { type: 'empty', end: true }; // a lookahead ending in `$` spans the rest
        if (e.kind === 'lookahead') return { type: 'look', negate: e.negate, body: alts(e.alternatives) };
        // zero-width: emission skips them and every value is checked against the whole regex (derived.ts)
        if (e.kind === 'lookbehind') return { type: 'look', negate: e.negate, body: alts(e.alternatives), behind: true };
        return { type: 'empty' }; // word boundary \b, \B

      case 'Backreference': throw new UnsupportedPattern(pattern, `backreference ${e.raw}`);
      default: throw new UnsupportedPattern(pattern, `construct ${(e as AST.Node).raw}`);
    }
  }
  return alts(ast.alternatives);
}

/** Characters a class names explicitly: single characters, and each range's ends and middle. */
function explicitOf(c: AST.CharacterClass): string[] {
  const out: string[] = [];
  for (const x of c.elements) {
    if (x.type === 'Character') out.push(String.fromCodePoint(x.value));
    else if (x.type === 'CharacterClassRange') {
      const lo = x.min.value, hi = x.max.value;
      out.push(String.fromCodePoint(lo), String.fromCodePoint(hi), String.fromCodePoint((lo + hi) >> 1));
    }
  }
  return out;
}

/** Shortest and longest lengths (code points) a node matches; Infinity when unbounded. */
export function lengthsOf(n: Node): [number, number] {
  switch (n.type) {
    case 'class': return [1, 1];
    case 'empty': case 'look': return [0, 0];
    case 'seq': return n.items.map(lengthsOf).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
    case 'alt': {
      const all = n.options.map(lengthsOf);
      return [Math.min(...all.map((x) => x[0])), Math.max(...all.map((x) => x[1]))];
    }
    case 'repeat': {
      const [lo, hi] = lengthsOf(n.item);
      return [lo * n.min, hi === 0 ? 0 : hi * n.max];
    }
  }
}

/** Whether a node can only match up to the end of the input (it ends with `$` on every branch). */
export function endsAnchored(n: Node): boolean {
  switch (n.type) {
    case 'empty': return n.end === true;
    case 'seq': return n.items.length > 0 && endsAnchored(n.items.at(-1)!);
    case 'alt': return n.options.every(endsAnchored);
    default: return false;
  }
}
