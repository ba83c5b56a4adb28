// `<path>#size`: lists (and maps) with exactly min and max entries (valid), and one to five past max or
// under min (the coverage phase: exactly min−1, min, max and max+1). Entries are valid, so only the count is wrong.
import fc from 'fast-check';
import type { ServiceModel } from '../../contract/model.ts';
import type { Site } from '../model/sites.ts';
import { valueOf } from '../model/values.ts';
import { idOf, writeAt, writeEach, type ModelTarget } from './mutation.ts';

const PAST = 5;
/** Largest list or map generated: past it a model maximum is not exercised (too large to send). */
const LARGEST = 1000;

export function sizeTarget(model: ServiceModel, site: Site): ModelTarget | undefined {
  const s = site.shape;
  if (s.type !== 'list' && s.type !== 'map') return undefined;
  const min = s.min ?? 0;
  if (s.max === undefined && min === 0) return undefined;
  // a map's distinct keys are bounded by its key shape (an enum of four values makes at most four entries)
  const keyShape = s.type === 'map' ? model.shapes[s.key] : undefined;
  const keys = keyShape?.type === 'string' && keyShape.enum ? keyShape.enum.length : Infinity;
  const limit = Math.min(LARGEST, keys);
  if (min > limit) return undefined;
  const max = s.max !== undefined && s.max < limit ? s.max : undefined;
  const id = idOf(site, 'size');
  const entries = (lo: number, hi: number): fc.Arbitrary<unknown> =>
    s.type === 'list'
      ? fc.array(valueOf(model, s.member), { minLength: lo, maxLength: hi })
      : fc.uniqueArray(fc.tuple(valueOf(model, s.key) as fc.Arbitrary<string>, valueOf(model, s.value)), { minLength: lo, maxLength: hi, selector: (e) => e[0] })
          .map((es) => Object.fromEntries(es) as unknown);
  const valid = [entries(min, min)];
  if (max !== undefined && max > min) valid.push(entries(max, max));
  const invalid: fc.Arbitrary<unknown>[] = [];
  if (max !== undefined) invalid.push(entries(max + 1, max + PAST));
  if (min > 0) invalid.push(entries(Math.max(0, min - PAST), min - 1));
  if (invalid.length === 0) return undefined; // nothing generable breaks it (a bound too large to send)
  const exact = (n: number) => ({ label: `${n} entries`, value: entries(n, n) });
  const variants = [...writeEach(site, 'valid', [exact(min), ...(max !== undefined && max > min ? [exact(max)] : [])], id)];
  if (min > 0) variants.push(...writeEach(site, 'invalid', [exact(min - 1)], id));
  if (max !== undefined) variants.push(...writeEach(site, 'invalid', [exact(max + 1)], id));
  return {
    id, member: site.member, kind: 'size', addsEntry: site.addsEntry,
    valid: writeAt(site, fc.oneof(...valid), [], [id]),
    invalid: writeAt(site, invalid.length === 1 ? invalid[0]! : fc.oneof(...invalid), [id]),
    variants,
  };
}
