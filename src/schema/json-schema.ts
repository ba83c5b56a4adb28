// Normalized model → JSON Schema (draft-07, ajv dialect) for an operation's input or output, plus the
// table that maps every schema location (ajv's `schemaPath`) back to the model constraint it encodes
// (ids per src/contract/constraint.ts, paths per src/contract/walk.ts). Pure: no I/O, no ajv.
//
// Encoding choices (awsJson):
// - Shapes are inlined (no $ref), so every schemaPath names exactly one model location, except recursive
//   shapes (contract/walk.ts recursiveShapes): each entry into one becomes a definition (`definitions/dN`),
//   referenced from the entry and from wherever the shape meets itself again inside it. ajv reports errors
//   inside a definition with a schemaPath relative to it, so those sites are keyed `dN|<schemaPath>` and
//   `locate` (schema/locate.ts) finds the definition an error came from by walking the instance path. Ids
//   inside a definition are spelt from the entry's model path, at any depth (finite, stable).
//   A reference is `{type, nullable?, $ref}`: the type (and null-means-required) is checked where the shape
//   is used; the definition repeats the type, nullable, as a shadow the oracle skips.
// - A `null` member value counts as absent: optional members are `nullable`; a required member that is
//   null fails `type`, which the oracle reads as `required` (AWS: "Value null at 'x' … must not be null").
// - Input structures are closed (`additionalProperties: false`) so unknown members show up as ajv errors;
//   the oracle, not the schema, decides that they are ignored. Output structures are open (AWS adds members).
// - Strings: min/maxLength (ajv counts code points, as Smithy's length trait does), pattern translated to
//   compile under the `u` flag (see pattern.ts); maps → object with propertyNames / additionalProperties;
//   lists → array with minItems/maxItems; timestamps → epoch-seconds numbers; blobs → base64 strings.
import { HarnessError } from '../errors.ts';
import { constraintId, type ModelConstraintKind } from '../contract/constraint.ts';
import type { Shape, ServiceModel, StringShape } from '../contract/model.ts';
import { recursiveShapes, stepsOf } from '../contract/walk.ts';
import { translatePattern } from './pattern.ts';
import { locate, type Located } from './locate.ts';

export type Which = 'input' | 'output';
export type JsonSchema = Record<string, unknown>;

/** A model constraint as the catalogue lists it (one per id). */
export interface ModelConstraint {
  id: string;
  kind: ModelConstraintKind;
  /** Model path per the id scheme: `InstanceId`, `Attributes{key}`, `tags[]`, `tags[].key`. */
  path: string;
  says: string;
  /** The model shape carrying it. */
  shape: string;
  source: string;
}

/**
 * One schema location. Path segment kinds (`segs`): m = structure member, i = list item,
 * V = map value (consumes the key as instance segment), K = the map's keys (no instance segment).
 */
export interface ConstraintSite {
  id: string;
  kind: ModelConstraintKind;
  /** AWS message text of this location's constraint ("Member must have length less than or equal to 64"). */
  text: string;
  segs: string;
  /** Member names of the `m` segments, in order. */
  names: readonly string[];
  /** Member ordinals of the `m` segments (for AWS-like, model-ordered reporting). */
  ords: readonly number[];
  /** For map key/value constraints on scalar shapes: AWS reports them once per map, with this text. */
  aspect?: { which: 'key' | 'value'; text: string };
  /** The value is sensitive: AWS prints "Value at 'x'" without the value. */
  sensitive: boolean;
  /** Type of the shape at this location (serialization messages name it). */
  shapeType: Shape['type'];
  source: string;
  /** On a required member's `type` site: a null value breaks this (the `required` site) instead. */
  nullMeans?: ConstraintSite;
  /** Inside a recursive shape's definition: `segs`, `names` and `ords` start at the definition's root. */
  inDefinition?: true;
  /** A definition's own type check, which the reference to it already made: not a violation of its own. */
  shadow?: true;
}

export interface OperationSchema {
  schema: JsonSchema;
  /** Keyed by ajv schemaPath; `required` sites by `<struct schemaPath>/required/<member>`. */
  sites: ReadonlyMap<string, ConstraintSite>;
  /** Every model constraint of the shape, one per id, in model order. */
  constraints: readonly ModelConstraint[];
  /** Present when the schema has definitions (recursive shapes): which one an ajv error came from. */
  locate?: (instance: readonly string[], schemaPath: string) => Located | undefined;
}

