// Deterministic JSON for models/: fixed field order, operations and shapes sorted by name, members in
// declaration order (their order is a fact of the model). Re-importing the same file gives the same bytes.
import type { ServiceModel } from '../contract/model.ts';

const FIELD_ORDER = [
  'service', 'fullName', 'apiVersion', 'protocol', 'targetPrefix', 'signingName', 'endpointPrefix', 'provenance',
  'format', 'file', 'sha256', 'importedAt', 'supplementedBy',
  'name', 'input', 'output', 'errors', 'idempotent', 'deprecated',
  'type', 'target', 'member', 'key', 'value', 'min', 'max', 'pattern', 'enum', 'sensitive', 'idempotencyToken',
  'members', 'required', 'error', 'code', 'fault', 'httpStatus', 'httpStatusSource', 'retryable', 'throttling',
  'operations', 'shapes',
];
const RANK = new Map(FIELD_ORDER.map((k, i) => [k, i]));
/** Objects whose keys are names (data), not fields. */
const SORTED_RECORDS = new Set(['operations', 'shapes']);
const ORDERED_RECORDS = new Set(['members']);

function byField(a: string, b: string): number {
  const ra = RANK.get(a) ?? FIELD_ORDER.length;
  const rb = RANK.get(b) ?? FIELD_ORDER.length;
  return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
}

function canonical(value: unknown, key: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, undefined));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (key !== undefined && SORTED_RECORDS.has(key)) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  else if (key === undefined || !ORDERED_RECORDS.has(key)) entries.sort(([a], [b]) => byField(a, b));
  // Keys of name records are passed as undefined context: their values are fields objects again.
  const data = key !== undefined && (SORTED_RECORDS.has(key) || ORDERED_RECORDS.has(key));
  return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v, data ? undefined : k)]));
}

/** Pretty JSON with a trailing newline. */
export const stringifyModel = (model: ServiceModel): string => `${JSON.stringify(canonical(model, undefined), null, 2)}\n`;
