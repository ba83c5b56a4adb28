// What each fuzzed operation contributes to generation; everything else (model constraints, protocol and
// state targets, plans) is generic over it.
import type fc from 'fast-check';
import type { ServiceModel } from '../contract/model.ts';
import type { NamedContext, OracleContext } from '../contract/context.ts';
import type { Variant } from './constraints/mutation.ts';
import type { Draft } from './draft.ts';
import type { Input, Site } from './model/sites.ts';

export type { NamedContext } from '../contract/context.ts';

/** Targets before they become cases: drafts for one constraint or rule id. */
export interface DraftTarget {
  id: string;
  valid?: fc.Arbitrary<Draft>;
  invalid: fc.Arbitrary<Draft>;
  /** Every boundary and breaker class, each its own coverage case (default: `valid` and `invalid` once each). */
  variants?: Variant<Draft>[];
  /**
   * The id means something else in each service configuration (documented rules, the service's existence):
   * the coverage phase sends every variant in every context. Otherwise each variant once, contexts in turn.
   */
  perContext?: boolean;
}

export interface InputOptions {
  /** One more custom map entry must still fit (count and character rules). */
  room?: boolean;
  /** Few map entries: the valid base of an invalid case, where variety matters less than speed. */
  lean?: boolean;
}

export interface OperationSpec {
  operation: string;
  model: ServiceModel;
  /** Service configurations that together make every id reachable (placeholder ids). */
  contexts(): NamedContext[];
  /** Whether the context's service exists (and valid cases can be made in it). */
  exists(ctx: OracleContext): boolean;
  /** Input member naming the service, and the name valid cases send. */
  serviceMember: string;
  serviceRef(ctx: OracleContext): string;
  /** Service references that are valid for the model but name no service (≠ `avoid`). */
  otherService(avoid: string): fc.Arbitrary<string>;
  /** Model sites, with the context-fixed member marked and operation-specific valid values. */
  sites(ctx: OracleContext): Site[];
  /** Valid inputs (model and rules) in `ctx`. */
  input(ctx: OracleContext, options?: InputOptions): fc.Arbitrary<Input>;
  /** Documented rules applicable in `ctx`. */
  ruleTargets(ctx: OracleContext): DraftTarget[];
  /** State ids reached by a second request after a first one (same seed for both). */
  sequenceTargets(ctx: OracleContext): SequenceTarget[];
}

/**
 * Two requests, generated from the same seed, sent in order: `first` sets up the state (boundary-valid:
 * names the id in `exercises`), `then` meets it (names the id in `breaks`, or in `exercises` where the
 * documented answer is still a success).
 */
export interface SequenceTarget {
  id: string;
  first: fc.Arbitrary<Draft>;
  then: fc.Arbitrary<Draft>;
}
