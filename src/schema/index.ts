export { operationSchema } from './json-schema.ts';
export type { ConstraintSite, JsonSchema, ModelConstraint, OperationSchema, Which } from './json-schema.ts';
export type { ModelConstraintKind } from '../contract/constraint.ts';
export { compileFor, compiled, inputValidator, outputValidator } from './validators.ts';
export type { CompiledSchema } from './validators.ts';
export { translatePattern } from './pattern.ts';
