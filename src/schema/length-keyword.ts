// minLength/maxLength with AWS (Smithy) semantics, fast. Same keywords, same errors and schemaPaths as
// ajv's own; only the cost differs: ajv counts code points with a JavaScript loop on every string, which
// made it most of the validation time for attribute maps. A string's code-point count n and UTF-16 length
// L satisfy L/2 ≤ n ≤ L, so the exact count is needed only when L alone cannot decide:
//   maxLength: fails iff L > max and (L > 2·max or n > max);   minLength: fails iff L < min, or L < 2·min and n < min.
import { _, str, type Ajv, type CodeKeywordDefinition, type KeywordCxt } from 'ajv';
import { charLength } from '../rules/chars.ts';

const lengthKeyword: CodeKeywordDefinition = {
  keyword: ['maxLength', 'minLength'],
  type: 'string',
  schemaType: 'number',
  error: {
    message: ({ keyword, schemaCode }) => str`must NOT have ${keyword === 'maxLength' ? 'more' : 'fewer'} than ${schemaCode} characters`,
    params: ({ schemaCode }) => _`{limit: ${schemaCode}}`,
  },
  code(cxt: KeywordCxt) {
    const { keyword, data, schemaCode } = cxt;
    const cp = cxt.gen.scopeValue('func', { ref: charLength });
    if (keyword === 'maxLength') cxt.fail(_`${data}.length > ${schemaCode} && (${data}.length > 2 * ${schemaCode} || ${cp}(${data}) > ${schemaCode})`);
    else cxt.fail(_`${data}.length < ${schemaCode} || (${data}.length < 2 * ${schemaCode} && ${cp}(${data}) < ${schemaCode})`);
  },
};

/** Replaces ajv's minLength/maxLength on `ajv` with the code-point-exact fast version. */
export function useFastLength(ajv: Ajv): Ajv {
  ajv.removeKeyword('maxLength');
  ajv.removeKeyword('minLength');
  ajv.addKeyword(lengthKeyword);
  return ajv;
}