const KIND_TEXT = {
  maxLength: (n: number) => `Member must have length less than or equal to ${n}`,
  minLength: (n: number) => `Member must have length greater than or equal to ${n}`,
  pattern: (p: string) => `Member must satisfy regular expression pattern: ${p}`,
  enum: (v: readonly string[]) => `Member must satisfy enum value set: [${v.join(', ')}]`,
  maximum: (n: number) => `Member must have value less than or equal to ${n}`,
  minimum: (n: number) => `Member must have value greater than or equal to ${n}`,
};

const jsonType = (s: Shape): string => {
  switch (s.type) {
    case 'string': case 'blob': return 'string';
    case 'integer': case 'long': return 'integer';
    case 'float': case 'double': case 'timestamp': return 'number'; // awsJson timestamps: epoch seconds
    case 'boolean': return 'boolean';
    case 'list': return 'array';
    default: return 'object';
  }
};

const bounds = (min: number | undefined, max: number | undefined, unit: string): string =>
  min !== undefined && max !== undefined ? `${unit} ${min}..${max}` : max !== undefined ? `${unit} ≤ ${max}` : `${unit} ≥ ${min}`;

/** Texts of a scalar shape's constraints in the order AWS lists them for map keys/values: max, min, pattern, enum. */
function scalarTexts(s: Shape): string[] {
  const t: string[] = [];
  if (s.type === 'string') {
    if (s.max !== undefined) t.push(KIND_TEXT.maxLength(s.max));
    if (s.min !== undefined && s.min > 0) t.push(KIND_TEXT.minLength(s.min));
    if (s.pattern !== undefined) t.push(KIND_TEXT.pattern(s.pattern));
    if (s.enum !== undefined) t.push(KIND_TEXT.enum(s.enum));
  } else if (s.type === 'integer' || s.type === 'long' || s.type === 'float' || s.type === 'double') {
    if (s.max !== undefined) t.push(KIND_TEXT.maximum(s.max));
    if (s.min !== undefined) t.push(KIND_TEXT.minimum(s.min));
  }
  return t;
}

const isScalar = (s: Shape) => s.type !== 'structure' && s.type !== 'list' && s.type !== 'map' && s.type !== 'union';

interface Pos {
  sp: string; // schemaPath
  mp: string; // model path
  segs: string;
  names: string[];
  ords: number[];
  aspect?: ConstraintSite['aspect'];
  /** Inside a definition (its sites are relative to it). */
  inDef?: true;
}

