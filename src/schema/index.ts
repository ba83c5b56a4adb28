export { operationSchema } from './json-schema.ts';
export type { ConstraintSite, JsonSchema, ModelConstraint, ModelConstraintKind, OperationSchema, Which } from './json-schema.ts';
export { compileFor, compiled, inputValidator, outputValidator } from './validators.ts';
export type { CompiledSchema } from './validators.ts';
export { translatePattern } from './pattern.ts';
