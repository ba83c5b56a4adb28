// `<path>#required`: a required member missing, or null (awsJson reads null as absent).
import fc from 'fast-check';
import { ABSENT, type Site } from '../model/sites.ts';
import { idOf, keep, keepVariant, writeAt, writeEach, type ModelTarget } from './mutation.ts';

export function requiredTarget(site: Site): ModelTarget | undefined {
  if (site.role !== 'member' || !site.required) return undefined;
  const id = idOf(site, 'required');
  return {
    id, member: site.member, kind: 'required', addsEntry: site.addsEntry,
    valid: site.fixed ? keep([id]) : writeAt(site, site.valid, [], [id]),
    invalid: writeAt(site, fc.constantFrom(ABSENT, null), [id]),
    variants: [
      ...(site.fixed ? [keepVariant(id)] : writeEach(site, 'valid', [{ label: 'present', value: site.valid }], id)),
      ...writeEach(site, 'invalid', [{ label: 'absent', value: fc.constant(ABSENT) }, { label: 'null', value: fc.constant(null) }], id),
    ],
  };
}
