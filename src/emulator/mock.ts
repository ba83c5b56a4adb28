// The stateless validating mock (issue 10 §6), for every operation of a model that has no hand-written route:
// the way Prism serves an OpenAPI file. The pipeline validates first (the reference validator: invalid input
// gets the oracle's error answer); a valid input gets 200 and an output drawn from the operation's output shape
// by the model value generators, seeded by the request itself, so the same request gets the same answer.
// Nothing is stored: a Create… creates nothing a Get… could read back.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { ServiceModel } from '../contract/model.ts';
import { minimalValue, structureOf } from '../generate/model/values.ts';
import type { Input, Route, Routes } from './routes/route.ts';

type Output = Record<string, unknown>;
type Draw = (seed: number) => Output;

/** How an output is drawn for one operation: its shape's generator (recursive shapes to a bounded depth), else
 * (a pattern the generators cannot make) its minimal value, else the empty object. */
function drawer(model: ServiceModel, operation: string): Draw {
  const name = model.operations[operation]?.output;
  const shape = name === undefined ? undefined : model.shapes[name];
  if (name === undefined || shape?.type !== 'structure') return () => ({});
  try {
    const arb = structureOf(model, shape);
    fc.sample(arb, { numRuns: 1, seed: 0 }); // draws at all: else the fallback, once, not per request
    return (seed) => fc.sample(arb, { numRuns: 1, seed })[0]!;
  } catch {
    // HarnessError: a pattern the generators cannot make values for.
  }
  try {
    const minimal = minimalValue(model, name) as Output;
    return () => structuredClone(minimal);
  } catch {
    return () => ({});
  }
}

const seedOf = (operation: string, input: Input): number =>
  createHash('sha256').update(operation).update('\0').update(JSON.stringify(input)).digest().readInt32LE(0);

/** One mock route per operation of `model` (the hand-written routes are spread over these). */
export function mockRoutes<S>(model: ServiceModel): Routes<S> {
  const routes: Record<string, Route<S>> = {};
  for (const operation of Object.keys(model.operations)) {
    let draw: Draw | undefined; // built on the first valid request: a model of 500 operations starts at once
    routes[operation] = { resolve: (input) => ({ output: (draw ??= drawer(model, operation))(seedOf(operation, input)) }) };
  }
  return routes;
}

/** The operations of `model` only the mock answers (README, serve's start line). */
export const mockedOperations = (model: ServiceModel, handWritten: Readonly<Record<string, unknown>>): string[] =>
  Object.keys(model.operations).filter((op) => !Object.hasOwn(handWritten, op)).sort();
