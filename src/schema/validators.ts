// Compiled validators, once per `service#Operation#input|output`, cached for the process: nothing is
// compiled in a loop. One ajv instance: allErrors (every violation is collected), lengths in code points
// (length-keyword.ts). The input validator reports unknown members as `additionalProperties` errors (the
// oracle ignores them, see json-schema.ts).
import { Ajv, type ValidateFunction } from 'ajv';
import { DEFAULT_MODELS_DIR, findOperation } from '../model/load.ts';
import type { ServiceModel } from '../contract/model.ts';
import { operationSchema, type OperationSchema, type Which } from './json-schema.ts';
import { useFastLength } from './length-keyword.ts';

export interface CompiledSchema extends OperationSchema {
  /** `service#Operation#input|output` */
  key: string;
  service: ServiceModel;
  validate: ValidateFunction;
}

const ajv = useFastLength(new Ajv({ allErrors: true, strict: true, unicodeRegExp: true, messages: true }));
const cache = new Map<string, CompiledSchema>();

/** Compiles (once) the schema of `operation`'s input or output from an already loaded model. */
export function compileFor(service: ServiceModel, operation: string, which: Which): CompiledSchema {
  const key = `${service.service}#${operation}#${which}`;
  const hit = cache.get(key);
  if (hit && hit.service === service) return hit;
  const built = operationSchema(service, operation, which);
  const compiled: CompiledSchema = { ...built, key, service, validate: ajv.compile(built.schema) };
  cache.set(key, compiled);
  return compiled;
}

/** Compiled schema of an operation found in the project's models (or `dir`). */
export function compiled(operation: string, which: Which, dir: string = DEFAULT_MODELS_DIR): CompiledSchema {
  const ref = findOperation(operation, dir);
  return compileFor(ref.service, ref.name, which);
}

/** ajv validate function for the operation's input (unknown members fail `additionalProperties`). */
export const inputValidator = (operation: string, dir?: string): ValidateFunction => compiled(operation, 'input', dir).validate;

/** ajv validate function for the operation's output (open structures: extra members are accepted). */
export const outputValidator = (operation: string, dir?: string): ValidateFunction => compiled(operation, 'output', dir).validate;
