// The exchange as it went over the wire, kept beside the Outcome a target returns: references to what the
// target had anyway (the signed request, the response's headers and body text), no copy, so keeping it costs
// the hot path one small object per request. It is NOT scrubbed (the request carries the signature): a private
// field, so spread, JSON.stringify, Object.entries, structuredClone and deep equality never see it, and nothing
// writes it anywhere. Only the representative case of a finding is turned into report form (src/run/wire.ts),
// scrubbed and capped there.
import type { Outcome } from '../contract/outcome.ts';

export interface CapturedWire {
  request: { method: string; path: string; headers: Record<string, string>; body: string };
  /** Absent when no HTTP response came back (the Outcome's `transport` says why). */
  response?: { status: number; headers: Record<string, string>; bodyText: string };
}

// A private field stamped onto the Outcome (a base class whose constructor returns the object it is given): as
// invisible as a non-enumerable property to everything that walks objects, and about as cheap to add as any
// property, where Object.defineProperty cost a tenth of a microsecond per request or more.
class Stamp {
  constructor(o: object) {
    return o as Stamp;
  }
}
class Wired extends Stamp {
  #wire: CapturedWire;
  private constructor(o: Outcome, wire: CapturedWire) {
    super(o);
    this.#wire = wire;
  }
  static set(o: Outcome, wire: CapturedWire): void {
    if (#wire in o) (o as unknown as Wired).#wire = wire;
    else new Wired(o, wire);
  }
  static get(o: Outcome): CapturedWire | undefined {
    return #wire in o ? (o as unknown as Wired).#wire : undefined;
  }
}

/** Called by a target right after decoding: the exchange stays with the Outcome. */
export function attachWire(outcome: Outcome, wire: CapturedWire): Outcome {
  Wired.set(outcome, wire);
  return outcome;
}

export const capturedWire = (outcome: Outcome): CapturedWire | undefined => Wired.get(outcome);

/** For wrappers that hand on a new Outcome object (scrubbing, retries): the exchange goes with it. */
export function carryWire(from: Outcome, to: Outcome): Outcome {
  const wire = capturedWire(from);
  return wire === undefined || to === from ? to : attachWire(to, wire);
}
