// Character counting as AWS counts it for constraints: Smithy measures string length in Unicode scalar
// values (code points), not UTF-16 units; ajv's minLength/maxLength count the same way. Fast path: a
// string without surrogates has as many code points as UTF-16 units.
const SURROGATE_HIGH = /[\uD800-\uDBFF]/;

export function charLength(s: string): number {
  if (!SURROGATE_HIGH.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point; lone surrogates count as one each.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
