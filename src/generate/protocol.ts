// Protocol targets, the same for every awsJson operation: malformed JSON bodies (rawBody), JSON bodies
// that are not objects, and X-Amz-Target names of no operation. Each starts from a valid input.
import fc from 'fast-check';
import { ALNUM } from './strings/chars.ts';
import { classString } from './strings/classString.ts';
import { NONE, type Draft } from './draft.ts';
import type { Input } from './model/sites.ts';
import type { DraftTarget } from './operation.ts';

export const MALFORMED_JSON = 'protocol:malformed-json';
export const BODY_NOT_OBJECT = 'protocol:body-not-object';
export const UNKNOWN_OPERATION = 'protocol:unknown-operation';

/** Ways to break JSON text of a non-empty object; every result fails JSON.parse. */
const breakJson: fc.Arbitrary<(json: string) => string> = fc.oneof(
  fc.nat().map((n) => (j: string) => j.slice(0, 1 + (n % (j.length - 1)))), // truncated
  fc.constantFrom('}', ',', ']', 'x', '{', '"').map((g) => (j: string) => j + g), // trailing garbage
  fc.constant((j: string) => `${j.slice(0, -1)},}`), // trailing comma
  fc.constant((j: string) => j.replace(/"/g, "'")), // single quotes
  fc.constant((j: string) => j.replace(/^\{"([^"]*)"/, '{$1')), // unquoted first key
  fc.constantFrom('\n', '\t', '\u0000').map((c) => (j: string) => j.replace(/^\{"/, `{"${c}`)), // raw control character in a string
  fc.constant((j: string) => j.replace(/:/, ':NaN,"x":')), // NaN literal
);

/** Letters inside JSON strings written as unicode escapes (keys included). */
function escapeLetters(json: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const ch = json[i]!;
    if (inString && ch === '\\') {
      out += ch + json[++i];
      continue;
    }
    if (ch === '"') inString = !inString;
    out += inString && /[A-Za-z]/.test(ch) ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch;
  }
  return out;
}

/** Well-formed but unusual JSON text of the same input: whitespace, escaped characters. */
const oddJson: fc.Arbitrary<(input: Input) => string> = fc.constantFrom(
  (i: Input) => JSON.stringify(i, null, 2),
  (i: Input) => ` \r\n\t${JSON.stringify(i)}\n `,
  (i: Input) => escapeLetters(JSON.stringify(i)),
  (i: Input) => JSON.stringify(i).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`),
);

const notObject: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(fc.oneof(fc.integer(), classString({ min: 0, max: 6, rest: ALNUM })), { maxLength: 3 }),
  classString({ min: 0, max: 12, rest: ALNUM }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

const unknownName = (operation: string): fc.Arbitrary<string> => fc.oneof(
  fc.constantFrom(`${operation}s`, `${operation}X`, `${operation}V2`, `Fuzz${operation}`),
  classString({ min: 1, max: 12, rest: ALNUM }).map((s) => `Fuzz${s}`),
);

export function protocolTargets(operation: string, base: fc.Arbitrary<Input>): DraftTarget[] {
  const plain = (exercises: readonly string[]) => base.map((input): Draft => ({ input, breaks: NONE, exercises }));
  return [
    {
      id: MALFORMED_JSON,
      valid: fc.tuple(base, oddJson).map(([input, f]): Draft => ({ input, rawBody: f(input), breaks: NONE, exercises: [MALFORMED_JSON] })),
      invalid: fc.tuple(base, breakJson).map(([input, f]): Draft => ({ input, rawBody: f(JSON.stringify(input)), breaks: [MALFORMED_JSON], exercises: NONE })),
    },
    {
      id: BODY_NOT_OBJECT,
      valid: plain([BODY_NOT_OBJECT]),
      invalid: fc.oneof(notObject, base.map((i) => [i] as unknown)).map((input): Draft => ({ input, breaks: [BODY_NOT_OBJECT], exercises: NONE })),
    },
    {
      id: UNKNOWN_OPERATION,
      valid: plain([UNKNOWN_OPERATION]),
      invalid: fc.tuple(base, unknownName(operation)).map(([input, wireOperation]): Draft => ({ input, wireOperation, breaks: [UNKNOWN_OPERATION], exercises: NONE })),
    },
  ];
}
