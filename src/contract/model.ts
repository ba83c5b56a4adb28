// The one normalized operation model every later stage reads. Importers (botocore JSON, Smithy JSON AST)
// produce it; nothing downstream parses an official model again. Facts only: no documentation text.

export type ShapeName = string; // local shape name, e.g. "RegisterInstanceRequest" (no Smithy namespace)

export type Protocol = 'awsJson1_0' | 'awsJson1_1';
export type SourceFormat = 'botocore' | 'smithy';

export interface StringShape {
  type: 'string';
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
}
export interface NumberShape {
  type: 'integer' | 'long' | 'float' | 'double';
  min?: number;
  max?: number;
}
export interface BooleanShape { type: 'boolean' }
export interface TimestampShape { type: 'timestamp' }
export interface BlobShape { type: 'blob'; min?: number; max?: number; sensitive?: boolean }
export interface ListShape { type: 'list'; member: ShapeName; min?: number; max?: number; sensitive?: boolean }
export interface MapShape { type: 'map'; key: ShapeName; value: ShapeName; min?: number; max?: number; sensitive?: boolean }

export interface MemberModel {
  target: ShapeName;
  idempotencyToken?: true;
  deprecated?: true;
}

export interface ErrorTrait {
  /** Wire code (awsJson: the shape name). */
  code: string;
  fault: 'client' | 'server';
  /** HTTP status the model declares; absent when the source format carries none (botocore here). */
  httpStatus?: number;
  /** Where httpStatus came from when it was supplemented from the other format. */
  httpStatusSource?: SourceFormat;
  /** Present when the model marks the error retryable (botocore `retryable`, Smithy `smithy.api#retryable`). */
  retryable?: { throttling: boolean };
}

export interface StructureShape {
  type: 'structure';
  members: Record<string, MemberModel>;
  required: string[];
  error?: ErrorTrait;
  sensitive?: boolean;
}
export interface UnionShape { type: 'union'; members: Record<string, MemberModel>; sensitive?: boolean }

export type Shape =
  | StringShape
  | NumberShape
  | BooleanShape
  | TimestampShape
  | BlobShape
  | ListShape
  | MapShape
  | StructureShape
  | UnionShape;

export interface OperationModel {
  name: string;
  input?: ShapeName;
  output?: ShapeName;
  errors: ShapeName[];
  idempotent?: boolean;
  deprecated?: boolean;
}

export interface Provenance {
  format: SourceFormat;
  /** File name as given (basename), and its content hash: the drift test compares against it. */
  file: string;
  sha256: string;
  /** Date the model was imported (YYYY-MM-DD); drift tests ignore it. */
  importedAt: string;
  /** The other format's file used to fill facts this one lacks (error HTTP statuses). */
  supplementedBy?: { format: SourceFormat; file: string; sha256: string };
}

export interface ServiceModel {
  /** Short service name used for folders and signing: "servicediscovery", "proton". */
  service: string;
  fullName: string;
  apiVersion: string;
  protocol: Protocol;
  targetPrefix: string;
  signingName: string;
  endpointPrefix: string;
  operations: Record<string, OperationModel>;
  shapes: Record<ShapeName, Shape>;
  provenance: Provenance;
}

/** A fact on which two imports of the same service disagree. */
export interface ModelDifference {
  /** e.g. "shape RegisterInstanceRequest.ServiceId max" */
  where: string;
  left: unknown;
  right: unknown;
}
