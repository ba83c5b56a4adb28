// `<path>#enum`: each listed value (valid); near misses of a listed value (lower case, a suffix) that keep
// any length bounds. No model input here has one today; models that do get it for free.
import fc from 'fast-check';
import type { Site } from '../model/sites.ts';
import { idOf, keep, keepVariant, writeAt, writeEach, type ModelTarget } from './mutation.ts';

export function enumTarget(site: Site): ModelTarget | undefined {
  const s = site.shape;
  if (s.type !== 'string' || !s.enum?.length) return undefined;
  const id = idOf(site, 'enum');
  const listed = new Set(s.enum);
  const misses = [...new Set(s.enum.flatMap((v) => [v.toLowerCase(), v.toUpperCase(), `${v}X`, v.slice(0, -1)]))]
    .filter((v) => !listed.has(v) && v.length >= (s.min ?? 0) && v.length <= (s.max ?? Infinity) && (s.pattern === undefined || new RegExp(s.pattern, 'u').test(v)));
  if (!misses.length) throw new Error(`generate: no near miss for the enum at ${site.path}`);
  return {
    id, member: site.member, kind: 'enum', addsEntry: site.addsEntry,
    valid: site.fixed ? keep([id]) : writeAt(site, fc.constantFrom(...s.enum), [], [id]),
    invalid: writeAt(site, fc.constantFrom(...misses), [id]),
    // every listed value, and every near miss, each its own case
    variants: [
      ...(site.fixed ? [keepVariant(id)] : writeEach(site, 'valid', s.enum.map((v) => ({ label: JSON.stringify(v), value: fc.constant(v) })), id)),
      ...writeEach(site, 'invalid', misses.map((v) => ({ label: JSON.stringify(v), value: fc.constant(v) })), id),
    ],
  };
}
