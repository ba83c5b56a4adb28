// JSON values of every type but the one a model location expects: number for a string, array for a map,
// object for a list … Shrinks stay of the same wrong type (0, [], {}, "").
import fc from 'fast-check';
import { LOWER } from '../strings/chars.ts';
import { classString } from '../strings/classString.ts';
import { FREE_TEXT } from '../strings/chars.ts';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';

const scalar = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.boolean(), classString({ min: 0, max: 8, rest: LOWER }));

const BY_TYPE: Readonly<Record<Exclude<JsonType, 'integer'>, fc.Arbitrary<unknown>>> = {
  string: classString({ min: 0, max: 16, rest: FREE_TEXT }),
  // finite only: JSON.stringify turns NaN and Infinity into null
  number: fc.oneof(fc.integer(), fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 8 + 0.5)),
  boolean: fc.boolean(),
  array: fc.array(scalar, { maxLength: 3 }),
  object: fc.array(fc.tuple(classString({ min: 1, max: 6, rest: LOWER }), scalar), { maxLength: 3 }).map((es) => Object.fromEntries(es) as unknown),
};

/**
 * Values whose JSON type is not `expected`. `withNull`: include null (where null is a type error, as for map
 * values and list items; for members null means "absent", which is a `required` matter, not a type one).
 */
export function wrongType(expected: JsonType, withNull: boolean): fc.Arbitrary<unknown> {
  return fc.oneof(...wrongTypes(expected, withNull).map((w) => w.value));
}

/** The same values by JSON type, each type on its own (the coverage phase sends one case per type). */
export function wrongTypes(expected: JsonType, withNull: boolean): { label: string; value: fc.Arbitrary<unknown> }[] {
  const numeric = expected === 'number' || expected === 'integer';
  const out: { label: string; value: fc.Arbitrary<unknown> }[] = [];
  for (const [t, arb] of Object.entries(BY_TYPE)) {
    if (t === expected || (numeric && t === 'number')) continue;
    out.push({ label: t, value: arb });
  }
  if (withNull) out.push({ label: 'null', value: fc.constant(null) });
  return out;
}
