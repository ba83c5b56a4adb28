// One Smithy AST shape → one normalized Shape. Member references are resolved by the caller (smithy.ts),
// which owns naming (namespace stripping, prelude, shapes synthesized for member-level constraints).
import type { ErrorTrait, MemberModel, Shape, StringShape } from '../contract/model.ts';
import { bounds, formatError, isRecord, orderRequired } from './normalize.ts';
import { has, T, type SmithyRef, type SmithyShape, type Traits } from './smithy-ast.ts';

export type ResolveRef = (container: string, member: string, ref: SmithyRef) => string;

const NUMBERS: Record<string, 'integer' | 'long' | 'float' | 'double'> = {
  // byte/short/intEnum have no normalized type of their own; their range trait still applies.
  byte: 'integer', short: 'integer', integer: 'integer', intEnum: 'integer', long: 'long', float: 'float', double: 'double',
};

export function convertShape(name: string, s: SmithyShape, file: string, resolve: ResolveRef): Shape {
  const traits = s.traits;
  const sensitive = has(traits, T.sensitive) ? { sensitive: true } : {};
  const number = NUMBERS[s.type];
  if (number) return { type: number, ...range(traits) };
  switch (s.type) {
    case 'string':
    case 'enum':
      return withStringTraits({ type: 'string' }, traits, s.type === 'enum' ? enumMembers(s) : undefined);
    case 'boolean':
    case 'timestamp':
      return { type: s.type };
    case 'blob':
      return { type: 'blob', ...length(traits), ...sensitive };
    case 'list':
    case 'set':
      if (!s.member) throw formatError(file, `list shape ${name} has no member`);
      return { type: 'list', member: resolve(name, 'member', s.member), ...length(traits), ...sensitive };
    case 'map':
      if (!s.key || !s.value) throw formatError(file, `map shape ${name} lacks key or value`);
      return { type: 'map', key: resolve(name, 'key', s.key), value: resolve(name, 'value', s.value), ...length(traits), ...sensitive };
    case 'structure':
    case 'union': {
      const members: Record<string, MemberModel> = {};
      const required: string[] = [];
      for (const [m, ref] of Object.entries(s.members ?? {})) {
        members[m] = member(resolve(name, m, ref), ref.traits);
        if (has(ref.traits, T.required)) required.push(m);
      }
      if (s.type === 'union') return { type: 'union', members, ...sensitive };
      const error = has(traits, T.error) ? errorTrait(name, traits ?? {}) : undefined;
      return { type: 'structure', members, required: orderRequired(members, required), ...(error ? { error } : {}), ...sensitive };
    }
    default:
      throw formatError(file, `shape ${name} has unsupported type '${s.type}'`);
  }
}

/** Applies member-level constraint traits on top of the target's own (Smithy allows both). */
export function withMemberConstraints(base: Shape, traits: Traits): Shape {
  switch (base.type) {
    case 'string': return withStringTraits({ ...base }, traits, undefined);
    case 'blob': case 'list': case 'map': return { ...base, ...length(traits) };
    case 'integer': case 'long': case 'float': case 'double': return { ...base, ...range(traits) };
    default: return base;
  }
}

export const hasMemberConstraints = (traits: Traits | undefined): traits is Traits =>
  has(traits, T.length) || has(traits, T.range) || has(traits, T.pattern);

function withStringTraits(base: StringShape, traits: Traits | undefined, enumValues: string[] | undefined): StringShape {
  const out: StringShape = { ...base, ...length(traits) };
  const pattern = traits?.[T.pattern];
  if (typeof pattern === 'string') out.pattern = pattern;
  const legacyEnum = traits?.[T.enum];
  const values = enumValues ?? (Array.isArray(legacyEnum) ? legacyEnum.filter(isRecord).map((e) => String(e.value)) : undefined);
  if (values) out.enum = values;
  if (has(traits, T.sensitive)) out.sensitive = true;
  return out;
}

/** `type: enum` members: the enumValue trait, or the member name when it has none. */
const enumMembers = (s: SmithyShape): string[] =>
  Object.entries(s.members ?? {}).map(([m, ref]) => {
    const v = ref.traits?.[T.enumValue];
    return typeof v === 'string' ? v : m;
  });

function length(traits: Traits | undefined): { min?: number; max?: number } {
  const t = traits?.[T.length];
  // max ≥ min is the only constraint; a length minimum of 0 is vacuous (see bounds()).
  return isRecord(t) ? bounds(t.min, t.max, true) : {};
}

function range(traits: Traits | undefined): { min?: number; max?: number } {
  const t = traits?.[T.range];
  return isRecord(t) ? bounds(t.min, t.max, false) : {};
}

function member(target: string, traits: Traits | undefined): MemberModel {
  const m: MemberModel = { target };
  if (has(traits, T.idempotencyToken)) m.idempotencyToken = true;
  if (has(traits, T.deprecated)) m.deprecated = true;
  return m;
}

function errorTrait(name: string, traits: Traits): ErrorTrait {
  const out: ErrorTrait = { code: name, fault: traits[T.error] === 'server' ? 'server' : 'client' };
  const status = traits[T.httpError];
  if (typeof status === 'number') out.httpStatus = status;
  const retry = traits[T.retryable];
  if (isRecord(retry)) out.retryable = { throttling: retry.throttling === true };
  return out;
}
