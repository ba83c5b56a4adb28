// Regression: issue 10 §5 (corpus). On main these Java-dialect patterns of the botocore corpus did not compile
// under `u` (their operations could not be built at all): `\p{IsLetter}`, `\S+{1,256}`, `${1,128}`, `[\w-.+]`,
// `[\p{Z}-_]`, `\p{LD}`, octal `\000`, `(?s)`, `(?i)`, `[\p{Print}&&[^|:/]]`. Each now has its Java meaning
// (java.util.regex.Pattern docs; see src/schema/javaDialect.ts), checked on members and non-members.
import { describe, expect, it } from 'vitest';
import { translatePattern } from '../../src/schema/index.ts';

const re = (p: string) => new RegExp(translatePattern(p), 'u');

describe('translatePattern: Java-only syntax gets its Java meaning', () => {
  it.each([
    // [model pattern, accepted, rejected]
    ['^([A-Za-z\\-\' 0-9._]|\\p{IsLetter})*$', ['abc', 'Élodie', '中文'], ['a!', '1+']],
    ['^\\S+{1,256}$', ['a', 'x'.repeat(300)], ['', 'a b']], // Java: `{1,256}` repeats an empty atom
    ['^([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)${1,128}', ['', 'a b'], ['a!']], // Java: repeats the anchor
    ['^[\\w-.+]+@[\\w-.+]+$', ['a-b.c+d@x-y.z'], ['a@b@c', 'a,b@c']], // `-` after \w is a literal
    ['^(?! )[\\p{L}\\p{N}\\p{Z}-_]*(?<! )$', ['a-b_c', 'a b'], [' a', 'a ', 'a+b']],
    ['^(\\p{LD}|\\p{Punct}| )+$', ['a1 !', 'é٣'], ['a\tb', '\u00a0']], // LD = L ∪ Nd
    ['^[^/:|\\000-\\037]+$', ['abc'], ['a\u0000', 'a\u001f', 'a/b']], // octal \0nn
    ['(?s)^a.b$', ['a\nb', 'axb'], ['ab']],
    ['^(?i)all|[0-9]{12}$', ['ALL', 'aLl'], ['al']],
    ['^(?!(?i)(arn|aws):)[\\p{L}\\p{N}\\p{P}]+$', ['abc', 'arnx'], ['ARN:x', 'Aws:y']], // flag ends with its group
    ['^[\\p{Print}&&[^|:/]]+$', ['a b~'], ['a|b', 'a:b', 'a/b', 'é']], // intersection computed
    ['^[a-z[0-9]]+$', ['a1'], ['A']], // Java class union
    ['^[\\u0020-\\uD7FF\\uD800\\uDC00-\\uDBFF\\uDFFF]+$', ['a', '😀'], ['\u0001']], // surrogate pair escapes
  ])('%s', (pattern, accepted, rejected) => {
    const r = re(pattern);
    for (const a of accepted) expect(r.test(a), `${JSON.stringify(a)} accepted`).toBe(true);
    for (const x of rejected) expect(r.test(x), `${JSON.stringify(x)} rejected`).toBe(false);
  });

  it('keeps case folding ASCII-only, as Java without UNICODE_CASE', () => {
    expect(re('^(?i)é$').test('É')).toBe(false);
    expect(re('^(?i)[a-c]$').test('B')).toBe(true);
  });

  it('refuses, naming the construct, what has no exact JS translation', () => {
    for (const [p, why] of [['(?m)^a$', 'inline flag (?m)'], ['^(?i)\\p{Lu}$', '\\p{Lu} under (?i)'], ['^\\p{InBasicLatin}$', 'no JS equivalent']] as const) {
      expect(() => translatePattern(p)).toThrow(expect.objectContaining({ code: 'CF_ERR_MODEL_FORMAT', message: expect.stringContaining(why) }));
    }
  });
});
