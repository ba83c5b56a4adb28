// nock's recorder around a run: `rec({dont_print, output_objects, enable_reqheaders_recording})` before, `play()`
// after. nock is loaded only here (only `contract-fuzz record` needs it). The recorder is process-wide: one
// recording at a time; it sees node http/https and global fetch, never undici's own dispatchers.
import { HarnessError } from '../errors.ts';
import type { RecordedExchange } from './recording.ts';

export interface ActiveRecorder {
  /**
   * Waits (up to `settleMs`) until the recorder holds `expected` exchanges (it writes each one asynchronously,
   * after the response), stops recording, and returns the raw, unscrubbed exchanges. Never write them as they are.
   */
  stop(expected: number, settleMs?: number): Promise<RecordedExchange[]>;
}

interface NockRecorderApi {
  recorder: { rec(options: object): void; play(): unknown[]; clear(): void };
  restore(): void;
}

export async function startRecorder(): Promise<ActiveRecorder> {
  let nock: NockRecorderApi;
  try {
    nock = ((await import('nock')) as unknown as { default: NockRecorderApi }).default;
  } catch {
    throw new HarnessError('CF_ERR_CONFIG', "contract-fuzz record needs the 'nock' package (npm install nock)");
  }
  nock.recorder.clear();
  try {
    nock.recorder.rec({ dont_print: true, output_objects: true, enable_reqheaders_recording: true });
  } catch (e) {
    throw new HarnessError('CF_ERR_CONFIG', `cannot start nock's recorder: ${(e as Error).message}`);
  }
  let stopped = false;
  return {
    async stop(expected, settleMs = 2_000) {
      if (stopped) return [];
      stopped = true;
      const deadline = Date.now() + settleMs;
      while (nock.recorder.play().length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      const out = nock.recorder.play().slice() as RecordedExchange[];
      nock.restore();
      nock.recorder.clear();
      return out;
    },
  };
}
