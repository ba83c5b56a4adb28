// botocore service-2.json → ServiceModel. Reads facts only; `documentation` keys are never copied.
import type { ErrorTrait, MemberModel, OperationModel, Protocol, ServiceModel, Shape, StringShape } from '../contract/model.ts';
import { bounds, checkReferences, formatError, isRecord, orderRequired, type SourceInfo } from './normalize.ts';

interface BotoRef { shape: string; idempotencyToken?: boolean; deprecated?: boolean }
interface BotoShape {
  type: string;
  min?: number; max?: number; pattern?: string; enum?: string[]; sensitive?: boolean;
  member?: BotoRef; key?: BotoRef; value?: BotoRef;
  members?: Record<string, BotoRef>; required?: string[]; union?: boolean;
  exception?: boolean; fault?: boolean; retryable?: { throttling?: boolean };
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
}
interface BotoOperation { name?: string; input?: BotoRef; output?: BotoRef; errors?: BotoRef[]; idempotent?: boolean; deprecated?: boolean }
interface BotoMetadata {
  apiVersion?: string; endpointPrefix?: string; jsonVersion?: string; protocol?: string; protocols?: string[];
  serviceFullName?: string; signingName?: string; targetPrefix?: string;
}
export interface BotocoreDocument { metadata: BotoMetadata; operations: Record<string, BotoOperation>; shapes: Record<string, BotoShape> }

export const isBotocore = (doc: unknown): doc is BotocoreDocument =>
  isRecord(doc) && isRecord(doc.metadata) && isRecord(doc.shapes) && isRecord(doc.operations);

export function importBotocore(doc: unknown, source: SourceInfo): ServiceModel {
  const { file } = source;
  if (!isBotocore(doc)) throw formatError(file, 'not a botocore service-2.json (needs metadata, operations and shapes)');
  const meta = doc.metadata;
  const endpointPrefix = meta.endpointPrefix;
  const signingName = meta.signingName ?? endpointPrefix;
  if (!signingName || !endpointPrefix || !meta.apiVersion || !meta.targetPrefix) {
    throw formatError(file, 'metadata lacks endpointPrefix, apiVersion or targetPrefix');
  }
  const operations: Record<string, OperationModel> = {};
  for (const [name, op] of Object.entries(doc.operations)) operations[name] = operation(name, op);
  const shapes: Record<string, Shape> = {};
  for (const [name, s] of Object.entries(doc.shapes)) shapes[name] = shape(name, s, file);
  return checkReferences({
    service: signingName,
    fullName: meta.serviceFullName ?? signingName,
    apiVersion: meta.apiVersion,
    protocol: protocol(meta, file),
    targetPrefix: meta.targetPrefix,
    signingName,
    endpointPrefix,
    operations,
    shapes,
    provenance: { format: 'botocore', file, sha256: source.sha256, importedAt: source.importedAt },
  }, file);
}

function protocol(meta: BotoMetadata, file: string): Protocol {
  const json = meta.protocol === 'json' || (meta.protocols ?? []).includes('json');
  if (json && meta.jsonVersion === '1.0') return 'awsJson1_0';
  if (json && meta.jsonVersion === '1.1') return 'awsJson1_1';
  throw formatError(file, `unsupported protocol '${meta.protocol}' jsonVersion '${meta.jsonVersion}' (awsJson 1.0/1.1 only)`);
}

function operation(name: string, op: BotoOperation): OperationModel {
  const out: OperationModel = { name, errors: (op.errors ?? []).map((e) => e.shape) };
  if (op.input) out.input = op.input.shape;
  if (op.output) out.output = op.output.shape;
  if (op.idempotent) out.idempotent = true;
  if (op.deprecated) out.deprecated = true;
  return out;
}

function member(ref: BotoRef): MemberModel {
  const m: MemberModel = { target: ref.shape };
  if (ref.idempotencyToken) m.idempotencyToken = true;
  if (ref.deprecated) m.deprecated = true;
  return m;
}

function shape(name: string, s: BotoShape, file: string): Shape {
  const sensitive = s.sensitive ? { sensitive: true } : {};
  switch (s.type) {
    case 'string': {
      const out: StringShape = { type: 'string', ...bounds(s.min, s.max, true) };
      if (s.pattern !== undefined) out.pattern = s.pattern;
      if (s.enum) out.enum = [...s.enum];
      return { ...out, ...sensitive };
    }
    case 'integer': case 'long': case 'float': case 'double':
      return { type: s.type, ...bounds(s.min, s.max, false) };
    case 'boolean': case 'timestamp':
      return { type: s.type };
    case 'blob':
      return { type: 'blob', ...bounds(s.min, s.max, true), ...sensitive };
    case 'list':
      if (!s.member) throw formatError(file, `list shape ${name} has no member`);
      return { type: 'list', member: s.member.shape, ...bounds(s.min, s.max, true), ...sensitive };
    case 'map':
      if (!s.key || !s.value) throw formatError(file, `map shape ${name} lacks key or value`);
      return { type: 'map', key: s.key.shape, value: s.value.shape, ...bounds(s.min, s.max, true), ...sensitive };
    case 'structure': {
      const members: Record<string, MemberModel> = {};
      for (const [m, ref] of Object.entries(s.members ?? {})) members[m] = member(ref);
      if (s.union) return { type: 'union', members, ...sensitive };
      const error = s.exception || s.error ? errorTrait(name, s) : undefined;
      return { type: 'structure', members, required: orderRequired(members, s.required ?? []), ...(error ? { error } : {}), ...sensitive };
    }
    default:
      throw formatError(file, `shape ${name} has unsupported type '${s.type}'`);
  }
}

function errorTrait(name: string, s: BotoShape): ErrorTrait {
  const server = s.fault === true || s.error?.senderFault === false;
  // awsJson puts the shape name on the wire; `error.code` is the awsQuery code and does not apply.
  const out: ErrorTrait = { code: name, fault: server ? 'server' : 'client' };
  // Newer botocore files dropped httpStatusCode; supplement() fills it from the Smithy model.
  if (s.error?.httpStatusCode !== undefined) out.httpStatus = s.error.httpStatusCode;
  if (s.retryable) out.retryable = { throttling: s.retryable.throttling === true };
  return out;
}
