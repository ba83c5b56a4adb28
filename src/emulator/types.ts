// Plain data shared by the emulator's layers. Errors are values, never exceptions.

/** An API error the emulator answers with: wire code, message, extra body members (DuplicateOperationId …). */
export interface EmulatorError {
  code: string;
  message: string;
  extra?: Record<string, unknown>;
}

/** What a state method returns. */
export type StateResult<T> = { value: T } | { error: EmulatorError };

export const fail = (code: string, message: string, extra?: Record<string, unknown>): { error: EmulatorError } =>
  ({ error: extra ? { code, message, extra } : { code, message } });

export const isError = <T>(r: StateResult<T>): r is { error: EmulatorError } => 'error' in r;

/** Everything a state module needs from outside: injected, so the module itself does no I/O. */
export interface StateOptions {
  clock: { now(): number };
  ids: import('./ids.ts').IdSource;
  /** How long asynchronous operations (Cloud Map operations, Proton deployments) take, in ms. */
  operationDelayMs: number;
  region: string;
  accountId: string;
}
