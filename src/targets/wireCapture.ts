// The exchange as it went over the wire, kept beside the Outcome a target returns: references to what the
// target had anyway (the signed request, the response's headers and body text), no copy, so keeping it costs
// the hot path one small object per request. It is NOT scrubbed (the request carries the signature): a
// non-enumerable symbol, so spread, JSON.stringify, Object.entries and deep equality never see it, and nothing
// writes it anywhere. Only the representative case of a finding is turned into report form (src/run/wire.ts),
// scrubbed and capped there.
import type { Outcome } from '../contract/outcome.ts';

export interface CapturedWire {
  request: { method: string; path: string; headers: Record<string, string>; body: string };
  /** Absent when no HTTP response came back (the Outcome's `transport` says why). */
  response?: { status: number; headers: Record<string, string>; bodyText: string };
}

const WIRE = Symbol('contract-fuzz.wire');
type WithWire = Outcome & { [WIRE]?: CapturedWire };

/** Called by a target right after decoding: the exchange stays with the Outcome. */
export function attachWire(outcome: Outcome, wire: CapturedWire): Outcome {
  Object.defineProperty(outcome, WIRE, { value: wire, enumerable: false, configurable: true, writable: true });
  return outcome;
}

export const capturedWire = (outcome: Outcome): CapturedWire | undefined => (outcome as WithWire)[WIRE];

/** For wrappers that hand on a new Outcome object (scrubbing, retries): the exchange goes with it. */
export function carryWire(from: Outcome, to: Outcome): Outcome {
  const wire = capturedWire(from);
  return wire === undefined || to === from ? to : attachWire(to, wire);
}
