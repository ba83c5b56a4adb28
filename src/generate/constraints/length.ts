// `<path>#length`: strings at min and max (valid), past max, and under min (the coverage phase: exactly min−1,
// min, max and max+1). Under a min of 1 the empty string also breaks a pattern that needs a character: that
// case names both ids, the only way it can.
import fc from 'fast-check';
import type { Site } from '../model/sites.ts';
import { lengthVariants } from '../strings/breakers.ts';
import { alsoBreaksPattern, boundaryLengthString, hasReachableMax, stringModel, tooLong, tooShort } from '../strings/shapeString.ts';
import { idOf, keep, keepVariant, writeAt, writeEach, type ModelTarget } from './mutation.ts';

export function lengthTarget(site: Site): ModelTarget | undefined {
  const s = site.shape;
  if (s.type !== 'string' || (s.max === undefined && (s.min ?? 0) <= 0)) return undefined;
  const id = idOf(site, 'length');
  const m = stringModel(s);
  // no model maximum: nothing is too long (the generator's cap is not a constraint)
  const invalid = !hasReachableMax(m) || s.max === undefined ? [] : [writeAt(site, tooLong(m), m.derived && alsoBreaksPattern(m, s.max + 1) ? [id, idOf(site, 'pattern')] : [id])];
  const short = tooShort(m);
  if (short) invalid.push(writeAt(site, short.value, short.alsoPattern ? [id, idOf(site, 'pattern')] : [id]));
  if (invalid.length === 0) return undefined; // nothing generable breaks it (a bound too large to send)
  const lv = lengthVariants(m);
  const both = [id, idOf(site, 'pattern')];
  return {
    id, member: site.member, kind: 'length', addsEntry: site.addsEntry,
    valid: site.fixed ? keep([id]) : writeAt(site, boundaryLengthString(m), [], [id]),
    invalid: invalid.length === 1 ? invalid[0]! : fc.oneof(...invalid),
    variants: [
      ...(site.fixed ? [keepVariant(id)] : writeEach(site, 'valid', lv.valid, id)),
      ...writeEach(site, 'invalid', lv.invalid.map((v) => ({ ...v, breaks: v.alsoPattern ? both : [id] })), id),
    ],
  };
}
