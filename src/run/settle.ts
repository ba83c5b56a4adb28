// Shrinking re-sends near copies of one case in quick succession. An answer the contract allows only because of
// the target's state at that moment (the previous candidate's registration still in progress) says nothing about
// the candidate, and whether it happens is a matter of timing: such a candidate is judged again after a pause, so
// the shrink path depends on the payloads alone. Bounded: a state that does not settle keeps its last answer, and
// once one candidate's state never settled (a token an earlier run bound, say) waiting stops for the rest.
import type { Case } from '../contract/case.ts';
import type { CaseExchange, Judged } from './exchange.ts';

/** Pauses before each new attempt (ms): Cloud Map operations on emulators finish within milliseconds, on AWS later. */
export const SETTLE_PAUSES_MS = [10, 40, 160, 640] as const;

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve) => {
  const timer = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
});

export function settled(exchange: CaseExchange, signal?: AbortSignal, pauses: readonly number[] = SETTLE_PAUSES_MS): (c: Case) => Promise<Judged & { attempts: number }> {
  let waiting = true;
  return async (c) => {
    let judged = await exchange(c);
    let attempts = 1;
    for (const ms of waiting ? pauses : []) {
      if (!judged.stateDependent || signal?.aborted) break;
      await sleep(ms, signal);
      judged = await exchange(c);
      attempts++;
    }
    if (judged.stateDependent && attempts > pauses.length) waiting = false;
    return { ...judged, attempts };
  };
}
