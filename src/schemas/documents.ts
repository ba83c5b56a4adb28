// The files users hand the tool (fixtures, baselines, recordings) are checked against the JSON Schemas shipped
// in schemas/ before anything reads a field: a malformed file is one line naming the file and the field (a JSON
// pointer), never an internal error and never a fixture that replays as "fixed". Compiled once per kind.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { ajv2020 } from './ajv2020.ts';
import { PACKAGE_ROOT } from '../packageRoot.ts';

export type DocumentKind = 'fixture' | 'baseline' | 'recording' | 'model';

/** The published schemas: `schemas/<kind>.schema.json` at the package root (from src/ and from dist/src/ alike). */
export const SCHEMAS_DIR = join(PACKAGE_ROOT, 'schemas');
export const schemaFile = (kind: DocumentKind): string => `${SCHEMAS_DIR}/${kind}.schema.json`;

// Conditional parts (if/then) name fields defined at the top: strict about keywords, not about where `required` sits.
let ajv: InstanceType<ReturnType<typeof ajv2020>> | undefined;
const compiled = new Map<DocumentKind, ValidateFunction>();

function validatorOf(kind: DocumentKind): ValidateFunction {
  let v = compiled.get(kind);
  ajv ??= new (ajv2020())({ allErrors: false, strict: true, strictRequired: false, strictTypes: false });
  if (!v) compiled.set(kind, (v = ajv.compile(JSON.parse(readFileSync(schemaFile(kind), 'utf8')) as object)));
  return v;
}

/** JSON pointer token (RFC 6901), cut short: a pointer into a hostile file stays one short line. */
const token = (key: string): string => JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key).slice(1, -1).replace(/~/g, '~0').replace(/\//g, '~1');

/** One error → "/pointer what is wrong". */
export function describeError(e: ErrorObject): string {
  const at = e.instancePath;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': return `${at}/${token(String(p.missingProperty))} is missing`;
    case 'additionalProperties': return `${at}/${token(String(p.additionalProperty))} is not a known field`;
    case 'propertyNames': return `${at}/${token(String(p.propertyName))} is not an allowed name`;
    case 'type': return `${at || '/'} must be ${String(p.type).split(',').join(' or ')}`;
    case 'const': return `${at || '/'} must be ${JSON.stringify(p.allowedValue)}`;
    case 'enum': return `${at || '/'} must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default: return `${at || '/'} ${e.message ?? e.keyword}`;
  }
}

/** undefined when `value` is a valid document of `kind`; else what is wrong, as "/pointer message". */
export function documentProblem(kind: DocumentKind, value: unknown): string | undefined {
  const validate = validatorOf(kind);
  if (validate(value)) return undefined;
  const errors = validate.errors ?? [];
  // A propertyNames failure is reported twice by ajv (the name, then the keyword); the name says it.
  const first = errors.find((e) => e.keyword === 'propertyNames' && e.params && 'propertyName' in e.params) ?? errors[0];
  return first ? describeError(first) : '/ is not valid';
}
