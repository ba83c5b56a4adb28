// A mutation turns a valid input into a case for one constraint: it breaks exactly `breaks` (invalid) or
// sits on the constraint's edge while keeping every constraint (`breaks` empty, `exercises` names it).
// Mutations are values of arbitraries built with `map` from arbitraries that only yield such values, so
// whatever fast-check shrinks them to still does the same thing.
import { constraintId, type ModelConstraintKind } from '../../contract/constraint.ts';
import fc from 'fast-check';
import type { Input, Site } from '../model/sites.ts';

export interface Mutation {
  apply(input: Input): Input;
  breaks: readonly string[];
  exercises: readonly string[];
}

/**
 * One enumerated coverage case: a single boundary (length 64, 51 entries) or breaker class (a leading blank,
 * U+0000 inside), named by `label`. Its arbitrary yields only values of that class, so shrinking stays in it.
 */
export interface Variant<T> {
  label: string;
  kind: 'valid' | 'invalid';
  arbitrary: fc.Arbitrary<T>;
}

/** One model constraint id: a boundary-valid and a violating mutation, and every boundary and breaker class. */
export interface ModelTarget {
  id: string;
  /** Top-level member touched (combined mode joins mutations of distinct members). */
  member: string;
  kind: string;
  /** The mutation adds a map entry: apply it to a base with room for one more (rules count entries). */
  addsEntry: boolean;
  valid?: fc.Arbitrary<Mutation>;
  invalid: fc.Arbitrary<Mutation>;
  /** The coverage phase: each boundary and breaker class of the id as its own case (random phase: `valid`/`invalid`). */
  variants: Variant<Mutation>[];
}

const NONE: readonly string[] = Object.freeze([]);

/** Writes one value at one site (a class, not a closure per value: generation makes millions of them). */
class Write implements Mutation {
  constructor(readonly site: Site, readonly value: unknown, readonly breaks: readonly string[], readonly exercises: readonly string[]) {}
  apply(input: Input): Input {
    return this.site.put(input, this.value);
  }
}

class Keep implements Mutation {
  readonly breaks = NONE;
  constructor(readonly exercises: readonly string[]) {}
  apply(input: Input): Input {
    return input;
  }
}

/** Write each value of `values` at `site`. */
export const writeAt = (site: Site, values: fc.Arbitrary<unknown>, breaks: readonly string[], exercises: readonly string[] = NONE): fc.Arbitrary<Mutation> =>
  values.map((v) => new Write(site, v, breaks, exercises));

/** Leave the input as it is, naming what it exercises (sites whose value the context fixes). */
export const keep = (exercises: readonly string[]): fc.Arbitrary<Mutation> => fc.constant(new Keep(exercises));

export const idOf = (site: Site, kind: ModelConstraintKind): string => constraintId(site.path, kind);

/** Variants writing each labelled value arbitrary at `site`. */
export const writeEach = (site: Site, kind: Variant<Mutation>['kind'], values: readonly { label: string; value: fc.Arbitrary<unknown>; breaks?: readonly string[] }[], id: string): Variant<Mutation>[] =>
  values.map((v) => ({
    label: v.label, kind,
    arbitrary: kind === 'valid' ? writeAt(site, v.value, NONE, [id]) : writeAt(site, v.value, v.breaks ?? [id]),
  }));

/** The single valid variant of a site whose value the context fixes. */
export const keepVariant = (id: string): Variant<Mutation> => ({ label: 'as the context fixes it', kind: 'valid', arbitrary: keep([id]) });
