// Whether the run nonce may go into a string member (src/run/nonce.ts rotates each letter and digit within its
// class: digit → digit, a-z → a-z, A-Z → A-Z, by a per-position amount). That keeps a value valid or invalid
// exactly when every place of the member's pattern takes all of a class or none of it: `[a-zA-Z0-9_-]+`,
// `\p{Print}+` and `.*` do; `[a-f0-9]+`, a literal `arn:` prefix, an enum or a backreference do not.
import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import type { ServiceModel } from '../contract/model.ts';
import { translatePattern } from '../schema/pattern.ts';

const CLASSES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((s) => [...s]);

/** A one-character element matches all or none of each class. */
function wholeClasses(raw: string): boolean {
  let re: RegExp;
  try { re = new RegExp(`^(?:${raw})$`, 'u'); } catch { return false; }
  return CLASSES.every((cls) => { const n = cls.filter((c) => re.test(c)).length; return n === 0 || n === cls.length; });
}

/** Whether rotating letters and digits keeps every value's verdict under `pattern`. */
export function rotationSafePattern(pattern: string): boolean {
  let ast: AST.Pattern;
  try {
    const source = translatePattern(pattern);
    ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: true });
  } catch {
    return false;
  }
  let safe = true;
  visitRegExpAST(ast, {
    onBackreferenceEnter: () => { safe = false; },
    onCharacterEnter: (n) => { if (n.parent.type !== 'CharacterClass' && n.parent.type !== 'CharacterClassRange' && !wholeClasses(n.raw)) safe = false; },
    onCharacterClassEnter: (n) => { if (!wholeClasses(n.raw)) safe = false; },
    onCharacterSetEnter: (n) => { if (n.parent.type !== 'CharacterClass' && !wholeClasses(n.raw)) safe = false; },
  });
  return safe;
}

/** Whether the nonce may go into a member whose shape is `target`: a string with no enum and a rotation-safe pattern (or none). */
export function nonceSafe(model: ServiceModel, target: string): boolean {
  const s = model.shapes[target];
  if (s?.type !== 'string' || s.enum) return false;
  return s.pattern === undefined || rotationSafePattern(s.pattern);
}
