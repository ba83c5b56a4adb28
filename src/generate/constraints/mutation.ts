// A mutation turns a valid input into a case for one constraint: it breaks exactly `breaks` (invalid) or
// sits on the constraint's edge while keeping every constraint (`breaks` empty, `exercises` names it).
// Mutations are values of arbitraries built with `map` from arbitraries that only yield such values, so
// whatever fast-check shrinks them to still does the same thing.
import fc from 'fast-check';
import type { Input, Site } from '../model/sites.ts';

export interface Mutation {
  apply(input: Input): Input;
  breaks: readonly string[];
  exercises: readonly string[];
}

/** One model constraint id: a boundary-valid and a violating mutation. */
export interface ModelTarget {
  id: string;
  /** Top-level member touched (combined mode joins mutations of distinct members). */
  member: string;
  kind: string;
  /** The mutation adds a map entry: apply it to a base with room for one more (rules count entries). */
  addsEntry: boolean;
  valid?: fc.Arbitrary<Mutation>;
  invalid: fc.Arbitrary<Mutation>;
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

export const idOf = (site: Site, kind: string): string => `${site.path}#${kind}`;
