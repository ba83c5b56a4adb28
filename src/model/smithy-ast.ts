// The parts of the Smithy 2.0 JSON AST the importer reads, and the prelude shapes it maps onto
// normalized shapes (prelude targets keep their local name: smithy.api#String → "String").
import type { Shape } from '../contract/model.ts';

export type Traits = Record<string, unknown>;
export interface SmithyRef { target: string; traits?: Traits }
export interface SmithyShape {
  type: string;
  version?: string;
  traits?: Traits;
  members?: Record<string, SmithyRef>;
  member?: SmithyRef;
  key?: SmithyRef;
  value?: SmithyRef;
  input?: SmithyRef;
  output?: SmithyRef;
  errors?: SmithyRef[];
  // service and resource shapes: where operations hang
  operations?: SmithyRef[];
  collectionOperations?: SmithyRef[];
  resources?: SmithyRef[];
  create?: SmithyRef; put?: SmithyRef; read?: SmithyRef; update?: SmithyRef; delete?: SmithyRef; list?: SmithyRef;
}
export interface SmithyDocument { smithy: string; shapes: Record<string, SmithyShape> }

export const T = {
  required: 'smithy.api#required',
  length: 'smithy.api#length',
  range: 'smithy.api#range',
  pattern: 'smithy.api#pattern',
  enum: 'smithy.api#enum',
  enumValue: 'smithy.api#enumValue',
  sensitive: 'smithy.api#sensitive',
  idempotencyToken: 'smithy.api#idempotencyToken',
  idempotent: 'smithy.api#idempotent',
  deprecated: 'smithy.api#deprecated',
  error: 'smithy.api#error',
  httpError: 'smithy.api#httpError',
  retryable: 'smithy.api#retryable',
  title: 'smithy.api#title',
  sigv4: 'aws.auth#sigv4',
  awsService: 'aws.api#service',
  awsJson1_0: 'aws.protocols#awsJson1_0',
  awsJson1_1: 'aws.protocols#awsJson1_1',
} as const;

export const PRELUDE_NAMESPACE = 'smithy.api';
export const UNIT = 'smithy.api#Unit';

/** Prelude simple shapes. Primitive* differ only in their default value, which the model does not carry. */
export const PRELUDE: Record<string, Shape> = {
  String: { type: 'string' },
  Blob: { type: 'blob' },
  Boolean: { type: 'boolean' },
  PrimitiveBoolean: { type: 'boolean' },
  Byte: { type: 'integer' },
  PrimitiveByte: { type: 'integer' },
  Short: { type: 'integer' },
  PrimitiveShort: { type: 'integer' },
  Integer: { type: 'integer' },
  PrimitiveInteger: { type: 'integer' },
  Long: { type: 'long' },
  PrimitiveLong: { type: 'long' },
  Float: { type: 'float' },
  PrimitiveFloat: { type: 'float' },
  Double: { type: 'double' },
  PrimitiveDouble: { type: 'double' },
  Timestamp: { type: 'timestamp' },
};

/** "com.amazonaws.proton#ServiceInstance" → "ServiceInstance"; member ids ("A$b") are not shape ids. */
export const localName = (id: string): string => id.slice(id.indexOf('#') + 1);
export const namespaceOf = (id: string): string => id.slice(0, Math.max(0, id.indexOf('#')));
export const has = (traits: Traits | undefined, t: string): boolean => traits !== undefined && Object.hasOwn(traits, t);
