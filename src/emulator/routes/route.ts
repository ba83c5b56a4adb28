// A route is a value: operation name → {context, resolve}. The pipeline (../pipeline.ts) runs every
// request through parse → validate (the reference validator, with the context the route derives from
// state) → resolve. Handlers never see HTTP.
import type { OracleContext } from '../../contract/context.ts';
import type { EmulatorError } from '../types.ts';

export type Input = Record<string, unknown>;
export type RouteResult = { output: Record<string, unknown> } | { error: EmulatorError };

export interface Route<S> {
  /** What the validator needs to know about the world (service configuration, existence). */
  context?(input: Input, state: S): OracleContext;
  /** Runs only on input the validator accepted: members have their modelled types. */
  resolve(input: Input, state: S): RouteResult;
}

export type Routes<S> = Readonly<Record<string, Route<S>>>;

/** Lifts a state result into a route result. */
export const answer = <T>(r: { value: T } | { error: EmulatorError }, view: (v: T) => Record<string, unknown>): RouteResult =>
  ('error' in r ? { error: r.error } : { output: view(r.value) });

// Views may leave optional members `undefined`: JSON.stringify drops them, so bodies carry only what is set.

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
