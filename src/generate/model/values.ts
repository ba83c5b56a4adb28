// Valid values of any model shape, for members no operation-specific generator covers (Proton tags),
// plus the JSON type each shape travels as.
import fc from 'fast-check';
import type { NumberShape, Shape, ServiceModel, StructureShape } from '../../contract/model.ts';
import { HarnessError } from '../../errors.ts';
import { notCovered } from '../strings/uncovered.ts';
import { recursiveShapes } from '../../contract/walk.ts';

const NONE: ReadonlySet<string> = new Set();
import { classString } from '../strings/classString.ts';
import { ALNUM, union } from '../strings/chars.ts';
import { BULK_BIAS, type LengthBias } from '../strings/length.ts';
import { record } from '../strings/record.ts';
import { stringModel, validString } from '../strings/shapeString.ts';
import type { JsonType } from './wrongType.ts';

const BASE64 = union(ALNUM, '+/');

export function jsonTypeOf(shape: Shape): JsonType {
  switch (shape.type) {
    case 'string': case 'blob': return 'string';
    case 'integer': case 'long': return 'integer';
    case 'float': case 'double': case 'timestamp': return 'number';
    case 'boolean': return 'boolean';
    case 'list': return 'array';
    default: return 'object';
  }
}

export const shapeOf = (model: ServiceModel, name: string): Shape => {
  const s = model.shapes[name];
  if (!s) throw new Error(`generate: shape '${name}' not in model ${model.service}`);
  return s;
};

/** How many times a recursive shape nests inside itself in generated values; deeper, its minimal value. */
export const RECURSION_DEPTH = 2;

/** Valid values of shape `name`; lists and maps stay small (size boundaries have their own targets).
 * `depth`: how many recursive shapes (contract/walk.ts recursiveShapes) the value already sits in. */
export function valueOf(model: ServiceModel, name: string, bias: LengthBias = BULK_BIAS, depth = 0): fc.Arbitrary<unknown> {
  const s = shapeOf(model, name);
  const child = (target: string) => inner(model, target, bias, depth);
  switch (s.type) {
    case 'string': return validString(stringModel(s), bias);
    case 'integer': case 'long': case 'float': case 'double': return numberOf(name, s);
    case 'boolean': return fc.boolean();
    case 'timestamp': return fc.integer({ min: 0, max: 4_000_000_000 });
    case 'list': return fc.array(child(s.member), { minLength: s.min ?? 0, maxLength: Math.min(s.max ?? 4, Math.max(s.min ?? 0, 4)) });
    case 'map': {
      // distinct keys, so the entry count is what was drawn (a model minimum holds)
      const min = s.min ?? 0;
      return fc.uniqueArray(fc.tuple(child(s.key) as fc.Arbitrary<string>, child(s.value)), { minLength: min, maxLength: Math.min(s.max ?? 3, Math.max(min, 3)), selector: (e) => e[0] })
        .map((es) => Object.fromEntries(es) as unknown);
    }
    case 'structure': return structureOf(model, s, BULK_BIAS, depth);
    // blobs travel as base64 text; the model's length bounds apply to that text
    case 'blob': return classString({ min: s.min ?? 0, max: Math.max(s.min ?? 0, Math.min(s.max ?? 64, 64)), rest: BASE64 });
    // a union: exactly one member set
    case 'union': return fc.oneof(...Object.entries(s.members).map(([m, ref]) => child(ref.target).map((v) => ({ [m]: v }) as unknown)));
    default: throw new Error(`generate: no value generator for shape type ${(s as Shape).type}`);
  }
}

/**
 * The arbitrary of a shape met inside another. A recursive shape one level deeper (built lazily, once per
 * depth, so a shape graph with cycles makes a finite tree of arbitraries); past RECURSION_DEPTH its
 * minimal value, so every value is finite.
 */
function inner(model: ServiceModel, target: string, bias: LengthBias, depth: number): fc.Arbitrary<unknown> {
  if (!recursiveShapes(model).has(target)) return valueOf(model, target, bias, depth);
  if (depth >= RECURSION_DEPTH) return fc.constant(null).map(() => minimalValue(model, target));
  const key = `${target}\u0000${depth}`;
  let perBias = lazies.get(model)?.get(bias);
  if (!perBias) {
    const m = lazies.get(model) ?? new Map<LengthBias, Map<string, fc.Arbitrary<unknown>>>();
    lazies.set(model, m);
    perBias = new Map();
    m.set(bias, perBias);
  }
  let arb = perBias.get(key);
  if (!arb) {
    let built: fc.Arbitrary<unknown> | undefined;
    arb = fc.constant(null).chain(() => (built ??= valueOf(model, target, bias, depth + 1)));
    perBias.set(key, arb);
  }
  return arb;
}

