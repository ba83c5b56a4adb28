// Protocol targets, the same for every awsJson operation: malformed JSON bodies (rawBody), JSON bodies
// that are not objects, and X-Amz-Target names of no operation. Each starts from a valid input. The coverage
// phase sends every way of breaking (and of oddly writing) each as its own case.
import fc from 'fast-check';
import { ALNUM } from './strings/chars.ts';
import { classString } from './strings/classString.ts';
import type { Variant } from './constraints/mutation.ts';
import { NONE, type Draft } from './draft.ts';
import type { Input } from './model/sites.ts';
import type { DraftTarget } from './operation.ts';

export const MALFORMED_JSON = 'protocol:malformed-json';
export const BODY_NOT_OBJECT = 'protocol:body-not-object';
export const UNKNOWN_OPERATION = 'protocol:unknown-operation';

type Labelled<T> = { label: string; value: fc.Arbitrary<T> };

/** Ways to break JSON text of a non-empty object; every result fails JSON.parse. */
const BREAK_JSON: Labelled<(json: string) => string>[] = [
  { label: 'truncated', value: fc.nat().map((n) => (j: string) => j.slice(0, 1 + (n % (j.length - 1)))) },
  { label: 'trailing garbage', value: fc.constantFrom('}', ',', ']', 'x', '{', '"').map((g) => (j: string) => j + g) },
  { label: 'trailing comma', value: fc.constant((j: string) => `${j.slice(0, -1)},}`) },
  { label: 'single quotes', value: fc.constant((j: string) => j.replace(/"/g, "'")) },
  { label: 'unquoted key', value: fc.constant((j: string) => j.replace(/^\{"([^"]*)"/, '{$1')) },
  { label: 'raw control character', value: fc.constantFrom('\n', '\t', '\u0000').map((c) => (j: string) => j.replace(/^\{"/, `{"${c}`)) },
  { label: 'NaN literal', value: fc.constant((j: string) => j.replace(/:/, ':NaN,"x":')) },
];
const breakJson = fc.oneof(...BREAK_JSON.map((b) => b.value));

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
const ODD_JSON: Labelled<(input: Input) => string>[] = [
  { label: 'indented', value: fc.constant((i: Input) => JSON.stringify(i, null, 2)) },
  { label: 'surrounding whitespace', value: fc.constant((i: Input) => ` \r\n\t${JSON.stringify(i)}\n `) },
  { label: 'escaped letters', value: fc.constant((i: Input) => escapeLetters(JSON.stringify(i))) },
  { label: 'escaped non-ASCII', value: fc.constant((i: Input) => JSON.stringify(i).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)) },
];
const oddJson = fc.oneof(...ODD_JSON.map((o) => o.value));

const NOT_OBJECT: Labelled<unknown>[] = [
  { label: 'array', value: fc.array(fc.oneof(fc.integer(), classString({ min: 0, max: 6, rest: ALNUM })), { maxLength: 3 }) },
  { label: 'string', value: classString({ min: 0, max: 12, rest: ALNUM }) },
  { label: 'number', value: fc.integer() },
  { label: 'boolean', value: fc.boolean() },
  { label: 'null', value: fc.constant(null) },
];
const notObject = fc.oneof(...NOT_OBJECT.map((n) => n.value));

const unknownNames = (operation: string): Labelled<string>[] => [
  { label: 'near name', value: fc.constantFrom(`${operation}s`, `${operation}X`, `${operation}V2`, `Fuzz${operation}`) },
  { label: 'other name', value: classString({ min: 1, max: 12, rest: ALNUM }).map((s) => `Fuzz${s}`) },
];

export function protocolTargets(operation: string, base: fc.Arbitrary<Input>): DraftTarget[] {
  const plain = (exercises: readonly string[]) => base.map((input): Draft => ({ input, breaks: NONE, exercises }));
  const odd = (f: fc.Arbitrary<(input: Input) => string>) => fc.tuple(base, f).map(([input, g]): Draft => ({ input, rawBody: g(input), breaks: NONE, exercises: [MALFORMED_JSON] }));
  const broken = (f: fc.Arbitrary<(json: string) => string>) => fc.tuple(base, f).map(([input, g]): Draft => ({ input, rawBody: g(JSON.stringify(input)), breaks: [MALFORMED_JSON], exercises: NONE }));
  const notAnObject = (v: fc.Arbitrary<unknown>) => v.map((input): Draft => ({ input, breaks: [BODY_NOT_OBJECT], exercises: NONE }));
  const misnamed = (n: fc.Arbitrary<string>) => fc.tuple(base, n).map(([input, wireOperation]): Draft => ({ input, wireOperation, breaks: [UNKNOWN_OPERATION], exercises: NONE }));
  const inArray = base.map((i) => [i] as unknown);
  const names = unknownNames(operation);
  const each = <T>(kind: 'valid' | 'invalid', list: Labelled<T>[], make: (v: fc.Arbitrary<T>) => fc.Arbitrary<Draft>): Variant<Draft>[] =>
    list.map((l) => ({ label: l.label, kind, arbitrary: make(l.value) }));
  const plainVariant = (id: string): Variant<Draft> => ({ label: 'plain JSON object', kind: 'valid', arbitrary: plain([id]) });
  return [
    {
      id: MALFORMED_JSON,
      valid: odd(oddJson),
      invalid: broken(breakJson),
      variants: [...each('valid', ODD_JSON, odd), ...each('invalid', BREAK_JSON, broken)],
    },
    {
      id: BODY_NOT_OBJECT,
      valid: plain([BODY_NOT_OBJECT]),
      invalid: notAnObject(fc.oneof(notObject, inArray)),
      variants: [plainVariant(BODY_NOT_OBJECT), ...each('invalid', [...NOT_OBJECT, { label: 'the input in an array', value: inArray }], notAnObject)],
    },
    {
      id: UNKNOWN_OPERATION,
      valid: plain([UNKNOWN_OPERATION]),
      invalid: misnamed(fc.oneof(...names.map((n) => n.value))),
      variants: [plainVariant(UNKNOWN_OPERATION), ...each('invalid', names, misnamed)],
    },
  ];
}
