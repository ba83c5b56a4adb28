// `<path>#range`: numbers at min and max (valid), one to a hundred past either bound (violating); the coverage
// phase: exactly min−1, min, max and max+1.
import fc from 'fast-check';
import type { Site } from '../model/sites.ts';
import { idOf, writeAt, writeEach, type ModelTarget } from './mutation.ts';

export function rangeTarget(site: Site): ModelTarget | undefined {
  const s = site.shape;
  if (s.type !== 'integer' && s.type !== 'long' && s.type !== 'float' && s.type !== 'double') return undefined;
  if (s.min === undefined && s.max === undefined) return undefined;
  const id = idOf(site, 'range');
  const valid: fc.Arbitrary<number>[] = [];
  const invalid: fc.Arbitrary<number>[] = [];
  const exact = { valid: [] as number[], invalid: [] as number[] };
  // integers step by 1; floating point by the smallest step that still changes the bound
  const step = (n: number) => (s.type === 'integer' || s.type === 'long' ? 1 : Math.max(Number.EPSILON, Math.abs(n) * Number.EPSILON * 2));
  if (s.min !== undefined) {
    valid.push(fc.constant(s.min));
    invalid.push(fc.integer({ min: 1, max: 100 }).map((d) => s.min! - d));
    exact.invalid.push(s.min - step(s.min));
    exact.valid.push(s.min);
  }
  if (s.max !== undefined) {
    valid.push(fc.constant(s.max));
    invalid.push(fc.integer({ min: 1, max: 100 }).map((d) => s.max! + d));
    if (s.max !== s.min) exact.valid.push(s.max);
    exact.invalid.push(s.max + step(s.max));
  }
  const each = (ns: number[]) => ns.map((n) => ({ label: String(n), value: fc.constant(n) }));
  return {
    id, member: site.member, kind: 'range', addsEntry: site.addsEntry,
    valid: writeAt(site, fc.oneof(...valid), [], [id]),
    invalid: writeAt(site, fc.oneof(...invalid), [id]),
    variants: [...writeEach(site, 'valid', each(exact.valid), id), ...writeEach(site, 'invalid', each(exact.invalid), id)],
  };
}