export function operationSchema(model: ServiceModel, operation: string, which: Which): OperationSchema {
  const op = model.operations[operation];
  if (!op) throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `unknown operation '${operation}' in model ${model.service}`);
  const root = which === 'input' ? op.input : op.output;
  const sites = new Map<string, ConstraintSite>();
  const constraints = new Map<string, ModelConstraint>();
  const recursive = recursiveShapes(model);
  /** Recursive shapes being built, with the reference to their definition. */
  const active = new Map<string, string>();
  const definitions: Record<string, JsonSchema> = {};
  const sourceOf = (shape: string) => `model ${model.service} (${model.provenance.format} ${model.provenance.file}) shape ${shape}`;

  const shapeOf = (name: string): Shape => {
    const s = model.shapes[name];
    if (!s) throw new HarnessError('CF_ERR_MODEL_FORMAT', `model ${model.service}: shape '${name}' is referenced but not defined`);
    return s;
  };

  const note = (pos: Pos, key: string, kind: ModelConstraintKind, text: string, shape: string, says: string, sensitive: boolean): ConstraintSite => {
    const id = constraintId(pos.mp, kind);
    const source = sourceOf(shape);
    const site: ConstraintSite = {
      id, kind, text, segs: pos.segs, names: pos.names, ords: pos.ords, sensitive, shapeType: shapeOf(shape).type, source,
      ...(pos.aspect ? { aspect: pos.aspect } : {}),
      ...(pos.inDef ? { inDefinition: true as const } : {}),
    };
    sites.set(key, site);
    if (!constraints.has(id)) constraints.set(id, { id, kind, path: pos.mp, says: `${pos.mp} ${says}`, shape, source });
    return site;
  };

  /** A length or size bound (strings, lists, maps): the schema keyword and its constraint site; a minimum of 0 says nothing. */
  const sizeBounds = (
    out: JsonSchema, pos: Pos, s: { min?: number; max?: number }, name: string,
    [maxKey, minKey]: readonly ['maxLength' | 'maxItems' | 'maxProperties', 'minLength' | 'minItems' | 'minProperties'],
    kind: 'length' | 'size', unit: string, sensitive: boolean,
  ): void => {
    if (s.max !== undefined) {
      out[maxKey] = s.max;
      note(pos, `${pos.sp}/${maxKey}`, kind, KIND_TEXT.maxLength(s.max), name, bounds(s.min, s.max, unit), sensitive);
    }
    if (s.min !== undefined && s.min > 0) {
      out[minKey] = s.min;
      note(pos, `${pos.sp}/${minKey}`, kind, KIND_TEXT.minLength(s.min), name, bounds(s.min, s.max, unit), sensitive);
    }
  };

  function build(name: string, pos: Pos, nullable: boolean, requiredSite?: ConstraintSite, shadow = false): JsonSchema {
    const s = shapeOf(name);
    const type = jsonType(s);
    const out: JsonSchema = { type };
    if (nullable) out.nullable = true;
    const sensitive = 'sensitive' in s && s.sensitive === true;
    // Map keys are always JSON strings: no type site for them.
    if (!pos.segs.endsWith('K')) {
      const t = note(pos, `${pos.sp}/type`, 'type', `Member must be of type ${type}`, name, `is a JSON ${type}`, sensitive);
      if (requiredSite) t.nullMeans = requiredSite;
      if (shadow) t.shadow = true;
    }
    switch (s.type) {
      case 'string':
      case 'blob': {
        const str = s as StringShape;
        sizeBounds(out, pos, s, name, ['maxLength', 'minLength'], 'length', 'length', sensitive);
        const js = str.pattern === undefined ? undefined : usablePattern(str.pattern);
        if (str.pattern !== undefined && js !== undefined) {
          out.pattern = js;
          note(pos, `${pos.sp}/pattern`, 'pattern', KIND_TEXT.pattern(str.pattern), name, `matches ${str.pattern}`, sensitive);
        }
        if (str.enum !== undefined) {
          // null is the required constraint's matter (nullMeans), never an enum violation as well
          out.enum = [...str.enum, null];
          note(pos, `${pos.sp}/enum`, 'enum', KIND_TEXT.enum(str.enum), name, `∈ {${str.enum.join(', ')}}`, sensitive);
        }
        break;
      }
      case 'integer': case 'long': case 'float': case 'double':
        if (s.max !== undefined) {
          out.maximum = s.max;
          note(pos, `${pos.sp}/maximum`, 'range', KIND_TEXT.maximum(s.max), name, bounds(s.min, s.max, 'value'), false);
        }
        if (s.min !== undefined) {
          out.minimum = s.min;
          note(pos, `${pos.sp}/minimum`, 'range', KIND_TEXT.minimum(s.min), name, bounds(s.min, s.max, 'value'), false);
        }
        break;
      case 'list': {
        sizeBounds(out, pos, s, name, ['maxItems', 'minItems'], 'size', 'items', false);
        const [itemStep] = stepsOf(s, pos.mp);
        const item: Pos = { sp: `${pos.sp}/items`, mp: itemStep.path, segs: `${pos.segs}i`, names: pos.names, ords: pos.ords, ...inDef(pos) };
        out.items = nested(itemStep.target, item, false);
        break;
      }
      case 'map': {
        sizeBounds(out, pos, s, name, ['maxProperties', 'minProperties'], 'size', 'entries', false);
        const [keyStep, valueStep] = stepsOf(s, pos.mp);
        const keyShape = shapeOf(keyStep.target);
        const keyPos: Pos = {
          sp: `${pos.sp}/propertyNames`, mp: keyStep.path, segs: `${pos.segs}K`, names: pos.names, ords: pos.ords, ...inDef(pos),
          aspect: { which: 'key', text: `Map keys must satisfy constraint: [${scalarTexts(keyShape).join(', ')}]` },
        };
        out.propertyNames = build(keyStep.target, keyPos, false);
        const valueShape = shapeOf(valueStep.target);
        const valuePos: Pos = {
          sp: `${pos.sp}/additionalProperties`, mp: valueStep.path, segs: `${pos.segs}V`, names: pos.names, ords: pos.ords, ...inDef(pos),
          ...(isScalar(valueShape) ? { aspect: { which: 'value' as const, text: `Map value must satisfy constraint: [${scalarTexts(valueShape).join(', ')}]` } } : {}),
        };
        out.additionalProperties = nested(valueStep.target, valuePos, false);
        break;
      }
      case 'structure':
      case 'union': {
        const props: Record<string, JsonSchema> = {};
        const required = s.type === 'structure' ? s.required : [];
        for (const step of stepsOf(s, pos.mp)) {
          const { name: member, ordinal } = step.member!;
          const mPos: Pos = {
            sp: `${pos.sp}/properties/${member}`,
            mp: step.path,
            segs: `${pos.segs}m`, names: [...pos.names, member], ords: [...pos.ords, ordinal], ...inDef(pos),
          };
          let req: ConstraintSite | undefined;
          if (step.member!.required) {
            req = note(mPos, `${pos.sp}/required/${member}`, 'required', 'Member must not be null', name, 'is required', false);
          }
          props[member] = nested(step.target, mPos, req === undefined, req);
        }
        out.properties = props;
        if (required.length > 0) out.required = [...required];
        if (which === 'input') out.additionalProperties = false;
        if (s.type === 'union') {
          out.minProperties = 1;
          out.maxProperties = 1;
        }
        break;
      }
      case 'boolean':
      case 'timestamp':
        break;
    }
    return out;
  }

  function nested(name: string, pos: Pos, nullable: boolean, requiredSite?: ConstraintSite): JsonSchema {
    if (!recursive.has(name)) return build(name, pos, nullable, requiredSite);
    // a recursive shape: a reference checking the type here, to the definition of this entry into it
    const s = shapeOf(name);
    const type = jsonType(s);
    const sensitive = 'sensitive' in s && s.sensitive === true;
    const t = note(pos, `${pos.sp}/type`, 'type', `Member must be of type ${type}`, name, `is a JSON ${type}`, sensitive);
    if (requiredSite) t.nullMeans = requiredSite;
    let ref = active.get(name);
    if (ref === undefined) {
      const def = `d${Object.keys(definitions).length}`;
      ref = `#/definitions/${def}`;
      definitions[def] = {}; // reserve the name before building what refers to it
      active.set(name, ref);
      try {
        definitions[def] = build(name, { sp: `${def}|#`, mp: pos.mp, segs: '', names: [], ords: [], inDef: true }, true, undefined, true);
      } finally {
        active.delete(name);
      }
    }
    return { type, ...(nullable ? { nullable: true } : {}), $ref: ref };
  }

  const schema: JsonSchema = root
    ? nested(root, { sp: '#', mp: '', segs: '', names: [], ords: [] }, false)
    : { type: 'object', ...(which === 'input' ? { additionalProperties: false } : {}) };
  const recursiveSchema = Object.keys(definitions).length > 0;
  if (recursiveSchema) schema.definitions = definitions;
  // The root's own `type` site has an empty path; the body-not-object expectation covers it, not an id.
  for (const [k, v] of sites) if (v.id === '#type' && !v.shadow) sites.delete(k);
  constraints.delete('#type');
  return { schema, sites, constraints: [...constraints.values()], ...(recursiveSchema ? { locate: (instance: readonly string[], schemaPath: string) => locate(schema, instance, schemaPath) } : {}) };
}

/** A model pattern as ajv compiles it; undefined where no exact JS translation exists (pattern.ts says why):
 * the schema then leaves it out, and the generators report that pattern's constraint as not covered. */
function usablePattern(pattern: string): string | undefined {
  try {
    return translatePattern(pattern);
  } catch (e) {
    if (e instanceof HarnessError) return undefined;
    throw e;
  }
}

const inDef = (pos: Pos): { inDef?: true } => (pos.inDef ? { inDef: true } : {});
