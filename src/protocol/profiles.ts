// Response profiles: how a target's parsed response body becomes {body, code, message}. `aws-json` is the
// awsJson protocol itself; `envelope` is for gateways that wrap responses (seed 000_9c96940e77c3c44a):
//   {"success":true,"data":{…}}  /  {"success":false,"error":{"code":"VALIDATION_ERROR","message":…}}
// whose codes are mapped onto the contract: envelope code → error class → the operation's contract code.
import type { ErrorClass } from '../contract/outcome.ts';
import { classOf, classify } from './errorClasses.ts';
import { parseErrorCode, parseErrorMessage } from './errorCode.ts';
import { isObject } from '../contract/json.ts';

export interface Interpretation {
  body?: unknown;
  code?: string;
  rawCode?: string;
  message?: string;
  errorClass?: ErrorClass;
}

export interface ResponseProfile {
  readonly name: string;
  /** `json` is the parsed body, or undefined when the body was empty or did not parse. Must not throw. */
  interpret(status: number, headers: Record<string, string>, json: unknown, operation: string | undefined): Interpretation;
}

export type ProfileName = 'aws-json' | 'envelope';


export const awsJsonProfile: ResponseProfile = {
  name: 'aws-json',
  interpret(status, headers, json) {
    if (status >= 200 && status < 300) return { body: json };
    const code = parseErrorCode(headers, json);
    return { body: json, code, message: parseErrorMessage(json), errorClass: classify(status, code) };
  },
};

export interface EnvelopeMapping {
  /** Envelope code → error class (merged over DEFAULT_ENVELOPE_CLASSES). */
  classes?: Record<string, ErrorClass>;
  /** Operation → error class → the contract code reported in `Outcome.code` (merged per operation). */
  codes?: Record<string, Partial<Record<ErrorClass, string>>>;
  /** Operation → envelope code → contract code; wins over `classes`/`codes`. */
  overrides?: Record<string, Record<string, string>>;
}

export const DEFAULT_ENVELOPE_CLASSES: Readonly<Record<string, ErrorClass>> = {
  VALIDATION_ERROR: 'validation', INVALID_INPUT: 'validation', INVALID_REQUEST: 'validation', BAD_REQUEST: 'validation',
  NOT_FOUND: 'not-found', RESOURCE_NOT_FOUND: 'not-found',
  CONFLICT: 'conflict', ALREADY_EXISTS: 'conflict', DUPLICATE_REQUEST: 'conflict', RESOURCE_IN_USE: 'conflict',
  LIMIT_EXCEEDED: 'limit', QUOTA_EXCEEDED: 'limit',
  THROTTLED: 'throttling', RATE_LIMITED: 'throttling', TOO_MANY_REQUESTS: 'throttling',
  UNAUTHORIZED: 'auth', FORBIDDEN: 'auth', ACCESS_DENIED: 'auth',
  INTERNAL_ERROR: 'server', INTERNAL_SERVER_ERROR: 'server', SERVICE_UNAVAILABLE: 'server',
};

/** The contract code each fuzzed operation uses for a class (DESIGN.md: Cloud Map never says ValidationException). */
export const DEFAULT_CONTRACT_CODES: Readonly<Record<string, Partial<Record<ErrorClass, string>>>> = {
  RegisterInstance: {
    validation: 'InvalidInput', 'not-found': 'ServiceNotFound', conflict: 'DuplicateRequest',
    limit: 'ResourceLimitExceeded', throttling: 'RequestLimitExceeded',
  },
  CreateServiceInstance: {
    validation: 'ValidationException', 'not-found': 'ResourceNotFoundException', conflict: 'ConflictException',
    limit: 'ServiceQuotaExceededException', throttling: 'ThrottlingException', auth: 'AccessDeniedException',
    server: 'InternalServerException',
  },
};

function mergeCodes(extra: EnvelopeMapping['codes']): Record<string, Partial<Record<ErrorClass, string>>> {
  const out: Record<string, Partial<Record<ErrorClass, string>>> = { ...DEFAULT_CONTRACT_CODES };
  for (const op in extra) out[op] = { ...out[op], ...extra[op] };
  return out;
}

/** Own property only: envelope codes come from the target and must never hit Object.prototype ("constructor"). */
const own = <T>(o: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  o !== undefined && Object.hasOwn(o, key) ? o[key] : undefined;

const codeText = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

export function envelopeProfile(mapping: EnvelopeMapping = {}): ResponseProfile {
  const classes: Record<string, ErrorClass> = { ...DEFAULT_ENVELOPE_CLASSES, ...mapping.classes };
  const codes = mergeCodes(mapping.codes);
  const overrides = mapping.overrides ?? {};
  return {
    name: 'envelope',
    interpret(status, headers, json, operation) {
      // Not an envelope (a gateway passing an AWS error through, or an unparseable body): read it as awsJson.
      if (!isObject(json) || typeof json.success !== 'boolean') return awsJsonProfile.interpret(status, headers, json, operation);
      if (json.success) return { body: json.data, errorClass: status >= 300 ? classify(status, undefined) : undefined };
      const error = isObject(json.error) ? json.error : undefined;
      const rawCode = codeText(error?.code);
      const message = parseErrorMessage(error);
      if (rawCode === undefined) return { body: error ?? json, message, errorClass: classify(status, undefined) };
      const override = operation === undefined ? undefined : own(own(overrides, operation), rawCode);
      if (override !== undefined) return { body: error, code: override, rawCode, message, errorClass: classOf(override) ?? own(classes, rawCode) };
      const errorClass = own(classes, rawCode) ?? classify(status, rawCode);
      const code = (operation !== undefined && errorClass !== undefined ? own(own(codes, operation), errorClass) : undefined) ?? rawCode;
      return { body: error, code, rawCode, message, errorClass };
    },
  };
}

const DEFAULT_ENVELOPE = envelopeProfile();

/** A profile by name (`aws-json` is the default) or as given. */
export function resolveProfile(profile: ProfileName | ResponseProfile | undefined): ResponseProfile {
  if (profile === undefined || profile === 'aws-json') return awsJsonProfile;
  if (profile === 'envelope') return DEFAULT_ENVELOPE;
  return profile;
}
