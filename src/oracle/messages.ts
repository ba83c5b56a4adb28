// AWS-style validation messages (the Coral validator's wording, as real services answer it):
//   1 validation error detected: Value 'x' at 'instanceId' failed to satisfy constraint: Member must have length less than or equal to 64
//   N validation errors detected: <fragment>; <fragment>
// - Member names are camel-cased (first letter lower-cased: 'instanceId', 'attributes'); list items are
//   `<list>.<1-based index>.member` ('tags.1.member.key').
// - A null/missing value prints as `Value null at`; a sensitive member's value is not printed (`Value at`).
// - Map key and value constraints are reported once per map and aspect, keys first, listing every constraint
//   of the key/value shape: `Value '{k=v}' at 'attributes' failed to satisfy constraint: Map keys must
//   satisfy constraint: [Member must have length less than or equal to 255, Member must satisfy regular
//   expression pattern: ^[a-zA-Z0-9!-~]+$]` (form seen in real answers: boto/boto3#2601 for keys, Cognito
//   and Lambda answers for values).
// - Values render like Java's toString: maps `{k=v, k2=v2}`, lists `[a, b]` (inferred for nested values).
// - Wrong JSON types are deserialization failures: Coral/Jackson wording ("NUMBER_VALUE cannot be converted
//   to String", "Start of structure or map found where not expected."), inferred.
import type { Shape } from '../contract/model.ts';

export const lowerFirst = (s: string): string => (s.length === 0 ? s : s[0]!.toLowerCase() + s.slice(1));

export function renderValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map(renderValue).join(', ')}]`;
  const parts: string[] = [];
  for (const k in v as Record<string, unknown>) parts.push(`${k}=${renderValue((v as Record<string, unknown>)[k])}`);
  return `{${parts.join(', ')}}`;
}

export function fragment(value: unknown, at: string, constraint: string, sensitive: boolean): string {
  const shown = value === null || value === undefined ? 'Value null' : sensitive ? 'Value' : `Value '${renderValue(value)}'`;
  return `${shown} at '${at}' failed to satisfy constraint: ${constraint}`;
}

export function validationMessage(fragments: readonly string[]): string {
  const n = fragments.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${fragments.join('; ')}`;
}

const TARGET: Partial<Record<Shape['type'], string>> = {
  string: 'String', blob: 'Blob', integer: 'Integer', long: 'Long', float: 'Float', double: 'Double',
  boolean: 'Boolean', timestamp: 'Date', list: 'List', map: 'Map', structure: 'Structure', union: 'Structure',
};

/** Serialization message for a value of the wrong JSON type where `expected` was modelled. */
export function serializationMessage(value: unknown, expected: Shape['type']): string {
  if (Array.isArray(value)) return 'Start of list found where not expected.';
  if (value !== null && typeof value === 'object') return 'Start of structure or map found where not expected.';
  const token =
    value === null ? 'NULL_VALUE'
    : typeof value === 'string' ? 'STRING_VALUE'
    : typeof value === 'number' ? 'NUMBER_VALUE'
    : value === true ? 'TRUE_VALUE'
    : 'FALSE_VALUE';
  return `${token} cannot be converted to ${TARGET[expected] ?? expected}`;
}
