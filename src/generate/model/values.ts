// Valid values of any model shape, for members no operation-specific generator covers (Proton tags),
// plus the JSON type each shape travels as.
import fc from 'fast-check';
import type { Shape, ServiceModel, StructureShape } from '../../contract/model.ts';
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

/** Valid values of shape `name`; lists and maps stay small (size boundaries have their own targets). */
export function valueOf(model: ServiceModel, name: string, bias: LengthBias = BULK_BIAS): fc.Arbitrary<unknown> {
  const s = shapeOf(model, name);
  switch (s.type) {
    case 'string': return validString(stringModel(s), bias);
    case 'integer': case 'long': return fc.integer({ min: s.min ?? -1000, max: s.max ?? 1000 });
    case 'float': case 'double': return fc.double({ min: s.min ?? -1000, max: s.max ?? 1000, noNaN: true });
    case 'boolean': return fc.boolean();
    case 'timestamp': return fc.integer({ min: 0, max: 4_000_000_000 });
    case 'list': return fc.array(valueOf(model, s.member, bias), { minLength: s.min ?? 0, maxLength: Math.min(s.max ?? 4, Math.max(s.min ?? 0, 4)) });
    case 'map': {
      // distinct keys, so the entry count is what was drawn (a model minimum holds)
      const min = s.min ?? 0;
      return fc.uniqueArray(fc.tuple(valueOf(model, s.key, bias) as fc.Arbitrary<string>, valueOf(model, s.value, bias)), { minLength: min, maxLength: Math.min(s.max ?? 3, Math.max(min, 3)), selector: (e) => e[0] })
        .map((es) => Object.fromEntries(es) as unknown);
    }
    case 'structure': return structureOf(model, s);
    // blobs travel as base64 text; the model's length bounds apply to that text
    case 'blob': return classString({ min: s.min ?? 0, max: Math.max(s.min ?? 0, Math.min(s.max ?? 64, 64)), rest: BASE64 });
    // a union: exactly one member set
    case 'union': return fc.oneof(...Object.entries(s.members).map(([m, ref]) => valueOf(model, ref.target, bias).map((v) => ({ [m]: v }) as unknown)));
    default: throw new Error(`generate: no value generator for shape type ${(s as Shape).type}`);
  }
}

export function structureOf(model: ServiceModel, s: StructureShape, bias: LengthBias = BULK_BIAS): fc.Arbitrary<Record<string, unknown>> {
  const members: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [m, ref] of Object.entries(s.members)) members[m] = valueOf(model, ref.target, bias);
  // the record arbitrary draws presence flags from one 30-bit number
  if (Object.keys(members).length > 30) return fc.record(members, { requiredKeys: s.required });
  return record<Record<string, unknown>>(members, s.required);
}

/** The simplest valid value of a shape, deterministic (a filler when a mutation needs a neighbour). */
export function minimalValue(model: ServiceModel, name: string): unknown {
  const s = shapeOf(model, name);
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
    case 'list': return Array.from({ length: s.min ?? 0 }, () => minimalValue(model, s.member));
    case 'map': return {};
    case 'structure': return Object.fromEntries(s.required.map((m) => [m, minimalValue(model, s.members[m]!.target)]));
    case 'blob': return 'A'.repeat(s.min ?? 0);
    case 'union': {
      const [m, ref] = Object.entries(s.members)[0]!;
      return { [m]: minimalValue(model, ref.target) };
    }
    default: throw new Error(`generate: no minimal value for shape type ${(s as Shape).type}`);
  }
}
