// `<path>#pattern`: values made of the class characters at a range edge (valid), and values of a valid
// length with one character just outside a class, a forbidden first character, or a forbidden whole value.
import type { Site } from '../model/sites.ts';
import { patternVariants } from '../strings/breakers.ts';
import { edgeString, patternBreaker, stringModel } from '../strings/shapeString.ts';
import { notCovered } from '../strings/uncovered.ts';
import { idOf, keep, keepVariant, writeAt, writeEach, type ModelTarget } from './mutation.ts';

export function patternTarget(site: Site): ModelTarget | undefined {
  const s = site.shape;
  if (s.type !== 'string' || s.pattern === undefined) return undefined;
  const id = idOf(site, 'pattern');
  const m = stringModel(s);
  const breaker = patternBreaker(m);
  if (!breaker) {
    // a pattern the generator cannot break (or make): reported with its shape, the constraint not covered
    notCovered(s.pattern, m.uncovered ?? 'no value of a valid length breaks it');
    return undefined;
  }
  const pv = patternVariants(m);
  // with an enum on the same shape, a value the pattern refuses is outside the enum too: it breaks both
  const breaks = s.enum ? [id, idOf(site, 'enum')] : [id];
  return {
    id, member: site.member, kind: 'pattern', addsEntry: site.addsEntry,
    valid: site.fixed ? keep([id]) : writeAt(site, edgeString(m), [], [id]),
    invalid: writeAt(site, breaker, breaks),
    variants: [
      ...(site.fixed ? [keepVariant(id)] : writeEach(site, 'valid', pv.valid, id)),
      ...writeEach(site, 'invalid', pv.invalid.map((v) => ({ ...v, breaks })), id),
    ],
  };
}
