// Every invalid case is rejected for exactly the ids it names, in every coverage context; every target's
// boundary-valid side is accepted and names its id; combined cases break two or three ids at once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageContexts, invalid, targets } from '../../src/generate/index.ts';
import { OPERATIONS, judged, show, sorted } from './helpers.ts';

describe('invalid(operation, ctx)', () => {
  for (const operation of OPERATIONS) {
    for (const c of coverageContexts(operation)) {
      it(`${operation} in ${c.name}: rejected for exactly the ids named`, () => {
        fc.assert(
          fc.property(invalid(operation, c.context, {}, c.name), (k) => {
            expect(k.kind).toBe('invalid');
            expect(judged(k), show(k)).toEqual(sorted(k.breaks));
          }),
          { numRuns: 1500 },
        );
      });

      it(`${operation} in ${c.name}: combined mode breaks 2–3 ids, all named`, () => {
        fc.assert(
          fc.property(invalid(operation, c.context, { combined: true }, c.name), (k) => {
            expect(k.breaks.length).toBeGreaterThanOrEqual(2);
            expect(judged(k), show(k)).toEqual(sorted(k.breaks));
          }),
          { numRuns: 300 },
        );
      });
    }
  }
});

describe('targets(operation, ctx)', () => {
  for (const operation of OPERATIONS) {
    for (const c of coverageContexts(operation)) {
      it(`${operation} in ${c.name}: each target's valid side is accepted, its invalid side breaks what it names (incl. its id)`, () => {
        for (const t of targets(operation, c.context, c.name)) {
          fc.assert(
            fc.property(t.invalid, (k) => {
              expect(k.breaks, `${t.id}: ${show(k)}`).toContain(t.id);
              expect(judged(k), `${t.id}: ${show(k)}`).toEqual(sorted(k.breaks));
            }),
            { numRuns: 60 },
          );
          if (t.valid) {
            fc.assert(
              fc.property(t.valid, (k) => {
                expect(k.kind).toBe('valid');
                expect(k.exercises, `${t.id}: ${show(k)}`).toContain(t.id);
                expect(judged(k), `${t.id}: ${show(k)}`).toEqual([]);
              }),
              { numRuns: 60 },
            );
          }
        }
      });
    }
  }
});
