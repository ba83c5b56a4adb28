// Building awsJson responses: success bodies, and errors as status + `X-Amzn-ErrorType` + `{"__type", message}`.
// The status of an error code comes from the model's error trait (`statusSource: 'model'`, the default) or
// from the API reference pages, which give 400 for every client error (`'reference'`); see DESIGN.md's table.
import type { ServiceModel } from '../contract/model.ts';
import type { EmulatorError } from './types.ts';

export type StatusSource = 'model' | 'reference';

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** How one API speaks: its content type and the casing of the error message member. */
export interface JsonProtocol {
  contentType: 'application/x-amz-json-1.0' | 'application/x-amz-json-1.1';
  messageKey: 'Message' | 'message';
}

/**
 * Statuses DESIGN.md lists for codes a model might carry without an HTTP status (botocore-only imports),
 * plus the emulator's own 5xx. Protocol errors are 400 in every source.
 */
const FALLBACK_STATUS: Readonly<Record<string, number>> = {
  DuplicateRequest: 409, ResourceInUse: 409, ServiceNotFound: 404, InstanceNotFound: 404, NamespaceNotFound: 404,
  OperationNotFound: 404, ConflictException: 409, ResourceNotFoundException: 404, AccessDeniedException: 403,
  ThrottlingException: 429, InternalServerException: 500, InternalFailure: 500,
};
const SERVER_CODES = new Set(['InternalServerException', 'InternalFailure']);
const PROTOCOL_CODES = new Set(['SerializationException', 'UnknownOperationException']);

export type StatusOf = (code: string) => number;

/** Computes the code → status table once (per service), never per request. */
export function statusTable(model: ServiceModel | undefined, source: StatusSource): StatusOf {
  const table = new Map<string, number>();
  for (const shape of Object.values(model?.shapes ?? {})) {
    if (shape.type !== 'structure' || !shape.error) continue;
    const { code, fault, httpStatus } = shape.error;
    const fromModel = httpStatus ?? FALLBACK_STATUS[code] ?? (fault === 'server' ? 500 : 400);
    table.set(code, source === 'reference' ? (fault === 'server' ? 500 : 400) : fromModel);
  }
  return (code) => {
    if (PROTOCOL_CODES.has(code)) return 400;
    const known = table.get(code);
    if (known !== undefined) return known;
    if (SERVER_CODES.has(code)) return 500;
    return source === 'reference' ? 400 : FALLBACK_STATUS[code] ?? 400;
  };
}

export function successResponse(protocol: JsonProtocol, output: unknown): WireResponse {
  return { status: 200, headers: { 'Content-Type': protocol.contentType }, body: JSON.stringify(output) };
}

export function errorResponse(protocol: JsonProtocol, status: number, error: EmulatorError): WireResponse {
  const body: Record<string, unknown> = { __type: error.code, [protocol.messageKey]: error.message };
  if (error.extra) Object.assign(body, error.extra);
  return {
    status,
    headers: { 'Content-Type': protocol.contentType, 'X-Amzn-ErrorType': error.code },
    body: JSON.stringify(body),
  };
}