const lazies = new WeakMap<ServiceModel, Map<LengthBias, Map<string, fc.Arbitrary<unknown>>>>();

const INT32 = 2 ** 31 - 1;

/** Valid numbers of a shape: within its bounds; a side the model leaves open extends 1000 past the other. */
function numberOf(name: string, s: NumberShape): fc.Arbitrary<number> {
  if (s.min !== undefined && s.max !== undefined && s.min > s.max) {
    throw new HarnessError('CF_ERR_MODEL_FORMAT', `shape ${name}: min ${s.min} > max ${s.max}, no valid value (a model problem)`);
  }
  const lo = s.min ?? Math.min(-1000, (s.max ?? 0) - 1000);
  const hi = s.max ?? Math.max(1000, lo + 1000);
  if (s.type === 'float' || s.type === 'double') return fc.double({ min: lo, max: hi, noNaN: true });
  if (lo >= -INT32 && hi <= INT32) return fc.integer({ min: lo, max: hi });
  // past 32 bits (fc.integer's range): offsets from the lower bound
  return fc.integer({ min: 0, max: Math.min(hi - lo, INT32) }).map((d) => lo + d);
}

export function structureOf(model: ServiceModel, s: StructureShape, bias: LengthBias = BULK_BIAS, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const members: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [m, ref] of Object.entries(s.members)) {
    const arb = buildable(model, ref.target, () => inner(model, ref.target, bias, depth));
    // an optional member no value can be made for is left out (its constraints are reported not covered)
    if (arb === undefined && s.required.includes(m)) inner(model, ref.target, bias, depth); // throws, naming why
    if (arb !== undefined) members[m] = arb;
  }
  // the record arbitrary draws presence flags from one 30-bit number
  if (Object.keys(members).length > 30) return fc.record(members, { requiredKeys: s.required });
  return record<Record<string, unknown>>(members, s.required);
}

/** `make()`, or undefined where the shape's values cannot be generated (a pattern without an exact JS
 * translation or without a generator): the pattern is recorded as not covered, with why. */
export function buildable<T>(model: ServiceModel, name: string, make: () => T): T | undefined {
  try {
    return make();
  } catch (e) {
    if (!(e instanceof HarnessError) || (e.code !== 'CF_ERR_PATTERN_UNSUPPORTED' && e.code !== 'CF_ERR_MODEL_FORMAT')) throw e;
    const s = model.shapes[name];
    if (s?.type === 'string' && s.pattern !== undefined) notCovered(s.pattern, e.message);
    return undefined;
  }
}

/** The simplest valid value of a shape, deterministic (a filler when a mutation needs a neighbour). A
 * recursive shape that needs itself (a required member, a list minimum, the only union member) has none. */
export function minimalValue(model: ServiceModel, name: string, within: ReadonlySet<string> = NONE): unknown {
  if (within.has(name)) throw new HarnessError('CF_ERR_MODEL_FORMAT', `shape ${name} needs itself: no finite value`);
  const s = shapeOf(model, name);
  const inside = recursiveShapes(model).has(name) ? new Set([...within, name]) : within;
  const minimal = (target: string) => minimalValue(model, target, inside);
  switch (s.type) {
    case 'string': {
      const m = stringModel(s);
      if (s.enum) return s.enum[0];
      if (m.derived) return m.derived.witness(m.min)!.text;
      const spec = m.spec;
      if (!spec) return 'a'.repeat(m.min);
      if (spec.extra?.length && m.min <= 1) return spec.extra[0];
      return m.min === 0 ? '' : spec.first[0]! + spec.rest[0]!.repeat(m.min - 1);
    }
    case 'integer': case 'long': case 'float': case 'double': return Math.max(0, s.min ?? 0);
    case 'boolean': return false;
    case 'timestamp': return 0;
    case 'list': return Array.from({ length: s.min ?? 0 }, () => minimal(s.member));
    case 'map': return {};
    case 'structure': return Object.fromEntries(s.required.map((m) => [m, minimal(s.members[m]!.target)]));
    case 'blob': return 'A'.repeat(s.min ?? 0);
    case 'union': {
      // the first member with a finite value (a recursive union's first member may need the union itself)
      const members = Object.entries(s.members);
      for (const [i, [m, ref]] of members.entries()) {
        try {
          return { [m]: minimal(ref.target) };
        } catch (e) {
          if (i === members.length - 1) throw e;
        }
      }
      throw new HarnessError('CF_ERR_MODEL_FORMAT', `union ${name} has no members`);
    }
    default: throw new Error(`generate: no minimal value for shape type ${(s as Shape).type}`);
  }
}
