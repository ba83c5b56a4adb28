// `<path>#type`: a value of another JSON type (number for a string, array for a map …). Null is a type
// error only for map values and list items; for an optional member it means "absent", which makes it the
// boundary-valid case here.
import fc from 'fast-check';
import type { Site } from '../model/sites.ts';
import { jsonTypeOf } from '../model/values.ts';
import { wrongType, wrongTypes } from '../model/wrongType.ts';
import { idOf, keep, keepVariant, writeAt, writeEach, type ModelTarget } from './mutation.ts';

export function typeTarget(site: Site): ModelTarget | undefined {
  if (site.role === 'key') return undefined; // JSON object keys are always strings
  const id = idOf(site, 'type');
  const nullIsAbsent = site.role === 'member' && !site.required;
  const expected = jsonTypeOf(site.shape);
  const valid = site.fixed
    ? [keepVariant(id)]
    : writeEach(site, 'valid', [{ label: expected, value: site.valid }, ...(nullIsAbsent ? [{ label: 'null (absent)', value: fc.constant(null) }] : [])], id);
  return {
    id, member: site.member, kind: 'type', addsEntry: site.addsEntry,
    valid: site.fixed ? keep([id]) : writeAt(site, nullIsAbsent ? fc.oneof(fc.constant(null), site.valid) : site.valid, [], [id]),
    invalid: writeAt(site, wrongType(expected, site.role !== 'member'), [id]),
    variants: [...valid, ...writeEach(site, 'invalid', wrongTypes(expected, site.role !== 'member'), id)],
  };
}
