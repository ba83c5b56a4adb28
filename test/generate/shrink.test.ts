// Shrinking keeps the violation: for many invalid cases of every target, several levels of the shrink
// tree (the first candidates at each level, as fast-check's shrinker walks them) still break exactly the
// same ids; and shrinking a valid case keeps it valid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageContexts, generateCase, invalid, targets, type Case } from '../../src/generate/index.ts';
import { OPERATIONS, judged, show, sorted } from './helpers.ts';

const SAMPLES = 6; // cases per target side
const DEPTH = 5; // shrink levels
const WIDTH = 3; // candidates tried per level (the first one is followed down)

/** Visits up to DEPTH levels of shrinks of `v`, WIDTH candidates each; calls `check` on every candidate. */
function walk(arb: fc.Arbitrary<Case>, v: fc.Value<Case>, check: (c: Case, level: number) => void): number {
  let current: fc.Value<Case> | undefined = v;
  let seen = 0;
  for (let level = 1; level <= DEPTH && current; level++) {
    let next: fc.Value<Case> | undefined;
    for (const s of arb.shrink(current.value_, current.context).take(WIDTH)) {
      check(s.value, level);
      seen++;
      next ??= s;
    }
    current = next;
  }
  return seen;
}

describe('shrinking', () => {
  for (const operation of OPERATIONS) {
    for (const c of coverageContexts(operation)) {
      it(`${operation} in ${c.name}: shrunk invalid cases break the same ids, shrunk valid ones stay valid`, () => {
        let shrunk = 0;
        for (const t of targets(operation, c.context, c.name)) {
          for (let i = 0; i < SAMPLES; i++) {
            const v = generateCase(t.invalid, 1000 + i);
            const want = sorted(v.value.breaks);
            shrunk += walk(t.invalid, v, (s, level) => {
              expect(sorted(s.breaks), `${t.id} level ${level}: ${show(s)}`).toEqual(want);
              expect(judged(s), `${t.id} level ${level}: ${show(s)}`).toEqual(want);
            });
            if (t.valid) {
              const w = generateCase(t.valid, 2000 + i);
              shrunk += walk(t.valid, w, (s, level) => expect(judged(s), `${t.id} valid, level ${level}: ${show(s)}`).toEqual([]));
            }
          }
        }
        expect(shrunk).toBeGreaterThan(100);
      });
    }
  }

  for (const operation of OPERATIONS) {
    it(`${operation}: invalid() (one of all targets) shrinks within the chosen target`, () => {
      for (const c of coverageContexts(operation)) {
        const arb = invalid(operation, c.context, {}, c.name);
        for (let i = 0; i < 40; i++) {
          const v = generateCase(arb, 3000 + i);
          const want = sorted(v.value.breaks);
          walk(arb, v, (s, level) => expect(judged(s), `level ${level}: ${show(s)}`).toEqual(want));
        }
      }
    });
  }

  it('fast-check shrinks a failing invalid case to a minimal one that still breaks the same id', () => {
    const ctx = coverageContexts('RegisterInstance').find((c) => c.name === 'a-aaaa-weighted')!;
    for (const t of targets('RegisterInstance', ctx.context, ctx.name)) {
      const out = fc.check(fc.property(t.invalid, () => false), { seed: 7, numRuns: 1 });
      expect(out.failed).toBe(true);
      const minimal = out.counterexample![0] as Case;
      expect(judged(minimal), `${t.id}: ${show(minimal)}`).toEqual(sorted(minimal.breaks));
      expect(minimal.breaks).toContain(t.id);
    }
  });
});
