// The contract's error classes (DESIGN.md "Error classes") as data: a code in the right class but not the
// exact code is a lower-severity `error-code` discrepancy. `server` also covers any 5xx (see `classify`).

import type { ErrorClass } from '../contract/outcome.ts';

export const ERROR_CLASSES: Readonly<Record<ErrorClass, readonly string[]>> = {
  validation: ['InvalidInput', 'ValidationException', 'SerializationException', 'VALIDATION_ERROR'],
  'not-found': ['ServiceNotFound', 'ResourceNotFoundException'],
  conflict: ['DuplicateRequest', 'ResourceInUse', 'ConflictException'],
  limit: ['ResourceLimitExceeded', 'ServiceQuotaExceededException'],
  throttling: ['ThrottlingException', 'RequestLimitExceeded'],
  auth: ['AccessDeniedException'],
  server: ['InternalServerException'],
};

const byCode = new Map<string, ErrorClass>(
  (Object.keys(ERROR_CLASSES) as ErrorClass[]).flatMap((cls) => ERROR_CLASSES[cls].map((code) => [code, cls] as const)),
);

/** The class of a wire error code, or undefined for a code the contract does not classify. */
export const classOf = (code: string | undefined): ErrorClass | undefined =>
  code === undefined ? undefined : byCode.get(code);

/** Class of a response: the code's class, else `server` for any 5xx; undefined for 2xx/unknown. */
export const classify = (status: number, code: string | undefined): ErrorClass | undefined =>
  classOf(code) ?? (status >= 500 && status < 600 ? 'server' : undefined);
