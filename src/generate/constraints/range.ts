// `<path>#range`: numbers at min and max (valid), one to a hundred past either bound (violating).
import fc from 'fast-check';
import type { Site } from '../model/sites.ts';
import { idOf, writeAt, type ModelTarget } from './mutation.ts';

export function rangeTarget(site: Site): ModelTarget | undefined {
  const s = site.shape;
  if (s.type !== 'integer' && s.type !== 'long' && s.type !== 'float' && s.type !== 'double') return undefined;
  if (s.min === undefined && s.max === undefined) return undefined;
  const id = idOf(site, 'range');
  const valid: fc.Arbitrary<number>[] = [];
  const invalid: fc.Arbitrary<number>[] = [];
  if (s.min !== undefined) {
    valid.push(fc.constant(s.min));
    invalid.push(fc.integer({ min: 1, max: 100 }).map((d) => s.min! - d));
  }
  if (s.max !== undefined) {
    valid.push(fc.constant(s.max));
    invalid.push(fc.integer({ min: 1, max: 100 }).map((d) => s.max! + d));
  }
  return {
    id, member: site.member, kind: 'range', addsEntry: site.addsEntry,
    valid: writeAt(site, fc.oneof(...valid), [], [id]),
    invalid: writeAt(site, fc.oneof(...invalid), [id]),
  };
}
