// The HTTP statuses AWS JSON services answer for protocol-level errors, as service-wide data, and each service's
// validation and not-found code. Which errors an operation documents, with the status its API reference page
// prints, is the operation's profile's word (src/profiles/, `errors`); the model's httpError the model's
// (src/profiles/statuses.ts reads both). Protocol-level codes are in neither source: inferred.
import type { Confidence } from '../contract/expected.ts';

export interface DocumentedStatus {
  code: string;
  /** The status answered (no model or reference page says it). */
  referencePage: number;
  source: string;
  confidence: Confidence;
}

export const SERVICE_WIDE_STATUSES: readonly DocumentedStatus[] = [
  // Protocol-level errors of AWS JSON services: seen on other services, in neither source.
  { code: 'SerializationException', referencePage: 400, source: 'AWS JSON protocol convention (DESIGN "Wire protocol")', confidence: 'inferred' },
  // The validation code of a service whose model does not declare it (DynamoDB, Kinesis: dynalite/kinesalite
  // captured 400 from live AWS; DESIGN "Evidence on record"); a model or table entry of the service wins.
  { code: 'ValidationException', referencePage: 400, source: 'AWS JSON services answer validation failures with 400 (DESIGN "Evidence on record": DynamoDB, Kinesis)', confidence: 'inferred' },
  { code: 'UnknownOperationException', referencePage: 400, source: 'AWS JSON protocol convention (DESIGN "Wire protocol")', confidence: 'inferred' },
];

/** The error code each service uses for input validation, and for an unknown referenced service. */
export const VALIDATION_CODE: Readonly<Record<string, string>> = { servicediscovery: 'InvalidInput', proton: 'ValidationException' };
export const NOT_FOUND_CODE: Readonly<Record<string, string>> = { servicediscovery: 'ServiceNotFound', proton: 'ResourceNotFoundException' };

const index = new Map<string, DocumentedStatus>(SERVICE_WIDE_STATUSES.map((s) => [s.code, s]));

/** The service-wide status of a protocol-level code (SerializationException, …), if it is one. */
export const serviceWideStatus = (code: string): DocumentedStatus | undefined => index.get(code);
