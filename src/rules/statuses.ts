// The documented HTTP statuses per error code, as data. The sources disagree (DESIGN "HTTP status: the
// sources disagree"): the model's httpError (Smithy, supplemented into the normalized model) vs the API
// reference page, which says 400 for every client error and 500 for InternalServerException. Both are
// documented, so both are acceptable. Protocol-level codes are not in either source: inferred.
import type { Confidence } from '../contract/expected.ts';

export interface DocumentedStatus {
  service: 'servicediscovery' | 'proton' | '*';
  code: string;
  /** Status from the model's httpError trait (undefined: the model does not declare the error). */
  model?: number;
  /** Status printed on the API reference page. */
  referencePage?: number;
  source: string;
  confidence: Confidence;
}

const CLOUD_MAP_PAGE = 'Cloud Map API reference, RegisterInstance "Errors" (DESIGN status table)';
const PROTON_PAGE = 'seeds/002_c7cd0fce7ab6d58d.txt (Errors)';
const MODEL = 'model httpError (Smithy)';

export const DOCUMENTED_STATUSES: readonly DocumentedStatus[] = [
  { service: 'servicediscovery', code: 'InvalidInput', model: 400, referencePage: 400, source: `${MODEL}; ${CLOUD_MAP_PAGE}`, confidence: 'documented' },
  { service: 'servicediscovery', code: 'ResourceLimitExceeded', model: 400, referencePage: 400, source: `${MODEL}; ${CLOUD_MAP_PAGE}`, confidence: 'documented' },
  { service: 'servicediscovery', code: 'DuplicateRequest', model: 409, referencePage: 400, source: `${MODEL}; ${CLOUD_MAP_PAGE}`, confidence: 'documented' },
  { service: 'servicediscovery', code: 'ResourceInUse', model: 409, referencePage: 400, source: `${MODEL}; ${CLOUD_MAP_PAGE}`, confidence: 'documented' },
  { service: 'servicediscovery', code: 'ServiceNotFound', model: 404, referencePage: 400, source: `${MODEL}; ${CLOUD_MAP_PAGE}`, confidence: 'documented' },
  { service: 'proton', code: 'ValidationException', model: 400, referencePage: 400, source: `${MODEL}; ${PROTON_PAGE}`, confidence: 'documented' },
  { service: 'proton', code: 'ConflictException', model: 409, referencePage: 400, source: `${MODEL}; ${PROTON_PAGE}`, confidence: 'documented' },
  { service: 'proton', code: 'ResourceNotFoundException', model: 404, referencePage: 400, source: `${MODEL}; ${PROTON_PAGE}`, confidence: 'documented' },
  { service: 'proton', code: 'AccessDeniedException', model: 403, referencePage: 400, source: `${MODEL}; ${PROTON_PAGE}`, confidence: 'documented' },
  { service: 'proton', code: 'ThrottlingException', model: 429, referencePage: 400, source: `${MODEL}; ${PROTON_PAGE}`, confidence: 'documented' },
  { service: 'proton', code: 'InternalServerException', model: 500, referencePage: 500, source: `${MODEL}; ${PROTON_PAGE}`, confidence: 'documented' },
  // Protocol-level errors of AWS JSON services: seen on other services, in neither source.
  { service: '*', code: 'SerializationException', referencePage: 400, source: 'AWS JSON protocol convention (DESIGN "Wire protocol")', confidence: 'inferred' },
  { service: '*', code: 'UnknownOperationException', referencePage: 400, source: 'AWS JSON protocol convention (DESIGN "Wire protocol")', confidence: 'inferred' },
];

/** The error code each service uses for input validation, and for an unknown referenced service. */
export const VALIDATION_CODE: Readonly<Record<string, string>> = { servicediscovery: 'InvalidInput', proton: 'ValidationException' };
export const NOT_FOUND_CODE: Readonly<Record<string, string>> = { servicediscovery: 'ServiceNotFound', proton: 'ResourceNotFoundException' };

const index = new Map<string, DocumentedStatus>();
for (const s of DOCUMENTED_STATUSES) index.set(`${s.service}#${s.code}`, s);

export function documentedStatus(service: string, code: string): DocumentedStatus | undefined {
  return index.get(`${service}#${code}`) ?? index.get(`*#${code}`);
}

/**
 * Acceptable statuses for a code: the model's (`modelStatus` wins over the table when the loaded model
 * declares one) and the reference page's, deduplicated, ascending. Unknown codes: [] (nothing documented).
 */
export function statusesFor(service: string, code: string, modelStatus?: number): number[] {
  const d = documentedStatus(service, code);
  const out: number[] = [];
  const m = modelStatus ?? d?.model;
  if (m !== undefined) out.push(m);
  if (d?.referencePage !== undefined && d.referencePage !== m) out.push(d.referencePage);
  return out.sort((a, b) => a - b);
}
