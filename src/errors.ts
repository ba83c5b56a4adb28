// Typed harness errors: one base class, a fixed literal code each. The CLI maps any of them to one line on
// stderr and exit code 2; tests check `code`, never the message. Verdicts about targets are data, not these.

export type HarnessErrorCode =
  | 'CF_ERR_USAGE'
  | 'CF_ERR_MODEL_LOAD'
  | 'CF_ERR_MODEL_FORMAT'
  | 'CF_ERR_UNKNOWN_OPERATION'
  | 'CF_ERR_CONFIG'
  | 'CF_ERR_TARGET_URL'
  | 'CF_ERR_TARGET_UNREACHABLE'
  | 'CF_ERR_PREREQUISITE'
  | 'CF_ERR_FIXTURE'
  | 'CF_ERR_BASELINE'
  | 'CF_ERR_MERGE'
  | 'CF_ERR_PATTERN_UNSUPPORTED';

export class HarnessError extends Error {
  readonly code: HarnessErrorCode;
  constructor(code: HarnessErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'HarnessError';
  }
}

export const isHarnessError = (e: unknown): e is HarnessError => e instanceof HarnessError;
