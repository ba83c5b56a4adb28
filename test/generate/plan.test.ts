// The plan: a default run exercises every catalogued id with a boundary-valid and a violating case; the
// same seed gives the same cases in the same order; plan items replay and shrink on their own.
import { keyOf } from '../../src/model/load.ts';
import { describe, expect, it } from 'vitest';
import { caseSeed, generateCase, plan, UNKNOWN_MEMBER, type PlanItem } from '../../src/generate/index.ts';
import { expectCase } from '../../src/oracle/index.ts';
import { constraintsOf, stateOf } from '../../src/oracle/index.ts';
import { OPERATIONS, judged, show, sorted } from './helpers.ts';

/** Reached only by a request meeting target state no payload can set up: the state checks cover them. */
const NOT_FROM_PAYLOADS: Readonly<Record<string, { valid: boolean; invalid: boolean }>> = {
  // a re-registration after the first one is through is the valid side; "still in progress" needs a race
  'state:duplicate-request': { valid: true, invalid: false },
  // needs 1,000 instances registered first
  'state:instance-limit': { valid: false, invalid: false },
};

const collect = (operation: string, seed: number, runs: number): PlanItem[] => [...plan(operation, { seed, runs })];

describe('plan(operation, {seed, runs})', () => {
  for (const operation of OPERATIONS) {
    it(`${operation}: a default run (runs 100) exercises every id of constraintsOf() both ways`, () => {
      const items = collect(operation, 1, 100);
      const valid = new Set<string>();
      const invalid = new Set<string>();
      for (const { case: c } of items) for (const id of c.kind === 'valid' ? c.exercises : c.breaks) (c.kind === 'valid' ? valid : invalid).add(id);
      const missing: string[] = [];
      for (const { id } of constraintsOf(operation)) {
        const expected = NOT_FROM_PAYLOADS[id] ?? { valid: true, invalid: true };
        if (expected.valid && !valid.has(id)) missing.push(`${id} (valid)`);
        if (expected.invalid && !invalid.has(id)) missing.push(`${id} (invalid)`);
      }
      expect(missing).toEqual([]);
      expect(items.filter((i) => i.phase === 'fill')).toHaveLength(100);
      // and names no id the catalogue does not know (but the ignored unknown member)
      const known = new Set([...constraintsOf(operation).map((c) => c.id), UNKNOWN_MEMBER]);
      expect([...valid, ...invalid].filter((id) => !known.has(id))).toEqual([]);
    });

    it(`${operation}: every planned case is judged as it says (sequences: the second meets the state the first set up)`, () => {
      for (const item of collect(operation, 2, 300)) {
        const c = item.case;
        if (item.dependsOn !== undefined && c.kind === 'invalid') {
          // the payload alone is valid; the state id is one the oracle catalogues
          expect(judged(c), show(c)).toEqual([]);
          for (const id of c.breaks) expect(stateOf(keyOf(operation), id), id).toBeDefined();
          continue;
        }
        expect(judged(c), `#${item.index} ${show(c)}`).toEqual(sorted(c.breaks));
      }
    });

    it(`${operation}: same seed ⇒ same cases in the same order; another seed ⇒ other cases`, () => {
      const a = collect(operation, 42, 150).map((i) => JSON.stringify([i.seed, i.case]));
      const b = collect(operation, 42, 150).map((i) => JSON.stringify([i.seed, i.case]));
      const c = collect(operation, 43, 150).map((i) => JSON.stringify([i.seed, i.case]));
      expect(b).toEqual(a);
      expect(c).not.toEqual(a);
    });

    it(`${operation}: an item replays from its seed alone and shrinks through its arbitrary`, () => {
      const items = collect(operation, 5, 40);
      for (const item of items) {
        expect(item.seed).toBe(item.dependsOn === undefined ? caseSeed(5, item.index) : items[item.dependsOn]!.seed);
        expect(JSON.stringify(generateCase(item.arbitrary, item.seed).value)).toBe(JSON.stringify(item.case));
      }
      const invalid = items.find((i) => i.case.kind === 'invalid' && i.phase === 'fill')!;
      const first = item0(invalid);
      expect(first, 'an invalid case has at least one shrink').toBeDefined();
      expect(judged(first!)).toEqual(sorted(first!.breaks));
    });
  }

  it('expectCase judges raw bodies and foreign X-Amz-Target names by protocol ids', () => {
    const c = { operation: 'RegisterInstance', kind: 'invalid' as const, input: {}, breaks: ['protocol:malformed-json'], exercises: [], context: {}, rawBody: '{"a":' };
    expect(expectCase(c).outcome).toBe('error');
    expect(judged(c)).toEqual(['protocol:malformed-json']);
    expect(judged({ ...c, rawBody: undefined, wireOperation: 'Nope', breaks: ['protocol:unknown-operation'] })).toEqual(['protocol:unknown-operation']);
  });
});

function item0(item: PlanItem) {
  for (const s of item.arbitrary.shrink(item.value.value_, item.value.context)) return s.value;
  return undefined;
}
