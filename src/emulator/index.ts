// The builtin reference emulator: Cloud Map and Proton in memory, served over awsJson on loopback.
// `contract-fuzz serve --port P` and the `builtin` target call `startEmulator`.
import { createEmulator, type Emulator, type EmulatorOptions } from './emulator.ts';
import { serve } from './server.ts';

export interface StartOptions extends EmulatorOptions {
  /** 0 or absent: an ephemeral port. */
  port?: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Request bodies above this size get 413 (default 8 MiB). */
  maxBodyBytes?: number;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  close(): Promise<void>;
  /** Forgets every resource; ids restart from the seed. */
  reset(): void;
  /** The in-memory emulator behind the socket (state inspection in tests). */
  emulator: Emulator;
}

export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const emulator = createEmulator(options);
  const s = await serve(emulator.handle, { port: options.port, host: options.host ?? '127.0.0.1', maxBodyBytes: options.maxBodyBytes });
  return { url: s.url, port: s.port, close: s.close, reset: emulator.reset, emulator };
}

export { createEmulator, DEFAULT_OPERATION_DELAY_MS, EMULATOR_TARGET_PREFIX } from './emulator.ts';
export type { Emulator, EmulatorOptions } from './emulator.ts';
export { manualClock, systemClock } from './clock.ts';
export type { Clock, ManualClock } from './clock.ts';
export type { StatusSource, WireResponse } from './respond.ts';
export type { Validator } from './pipeline.ts';
