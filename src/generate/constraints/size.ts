// `<path>#size`: lists (and maps) with exactly min and max entries (valid), and one to five past max or
// under min (the coverage phase: exactly min−1, min, max and max+1). Entries are valid, so only the count is wrong.
import fc from 'fast-check';
import type { ServiceModel } from '../../contract/model.ts';
import type { Site } from '../model/sites.ts';
import { valueOf } from '../model/values.ts';
import { idOf, writeAt, writeEach, type ModelTarget } from './mutation.ts';

const PAST = 5;

export function sizeTarget(model: ServiceModel, site: Site): ModelTarget | undefined {
  const s = site.shape;
  if (s.type !== 'list' && s.type !== 'map') return undefined;
  const min = s.min ?? 0;
  if (s.max === undefined && min === 0) return undefined;
  const id = idOf(site, 'size');
  const entries = (lo: number, hi: number): fc.Arbitrary<unknown> =>
    s.type === 'list'
      ? fc.array(valueOf(model, s.member), { minLength: lo, maxLength: hi })
      : fc.uniqueArray(fc.tuple(valueOf(model, s.key) as fc.Arbitrary<string>, valueOf(model, s.value)), { minLength: lo, maxLength: hi, selector: (e) => e[0] })
          .map((es) => Object.fromEntries(es) as unknown);
  const valid = [entries(min, min)];
  if (s.max !== undefined && s.max > min) valid.push(entries(s.max, s.max));
  const invalid: fc.Arbitrary<unknown>[] = [];
  if (s.max !== undefined) invalid.push(entries(s.max + 1, s.max + PAST));
  if (min > 0) invalid.push(entries(Math.max(0, min - PAST), min - 1));
  const exact = (n: number) => ({ label: `${n} entries`, value: entries(n, n) });
  const variants = [...writeEach(site, 'valid', [exact(min), ...(s.max !== undefined && s.max > min ? [exact(s.max)] : [])], id)];
  if (min > 0) variants.push(...writeEach(site, 'invalid', [exact(min - 1)], id));
  if (s.max !== undefined) variants.push(...writeEach(site, 'invalid', [exact(s.max + 1)], id));
  return {
    id, member: site.member, kind: 'size', addsEntry: site.addsEntry,
    valid: writeAt(site, fc.oneof(...valid), [], [id]),
    invalid: writeAt(site, invalid.length === 1 ? invalid[0]! : fc.oneof(...invalid), [id]),
    variants,
  };
}
